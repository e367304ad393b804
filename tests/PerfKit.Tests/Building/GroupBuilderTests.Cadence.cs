using System.Linq;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Building;

/// <summary>Tests of <see cref="PerfKit.Building.GroupBuilder.Cadence"/> and its checks at Build (spec §8).</summary>
public sealed partial class GroupBuilderTests
{
    private static readonly ScorerSpec Unit = Scorers.Linear(0m, 1m);

    [Fact]
    public void Cadence_OnDirectChildrenOfTheRoot_IsKeptOnTheNodes()
    {
        var scheme = EvaluationFixtures.Start()
            .Root(WeightMode.Percent, r => r
                .Section("monthly", 50m, WeightMode.Percent, s => s.Cadence(PeriodKind.Month).Indicator("a", 100m, "a", Unit))
                .Section("quarterly", 50m, WeightMode.Percent, s => s.Indicator("b", 100m, "b", Unit)))
            .Build();

        Assert.Equal(PeriodKind.Month, ((GroupNode)scheme.Root.Children[0]).Cadence);
        Assert.Null(((GroupNode)scheme.Root.Children[1]).Cadence);
        Assert.Null(scheme.Root.Cadence);
    }

    [Fact]
    public void Build_CadenceProblems_AllReportedAtOnce()
    {
        var problems = EvaluationFixtures.Start()
            .Root(WeightMode.Percent, r => r
                .Cadence(PeriodKind.Quarter)
                .Section("custom", 50m, WeightMode.Percent, s => s.Cadence(PeriodKind.Custom).Indicator("a", 100m, "a", Unit))
                .Section("outer", 50m, WeightMode.Percent, s => s
                    .Section("inner", 100m, WeightMode.Percent, i => i.Cadence(PeriodKind.Month).Indicator("b", 100m, "b", Unit))))
            .Validate();

        Assert.Equal(
            [(ProblemCodes.CadencePlacement, "/.cadence"), (ProblemCodes.CadenceInvalid, "custom.cadence"), (ProblemCodes.CadencePlacement, "outer/inner.cadence")],
            problems.Select(p => (p.Code, p.Path)));
        Assert.Equal("quarter", problems[0].AttemptedValue);
    }

    [Fact]
    public void Build_GateZeroingOutsideItsSection_ReportsGateScope()
    {
        var problems = EvaluationFixtures.Start()
            .Root(WeightMode.Percent, r => r
                .Section("monthly", 50m, WeightMode.Percent, s => s.Cadence(PeriodKind.Month).Indicator("a", 100m, "a", Unit))
                .Section("quarterly", 50m, WeightMode.Percent, s => s.Cadence(PeriodKind.Quarter).Indicator("b", 100m, "b", Unit)))
            .Gate("crosses", g => g.OnValue("monthly/a", 1m).ZeroScore("quarterly"))
            .Gate("root", g => g.OnValue("monthly/a", 1m).ZeroScore("/"))
            .Gate("inside", g => g.OnValue("monthly/a", 1m).ZeroScore("monthly"))
            .Validate();

        Assert.Equal([("gates[0].zeroScore", "quarterly"), ("gates[1].zeroScore", "/")], problems.Select(p => (p.Path, p.AttemptedValue)));
        Assert.All(problems, p => Assert.Equal(ProblemCodes.CadenceGateScope, p.Code));
    }

    [Fact]
    public void Build_ScopedPenaltyWithCadences_ReportsScopedPenalty()
    {
        var problems = EvaluationFixtures.Start()
            .Root(WeightMode.Percent, r => r
                .Section("monthly", 100m, WeightMode.Percent, s => s.Cadence(PeriodKind.Month).Indicator("a", 100m, "a", Unit)))
            .Penalty("late", "late", 1m, 5m, p => p.ScopedTo("monthly"))
            .Validate();

        var problem = Assert.Single(problems);
        Assert.Equal(ProblemCodes.CadenceScopedPenalty, problem.Code);
        Assert.Equal("adjustments[0].scope", problem.Path);
    }

    [Fact]
    public void Build_GateZeroingAnotherSectionWithoutCadences_IsStillAllowed()
    {
        var ok = EvaluationFixtures.Start()
            .Root(WeightMode.Percent, r => r
                .Section("x", 50m, WeightMode.Percent, s => s.Indicator("a", 100m, "a", Unit))
                .Section("y", 50m, WeightMode.Percent, s => s.Indicator("b", 100m, "b", Unit)))
            .Gate("crosses", g => g.OnValue("x/a", 1m).ZeroScore("y"))
            .Validate();

        Assert.Empty(ok);
    }
}
