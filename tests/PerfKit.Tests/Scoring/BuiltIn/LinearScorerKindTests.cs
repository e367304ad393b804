using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring.BuiltIn;

public sealed class LinearScorerKindTests
{
    [Fact]
    public void Create_BaselineEqualsTarget_ReportsTarget()
        => SingleProblem(Scorers.Linear(5m, 5m), ProblemCodes.LinearBaselineEqualsTarget, "target", "5");

    [Theory]
    [InlineData("0.9")]
    [InlineData("0")]
    [InlineData("-1")]
    public void Create_CapBelowOne_ReportsCap(string cap)
    {
        var problems = Problems(Scorers.Linear(0m, 10m, cap: D(cap), floor: -2m));

        var problem = Assert.Single(problems);
        AssertProblem(problem, ProblemCodes.LinearCap, "monthly/x.scorer.cap", cap);
    }

    [Fact]
    public void Create_CapExactlyOne_IsValid()
        => Assert.Empty(Problems(Scorers.Linear(0m, 10m, cap: 1m)));

    [Fact]
    public void Create_FloorEqualToCap_ReportsFloor()
        => SingleProblem(Scorers.Linear(0m, 10m, cap: 1.2m, floor: 1.2m), ProblemCodes.LinearFloor, "floor", "1.2");

    [Fact]
    public void Create_FloorAboveDefaultCap_ReportsFloor()
        => SingleProblem(Scorers.Linear(0m, 10m, floor: 1.5m), ProblemCodes.LinearFloor, "floor", "1.5");

    [Fact]
    public void Create_FloorJustBelowCap_IsValid()
        => Assert.Empty(Problems(Scorers.Linear(0m, 10m, floor: 0.99m)));

    [Theory]
    [InlineData("10")]    // on the target: the target is excluded
    [InlineData("11")]    // beyond the target
    [InlineData("-0.01")] // behind the baseline
    public void Create_HigherIsBetterStartLineOutsideBaselineToTarget_ReportsStartLine(string line)
        => SingleProblem(Scorers.Linear(0m, 10m, startLine: D(line)), ProblemCodes.LinearStartLine, "startLine", line);

    [Theory]
    [InlineData("0.5")]   // on the target
    [InlineData("0.4")]   // beyond the target (better than it)
    [InlineData("2.1")]   // behind the baseline (worse than it)
    public void Create_LowerIsBetterStartLineOutsideBaselineToTarget_ReportsStartLine(string line)
        => SingleProblem(Scorers.Linear(2m, 0.5m, startLine: D(line)), ProblemCodes.LinearStartLine, "startLine", line);

    [Theory]
    [InlineData("2")]     // on the baseline: included
    [InlineData("0.51")]  // just before the target
    public void Create_LowerIsBetterStartLineInside_IsValid(string line)
        => Assert.Empty(Problems(Scorers.Linear(2m, 0.5m, startLine: D(line))));

    [Fact]
    public void Create_HigherIsBetterStartLineOnBaseline_IsValid()
        => Assert.Empty(Problems(Scorers.Linear(0m, 10m, startLine: 0m)));

    [Fact]
    public void Create_SeveralValueProblems_ReportsEachOfThem()
    {
        // baseline = target, and floor 2 not below the cap 1.5 (the start line cannot be placed without a direction).
        var problems = Problems(Scorers.Linear(10m, 10m, cap: 1.5m, floor: 2m, startLine: 20m));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.LinearBaselineEqualsTarget, "monthly/x.scorer.target", "10"),
            p => AssertProblem(p, ProblemCodes.LinearFloor, "monthly/x.scorer.floor", "2"));
    }

    [Fact]
    public void Create_CapBelowOneWithDefaultFloor_ReportsOnlyTheCap()
        => SingleProblem(Scorers.Linear(0m, 10m, cap: 0m), ProblemCodes.LinearCap, "cap", "0"); // not also "floor 0 ≥ cap 0"

    [Fact]
    public void Create_CapAndStartLineWrong_ReportsBoth()
    {
        // cap 0.5 < 1 and start line 20 beyond the target 10; the floor 0.7 is not compared with the rejected cap.
        var problems = Problems(Scorers.Linear(0m, 10m, cap: 0.5m, floor: 0.7m, startLine: 20m));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.LinearCap, "monthly/x.scorer.cap", "0.5"),
            p => AssertProblem(p, ProblemCodes.LinearStartLine, "monthly/x.scorer.startLine", "20"));
    }

    [Fact]
    public void Create_MissingBaseline_ReportsParameterMissing()
        => SingleProblem(Spec("linear", ("target", N(10m))), ProblemCodes.ScorerParameterMissing, "baseline", null);

    [Fact]
    public void Create_MissingBaselineAndTarget_ReportsBoth()
    {
        var problems = Problems(Spec("linear"));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.ScorerParameterMissing, "monthly/x.scorer.baseline", null),
            p => AssertProblem(p, ProblemCodes.ScorerParameterMissing, "monthly/x.scorer.target", null));
    }

    [Fact]
    public void Create_TextWhereNumberExpected_ReportsParameterType()
        => SingleProblem(Spec("linear", ("baseline", T("zero")), ("target", N(10m))), ProblemCodes.ScorerParameterType, "baseline", "zero");

    [Fact]
    public void Create_ListWhereNumberExpected_ReportsParameterTypeWithTheListText()
        => SingleProblem(
            Spec("linear", ("baseline", N(0m)), ("target", N(10m)), ("cap", ParameterValue.List([N(1m), N(2m)]))),
            ProblemCodes.ScorerParameterType, "cap", "[1, 2]");

    [Fact]
    public void Create_UnknownParameter_ReportsParameterUnknown()
        => SingleProblem(Spec("linear", ("baseline", N(0m)), ("target", N(10m)), ("ceiling", N(1.2m))), ProblemCodes.ScorerParameterUnknown, "ceiling", "1.2");
}
