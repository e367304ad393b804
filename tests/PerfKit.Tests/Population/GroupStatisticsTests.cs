using System.Linq;
using PerfKit.Population;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Population.PopulationFixtures;

namespace PerfKit.Tests.Population;

/// <summary>Tests of <see cref="GroupStatistics"/> on the ten subjects of <see cref="PopulationFixtures.TenSubjects"/>.</summary>
public sealed class GroupStatisticsTests
{
    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(GroupStatistics));
        Immutability.AssertImmutable(typeof(GradeCount));
        Immutability.AssertImmutable(typeof(GatePassRate));
        Immutability.AssertImmutable(typeof(PayoutSummary));
    }

    [Fact]
    public void Of_Retail_TotalsSummarised()
    {
        var retail = Ten().GroupBy("department").Find("retail")!.ComputeStatistics();

        // Totals 95, 90, 85, 75, 60, 45: sum 450, mean 75, median (85 + 75) ÷ 2 = 80.
        Assert.Equal(6, retail.Count);
        Assert.Equal(450m, retail.Totals.Sum);
        Assert.Equal(75m, retail.Totals.Mean);
        Assert.Equal(80m, retail.Totals.Median);
        Assert.Equal(45m, retail.Totals.Minimum);
        Assert.Equal(95m, retail.Totals.Maximum);

        // Deviations 20, 15, 10, 0, −15, −30; squares 400 + 225 + 100 + 0 + 225 + 900 = 1850; ÷ 6 = 308.333…
        Assert.Equal(1850m / 6m, retail.Totals.Variance);
    }

    [Fact]
    public void Of_Corporate_TotalsSummarised()
    {
        var corporate = Ten().GroupBy("department").Find("corporate")!.ComputeStatistics();

        // Totals 95, 80, 90, 55: sum 320, mean 80, median (80 + 90) ÷ 2 = 85; squares of deviations 225 + 0 + 100 + 625 = 950, ÷ 4 = 237.5.
        Assert.Equal(320m, corporate.Totals.Sum);
        Assert.Equal(80m, corporate.Totals.Mean);
        Assert.Equal(85m, corporate.Totals.Median);
        Assert.Equal(55m, corporate.Totals.Minimum);
        Assert.Equal(95m, corporate.Totals.Maximum);
        Assert.Equal(237.5m, corporate.Totals.Variance);

        // √237.5 = 15.41103500742244112562548095363… (50-digit reference).
        Assert.InRange(corporate.Totals.StandardDeviation, 15.411035007422441125625480953m, 15.411035007422441125625480954m);
    }

    [Fact]
    public void Of_All_VarianceAndDeviation()
    {
        var all = Ten().All.ComputeStatistics();

        // Σx = 770, mean 77; sorted 45 55 60 75 80 85 90 90 95 95, median (80 + 85) ÷ 2 = 82.5.
        // Σx² = 62150; (10 × 62150 − 770²) ÷ 10² = (621500 − 592900) ÷ 100 = 286.
        Assert.Equal(10, all.Count);
        Assert.Equal(77m, all.Totals.Mean);
        Assert.Equal(82.5m, all.Totals.Median);
        Assert.Equal(286m, all.Totals.Variance);

        // √286 = 16.91153452528776289817251792277… (50-digit reference).
        Assert.InRange(all.Totals.StandardDeviation, 16.911534525287762898172517922m, 16.911534525287762898172517923m);
        Assert.True(all.Key.IsAll);
    }

    [Fact]
    public void Of_Retail_GradeDistributionWithEveryGrade()
    {
        var retail = Ten().GroupBy("department").Find("retail")!.ComputeStatistics();

        // A: R1, R2; B: R3; C: R4, R5; D: R6 — of 6.
        Assert.Equal(["A", "B", "C", "D"], retail.Grades.Select(g => g.Grade.Name));
        Assert.Equal([2, 1, 2, 1], retail.Grades.Select(g => g.Count));
        Assert.Equal([2m / 6m, 1m / 6m, 2m / 6m, 1m / 6m], retail.Grades.Select(g => g.Share));
        Assert.Equal(0.3333333333333333333333333333m, retail.Grades[0].Share); // unrounded quotient
    }

    [Fact]
    public void Of_Corporate_GradeWithNobodyListedAsZero()
    {
        var corporate = Ten().GroupBy("department").Find("corporate")!.ComputeStatistics();

        // A: C1, C3; B: C2; C: nobody; D: C4.
        Assert.Equal([2, 1, 0, 1], corporate.Grades.Select(g => g.Count));
        Assert.Equal(0m, corporate.Grades[2].Share);
        Assert.Equal(0.5m, corporate.Grades[0].Share);
    }

    [Fact]
    public void Of_Retail_GatePassRates()
    {
        var retail = Ten().GroupBy("department").Find("retail")!.ComputeStatistics();

        // sales ≥ 60: R1–R4 pass, R5 (55) and R6 (50) fail → 4 of 6. quality ≥ 50: R6 (40) fails → 5 of 6.
        // Every gate: R1–R4 → 4 of 6 = 0.666… — the "only 66% met the gate indicators" figure.
        Assert.Equal(["sales_gate", "quality_gate"], retail.Gates.Select(g => g.Gate.Id));
        Assert.Equal([4, 5], retail.Gates.Select(g => g.Passed));
        Assert.Equal([2, 1], retail.Gates.Select(g => g.Failed));
        Assert.Equal(4m / 6m, retail.Gates[0].Rate);
        Assert.Equal(5m / 6m, retail.Gates[1].Rate);
        Assert.Equal(4, retail.AllGatesPassed);
        Assert.Equal(0.6666666666666666666666666667m, retail.AllGatesPassRate);
    }

    [Fact]
    public void Of_Corporate_MissingValueFailsAndIsCounted()
    {
        var corporate = Ten().GroupBy("department").Find("corporate")!.ComputeStatistics();

        // quality ≥ 50: C1, C2 pass; C3 missing (fails), C4 45 fails → 2 of 4, one of the failures missing. sales: all pass.
        Assert.Equal(4, corporate.Gates[0].Passed);
        Assert.Equal(1m, corporate.Gates[0].Rate);
        Assert.Equal(2, corporate.Gates[1].Passed);
        Assert.Equal(1, corporate.Gates[1].Missing);
        Assert.Equal(0, corporate.Gates[0].Missing);
        Assert.Equal(0.5m, corporate.AllGatesPassRate);
    }

    [Fact]
    public void Of_All_PayoutTotals()
    {
        var grouping = Ten().GroupBy("department");
        var all = grouping.All.ComputeStatistics();
        var stats = grouping.ComputeStatistics();

        // Retail: 13000 + 13000 + 11000 + 10000 + 0 + 0 = 47000, 6 with base pay, 2 cancelled.
        Assert.Equal(47000m, stats[1].Payout.Total);
        Assert.Equal(60000m, stats[1].Payout.BasePayTotal);
        Assert.Equal(2, stats[1].Payout.Cancelled);

        // Corporate: C1 13000, C3 and C4 cancelled, C2 without base pay.
        Assert.Equal(13000m, stats[0].Payout.Total);
        Assert.Equal(3, stats[0].Payout.WithBasePay);
        Assert.Equal(1, stats[0].Payout.WithoutBasePay);
        Assert.Equal(2, stats[0].Payout.Cancelled);

        Assert.Equal(60000m, all.Payout.Total);
        Assert.Equal(90000m, all.Payout.BasePayTotal);
        Assert.Equal(9, all.Payout.WithBasePay);
        Assert.Equal(1, all.Payout.WithoutBasePay);
        Assert.Equal(4, all.Payout.Cancelled);
        Assert.Equal(0.6m, all.AllGatesPassRate); // 4 + 2 of 10
    }

    [Fact]
    public void Of_SchemeWithoutGates_EveryonePassesEveryGate()
    {
        var scheme = EvaluationFixtures.ThreeIndicators();
        var population = Evaluate(scheme, [EvaluationFixtures.Abc(5m, 5m, 5m, "S1"), EvaluationFixtures.Abc(9m, 9m, 9m, "S2")]);

        var stats = population.All.ComputeStatistics();

        Assert.Empty(stats.Gates);
        Assert.Equal(2, stats.AllGatesPassed);
        Assert.Equal(1m, stats.AllGatesPassRate);
        Assert.Equal(0, stats.Payout.WithBasePay);
        Assert.Equal(0m, stats.Payout.Total);
    }

    [Fact]
    public void Of_Null_Throws() => Assert.Throws<System.ArgumentNullException>(() => GroupStatistics.Of(null!));
}
