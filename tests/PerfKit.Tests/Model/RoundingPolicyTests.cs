using System;
using PerfKit.Model;
using PerfKit.Tests.Internal;
using Xunit;

namespace PerfKit.Tests.Model;

public sealed class RoundingPolicyTests
{
    [Fact]
    public void Default_IsTwoDecimalsAwayFromZero()
    {
        Assert.Equal(new RoundingPolicy(2, MidpointRounding.AwayFromZero), RoundingPolicy.Default);
        Assert.Equal(new RoundingPolicy(2, MidpointRounding.AwayFromZero).GetHashCode(), RoundingPolicy.Default.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentDecimalsOrMode_AreNotEqual()
    {
        Assert.NotEqual(RoundingPolicy.Default, new RoundingPolicy(2, MidpointRounding.ToEven));
        Assert.NotEqual(RoundingPolicy.Default, new RoundingPolicy(3, MidpointRounding.AwayFromZero));
        Assert.False(RoundingPolicy.Default.Equals(null));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void ToString_NamesDecimalsAndMode(string culture)
        => ForcedCulture.Run(culture, () =>
        {
            Assert.Equal("2 decimals, AwayFromZero", RoundingPolicy.Default.ToString());
            Assert.Equal("10 decimals, ToNegativeInfinity", new RoundingPolicy(10, MidpointRounding.ToNegativeInfinity).ToString());
        });

    [Theory]
    [InlineData(MidpointRounding.AwayFromZero, "89.985", "89.99")]        // 四舍五入
    [InlineData(MidpointRounding.ToEven, "89.985", "89.98")]              // banker's rounding: 8 is even
    [InlineData(MidpointRounding.ToZero, "89.989", "89.98")]
    [InlineData(MidpointRounding.ToPositiveInfinity, "89.981", "89.99")]
    [InlineData(MidpointRounding.ToNegativeInfinity, "-89.981", "-89.99")]
    [InlineData(MidpointRounding.AwayFromZero, "-89.985", "-89.99")]
    public void Round_AppliesTheMode(MidpointRounding mode, string value, string expected)
        => Assert.Equal(Scoring.ScorerTestKit.D(expected), new RoundingPolicy(2, mode).Round(Scoring.ScorerTestKit.D(value)));

    [Fact]
    public void Round_ZeroDecimals_RoundsToWholePoints()
        => Assert.Equal(90m, new RoundingPolicy(0, MidpointRounding.AwayFromZero).Round(89.5m));

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Constructor_DecimalsOutOfRange_Throws(int decimals)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RoundingPolicy(decimals, MidpointRounding.AwayFromZero));

    [Fact]
    public void Constructor_UndefinedMode_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RoundingPolicy(2, (MidpointRounding)99));
}
