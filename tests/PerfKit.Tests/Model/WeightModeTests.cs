using PerfKit.Model;
using PerfKit.Tests.Internal;
using Xunit;

namespace PerfKit.Tests.Model;

public sealed class WeightModeTests
{
    [Fact]
    public void Equals_PointsOfTheSameValue_AreEqualWhateverTheScale()
    {
        Assert.Equal(WeightMode.PointsOf(100m), WeightMode.PointsOf(100.00m));
        Assert.Equal(WeightMode.PointsOf(100m).GetHashCode(), WeightMode.PointsOf(100.00m).GetHashCode());
    }

    [Fact]
    public void Equals_DifferentModes_AreNotEqual()
    {
        Assert.NotEqual(WeightMode.PointsOf(100m), WeightMode.PointsOf(50m));
        Assert.NotEqual(WeightMode.PointsOf(100m), WeightMode.Percent);   // both require 100, but they are different modes
        Assert.NotEqual(WeightMode.PointsOf(1m), WeightMode.Fraction);
        Assert.NotEqual(WeightMode.Fraction, WeightMode.Normalize);
        Assert.False(WeightMode.Fraction.Equals(null));
        Assert.Equal(WeightMode.Fraction, WeightMode.Fraction);
    }

    [Fact]
    public void RequiredSum_IsWhatTheChildrenMustReach()
    {
        Assert.Equal(1m, WeightMode.Fraction.RequiredSum);
        Assert.Equal(100m, WeightMode.Percent.RequiredSum);
        Assert.Equal(30m, WeightMode.PointsOf(30m).RequiredSum);
        Assert.Null(WeightMode.Normalize.RequiredSum);
        Assert.Equal(WeightModeKind.Points, WeightMode.PointsOf(30m).Kind);
        Assert.Null(WeightMode.Percent.Points);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void ToString_IsCultureInvariantAndCanonical(string culture)
        => ForcedCulture.Run(culture, () =>
        {
            Assert.Equal("fraction", WeightMode.Fraction.ToString());
            Assert.Equal("percent", WeightMode.Percent.ToString());
            Assert.Equal("normalize", WeightMode.Normalize.ToString());
            Assert.Equal("points(100)", WeightMode.PointsOf(100.00m).ToString());
            Assert.Equal("points(2.5)", WeightMode.PointsOf(2.50m).ToString());
        });
}
