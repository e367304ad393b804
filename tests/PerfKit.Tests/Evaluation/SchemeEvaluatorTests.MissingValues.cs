using System;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Missing-value policies (spec §6). ThreeIndicators: a 50, b 30, c 20, each linear 0 → 10.</summary>
public sealed partial class SchemeEvaluatorTests
{
    [Fact]
    public void Evaluate_MissingValueUnderErrorPolicy_ValueMissingNamingIndicatorAndSubject()
    {
        var problem = SingleProblem(ThreeIndicators(MissingValuePolicy.Error), Abc(null, 10m, 5m, id: "S-17"));

        Assert.Equal(ProblemCodes.ValueMissing, problem.Code);
        Assert.Equal("a", problem.Path);
        Assert.Equal("S-17", problem.SubjectId);
        Assert.Null(problem.AttemptedValue);
        Assert.Contains("m_a", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingValueUnderMinimumPolicy_ScoresLinearFloor()
    {
        // a missing → floor 0; b 10 → 1; c 5 → 0.5; root = (50×0 + 30×1 + 20×0.5) / 100 = 0.4 → 40.
        var a = Assess(ThreeIndicators(MissingValuePolicy.Minimum), Abc(null, 10m, 5m));

        var node = a.Node("a");
        Assert.True(node.IsMissing);
        Assert.False(node.IsExcluded);
        Assert.Null(node.Value);
        Assert.Equal(0m, node.ScorerScore);
        Assert.Equal(0m, node.Score);
        Assert.Contains(node.Notes, n => n.Contains("minimum", StringComparison.Ordinal));
        Assert.Equal(0.5m, node.EffectiveWeight);
        Assert.Equal(40m, a.BasePoints);
        Assert.Empty(a.Exclusions);
    }

    [Fact]
    public void Evaluate_MissingValueUnderMinimumPolicy_NegativeFloorPullsGroupDown()
    {
        // a: linear 0 → 10 with floor −0.5; missing → −0.5; root = (50×(−0.5) + 30 + 20×0.5) / 100 = 15 / 100 → 15.
        var scheme = Start().Root(WeightMode.Percent, r => r
                .Indicator("a", 50m, "m_a", Scorers.Linear(0m, 10m, floor: -0.5m), i => i.WhenMissing(MissingValuePolicy.Minimum))
                .Indicator("b", 30m, "m_b", Scorers.Linear(0m, 10m))
                .Indicator("c", 20m, "m_c", Scorers.Linear(0m, 10m)))
            .Build();

        var a = Assess(scheme, Abc(null, 10m, 5m));

        Assert.Equal(-0.5m, a.Node("a").Score);
        Assert.Equal(15m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_MinimumPolicyOnBandThresholdAndRating_ScoresEachScorersMinimum()
    {
        // band: below 0.1; threshold: fail 0.25; rating without target: 0.
        // root (percent 50/25/25) = (50×0.1 + 25×0.25 + 25×0) / 100 = (5 + 6.25) / 100 = 0.1125 → 11.25.
        var scheme = Start().Root(WeightMode.Percent, r => r
                .Indicator("band", 50m, "m_band", Scorers.Band(ScoreDirection.HigherIsBetter, [(5m, 0.5m), (10m, 1m)], below: 0.1m), i => i.WhenMissing(MissingValuePolicy.Minimum))
                .Indicator("thr", 25m, "m_thr", Scorers.Threshold(ScoreDirection.HigherIsBetter, 3m, fail: 0.25m), i => i.WhenMissing(MissingValuePolicy.Minimum))
                .Indicator("rating", 25m, "m_rating", Scorers.Rating(1m, 5m, [new("superior", 1m)]), i => i.WhenMissing(MissingValuePolicy.Minimum)))
            .Build();

        var a = Assess(scheme, SubjectInput.For("S1").Build());

        Assert.Equal(0.1m, a.Node("band").Score);
        Assert.Equal(0.25m, a.Node("thr").Score);
        Assert.Equal(0m, a.Node("rating").Score);
        Assert.Equal(11.25m, a.BasePoints);
        Assert.All(a.Root.Children, n => Assert.True(n.IsMissing));
    }

    [Fact]
    public void Evaluate_MissingValueUnderExcludePolicy_SiblingsReweighted()
    {
        // a excluded → root = (30×1 + 20×0.5) / (30 + 20) = 40 / 50 = 0.8 → 80.
        // Effective weights over the included siblings: b 30/50 = 0.6, c 20/50 = 0.4, a 0.
        var a = Assess(ThreeIndicators(MissingValuePolicy.Exclude), Abc(null, 10m, 5m));

        var node = a.Node("a");
        Assert.True(node.IsExcluded);
        Assert.True(node.IsMissing);
        Assert.Null(node.Score);
        Assert.Null(node.ScorerScore);
        Assert.Equal(0m, node.EffectiveWeight);
        Assert.Equal(0m, node.Contribution);
        Assert.Equal(50m, node.Weight);
        Assert.Equal(0.6m, a.Node("b").EffectiveWeight);
        Assert.Equal(0.4m, a.Node("c").EffectiveWeight);
        Assert.Equal(80m, a.BasePoints);
        var exclusion = Assert.Single(a.Exclusions);
        Assert.Equal("a", exclusion.Path);
        Assert.Contains("m_a", exclusion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExcludedInsideNestedGroup_ReweightsOnlyWithinThatGroup()
    {
        // g (50) = { x 50 (exclude), y 50 }, z 50. x missing, y 10 → g = 50×1 / 50 = 1; z 0 → 0;
        // root = (50×1 + 50×0) / 100 = 0.5 → 50: g keeps its own weight 50.
        var scheme = Start().Root(WeightMode.Percent, r => r
                .Section("g", 50m, WeightMode.Percent, g => g
                    .Indicator("x", 50m, "m_x", Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Exclude))
                    .Indicator("y", 50m, "m_y", Scorers.Linear(0m, 10m)))
                .Indicator("z", 50m, "m_z", Scorers.Linear(0m, 10m)))
            .Build();

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_y", 10m).Value("m_z", 0m).Build());

        Assert.Equal(1m, a.Node("g").Score);
        Assert.Equal(0.5m, a.Node("g").EffectiveWeight);
        Assert.Equal(0.5m, a.Node("g/y").EffectiveWeight);
        Assert.Equal(50m, a.BasePoints);
    }

    private static Scheme GroupOfExcludables(Action<PerfKit.Building.SchemeBuilder>? more = null)
    {
        // g 40 { x, y: normalize, both exclude }, z 60 (linear 0 → 10).
        var builder = Start().Root(WeightMode.Percent, r => r
            .Section("g", 40m, WeightMode.Normalize, g => g
                .Indicator("x", 1m, "m_x", Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Exclude))
                .Indicator("y", 1m, "m_y", Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Exclude)))
            .Indicator("z", 60m, "m_z", Scorers.Linear(0m, 10m)));
        more?.Invoke(builder);
        return builder.Build();
    }

    [Fact]
    public void Evaluate_GroupWhoseChildrenAreAllExcluded_GroupExcludedAndRecorded()
    {
        // x, y missing → g excluded → root = 60×0.5 / 60 = 0.5 → 50; z's effective weight is 1.
        var a = Assess(GroupOfExcludables(), SubjectInput.For("S1").Value("m_z", 5m).Build());

        Assert.True(a.Node("g").IsExcluded);
        Assert.Null(a.Node("g").Score);
        Assert.Equal(0m, a.Node("g").EffectiveWeight);
        Assert.Equal(1m, a.Node("z").EffectiveWeight);
        Assert.Equal(50m, a.BasePoints);
        Assert.Equal(new[] { "g", "g/x", "g/y" }, a.Exclusions.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(a.Exclusions, e => e.Path == "g" && e.Reason.Contains("all children excluded", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_EveryIndicatorExcluded_AllExcludedProblem()
    {
        var scheme = Start().Root(WeightMode.Normalize, r => r
                .Indicator("x", 1m, "m_x", Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Exclude))
                .Indicator("y", 1m, "m_y", Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Exclude)))
            .Build();

        var problem = SingleProblem(scheme, SubjectInput.For("S-empty").Build());

        Assert.Equal(ProblemCodes.AllExcluded, problem.Code);
        Assert.Equal("/", problem.Path);
        Assert.Equal("S-empty", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_MissingUnderErrorPolicyInSeveralIndicators_EveryOneReported()
    {
        var result = SchemeEvaluator.Create(ThreeIndicators()).Evaluate(Abc(null, null, 5m));

        Assert.Equal(new[] { "a", "b" }, result.Problems.Select(p => p.Path));
        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.ValueMissing, p.Code));
    }
}
