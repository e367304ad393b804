using System.Globalization;
using FsCheck.Xunit;
using PerfKit.Internal;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Serialization;

public class ExactDecimalTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("0.000", "0")]
    [InlineData("0e99999999999999", "0")]
    [InlineData("1.50", "1.5")]
    [InlineData("-12.25", "-12.25")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5E-2", "0.015")]
    [InlineData("25e+1", "250")]
    [InlineData("500e-2", "5")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335", "-79228162514264337593543950335")]
    [InlineData("7.9228162514264337593543950335e28", "79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("1e-28", "0.0000000000000000000000000001")]
    [InlineData("100e-30", "0.0000000000000000000000000001")]
    [InlineData("1.0000000000000000000000000001", "1.0000000000000000000000000001")]
    [InlineData("1.000000000000000000000000000000000000", "1")]
    [InlineData("000000000000000000000000000000000000000000", "0")]
    public void TryParse_ExactlyRepresentableNumber_IsRead(string token, string canonical)
    {
        Assert.True(ExactDecimal.TryParse(token, out var value, out var failure), failure);

        Assert.Equal(canonical, DecimalText.Canonical(value));
        Assert.Equal(decimal.Parse(canonical, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("0.1234567890123456789012345678901", "31 significant digits")]
    [InlineData("79228162514264337593543950336", "outside the decimal range")]
    [InlineData("1e29", "outside the decimal range")]
    [InlineData("8e28", "outside the decimal range")]
    [InlineData("1E+10000000000", "outside the decimal range")]
    [InlineData("1e-29", "more than 28 decimal places")]
    [InlineData("0.00000000000000000000000000001", "more than 28 decimal places")]
    [InlineData("1e-10000000000", "more than 28 decimal places")]
    [InlineData("8.0000000000000000000000000001", "more significant digits than a decimal holds")]
    [InlineData("0.123456789012345678901234567891", "30 significant digits")]
    public void TryParse_NumberThatWouldBeRounded_IsRefused(string token, string reason)
    {
        Assert.False(ExactDecimal.TryParse(token, out _, out var failure));

        Assert.Contains(reason, failure, System.StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public bool TryParse_CanonicalTextOfAnyDecimal_GivesItBack(int lo, int mid, int hi, bool negative, byte scale)
    {
        var value = new decimal(lo, mid, hi, negative, (byte)(scale % 29));

        return ExactDecimal.TryParse(DecimalText.Canonical(value), out var read, out _) && read == value;
    }

    [Property(MaxTest = 500)]
    public bool TryParse_ExponentSpelling_EqualsThePlainSpelling(int lo, int mid, byte scale, byte shift)
    {
        // d × 10^k written as "<d>e-k" (k ≤ 10) names the same number; it is read exactly when d × 10^-k has at most 28 places.
        var value = new decimal(lo, mid, 0, false, (byte)(scale % 18));
        var k = shift % 11;
        var token = DecimalText.Canonical(value) + "e-" + k.ToString(CultureInfo.InvariantCulture);

        var ok = ExactDecimal.TryParse(token, out var read, out _);

        return ok && read == value / Pow10(k);
    }

    private static decimal Pow10(int k)
    {
        var p = 1m;
        for (var i = 0; i < k; i++)
        {
            p *= 10m;
        }

        return p;
    }
}
