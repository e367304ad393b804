using System;
using System.Collections.Immutable;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Periods.PeriodsFixtures;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="MonthEndDeviation"/>: (last-day balance − daily average) ÷ daily average for deposit measures.</summary>
public sealed class MonthEndDeviationTests
{
    private static readonly AssessmentPeriod April = AssessmentPeriod.Month(2024, 4);

    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(MonthEndDeviation));

    [Fact]
    public void Deviation_MonthEndSpike_BreachesDefaultCap()
    {
        var set = ObservationSet.For("S1").OpeningBalance("m", 998m).Add("m", D(2024, 4, 30), 1058m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), April).Aggregate(set);

        // April 1–29: 29 × 998 = 28942; April 30: 1058. (28942 + 1058) ÷ 30 = 30000 ÷ 30 = 1000.
        // Deviation (1058 − 1000) ÷ 1000 = 0.058 > 0.03.
        var deviation = Assert.Single(result.Deviations);
        Assert.Equal(("m", 1058m, 1000m, 0.058m, 0.03m), (deviation.Measure, deviation.LastDayBalance, deviation.DailyAverage, deviation.Deviation, deviation.Cap));
        Assert.True(deviation.IsComputable);
        Assert.True(deviation.IsBreached);
    }

    [Fact]
    public void Deviation_SmallSpike_WithinCap()
    {
        var set = ObservationSet.For("S1").OpeningBalance("m", 999m).Add("m", D(2024, 4, 30), 1029m).Build();

        var deviation = Assert.Single(ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), April).Aggregate(set).Deviations);

        // 29 × 999 + 1029 = 28971 + 1029 = 30000; ÷ 30 = 1000. (1029 − 1000) ÷ 1000 = 0.029 ≤ 0.03.
        Assert.Equal(0.029m, deviation.Deviation);
        Assert.False(deviation.IsBreached);
    }

    [Fact]
    public void Deviation_ExactlyOnConfiguredCap_NoBreach()
    {
        var set = ObservationSet.For("S1").OpeningBalance("m", 998m).Add("m", D(2024, 4, 30), 1058m).Build();
        var options = new AggregationOptions { MonthEndDeviationCap = 0.058m };

        var deviation = Assert.Single(ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), April, options).Aggregate(set).Deviations);

        Assert.Equal(0.058m, deviation.Deviation);
        Assert.False(deviation.IsBreached);
    }

    [Fact]
    public void Deviation_MonthEndDip_NegativeNoBreach()
    {
        var set = ObservationSet.For("S1").OpeningBalance("m", 1002m).Add("m", D(2024, 4, 30), 942m).Build();

        var deviation = Assert.Single(ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), April).Aggregate(set).Deviations);

        // 29 × 1002 + 942 = 29058 + 942 = 30000; ÷ 30 = 1000. (942 − 1000) ÷ 1000 = −0.058.
        Assert.Equal(-0.058m, deviation.Deviation);
        Assert.False(deviation.IsBreached);
    }

    [Fact]
    public void Deviation_ZeroAverage_NotComputableNeverThrown()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 4, 1), 0m).Build();

        var deviation = Assert.Single(ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), April).Aggregate(set).Deviations);

        Assert.False(deviation.IsComputable);
        Assert.Null(deviation.Deviation);
        Assert.Equal(0m, deviation.DailyAverage);
        Assert.Equal("the daily average is 0", deviation.NotComputableReason);
        Assert.False(deviation.IsBreached);
    }

    [Fact]
    public void Deviation_NoBalances_NotComputable()
    {
        var deviation = Assert.Single(ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), April).Aggregate(ObservationSet.For("S1").Build()).Deviations);

        Assert.False(deviation.IsComputable);
        Assert.NotNull(deviation.NotComputableReason);
    }

    [Fact]
    public void Deviation_TwoBalancesOnOneDate_NotComputable()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 4, 1), 5m).Add("m", D(2024, 4, 1), 6m).Build();

        var deviation = Assert.Single(ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), April).Aggregate(set).Deviations);

        Assert.Contains("2024-04-01", deviation.NotComputableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deviation_MeasureNamedInOptions_ReportedEvenWithPointInTimeAggregation()
    {
        var options = new AggregationOptions { DepositMeasures = ImmutableSortedSet.Create(StringComparer.Ordinal, "m") };
        var set = ObservationSet.For("S1").OpeningBalance("m", 998m).Add("m", D(2024, 4, 30), 1058m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.EndOfPeriod), April, options).Aggregate(set);

        // The value is the point-in-time 1058; the deviation still compares it with the daily average 1000.
        Assert.Equal(1058m, result.Values["m"]);
        Assert.Equal(0.058m, Assert.Single(result.Deviations).Deviation);
    }

    [Fact]
    public void Deviation_UntaggedMeasure_NotReported()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 4, 1), 5m).Build();

        Assert.Empty(ObservationAggregator.Create(One(ValueAggregation.DailyAverage), April).Aggregate(set).Deviations);
    }

    [Fact]
    public void ToString_DeDeCulture_InvariantText()
    {
        using var _ = new CultureScope("de-DE");
        var set = ObservationSet.For("S1").OpeningBalance("m", 998m).Add("m", D(2024, 4, 30), 1058m).Build();

        var deviation = Assert.Single(ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), April).Aggregate(set).Deviations);

        Assert.Equal("m: deviation 0.058 above cap 0.03", deviation.ToString());
    }
}
