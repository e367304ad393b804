using System;
using System.Linq;
using PerfKit.Analysis;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Analysis;

public class SchemeAnalyzerTests
{
    [Fact]
    public void Analyze_NullScheme_Throws()
        => Assert.Throws<ArgumentNullException>(() => SchemeAnalyzer.Analyze(null!));

    [Theory]
    // Effective weight = section share × indicator points ÷ 100 (root percent 50/50, sections points(100)).
    [InlineData("", "1")]
    [InlineData("monthly", "0.5")]
    [InlineData("quarterly", "0.5")]
    [InlineData("monthly/new_accounts", "0.25")] // 0.5 × 50/100
    [InlineData("monthly/net_new_accounts", "0.15")] // 0.5 × 30/100
    [InlineData("monthly/monthly_exam", "0.05")] // 0.5 × 10/100
    [InlineData("monthly/mentoring", "0.03")] // 0.5 × 6/100
    [InlineData("monthly/activity", "0.02")] // 0.5 × 4/100
    [InlineData("quarterly/customer_visits", "0.04")] // 0.5 × 8/100
    [InlineData("quarterly/net_balance_growth", "0.30")] // 0.5 × 60/100
    [InlineData("quarterly/overdue_rate", "0.06")] // 0.5 × 12/100
    [InlineData("quarterly/npl_rate", "0.10")] // 0.5 × 20/100
    public void Analyze_ABank2023_EffectiveWeightOfEveryNode(string path, string expected)
    {
        var node = SchemeAnalyzer.Analyze(SampleSchemes.ABank2023()).FindNode(path)!;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), node.EffectiveWeight);
    }

    [Fact]
    public void Analyze_ABank2023_TagSharesOrderedByTag()
    {
        var analysis = SchemeAnalyzer.Analyze(SampleSchemes.ABank2023());

        // capability: monthly_exam 0.05 + mentoring 0.03 = 0.08
        // inclusive-finance (the same three lending indicators as scale): 0.25 + 0.15 + 0.30 = 0.70
        // risk: overdue_rate 0.06 + npl_rate 0.10 = 0.16
        // scale: new_accounts 0.25 + net_new_accounts 0.15 + net_balance_growth 0.30 = 0.70
        Assert.Equal(["capability", "inclusive-finance", "risk", "scale"], analysis.TagShares.Select(t => t.Tag));
        Assert.Equal([0.08m, 0.70m, 0.16m, 0.70m], analysis.TagShares.Select(t => t.Share));
        Assert.Equal<string>(["monthly/new_accounts", "monthly/net_new_accounts", "quarterly/net_balance_growth"], analysis.TagShares[3].IndicatorPaths);
    }

    [Fact]
    public void Analyze_ABank2023_ReachablePoints()
    {
        var analysis = SchemeAnalyzer.Analyze(SampleSchemes.ABank2023());

        // Every scorer is linear with floor 0 and cap 1: base 0 × 100 … 1 × 100.
        Assert.Equal(0m, analysis.MinBasePoints);
        Assert.Equal(100m, analysis.MaxBasePoints);
        // certificates: 2.5 per unit, cap 5; maxBonus 5 → min(5, 5) = 5. No penalties.
        Assert.Equal(5m, analysis.MaxBonusPoints);
        Assert.Equal(0m, analysis.MaxPenaltyPoints);
        Assert.Equal(0m, analysis.MinUnclampedTotal);
        Assert.Equal(105m, analysis.MaxUnclampedTotal); // 100 + 5
        // Clamp to [0, P + maxBonus = 105].
        Assert.Equal(0m, analysis.MinTotal);
        Assert.Equal(105m, analysis.MaxTotal);
        Assert.Equal(0m, analysis.MinRoundedTotal);
        Assert.Equal(105m, analysis.MaxRoundedTotal);
        Assert.Equal(["A", "B", "C", "D"], analysis.ReachableGrades.Select(g => g.Name));
    }

    [Theory]
    // stake = effective weight × (1 − 0) × 100; narrowest band B = [80, 90) → width 10 (D is 60 wide, C 20).
    [InlineData("monthly/new_accounts", "25", true)]
    [InlineData("monthly/net_new_accounts", "15", true)]
    [InlineData("monthly/monthly_exam", "5", false)]
    [InlineData("monthly/mentoring", "3", false)]
    [InlineData("monthly/activity", "2", false)]
    [InlineData("quarterly/customer_visits", "4", false)]
    [InlineData("quarterly/net_balance_growth", "30", true)]
    [InlineData("quarterly/overdue_rate", "6", false)]
    [InlineData("quarterly/npl_rate", "10", true)] // exactly the width of B: from 80 it reaches 90
    [InlineData("monthly", "50", true)] // 0.5 × 1 × 100
    [InlineData("", "100", true)]
    public void Analyze_ABank2023_PointsAtStakeAndGradeChange(string path, string stake, bool canChangeGrade)
    {
        var analysis = SchemeAnalyzer.Analyze(SampleSchemes.ABank2023());
        var node = analysis.FindNode(path)!;

        Assert.Equal(10m, analysis.NarrowestBandWidth);
        Assert.Equal(decimal.Parse(stake, System.Globalization.CultureInfo.InvariantCulture), node.PointsAtStake);
        Assert.Equal(canChangeGrade, node.CanChangeGrade);
    }

    [Fact]
    public void Analyze_BscOkr_InclusiveFinanceShareIsProductAlongPath()
    {
        var analysis = SchemeAnalyzer.Analyze(SampleSchemes.BscOkr());

        // kr_first_loans: customer 0.25 × reach 1 × 0.5 = 0.125
        Assert.Equal(0.125m, analysis.ShareOf("inclusive-finance"));
        // kr_loan_balance: financial 0.40 × grow_loans 0.6 × 0.7 = 0.168
        Assert.Equal(0.168m, analysis.ShareOf("scale"));
        // Bands score 0 (below) … 1: base 0 … 100; no bonus, so maxPoints = P = 100.
        Assert.Equal(0m, analysis.MinBasePoints);
        Assert.Equal(100m, analysis.MaxTotal);
    }

    [Fact]
    public void Analyze_AllIndicatorsEffectiveWeightsSumToOne()
    {
        foreach (var scheme in new[] { SampleSchemes.ABank2023(), SampleSchemes.BscOkr(), SampleSchemes.CustomerManagerRole() })
        {
            Assert.Equal(1m, SchemeAnalyzer.Analyze(scheme).Indicators.Sum(i => i.EffectiveWeight));
        }
    }

    [Fact]
    public void Analyze_UncappedPenalty_UnboundedBelowLimitedByMinPoints()
    {
        var scheme = OneIndicator(b => b.MinPoints(-20m).Penalty("violations", "violations", 2m));

        var analysis = SchemeAnalyzer.Analyze(scheme);

        Assert.Null(analysis.MaxPenaltyPoints);
        Assert.Null(analysis.MinUnclampedTotal);
        Assert.Equal(-20m, analysis.MinTotal);
        Assert.Equal(100m, analysis.MaxTotal); // P 100, no bonus
    }

    [Fact]
    public void Analyze_UncappedBonus_LimitedByMaxBonus()
    {
        // 1 point per unit without a cap, plus a capped rule of 2: unbounded together → maxBonus 3.
        var scheme = OneIndicator(b => b.MaxBonus(3m).Bonus("awards", "awards", 1m).Bonus("courses", "courses", 0.5m, 2m));

        var analysis = SchemeAnalyzer.Analyze(scheme);

        Assert.Equal(3m, analysis.MaxBonusPoints);
        Assert.Equal(103m, analysis.MaxTotal);
    }

    [Fact]
    public void Analyze_CappedBonusesBelowMaxBonus_SumOfCaps()
    {
        // caps 1.5 + 2 = 3.5 < maxBonus 5; a rule worth 0 per unit adds nothing even without a cap.
        var scheme = OneIndicator(b => b.MaxBonus(5m).Bonus("a", "a", 1m, 1.5m).Bonus("b", "b", 1m, 2m).Bonus("c", "c", 0m));

        var analysis = SchemeAnalyzer.Analyze(scheme);

        Assert.Equal(3.5m, analysis.MaxBonusPoints);
        Assert.Equal(103.5m, analysis.MaxUnclampedTotal);
        Assert.Equal(103.5m, analysis.MaxTotal); // maxPoints = 100 + 5
    }

    [Fact]
    public void Analyze_DeclaredMaxPoints_ClampsTheTop()
    {
        var scheme = OneIndicator(b => b.MaxBonus(5m).MaxPoints(102m).Bonus("a", "a", 1m, 5m));

        var analysis = SchemeAnalyzer.Analyze(scheme);

        Assert.Equal(105m, analysis.MaxUnclampedTotal);
        Assert.Equal(102m, analysis.MaxTotal);
    }

    [Fact]
    public void Analyze_ScopedPenalty_LimitedByGroupContributionAtMinimum()
    {
        var scheme = ScopedPenaltyScheme();

        var analysis = SchemeAnalyzer.Analyze(scheme);

        // s1 weighs 60, x scores 0.5 … 1; s2 weighs 40, y scores 0 … 1.
        // min base = (60 × 0.5 + 40 × 0) / 100 × 100 = 30
        Assert.Equal(30m, analysis.MinBasePoints);
        // At the minimum s1 contributes 0.6 × 0.5 × 100 = 30, so the scoped penalty (cap 40) deducts 30;
        // the unscoped one deducts its cap 5: 30 − 30 − 5 = −5.
        Assert.Equal(-5m, analysis.MinUnclampedTotal);
        Assert.Equal(-5m, analysis.MinTotal); // minPoints −10
        // Most penalties can deduct: 5 + min(40, 0.6 × 1 × 100 = 60) = 45.
        Assert.Equal(45m, analysis.MaxPenaltyPoints);
    }

    [Fact]
    public void Analyze_ScopedPenalty_MinimumIsReachedByAnEvaluation()
    {
        var scheme = ScopedPenaltyScheme();
        var subject = SubjectInput.For("worst").Value("x", 0m).Value("y", 0m).Value("late", 100m).Value("violations", 100m).Build();

        var assessment = SchemeEvaluator.Create(scheme).EvaluateOrThrow(subject);

        // Same arithmetic as above: 30 − 30 − 5 = −5.
        Assert.Equal(-5m, assessment.ExactTotal);
        Assert.Equal(SchemeAnalyzer.Analyze(scheme).MinTotal, assessment.ExactTotal);
    }

    [Fact]
    public void Analyze_ExcludableChildren_RangeOverSubsets()
    {
        var analysis = SchemeAnalyzer.Analyze(ExclusionScheme());

        // Children at minimum: a 0.5 (w3, excludable), b 0 (w1, excludable), c 0.2 (w1, required).
        // {c} = 0.2; {c, b} = (0.2 + 0) / 2 = 0.1; {c, b, a} = (0.2 + 0 + 1.5) / 5 = 0.34 → lowest 0.1.
        Assert.Equal(0.1m, analysis.FindNode("/")!.MinScore);
        Assert.Equal(10m, analysis.MinBasePoints);
        // At maximum: a 1.2, b 1, c 1. {c} = 1; {c, a} = (1 + 3.6) / 4 = 1.15; {c, a, b} = 5.6 / 5 = 1.12 → highest 1.15.
        Assert.Equal(1.15m, analysis.FindNode("/")!.MaxScore);
        Assert.Equal(115m, analysis.MaxBasePoints);
        Assert.True(analysis.FindNode("a")!.CanBeExcluded);
        Assert.False(analysis.FindNode("c")!.CanBeExcluded);
        Assert.False(analysis.FindNode("/")!.CanBeExcluded);
    }

    [Fact]
    public void Analyze_ExcludableChildren_ExtremesAreReachedByEvaluations()
    {
        var scheme = ExclusionScheme();
        var evaluator = SchemeEvaluator.Create(scheme);
        var low = SubjectInput.For("low").Value("b", 0m).Value("c", 0m).Build(); // a missing → excluded
        var high = SubjectInput.For("high").Value("a", 20m).Value("c", 10m).Build(); // b missing → excluded

        Assert.Equal(10m, evaluator.EvaluateOrThrow(low).BasePoints); // (0 + 0.2) / 2 × 100
        Assert.Equal(115m, evaluator.EvaluateOrThrow(high).BasePoints); // (3 × 1.2 + 1) / 4 × 100
    }

    [Fact]
    public void Analyze_ZeroScoreGate_LowersTheNodesMinimumToZero()
    {
        var scheme = Scheme.CreateBuilder("zero", "1").Name("Zero")
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r
                .Indicator("x", 50m, "x", Scorers.Linear(0m, 10m))
                .Indicator("y", 50m, "y", Scorers.Linear(0m, 10m, floor: 0.5m)))
            .Gate("g", g => g.OnValue("x", 5m).ZeroScore("y"))
            .Build();

        var analysis = SchemeAnalyzer.Analyze(scheme);

        // y scores 0.5 … 1, but a failed gate makes it min(s, 0) = 0: range 0 … 1, stake 0.5 × 1 × 100 = 50.
        Assert.Equal(0m, analysis.FindNode("y")!.MinScore);
        Assert.Equal(50m, analysis.FindNode("y")!.PointsAtStake);
        Assert.Equal(0m, analysis.MinBasePoints);
    }

    [Fact]
    public void Analyze_GradesBelowTheFloor_NotReachableAndNotCountedAsBand()
    {
        var analysis = SchemeAnalyzer.Analyze(FloorScheme());

        // Every score ≥ 0.5 → total 50 … 100. D (< 40) cannot be earned; C = [50, 90) reachable part is 40 wide.
        Assert.Equal(50m, analysis.MinTotal);
        Assert.Equal(["A", "C"], analysis.ReachableGrades.Select(g => g.Name));
        Assert.Equal(40m, analysis.NarrowestBandWidth);
    }

    [Fact]
    public void MovedWeight_SameScheme_Zero()
        => Assert.Equal(0m, SchemeAnalyzer.MovedWeight(SampleSchemes.ABank2023(), SampleSchemes.ABank2023()));

    [Fact]
    public void MovedWeight_ABankVariantMovingTenPoints_TenPercent()
    {
        // net_balance_growth 0.30 → 0.20 (|Δ| 0.10), customer_visits 0.04 → 0.14 (|Δ| 0.10): ½ × 0.20 = 0.10.
        Assert.Equal(0.10m, SchemeAnalyzer.MovedWeight(SampleSchemes.ABank2023(), ABankVariant()));
    }

    [Fact]
    public void MovedWeight_IndicatorsInOnlyOneScheme_CountWithZeroInTheOther()
    {
        // parent a 0.5, b 0.3, c 0.2; variant a 0.5, b 0.2, d 0.3:
        // |0| + |0.1| + |0.2 − 0| + |0 − 0.3| = 0.6 → ½ = 0.3
        Assert.Equal(0.3m, SchemeAnalyzer.MovedWeight(Flat(("a", 50m), ("b", 30m), ("c", 20m)), Flat(("a", 50m), ("b", 20m), ("d", 30m))));
    }

    [Fact]
    public void MovedWeight_NoIndicatorInCommon_One()
        => Assert.Equal(1m, SchemeAnalyzer.MovedWeight(Flat(("a", 1m)), Flat(("b", 1m))));

    [Fact]
    public void MovedWeight_NullArgument_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SchemeAnalyzer.MovedWeight(null!, SampleSchemes.BscOkr()));
        Assert.Throws<ArgumentNullException>(() => SchemeAnalyzer.MovedWeight(SampleSchemes.BscOkr(), null!));
    }

    internal static Scheme OneIndicator(Func<PerfKit.Building.SchemeBuilder, PerfKit.Building.SchemeBuilder> configure)
        => configure(Scheme.CreateBuilder("one", "1").Name("One")
                .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
                .Root(WeightMode.Percent, r => r.Indicator("x", 100m, "x", Scorers.Linear(0m, 10m))))
            .Build();

    internal static Scheme Flat(params (string Id, decimal Weight)[] indicators)
        => Scheme.CreateBuilder("flat", "1").Name("Flat")
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Normalize, r =>
            {
                foreach (var (id, weight) in indicators)
                {
                    r.Indicator(id, weight, id, Scorers.Linear(0m, 10m));
                }
            })
            .Build();

    internal static Scheme ABankVariant()
        => Scheme.CreateBuilder("a-bank-2023-county", "2023.1").Name("A Bank county branch variant")
            .MaxBonus(5m)
            .Grade("A", 90m, 1.30m).Grade("B", 80m, 1.10m).Grade("C", 60m, 1.00m).Grade("D", null, 0.70m)
            .Root(WeightMode.Percent, root => root
                .Section("monthly", 50m, WeightMode.PointsOf(100m), m => m
                    .Indicator("new_accounts", 50m, "new_accounts", Scorers.Linear(0m, 10m), i => i.Tags("scale"))
                    .Indicator("net_new_accounts", 30m, "net_new_accounts", Scorers.Linear(0m, 6m), i => i.Tags("scale"))
                    .Indicator("monthly_exam", 10m, "monthly_exam", Scorers.Linear(0m, 100m))
                    .Indicator("mentoring", 6m, "mentoring", Scorers.Linear(0m, 2m))
                    .Indicator("activity", 4m, "activity", Scorers.Linear(0m, 4m)))
                .Section("quarterly", 50m, WeightMode.PointsOf(100m), q => q
                    .Indicator("customer_visits", 28m, "customer_visits", Scorers.Linear(0m, 60m))
                    .Indicator("net_balance_growth", 40m, "net_balance_growth", Scorers.Linear(0m, 500m), i => i.Tags("scale"))
                    .Indicator("overdue_rate", 12m, "overdue_rate", Scorers.Linear(3m, 1m))
                    .Indicator("npl_rate", 20m, "npl_rate", Scorers.Linear(2m, 0.5m))))
            .Bonus("certificates", "certificates", 2.5m, 5m)
            .Build();

    internal static Scheme FloorScheme()
        => Scheme.CreateBuilder("floor", "1").Name("Floor")
            .Grade("A", 90m, 1.3m).Grade("C", 40m, 1m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r
                .Indicator("x", 50m, "x", Scorers.Linear(0m, 10m, floor: 0.5m))
                .Indicator("y", 50m, "y", Scorers.Linear(0m, 10m, floor: 0.5m)))
            .Build();

    private static Scheme ScopedPenaltyScheme()
        => Scheme.CreateBuilder("scoped", "1").Name("Scoped")
            .MinPoints(-10m)
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r
                .Section("s1", 60m, WeightMode.Percent, s => s.Indicator("x", 100m, "x", Scorers.Linear(0m, 10m, floor: 0.5m)))
                .Section("s2", 40m, WeightMode.Percent, s => s.Indicator("y", 100m, "y", Scorers.Linear(0m, 10m))))
            .Penalty("late", "late", 10m, 40m, p => p.ScopedTo("s1"))
            .Penalty("violations", "violations", 1m, 5m)
            .Build();

    private static Scheme ExclusionScheme()
        => Scheme.CreateBuilder("exclusion", "1").Name("Exclusion")
            .MaxPoints(120m)
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Normalize, r => r
                .Indicator("a", 3m, "a", Scorers.Linear(0m, 10m, cap: 1.2m, floor: 0.5m), i => i.WhenMissing(MissingValuePolicy.Exclude))
                .Indicator("b", 1m, "b", Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Exclude))
                .Indicator("c", 1m, "c", Scorers.Linear(0m, 10m, floor: 0.2m)))
            .Build();
}
