using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Population;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Population;

/// <summary>Tests of <see cref="DecimalSummary"/>.</summary>
public sealed class DecimalSummaryTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(DecimalSummary));

    [Fact]
    public void Of_OneValue_NoSpread()
    {
        var s = DecimalSummary.Of([87.5m]);

        Assert.Equal(1, s.Count);
        Assert.Equal(87.5m, s.Mean);
        Assert.Equal(87.5m, s.Median);
        Assert.Equal(0m, s.Variance);
        Assert.Equal(0m, s.StandardDeviation);
    }

    [Fact]
    public void Of_ThreeValues_MeanIsOneDivision()
    {
        // 1 + 1 + 2 = 4; 4 ÷ 3 = 1.333…; median 1; variance (3 × 6 − 16) ÷ 9 = 2 ÷ 9 = 0.222…
        var s = DecimalSummary.Of([2m, 1m, 1m]);

        Assert.Equal(4m / 3m, s.Mean);
        Assert.Equal(1m, s.Median);
        Assert.Equal(2m / 9m, s.Variance);
        Assert.Equal(1m, s.Minimum);
        Assert.Equal(2m, s.Maximum);
    }

    [Fact]
    public void Of_TextbookSet_PopulationDeviationIsTwo()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, ÷ 8 = 4, √4 = 2 (population form; the sample form would be √(32 ÷ 7)).
        var s = DecimalSummary.Of([2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m]);

        Assert.Equal(4m, s.Variance);
        Assert.Equal(2m, s.StandardDeviation);
        Assert.Equal(4.5m, s.Median);
    }

    [Fact]
    public void Of_HugeValues_FallsBackWithoutOverflow()
    {
        // 10 × (1e14)² overflows the exact form; the two-pass form gives the variance of {0, 2e14} around 1e14: 1e28.
        var s = DecimalSummary.Of([0m, 200000000000000m]);

        Assert.Equal(10000000000000000000000000000m, s.Variance);
        Assert.Equal(100000000000000m, s.StandardDeviation);
    }

    [Fact]
    public void Of_EmptyOrNull_Throws()
    {
        Assert.Throws<ArgumentException>(() => DecimalSummary.Of([]));
        Assert.Throws<ArgumentNullException>(() => DecimalSummary.Of(null!));
    }

    [Property(MaxTest = 300)]
    public Property Of_AnyValues_VarianceEqualsMeanSquaredDeviation()
        => Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 10500).Select(i => i / 100m)).Where(a => a.Length > 0)), values =>
        {
            var s = DecimalSummary.Of(values);
            var mean = values.Sum() / values.Length;
            var twoPass = values.Sum(v => (v - mean) * (v - mean)) / values.Length;

            Assert.True(Math.Abs(s.Variance - twoPass) <= 1e-20m, $"{s.Variance} vs {twoPass}");
            Assert.Equal(values.Min(), s.Minimum);
            Assert.Equal(values.Max(), s.Maximum);
            Assert.True(Math.Abs((s.StandardDeviation * s.StandardDeviation) - s.Variance) <= 1e-20m * Math.Max(1m, s.Variance));
        });
}
