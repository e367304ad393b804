using System.Linq;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Overrides (spec §9; evaluation steps 1 and 2).</summary>
public sealed partial class SchemeEvaluatorTests
{
    private static SubjectInput AbcWith(decimal a, params Override[] overrides)
    {
        var b = SubjectInput.For("S1").Value("m_a", a).Value("m_b", 10m).Value("m_c", 10m);
        foreach (var o in overrides)
        {
            b.With(o);
        }

        return b.Build();
    }

    [Fact]
    public void Evaluate_ValueOverride_ScoredFromReplacementOriginalKept()
    {
        // a 4 overridden to 8 → 0.8; root = (40 + 30 + 20) / 100 = 0.9 → 90.
        var o = Override.OfValue("a", 8m, "appeal 2024-17", "hr.lee");

        var a = Assess(ThreeIndicators(), AbcWith(4m, o));

        var node = a.Node("a");
        Assert.Equal(MeasureValue.Of(8m), node.Value);
        Assert.Equal(MeasureValue.Of(4m), node.OriginalValue);
        Assert.Equal(0.8m, node.ScorerScore);
        Assert.Equal(90m, a.BasePoints);
        var record = Assert.Single(a.Overrides);
        Assert.Same(o, record.Override);
        Assert.Equal(MeasureValue.Of(4m), record.OriginalValue);
        Assert.Null(record.OriginalScore);
        Assert.Equal("appeal 2024-17", record.Override.Reason);
        Assert.Equal("hr.lee", record.Override.Author);
    }

    [Fact]
    public void Evaluate_ScoreOverride_ScorerScoreAndFinalScoreSideBySide()
    {
        // a 4 → scorer 0.4, overridden to 0.9; root = (45 + 30 + 20) / 100 = 0.95 → 95.
        var a = Assess(ThreeIndicators(), AbcWith(4m, Override.OfScore("a", 0.9m, "appeal", "hr")));

        var node = a.Node("a");
        Assert.Equal(0.4m, node.ScorerScore);
        Assert.Equal(0.9m, node.Score);
        Assert.Null(node.OriginalValue);
        Assert.Equal(95m, a.BasePoints);
        var record = Assert.Single(a.Overrides);
        Assert.Equal(OverrideKind.Score, record.Override.Kind);
        Assert.Equal(0.4m, record.OriginalScore);
        Assert.Null(record.OriginalValue);
    }

    [Fact]
    public void Evaluate_ValueAndScoreOverrideOnOneIndicator_BothApplied()
    {
        // Value 4 → 6 (scorer 0.6), then score 0.9; both recorded.
        var a = Assess(ThreeIndicators(), AbcWith(4m, Override.OfValue("a", 6m, "r1", "x"), Override.OfScore("a", 0.9m, "r2", "y")));

        Assert.Equal(0.6m, a.Node("a").ScorerScore);
        Assert.Equal(0.9m, a.Node("a").Score);
        Assert.Equal(2, a.Overrides.Length);
        Assert.Equal(MeasureValue.Of(4m), a.Overrides.Single(r => r.Override.Kind == OverrideKind.Value).OriginalValue);
        Assert.Equal(0.6m, a.Overrides.Single(r => r.Override.Kind == OverrideKind.Score).OriginalScore);
    }

    [Fact]
    public void Evaluate_OverridePathWithSlashes_Normalized()
    {
        var a = Assess(ThreeIndicators(), AbcWith(4m, Override.OfValue("/a/", 8m, "r", "x")));

        Assert.Equal(0.8m, a.Node("a").Score);
    }

    [Fact]
    public void Evaluate_ValueOverride_FeedsTheValueGate()
    {
        // a 4 fails a ≥ 8, but the override to 8 is what the gate reads → passes.
        var scheme = ThreeIndicators(more: b => b.Gate("gate_a", g => g.OnValue("a", 8m).CancelPayout()));

        var a = Assess(scheme, AbcWith(4m, Override.OfValue("a", 8m, "r", "x")));

        Assert.True(a.GateResult("gate_a").Passed);
        Assert.Equal(8m, a.GateResult("gate_a").Actual);
    }

    [Fact]
    public void Evaluate_ValueOverrideForMissingValue_ScoredOriginalNull()
    {
        // a missing under the error policy; the override supplies 5 → 0.5, so there is no problem.
        var input = SubjectInput.For("S1").Value("m_b", 10m).Value("m_c", 10m).With(Override.OfValue("a", 5m, "late data", "x")).Build();

        var a = Assess(ThreeIndicators(), input);

        Assert.False(a.Node("a").IsMissing);
        Assert.Null(a.Node("a").OriginalValue);
        Assert.Equal(0.5m, a.Node("a").Score);
        Assert.Null(Assert.Single(a.Overrides).OriginalValue);
    }

