using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring.BuiltIn;

public sealed class ThresholdScorerKindTests
{
    [Fact]
    public void Create_PassAboveOne_ReportsPass()
        => SingleProblem(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m, pass: 1.5m), ProblemCodes.ThresholdScores, "pass", "1.5");

    [Fact]
    public void Create_FailEqualToPass_ReportsFail()
        => SingleProblem(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m, pass: 0.5m, fail: 0.5m), ProblemCodes.ThresholdScores, "fail", "0.5");

    [Fact]
    public void Create_FailAbovePass_ReportsFail()
        => SingleProblem(Scorers.Threshold(ScoreDirection.LowerIsBetter, 2m, pass: 0.6m, fail: 0.8m), ProblemCodes.ThresholdScores, "fail", "0.8");

    [Fact]
    public void Create_NegativeFail_ReportsFail()
        => SingleProblem(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m, fail: -0.1m), ProblemCodes.ThresholdScores, "fail", "-0.1");

    [Fact]
    public void Create_NegativePass_ReportsOnlyThePass()
        => SingleProblem(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m, pass: -0.1m), ProblemCodes.ThresholdScores, "pass", "-0.1"); // not also "fail 0 ≥ pass"

    [Fact]
    public void Create_PassAndFailBothAboveOne_ReportsBoth()
    {
        var problems = Problems(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m, pass: 1.5m, fail: 1.2m));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.ThresholdScores, "monthly/x.scorer.pass", "1.5"),
            p => AssertProblem(p, ProblemCodes.ThresholdScores, "monthly/x.scorer.fail", "1.2"));
    }

    [Fact]
    public void Create_PassOneFailZero_IsValid()
        => Assert.Empty(Problems(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m, pass: 1m, fail: 0m)));

    [Fact]
    public void Create_MissingThreshold_ReportsParameterMissing()
        => SingleProblem(Spec("threshold", ("direction", T("higherIsBetter"))), ProblemCodes.ScorerParameterMissing, "threshold", null);

    [Fact]
    public void Create_ThresholdAsText_ReportsParameterType()
        => SingleProblem(Spec("threshold", ("direction", T("higherIsBetter")), ("threshold", T("95%"))), ProblemCodes.ScorerParameterType, "threshold", "95%");

    [Fact]
    public void Create_DirectionNone_ReportsParameterValue()
        => SingleProblem(Spec("threshold", ("direction", T("none")), ("threshold", N(1m))), ProblemCodes.ScorerParameterValue, "direction", "none");
}
