using System;
using System.Globalization;

namespace PerfKit.Internal;

/// <summary>Culture-invariant, canonical decimal formatting and strict parsing.</summary>
internal static class DecimalText
{
    /// <summary>The failure text for NaN and infinities; compare with it to tell non-finite input from unparsable input.</summary>
    public const string NonFiniteFailure = "non-finite numbers (NaN, infinity) are not values";

    private const string CanonicalFormat = "0.############################";

    /// <summary>Formats without trailing zeros or exponent, whatever the current culture: 1.50 → "1.5", 2.0 → "2".</summary>
    public static string Canonical(decimal value) => value.ToString(CanonicalFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses "-12.5"-style text: optional leading minus, digits, one optional point. No group separators,
    /// exponents, currency, white space or culture-specific symbols are accepted.</summary>
    public static bool TryParseStrict(string? text, out decimal value, out string? failure)
    {
        value = 0m;
        if (string.IsNullOrEmpty(text))
        {
            failure = "the text is empty";
            return false;
        }

        var trimmed = text.Trim();
        if (IsNonFinite(trimmed))
        {
            failure = NonFiniteFailure;
            return false;
        }

        var digits = 0;
        var points = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c == '.')
            {
                points++;
            }
            else if (c == '-' && i == 0)
            {
                continue;
            }
            else
            {
                failure = $"unexpected character '{c}' at position {i + 1}; write digits with one '.' as the decimal point and no group separators";
                return false;
            }
        }

        if (digits == 0 || points > 1 || text[^1] == '.' || text.StartsWith('.') || text.StartsWith("-.", StringComparison.Ordinal))
        {
            failure = "not a decimal number such as 12 or -3.75";
            return false;
        }

        try
        {
            value = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            failure = "the number is outside the decimal range (±7.9e28)";
            return false;
        }

        if (!ExactlyRepresented(text, value))
        {
            value = 0m;
            failure = "the number has more significant digits than a decimal holds (28) and would be rounded";
            return false;
        }

        failure = null;
        return true;
    }

    private static bool IsNonFinite(string text)
        => text.TrimStart('+', '-').Equals("NaN", StringComparison.OrdinalIgnoreCase)
           || text.Contains("infinity", StringComparison.OrdinalIgnoreCase)
           || text.Contains('∞', StringComparison.Ordinal);

    /// <summary>True when parsing did not drop digits: the canonical forms agree once trailing zeros are removed.</summary>
    private static bool ExactlyRepresented(string text, decimal value)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        if (body.Contains('.', StringComparison.Ordinal))
        {
            body = body.TrimEnd('0').TrimEnd('.');
        }

        body = body.TrimStart('0');
        if (body.StartsWith('.'))
        {
            body = "0" + body;
        }

        if (body.Length == 0)
        {
            body = "0";
        }

        var canonical = Canonical(decimal.Abs(value));
        return string.Equals(canonical, body, StringComparison.Ordinal);
    }
}
