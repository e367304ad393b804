using System;
using System.Globalization;
using FsCheck.Xunit;
using PerfKit.Internal;
using Xunit;

namespace PerfKit.Tests.Internal;

public sealed class DecimalTextTests
{
    public static TheoryData<string> Cultures => ["de-DE", "tr-TR"];

    private static (bool Ok, decimal Value, string? Failure) Parse(string? text)
    {
        var ok = DecimalText.TryParseStrict(text, out var value, out var failure);
        return (ok, value, failure);
    }

    private static void AssertParses(string culture, string text, decimal expected)
        => ForcedCulture.Run(culture, () =>
        {
            var (ok, value, failure) = Parse(text);
            Assert.True(ok, $"'{text}' under {culture}: {failure}");
            Assert.Equal(expected, value);
            Assert.Null(failure);
        });

    private static string AssertRejected(string culture, string? text)
    {
        string? message = null;
        ForcedCulture.Run(culture, () =>
        {
            var (ok, value, failure) = Parse(text);
            Assert.False(ok, $"'{text}' under {culture} was accepted as {value}");
            Assert.Equal(0m, value);
            message = Assert.IsType<string>(failure);
        });
        return message!;
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_CommaDecimal_IsRejectedNotReadAsFifteen(string culture)
    {
        Assert.Equal(1.5m, decimal.Parse("1,5", CultureInfo.GetCultureInfo(culture))); // the culture would read 1.5…
        var failure = AssertRejected(culture, "1,5");                                    // …strict parsing refuses it
        Assert.Contains("','", failure, StringComparison.Ordinal);
        AssertRejected(culture, "1,500");                                                // not 1500 either
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_PointDecimal_IsReadWhateverTheCulture(string culture)
    {
        AssertParses(culture, "1.5", 1.5m);
        AssertParses(culture, "-0.25", -0.25m);
        AssertParses(culture, "12", 12m);
        AssertParses(culture, "0", 0m);
        AssertParses(culture, "-0", 0m);
        AssertParses(culture, "007", 7m);
        AssertParses(culture, "1.500", 1.5m);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_Exponent_IsRejected(string culture)
    {
        AssertRejected(culture, "1e3");
        AssertRejected(culture, "1E3");
        AssertRejected(culture, "1.5e-2");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_WhiteSpace_IsRejected(string culture)
    {
        AssertRejected(culture, " 12");
        AssertRejected(culture, "12 ");
        AssertRejected(culture, "\t12");
        AssertRejected(culture, "1 000");
        AssertRejected(culture, "12\u00A0");
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_NonFinite_IsRejectedAsNonFinite(string culture)
    {
        foreach (var text in new[] { "NaN", "nan", "-NaN", "Infinity", "-Infinity", "infinity", "∞", "-∞" })
        {
            Assert.StartsWith("non-finite", AssertRejected(culture, text), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_MalformedNumbers_AreRejectedButNotAsNonFinite(string culture)
    {
        foreach (var text in new[] { "+5", ".", "-", "5.", ".5", "-.5", "1.2.3", "--5", "5-", "1,234.5", "1.234,5", "¥12", "12%", "١٢", "１２", "0x1F" })
        {
            Assert.False(AssertRejected(culture, text).StartsWith("non-finite", StringComparison.Ordinal), text);
        }
    }

    [Fact]
    public void TryParseStrict_EmptyOrNull_IsRejected()
    {
        AssertRejected("de-DE", "");
        AssertRejected("de-DE", null);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_ThirtyOneSignificantDigits_IsRejectedRatherThanRounded(string culture)
    {
        // decimal holds 28–29 significant digits; these would be rounded to 0.1234567890123456789012345679 and 1.
        Assert.Contains("significant digits", AssertRejected(culture, "0.1234567890123456789012345678901"), StringComparison.Ordinal);
        Assert.Contains("significant digits", AssertRejected(culture, "1.000000000000000000000000000001"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_ThirtyOneDigitInteger_IsRejected(string culture)
        => Assert.Contains("range", AssertRejected(culture, "1234567890123456789012345678901"), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_TwentyNineDigitIntegerAboveTheRange_IsRejected(string culture)
    {
        // decimal.MaxValue is 79228162514264337593543950335; one more is out of range.
        Assert.Contains("range", AssertRejected(culture, "79228162514264337593543950336"), StringComparison.Ordinal);
        Assert.Contains("range", AssertRejected(culture, "-99999999999999999999999999999"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_RangeEnds_AreRead(string culture)
    {
        AssertParses(culture, "79228162514264337593543950335", decimal.MaxValue);
        AssertParses(culture, "-79228162514264337593543950335", decimal.MinValue);
        AssertParses(culture, "0.0000000000000000000000000001", new decimal(1, 0, 0, false, 28));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void TryParseStrict_TwentyNineDecimals_IsRejected(string culture)
        => AssertRejected(culture, "0.00000000000000000000000000001"); // 1e-29 would become 0

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Canonical_DropsTrailingZerosAndUsesAPoint(string culture)
        => ForcedCulture.Run(culture, () =>
        {
            Assert.Equal("1.5", DecimalText.Canonical(1.50m));
            Assert.Equal("2", DecimalText.Canonical(2.0m));
            Assert.Equal("0", DecimalText.Canonical(0.000m));
            Assert.Equal("-0.25", DecimalText.Canonical(-0.25m));
            Assert.Equal("1234567.891", DecimalText.Canonical(1234567.891m)); // no group separators
            Assert.Equal("100", DecimalText.Canonical(100m));
        });

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Canonical_TinyAndHugeValues_HaveNoExponent(string culture)
        => ForcedCulture.Run(culture, () =>
        {
            Assert.Equal("0.0000001", DecimalText.Canonical(0.0000001m));
            Assert.Equal("0.0000000000000000000000000001", DecimalText.Canonical(new decimal(1, 0, 0, false, 28)));
            Assert.Equal("-0.0000000000000000000000000001", DecimalText.Canonical(new decimal(1, 0, 0, true, 28)));
            Assert.Equal("79228162514264337593543950335", DecimalText.Canonical(decimal.MaxValue));
            Assert.Equal("-79228162514264337593543950335", DecimalText.Canonical(decimal.MinValue));
        });

    [Fact]
    public void Canonical_EqualValuesWithDifferentScales_AreWrittenAlike()
        => ForcedCulture.Run("tr-TR", () => Assert.Equal(DecimalText.Canonical(1m), DecimalText.Canonical(1.0000000000m)));

    [Property]
    public bool Canonical_ThenTryParseStrict_RoundTripsUnderTurkishCulture(decimal value)
    {
        var result = false;
        ForcedCulture.Run("tr-TR", () =>
        {
            var text = DecimalText.Canonical(value);
            result = DecimalText.TryParseStrict(text, out var back, out _) && back == value && DecimalText.Canonical(back) == text;
        });
        return result;
    }
}
