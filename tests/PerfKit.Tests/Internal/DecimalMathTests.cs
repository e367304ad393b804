using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Internal;
using Xunit;

namespace PerfKit.Tests.Internal;

/// <summary>Tests of <see cref="DecimalMath"/>.</summary>
public sealed class DecimalMathTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1")]
    [InlineData("4", "2")]
    [InlineData("0.0001", "0.01")]
    [InlineData("144", "12")]
    [InlineData("1000000000000", "1000000")]
    public void Sqrt_PerfectSquares_Exact(string x, string root)
        => Assert.Equal(decimal.Parse(root, System.Globalization.CultureInfo.InvariantCulture), DecimalMath.Sqrt(decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Sqrt_Two_TwentyEightDigits()
        // √2 = 1.41421356237309504880168872420969807… (the decimal nearest has 28 decimal places).
        => Assert.Equal(1.4142135623730950488016887242m, DecimalMath.Sqrt(2m));

    [Fact]
    public void Sqrt_Extremes_Converge()
    {
        // decimal.MaxValue = 2^96 − 1, so its root lies just below 2^48 = 281474976710656.
        Assert.InRange(DecimalMath.Sqrt(decimal.MaxValue), 281474976710655.99999m, 281474976710656m);
        Assert.Equal(0.00000000000001m, DecimalMath.Sqrt(0.0000000000000000000000000001m)); // √1e-28 = 1e-14
    }

    [Fact]
    public void Sqrt_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => DecimalMath.Sqrt(-1m));

    /// <summary>sqrt(x)² ≈ x within 1e-20 relative, for x from 1e-8 to about 1.8e21 (100 × 2^64, scaled by up to 28 places).</summary>
    [Property(MaxTest = 2000)]
    public Property Sqrt_AnyValue_SquareWithinRelativeTolerance()
    {
        var gen =
            from lo in Gen.Choose(0, int.MaxValue)
            from mid in Gen.Choose(0, int.MaxValue)
            from hi in Gen.Choose(0, 100)
            from scale in Gen.Choose(0, 28)
            select new decimal(lo, mid, hi, false, (byte)scale);
        return Prop.ForAll(Arb.From(gen.Where(x => x >= 0.00000001m)), x =>
        {
            var root = DecimalMath.Sqrt(x);
            var error = Math.Abs((root * root) - x);
            Assert.True(error <= x * 1e-20m, $"√{x} = {root}; squared error {error}");
        });
    }
}