    [Fact]
    public void Evaluate_ScoreOverrideForMissingValue_ScoredNoProblem()
    {
        var input = SubjectInput.For("S1").Value("m_b", 10m).Value("m_c", 10m).With(Override.OfScore("a", 0.7m, "agreed", "x")).Build();

        var a = Assess(ThreeIndicators(), input);

        Assert.True(a.Node("a").IsMissing);
        Assert.Null(a.Node("a").ScorerScore);
        Assert.Equal(0.7m, a.Node("a").Score);
        Assert.Null(Assert.Single(a.Overrides).OriginalScore);
    }

    [Fact]
    public void Evaluate_OverrideOfUnknownPath_OverrideUnknownNode()
    {
        var problem = SingleProblem(ThreeIndicators(), AbcWith(4m, Override.OfValue("zz", 8m, "r", "x")));

        Assert.Equal(ProblemCodes.OverrideUnknownNode, problem.Code);
        Assert.Equal("zz", problem.Path);
        Assert.Equal("8", problem.AttemptedValue);
        Assert.Equal("S1", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_OverrideOfGroupPath_OverrideUnknownNode()
    {
        var scheme = GroupScheme(_ => { });
        var input = SubjectInput.For("S1").Value("m_x", 1m).Value("m_y", 1m).Value("m_z", 1m).With(Override.OfScore("g", 1m, "r", "x")).Build();

        var problem = SingleProblem(scheme, input);

        Assert.Equal(ProblemCodes.OverrideUnknownNode, problem.Code);
        Assert.Equal("g", problem.Path);
    }

    [Fact]
    public void Evaluate_TwoValueOverridesOnOneIndicator_OverrideInvalid()
    {
        var problem = SingleProblem(ThreeIndicators(), AbcWith(4m, Override.OfValue("a", 8m, "r", "x"), Override.OfValue("a", 9m, "r", "y")));

        Assert.Equal(ProblemCodes.OverrideInvalid, problem.Code);
        Assert.Equal("a", problem.Path);
        Assert.Equal("9", problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_ValueOverrideOnRatingIndicator_OverrideInvalidNotACrash()
    {
        var input = SubjectInput.For("RM-1")
            .Value("deposit_daily_avg_growth", 1500m).Value("loan_volume", 3000m).Value("intermediate_income", 40m)
            .Ratings("capability_360", "superior", 4m)
            .Ratings("attitude_360", "superior", 4m)
            .With(Override.OfValue("capability/capability_360", 4.5m, "appeal", "hr"))
            .Build();

        var problem = SingleProblem(SampleSchemes.CustomerManagerRole(), input);

        Assert.Equal(ProblemCodes.OverrideInvalid, problem.Code);
        Assert.Equal("capability/capability_360", problem.Path);
        Assert.Equal("4.5", problem.AttemptedValue);
        Assert.Equal("RM-1", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_ScoreOverrideOnRatingIndicator_Applied()
    {
        // capability: superior 4 → the scorer gives (4 − 1) / 4 = 0.75, overridden to 1; task at target → 1;
        // attitude: superior 4 → 0.75; root = (60×1 + 25×1 + 15×0.75) / 100 = (60 + 25 + 11.25) / 100 = 0.9625 → 96.25.
        var input = SubjectInput.For("RM-1")
            .Value("deposit_daily_avg_growth", 2000m).Value("loan_volume", 3000m).Value("intermediate_income", 50m)
            .Ratings("capability_360", "superior", 4m)
            .Ratings("attitude_360", "superior", 4m)
            .With(Override.OfScore("capability/capability_360", 1m, "appeal", "hr"))
            .Build();

        var a = Assess(SampleSchemes.CustomerManagerRole(), input);

        Assert.Equal(0.75m, a.Node("capability/capability_360").ScorerScore);
        Assert.Equal(1m, a.Node("capability/capability_360").Score);
        Assert.Equal(96.25m, a.BasePoints);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public void Evaluate_ScoreOverrideOutsideScorerRange_ScoreOutOfRange(string score)
    {
        var value = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture);

        var problem = SingleProblem(ThreeIndicators(), AbcWith(4m, Override.OfScore("a", value, "r", "x")));

        Assert.Equal(ProblemCodes.ScoreOutOfRange, problem.Code);
        Assert.Equal("a", problem.Path);
        Assert.Equal(score, problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_ScoreOverrideAtScorerCap_Accepted()
    {
        // CapScheme's scorer caps at 1.2: a score override of 1.2 is within range → base 120.
        var input = SubjectInput.For("S1").Value("m_a", 5m).With(Override.OfScore("a", 1.2m, "r", "x")).Build();

        var a = Assess(CapScheme(), input);

        Assert.Equal(120m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_SeveralBadOverrides_AllReported()
    {
        var result = SchemeEvaluator.Create(ThreeIndicators()).Evaluate(AbcWith(4m,
            Override.OfValue("zz", 1m, "r", "x"),
            Override.OfScore("b", 2m, "r", "x"),
            Override.OfScore("c", 0.5m, "r", "x"),
            Override.OfScore("c", 0.6m, "r", "x")));

        Assert.Equal(
            new[] { ProblemCodes.OverrideUnknownNode, ProblemCodes.ScoreOutOfRange, ProblemCodes.OverrideInvalid },
            result.Problems.Select(p => p.Code));
    }
}
