using System;
using PerfKit.Building;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Bonus and penalty points (spec §4, evaluation step 5).</summary>
public sealed partial class SchemeEvaluatorTests
{
    /// <summary>One linear 0 → 10 indicator (base = 10 × x) with maxBonus 5 and the given rules.</summary>
    private static Scheme WithRules(Action<SchemeBuilder> rules)
    {
        var builder = Start()
            .MaxBonus(5m)
            .Root(WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", Scorers.Linear(0m, 10m)));
        rules(builder);
        return builder.Build();
    }

    [Fact]
    public void Evaluate_TwoBonuses_EachCappedThenMaxBonusInDeclaredOrder()
    {
        // certs 1 × 2.5 = 2.5 (cap 5) → applied 2.5, 2.5 of maxBonus left;
        // awards 2 × 2 = 4 (cap 4) → applied min(4, 2.5) = 2.5, dropped 1.5. Bonus 5; base 80 → 85.
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m).Bonus("awards", "awards", 2m, 4m));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_a", 8m).Value("certs", 1m).Value("awards", 2m).Build());

        Assert.Equal(2.5m, a.Adjustment("certs").Applied);
        Assert.Equal(0m, a.Adjustment("certs").Dropped);
        Assert.Equal(4m, a.Adjustment("awards").Raw);
        Assert.Equal(2.5m, a.Adjustment("awards").Applied);
        Assert.Equal(1.5m, a.Adjustment("awards").Dropped);
        Assert.Equal(5m, a.BonusPoints);
        Assert.Equal(85m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_TwoBonusesDeclaredTheOtherWay_FirstDeclaredTakesTheRoom()
    {
        // awards first: 4 applied, 1 left; certs 2.5 → applied 1, dropped 1.5. Same total 5, other split.
        var scheme = WithRules(b => b.Bonus("awards", "awards", 2m, 4m).Bonus("certs", "certs", 2.5m, 5m));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_a", 8m).Value("certs", 1m).Value("awards", 2m).Build());

        Assert.Equal(4m, a.Adjustment("awards").Applied);
        Assert.Equal(1m, a.Adjustment("certs").Applied);
        Assert.Equal(1.5m, a.Adjustment("certs").Dropped);
        Assert.Equal(new[] { "awards", "certs" }, System.Linq.Enumerable.Select(a.Adjustments, r => r.Rule.Id));
        Assert.Equal(5m, a.BonusPoints);
    }

    [Fact]
    public void Evaluate_BonusOverItsRuleCap_RawIsTheCapNothingDropped()
    {
        // certs 3 × 2.5 = 7.5 → rule cap 5 → raw 5; maxBonus 5 → applied 5, dropped 0 (the rule cap is not "dropped").
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m));

        var adj = Assess(scheme, SubjectInput.For("S1").Value("m_a", 8m).Value("certs", 3m).Build()).Adjustment("certs");

