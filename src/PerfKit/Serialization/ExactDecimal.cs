using System;
using System.Globalization;

namespace PerfKit.Serialization;

/// <summary>
/// Reads a JSON number token as a <see cref="decimal"/> exactly, or refuses it: no digit is ever rounded away.
/// A number is accepted when its value (trailing zeros aside) has at most 29 significant digits, fits the decimal
/// range, and needs at most 28 decimal places; exponent notation is accepted under the same rule (1.5e3, 25E-2).
/// </summary>
internal static class ExactDecimal
{
    private const int MaxScale = 28;

    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;

    /// <summary>Parses <paramref name="token"/>, which must already follow the JSON number grammar.</summary>
    public static bool TryParse(string token, out decimal value, out string? failure)
    {
        value = 0m;
        var i = 0;
        var negative = token.Length > 0 && token[0] == '-';
        if (negative)
        {
            i++;
        }

        var mantissaStart = i;
        while (i < token.Length && char.IsAsciiDigit(token[i]))
        {
            i++;
        }

        var integerEnd = i;
        var fractionStart = i;
        var fractionEnd = i;
        if (i < token.Length && token[i] == '.')
        {
            fractionStart = ++i;
            while (i < token.Length && char.IsAsciiDigit(token[i]))
            {
                i++;
            }

            fractionEnd = i;
        }

        var exponentNegative = false;
        var exponentDigits = ReadOnlySpan<char>.Empty;
        if (i < token.Length && token[i] is 'e' or 'E')
        {
            i++;
            if (i < token.Length && token[i] is '+' or '-')
            {
                exponentNegative = token[i] == '-';
                i++;
            }

            exponentDigits = token.AsSpan(i);
            i = token.Length;
        }

        if (integerEnd == mantissaStart || i != token.Length || (fractionStart != integerEnd && fractionEnd == fractionStart))
        {
            failure = "it is not a JSON number";
            return false;
        }

        // All mantissa digits, integer part then fraction; the decimal point sits fractionLength digits from the right.
        var digits = string.Concat(token.AsSpan(mantissaStart, integerEnd - mantissaStart), token.AsSpan(fractionStart, fractionEnd - fractionStart));
        var fractionLength = fractionEnd - fractionStart;
        var first = 0;
        while (first < digits.Length && digits[first] == '0')
        {
            first++;
        }

        if (first == digits.Length)
        {
            failure = null;
            return true;
        }

        var last = digits.Length;
        while (digits[last - 1] == '0')
        {
            last--;
        }

        var significant = last - first;
        var trailingZeros = digits.Length - last;
        exponentDigits = exponentDigits.TrimStart('0');
        if (exponentDigits.Length > 9)
        {
            failure = exponentNegative
                ? "it needs more than 28 decimal places, so a decimal would round it"
                : "it lies outside the decimal range (about ±7.9e28)";
            return false;
        }

        var exponent = exponentDigits.Length == 0 ? 0L : long.Parse(exponentDigits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (exponentNegative)
        {
            exponent = -exponent;
        }

        if (significant > 29)
        {
            failure = $"it has {significant.ToString(CultureInfo.InvariantCulture)} significant digits; a decimal holds at most 28 to 29, so it would be rounded";
            return false;
        }

        // value = sig × 10^power, where sig is the significant digits as an integer.
        var power = exponent - fractionLength + trailingZeros;
        var mantissa = UInt128.Parse(digits.AsSpan(first, significant), NumberStyles.None, CultureInfo.InvariantCulture);
        var scale = 0;
        if (power > 0)
        {
            if (significant + power > 29)
            {
                failure = "it lies outside the decimal range (about ±7.9e28)";
                return false;
            }

            for (var k = 0; k < power; k++)
            {
                mantissa *= 10;
            }
        }
        else if (-power > MaxScale)
        {
            failure = "it needs more than 28 decimal places, so a decimal would round it";
            return false;
        }
        else
        {
            scale = (int)-power;
        }

        if (mantissa > MaxMantissa)
        {
            failure = power > 0 || scale == 0
                ? "it lies outside the decimal range (about ±7.9e28)"
                : "it has more significant digits than a decimal holds, so it would be rounded";
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), negative, (byte)scale);
        failure = null;
        return true;
    }
}
