using System;
using System.Linq;
using PerfKit.Building;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>
/// Gates on one group read the same score whatever their order; a zeroScore consequence empties the contributions
/// inside the zeroed group, which limits penalties scoped there
/// (docs/evaluation.md, "Gates" and "Adjustments").
/// </summary>
public sealed partial class SchemeEvaluatorTests
{
    // Root percent: s1 50 (indicator a, linear 0 → 10), s2 50 (indicator b, linear 0 → 10).
    private static SchemeBuilder GateConsequenceTwoSections() => Scheme.CreateBuilder("t", "1")
        .Name("Two sections")
        .Grade("A", null, 1m)
        .Root(WeightMode.Percent, r => r
            .Section("s1", 50m, WeightMode.Percent, s => s.Indicator("a", 100m, "a", Scorers.Linear(0m, 10m)))
            .Section("s2", 50m, WeightMode.Percent, s => s.Indicator("b", 100m, "b", Scorers.Linear(0m, 10m))));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_TwoGatesOnOneGroup_BothReadTheScoreBeforeZeroing(bool zeroGateFirst)
    {
        var builder = GateConsequenceTwoSections();
        Action<GateBuilder> zero = g => g.OnScore("s1", 0.6m).ZeroScore("s1");
        Action<GateBuilder> cancel = g => g.OnScore("s1", 0.5m).CancelPayout();
        var scheme = (zeroGateFirst ? builder.Gate("zero", zero).Gate("cancel", cancel) : builder.Gate("cancel", cancel).Gate("zero", zero)).Build();

        var a = SchemeEvaluator.Create(scheme).EvaluateOrThrow(SubjectInput.For("x").Value("a", 5.5m).Value("b", 5m).BasePay(100m).Build());

        // s1 = 5.5/10 = 0.55: below 0.6 (zero fails), at least 0.5 (cancel passes) — in either declared order.
        // s1 is then zeroed: root = (50 × 0 + 50 × 0.5) / 100 = 0.25 → base 25; payout 100 × 1 = 100.
        var zeroResult = a.Gates.Single(g => g.Gate.Id == "zero");
        var cancelResult = a.Gates.Single(g => g.Gate.Id == "cancel");
        Assert.False(zeroResult.Passed);
        Assert.Equal(0.55m, zeroResult.Actual);
        Assert.True(cancelResult.Passed);
        Assert.Equal(0.55m, cancelResult.Actual);
        Assert.Equal(0m, a.Root.Children[0].Score);
        Assert.True(a.Root.Children[0].ZeroedByGate);
        Assert.Equal(25m, a.BasePoints);
        Assert.False(a.PayoutCancelled);
        Assert.Equal(100m, a.Payout);
    }

    [Fact]
    public void Evaluate_PenaltyScopedInsideZeroedGroup_LimitedToZeroContribution()
    {
        var scheme = Scheme.CreateBuilder("t", "1")
            .Name("Nested")
            .Grade("A", null, 1m)
            .Root(WeightMode.Percent, r => r
                .Section("outer", 50m, WeightMode.Percent, o => o
                    .Section("inner", 100m, WeightMode.Percent, s => s.Indicator("a", 100m, "a", Scorers.Linear(0m, 10m))))
                .Section("s2", 50m, WeightMode.Percent, s => s.Indicator("b", 100m, "b", Scorers.Linear(0m, 10m))))
            .Gate("zero", g => g.OnValue("s2/b", 6m).ZeroScore("outer"))
            .Penalty("p", "violations", 10m, null, p => p.ScopedTo("outer/inner"))
            .Build();

        var a = SchemeEvaluator.Create(scheme).EvaluateOrThrow(SubjectInput.For("x").Value("a", 8m).Value("b", 5m).Value("violations", 3m).Build());

        // b = 5 < 6: outer (score 0.8) is zeroed, so outer/inner and a contribute 0 points although their own scores stay 0.8.
        // root = (50 × 0 + 50 × 0.5) / 100 = 0.25 → base 25. The penalty 3 × 10 = 30 is limited to inner's 0 points:
        // applied 0, dropped 30, total 25.
        var outer = a.Root.Children[0];
        var inner = outer.Children[0];
        Assert.Equal(0m, outer.Contribution);
        Assert.Equal(0.8m, inner.Score);
        Assert.Equal(0m, inner.Contribution);
        Assert.Equal(0m, inner.Children[0].Contribution);
        Assert.Equal(25m, a.Root.Children[1].Contribution);
        var penalty = Assert.Single(a.Adjustments);
        Assert.Equal(30m, penalty.Raw);
        Assert.Equal(0m, penalty.Applied);
        Assert.Equal(30m, penalty.Dropped);
        Assert.Equal(25m, a.RoundedTotal);
    }
}
