using System.Collections.Generic;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring;

/// <summary>The extension point: a host kind ("closeness") registered, validated, used in a scheme and evaluated.</summary>
public sealed class IScorerKindTests
{
    private static readonly ScorerRegistry Registry = ScorerRegistry.Default.With(new ClosenessScorerKind());

    private static ScorerSpec Closeness(decimal target, decimal tolerance)
        => Scorers.Custom("closeness", [new("target", target), new("tolerance", tolerance)]);

    [Theory]
    [InlineData("100", "1")]    // on target: 1 − 0 / 20
    [InlineData("110", "0.5")]  // 1 − 10 / 20
    [InlineData("85", "0.25")]  // 1 − 15 / 20
    [InlineData("120", "0")]    // 1 − 20 / 20
    [InlineData("130", "0")]    // max(0, 1 − 30 / 20 = −0.5)
    public void Score_CustomKind_ScoresByItsOwnFormula(string x, string expected)
    {
        var scorer = Create(Closeness(100m, 20m), Registry);

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
        Assert.Equal(ScoreDirection.None, scorer.Direction);
    }

    [Fact]
    public void Evaluate_SchemeWithCustomKind_CombinesItLikeAnyScorer()
    {
        var scheme = Scheme.CreateBuilder("closeness-demo", "1", Registry)
            .Name("Forecast accuracy")
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r
                .Indicator("forecast", 60m, "forecast", Closeness(100m, 20m))
                .Indicator("accounts", 40m, "accounts", Scorers.Linear(0m, 10m)))
            .Build();

        var assessment = SchemeEvaluator.Create(scheme).EvaluateOrThrow(
            SubjectInput.For("CM001").Value("forecast", 85m).Value("accounts", 8m).Build());

        // forecast: 1 − |85 − 100| / 20 = 0.25; accounts: 8 / 10 = 0.8
        // root = (60 × 0.25 + 40 × 0.8) / (60 + 40) = (15 + 32) / 100 = 0.47; base = 0.47 × 100 = 47
        var forecast = assessment.Root.Children[0];
        Assert.Equal(0.25m, forecast.Score);
        Assert.Equal(15m, Assert.Single(forecast.Intermediates).Value);  // distance |85 − 100|
        Assert.Equal(47m, assessment.BasePoints);
        Assert.Equal(47m, assessment.RoundedTotal);
        Assert.Equal("D", assessment.Grade.Name);
        Assert.Equal("1", scheme.Indicators[0].ScorerVersion);
    }

    [Fact]
    public void Create_CustomKindWithoutTolerance_ReportsParameterMissing()
        => SingleProblem(Scorers.Custom("closeness", [new("target", 100m)]), ProblemCodes.ScorerParameterMissing, "tolerance", null, Registry);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Create_CustomKindWithNonPositiveTolerance_ReportsItsOwnCode(string tolerance)
        => SingleProblem(Closeness(100m, D(tolerance)), ClosenessScorerKind.ToleranceCode, "tolerance", tolerance, Registry);

    [Fact]
    public void Create_CustomKindWithUnknownParameter_ReportsParameterUnknown()
        => SingleProblem(
            Scorers.Custom("closeness", [new("target", 100m), new("tolerance", 20m), new("spread", 3m)]),
            ProblemCodes.ScorerParameterUnknown, "spread", "3", Registry);

    [Fact]
    public void Create_CustomKindWithProblems_ReportsEveryOne()
    {
        // missing target, unknown parameter: both, in the order found (read, then unknown).
        var problems = Problems(Scorers.Custom("closeness", [new("tolerance", 20m), new("spread", 3m)]), Registry);

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.ScorerParameterMissing, "monthly/x.scorer.target", null),
            p => AssertProblem(p, ProblemCodes.ScorerParameterUnknown, "monthly/x.scorer.spread", "3"));
    }

    [Fact]
    public void Build_ValueGateOnCustomKindWithoutDirection_ReportsGateDirection()
    {
        var problems = ScorerTestKit.SchemeWith(Closeness(100m, 20m), Registry)
            .Gate("accuracy", g => g.OnValue("monthly/x", 90m).CancelPayout())
            .Validate();

        var problem = Assert.Single(problems);
        AssertProblem(problem, ProblemCodes.GateDirection, "gates[0].direction", null);
    }

    [Fact]
    public void Build_ValueGateOnCustomKindWithDeclaredDirection_IsValid()
    {
        var scheme = ScorerTestKit.SchemeWith(Closeness(100m, 20m), Registry)
            .Gate("accuracy", g => g.OnValue("monthly/x", 90m).Direction(ScoreDirection.HigherIsBetter).CancelPayout())
            .Build();

        Assert.Equal(ScoreDirection.HigherIsBetter, scheme.Gates.Single().Direction);
    }

    [Fact]
    public void Build_ScoreGateOnCustomKind_NeedsNoDirection()
        => Assert.Empty(ScorerTestKit.SchemeWith(Closeness(100m, 20m), Registry)
            .Gate("accuracy", g => g.OnScore("monthly/x", 0.5m).CancelPayout())
            .Validate());

    [Fact]
    public void Build_CustomKindNotRegistered_ReportsUnknownKind()
    {
        var problems = Problems(Closeness(100m, 20m));

        var problem = Assert.Single(problems);
        AssertProblem(problem, ProblemCodes.ScorerUnknownKind, "monthly/x.scorer", "closeness");
        Assert.Contains("linear", problem.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_ParametersAreNumbers()
    {
        var spec = Closeness(100m, 20m);

        Assert.Equal("closeness", spec.Kind);
        Assert.Equal(new Dictionary<string, decimal> { ["target"] = 100m, ["tolerance"] = 20m }, spec.Parameters.ToDictionary(p => p.Key, p => p.Value.Number));
        Assert.Equal("closeness(target: 100, tolerance: 20)", spec.ToString());
    }
}
