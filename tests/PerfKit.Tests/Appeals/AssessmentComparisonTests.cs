using System;
using System.Linq;
using PerfKit.Appeals;
using PerfKit.Evaluation;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Appeals;

/// <summary>Tests of <see cref="AssessmentComparison"/> and <see cref="NodeChange"/>.</summary>
public sealed class AssessmentComparisonTests
{
    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(AssessmentComparison));
        Immutability.AssertImmutable(typeof(NodeChange));
    }

    [Fact]
    public void Between_ValueOverride_TotalsGradePayoutAndChangedNodesByHand()
    {
        // a 50, b 30, c 20 (percent), linear 0 → 10. Before: a 8, b 6, c 10 → 50 × 0.8 + 30 × 0.6 + 20 × 1 = 78 → C
        // (1.00), payout 1000 × 1.00 = 1000. After a value override a = 10: 50 + 18 + 20 = 88 → B (1.10), payout 1100.
        var scheme = EvaluationFixtures.ThreeIndicators();
        var original = EvaluationFixtures.Abc(8m, 6m, 10m, "CM1", basePay: 1000m);
        var overridden = SubjectInput.For("CM1").Value("m_a", 8m).Value("m_b", 6m).Value("m_c", 10m).BasePay(1000m)
            .With(Override.OfValue("a", 10m, "accounts confirmed", "branch.hr")).Build();
        var before = EvaluationFixtures.Assess(scheme, original);
        var after = EvaluationFixtures.Assess(scheme, overridden);

        var c = AssessmentComparison.Between(before, after);

        Assert.Equal("CM1", c.SubjectId);
        Assert.Same(before, c.Before);
        Assert.Same(after, c.After);
        Assert.Equal(10m, c.TotalChange);
        Assert.Equal(10m, c.ExactTotalChange);
        Assert.True(c.GradeChanged);
        Assert.Equal(("C", "B"), (c.Before.Grade.Name, c.After.Grade.Name));
        Assert.Equal(100m, c.PayoutChange);
        Assert.Empty(c.ChangedGates);

        // Root: score 0.78 → 0.88, contribution 78 → 88; a: value 8 → 10, score 0.8 → 1, contribution 0.5 × 0.8 × 100 = 40 → 50.
        Assert.Equal(["", "a"], c.ChangedNodes.Select(n => n.Path));
        var root = c.ChangedNodes[0];
        Assert.Equal((0.78m, 0.88m, 78m, 88m, 10m), (root.ScoreBefore!.Value, root.ScoreAfter!.Value, root.ContributionBefore, root.ContributionAfter, root.ContributionChange));
        var a = c.ChangedNodes[1];
        Assert.Equal((8m, 10m), (a.ValueBefore!.Value.Number, a.ValueAfter!.Value.Number));
        Assert.Equal((0.8m, 1m, 40m, 50m), (a.ScoreBefore!.Value, a.ScoreAfter!.Value, a.ContributionBefore, a.ContributionAfter));
    }

    [Fact]
    public void Between_SameAssessment_NoChange()
    {
        var a = EvaluationFixtures.Assess(EvaluationFixtures.ThreeIndicators(), EvaluationFixtures.Abc(8m, 6m, 10m, basePay: 1000m));

        var c = AssessmentComparison.Between(a, a);

        Assert.Equal(0m, c.TotalChange);
        Assert.False(c.GradeChanged);
        Assert.Equal(0m, c.PayoutChange);
        Assert.Empty(c.ChangedNodes);
        Assert.Empty(c.ChangedGates);
    }

    [Fact]
    public void Between_NoBasePay_PayoutChangeNull()
    {
        var scheme = EvaluationFixtures.ThreeIndicators();
        var c = AssessmentComparison.Between(EvaluationFixtures.Assess(scheme, EvaluationFixtures.Abc(8m, 6m, 10m)), EvaluationFixtures.Assess(scheme, EvaluationFixtures.Abc(9m, 6m, 10m)));

        Assert.Null(c.PayoutChange);
    }

    [Fact]
    public void Between_GateFlips_ListsGateId()
    {
        // Gate g: value of a ≥ 9 or pay is cancelled. Before a = 8 fails (payout 0); after a = 9 passes:
        // 50 × 0.9 + 18 + 20 = 83 → B, payout 1000 × 1.10 = 1100.
        var scheme = EvaluationFixtures.ThreeIndicators(more: b => b.Gate("g", g => g.OnValue("a", 9m).CancelPayout()));
        var before = EvaluationFixtures.Assess(scheme, EvaluationFixtures.Abc(8m, 6m, 10m, "CM1", 1000m));
        var after = EvaluationFixtures.Assess(scheme, EvaluationFixtures.Abc(9m, 6m, 10m, "CM1", 1000m));

        var c = AssessmentComparison.Between(before, after);

        Assert.Equal(["g"], c.ChangedGates.AsEnumerable());
        Assert.Equal(1100m, c.PayoutChange);
    }

    [Fact]
    public void Between_DifferentSchemes_NodesOnOneSideListed()
    {
        // Before: a, b, c; after: a 50, b 50 only. Node c exists before only; b's weight changes its contribution.
        var two = EvaluationFixtures.Start().Root(PerfKit.Model.WeightMode.Percent, r => r
            .Indicator("a", 50m, "m_a", PerfKit.Scoring.Scorers.Linear(0m, 10m))
            .Indicator("b", 50m, "m_b", PerfKit.Scoring.Scorers.Linear(0m, 10m))).Build();
        var before = EvaluationFixtures.Assess(EvaluationFixtures.ThreeIndicators(), EvaluationFixtures.Abc(10m, 10m, 10m));
        var after = EvaluationFixtures.Assess(two, EvaluationFixtures.Abc(10m, 10m, null));

        var c = AssessmentComparison.Between(before, after);

        // Root 100 → 100 unchanged; a 50 → 50 unchanged; b 30 → 50; c 20 → absent (0).
        Assert.Equal(["b", "c"], c.ChangedNodes.Select(n => n.Path));
        Assert.Equal((20m, 0m, (decimal?)null), (c.ChangedNodes[1].ContributionBefore, c.ChangedNodes[1].ContributionAfter, c.ChangedNodes[1].ScoreAfter));
    }

    [Fact]
    public void Between_OtherSubjectOrNull_Throws()
    {
        var scheme = EvaluationFixtures.ThreeIndicators();
        var s1 = EvaluationFixtures.Assess(scheme, EvaluationFixtures.Abc(8m, 6m, 10m, "S1"));
        var s2 = EvaluationFixtures.Assess(scheme, EvaluationFixtures.Abc(8m, 6m, 10m, "S2"));

        Assert.Throws<ArgumentException>(() => AssessmentComparison.Between(s1, s2));
        Assert.Throws<ArgumentNullException>(() => AssessmentComparison.Between(null!, s1));
        Assert.Throws<ArgumentNullException>(() => AssessmentComparison.Between(s1, null!));
    }
}