        Assert.Equal(3m, adj.Units);
        Assert.Equal(5m, adj.Raw);
        Assert.Equal(5m, adj.Applied);
        Assert.Equal(0m, adj.Dropped);
    }

    [Fact]
    public void Evaluate_BonusWithoutRuleCap_LimitedByMaxBonus()
    {
        // 4 × 2 = 8, no rule cap → raw 8; maxBonus 5 → applied 5, dropped 3.
        var scheme = WithRules(b => b.Bonus("awards", "awards", 2m));

        var adj = Assess(scheme, SubjectInput.For("S1").Value("m_a", 8m).Value("awards", 4m).Build()).Adjustment("awards");

        Assert.Equal(8m, adj.Raw);
        Assert.Equal(5m, adj.Applied);
        Assert.Equal(3m, adj.Dropped);
    }

    [Theory]
    [InlineData("3", "6", "74")]
    [InlineData("7", "10", "70")]
    public void Evaluate_PenaltyWithCap_DeductsAtMostTheCap(string units, string deducted, string total)
    {
        // 2 points per violation, at most 10; base 80. 3 → 6 → 74; 7 → min(14, 10) = 10 → 70.
        var scheme = WithRules(b => b.Penalty("violations", "violations", 2m, 10m));
        var u = decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture);

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_a", 8m).Value("violations", u).Build());

        Assert.Equal(decimal.Parse(deducted, System.Globalization.CultureInfo.InvariantCulture), a.PenaltyPoints);
        Assert.Equal(decimal.Parse(deducted, System.Globalization.CultureInfo.InvariantCulture), a.Adjustment("violations").Applied);
        Assert.Equal(0m, a.Adjustment("violations").Dropped);
        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), a.RoundedTotal);
    }

    /// <summary>Root (percent): g 40 { x 100 }, h 60 { y 100 }, linear 0 → 10; penalties scoped to g.</summary>
    private static Scheme ScopedPenalties(Action<SchemeBuilder> rules)
    {
        var builder = Start().Root(WeightMode.Percent, r => r
            .Section("g", 40m, WeightMode.Percent, g => g.Indicator("x", 100m, "m_x", Scorers.Linear(0m, 10m)))
            .Section("h", 60m, WeightMode.Percent, h => h.Indicator("y", 100m, "m_y", Scorers.Linear(0m, 10m))));
        rules(builder);
        return builder.Build();
    }

    [Fact]
    public void Evaluate_PenaltyScopedToGroup_LimitedToItsContributionExcessDropped()
    {
        // x 5 → g 0.5 → contribution 0.4 × 0.5 × 100 = 20; y 10 → 60; base 80.
        // late 25 × 1 = 25 → applied min(25, 20) = 20, dropped 5 → total 60. Node scores stay as they were.
        var scheme = ScopedPenalties(b => b.Penalty("late", "late", 1m, null, p => p.ScopedTo("g")));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_x", 5m).Value("m_y", 10m).Value("late", 25m).Build());

        var adj = a.Adjustment("late");
        Assert.Equal("g", adj.Rule.ScopePath);
        Assert.Equal(25m, adj.Raw);
        Assert.Equal(20m, adj.Applied);
        Assert.Equal(5m, adj.Dropped);
        Assert.Equal(20m, a.PenaltyPoints);
        Assert.Equal(60m, a.RoundedTotal);
        Assert.Equal(0.5m, a.Node("g").Score);
        Assert.Equal(20m, a.Node("g").Contribution);
    }

    [Fact]
    public void Evaluate_TwoPenaltiesScopedToSameGroup_ShareItsContribution()
    {
        // g contributes 20. late 15 → applied 15, 5 left; errors 5 × 2 = 10 → applied 5, dropped 5. Total 80 − 20 = 60.
        var scheme = ScopedPenalties(b => b
            .Penalty("late", "late", 1m, null, p => p.ScopedTo("g"))
            .Penalty("errors", "errors", 2m, null, p => p.ScopedTo("g")));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_x", 5m).Value("m_y", 10m).Value("late", 15m).Value("errors", 5m).Build());

        Assert.Equal(15m, a.Adjustment("late").Applied);
        Assert.Equal(5m, a.Adjustment("errors").Applied);
        Assert.Equal(5m, a.Adjustment("errors").Dropped);
        Assert.Equal(60m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_PenaltyScopedToZeroedGroup_EverythingDropped()
    {
        // x 5 → g 0.5 < 0.6 → zeroed → contribution 0 after gates → late 3 is dropped entirely; base 60.
        var scheme = ScopedPenalties(b => b
            .Penalty("late", "late", 1m, null, p => p.ScopedTo("g"))
            .Gate("gate_g", g => g.OnScore("g", 0.6m).ZeroScore("g")));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_x", 5m).Value("m_y", 10m).Value("late", 3m).Build());

        Assert.Equal(0m, a.Adjustment("late").Applied);
        Assert.Equal(3m, a.Adjustment("late").Dropped);
        Assert.Equal(60m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_UnscopedPenalty_NotLimitedByAnyGroup()
    {
        // Same subject, unscoped: 25 deducted in full → 80 − 25 = 55.
        var scheme = ScopedPenalties(b => b.Penalty("late", "late", 1m));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_x", 5m).Value("m_y", 10m).Value("late", 25m).Build());

        Assert.Equal(25m, a.Adjustment("late").Applied);
        Assert.Equal(55m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_UnitsMissingWithZeroWhenMissing_ZeroUnitsRecorded()
    {
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m, r => r.ZeroWhenMissing()));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_a", 8m).Build());

        var adj = a.Adjustment("certs");
        Assert.True(adj.UnitsMissing);
        Assert.Equal(0m, adj.Units);
        Assert.Equal(0m, adj.Applied);
        Assert.Equal(80m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_UnitsPresentWithZeroWhenMissing_NotMarkedMissing()
    {
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m, r => r.ZeroWhenMissing()));

        var adj = Assess(scheme, SubjectInput.For("S1").Value("m_a", 8m).Value("certs", 0m).Build()).Adjustment("certs");

        Assert.False(adj.UnitsMissing);
    }

    [Fact]
    public void Evaluate_UnitsMissingUnderDefaultPolicy_ValueMissing()
    {
        var scheme = WithRules(b => b.Penalty("violations", "violations", 2m, 10m));

        var problem = SingleProblem(scheme, SubjectInput.For("S-9").Value("m_a", 8m).Build());

        Assert.Equal(ProblemCodes.ValueMissing, problem.Code);
        Assert.Equal("adjustments.violations", problem.Path);
        Assert.Equal("S-9", problem.SubjectId);
        Assert.Null(problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_NegativeUnits_AdjustmentUnitsProblem()
    {
        var scheme = WithRules(b => b.Penalty("violations", "violations", 2m, 10m));

        var problem = SingleProblem(scheme, SubjectInput.For("S-9").Value("m_a", 8m).Value("violations", -1m).Build());

        Assert.Equal(ProblemCodes.AdjustmentUnits, problem.Code);
        Assert.Equal("adjustments.violations", problem.Path);
        Assert.Equal("-1", problem.AttemptedValue);
        Assert.Equal("S-9", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_RatingsGivenForUnitsMeasure_ValueKind()
    {
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m));

        var problem = SingleProblem(scheme, SubjectInput.For("S-9").Value("m_a", 8m).Ratings("certs", "superior", 4m).Build());

        Assert.Equal(ProblemCodes.ValueKind, problem.Code);
        Assert.Equal("adjustments.certs", problem.Path);
        Assert.Equal("S-9", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_ProblemsInTwoRules_BothReported()
    {
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m).Penalty("violations", "violations", 2m, 10m));

        var result = SchemeEvaluator.Create(scheme).Evaluate(SubjectInput.For("S-9").Value("m_a", 8m).Value("certs", -2m).Build());

        Assert.Equal(new[] { ProblemCodes.AdjustmentUnits, ProblemCodes.ValueMissing }, System.Linq.Enumerable.Select(result.Problems, p => p.Code));
    }
}
