using System.Collections.Generic;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring.BuiltIn;

public sealed class RatingScorerKindTests
{
    private static readonly KeyValuePair<string, decimal>[] Roles = [new("superior", 50m), new("peer", 30m), new("subordinate", 20m)];

    [Theory]
    [InlineData("5", "1")]
    [InlineData("3", "3")]
    public void Create_HighNotAboveLow_ReportsScaleAtHigh(string low, string high)
        => SingleProblem(Scorers.Rating(D(low), D(high), Roles), ProblemCodes.RatingScale, "high", high);

    [Fact]
    public void Create_ScaleReversedWithTarget_ReportsOnlyTheScale()
        => SingleProblem(Scorers.Rating(5m, 1m, Roles, target: 3m), ProblemCodes.RatingScale, "high", "1"); // 3 is not checked against [5, 1]

    [Fact]
    public void Create_ScaleReversedWithNegativeTarget_ReportsBoth()
    {
        var problems = Problems(Scorers.Rating(5m, 1m, Roles, target: -3m));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.RatingScale, "monthly/x.scorer.high", "1"),
            p => AssertProblem(p, ProblemCodes.RatingTarget, "monthly/x.scorer.target", "-3"));
    }

    [Fact]
    public void Create_NoRoles_ReportsRoles()
        => SingleProblem(Scorers.Rating(1m, 5m, []), ProblemCodes.RatingRoles, "roles", "{}");

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void Create_RoleWeightNotPositive_ReportsThatRole(string weight)
        => SingleProblem(Scorers.Rating(1m, 5m, [new("superior", 50m), new("peer", D(weight))]), ProblemCodes.RatingRoles, "roles.peer", weight);

    [Fact]
    public void Create_RoleNameBreakingTheIdRule_ReportsThatRole()
        => SingleProblem(Scorers.Rating(1m, 5m, [new("peer group", 30m)]), ProblemCodes.RatingRoles, "roles.peer group", "peer group");

    [Fact]
    public void Create_RoleWeightAsText_ReportsThatRole()
        => SingleProblem(
            Spec("rating", ("low", N(1m)), ("high", N(5m)), ("roles", Map(("peer", T("heavy"))))),
            ProblemCodes.RatingRoles, "roles.peer", "heavy");

    [Theory]
    [InlineData("6")]   // above the high end
    [InlineData("1")]   // on the low end: every rating would reach it
    [InlineData("0.5")] // below the low end
    public void Create_TargetOutsideTheScale_ReportsTarget(string target)
        => SingleProblem(Scorers.Rating(1m, 5m, Roles, target: D(target)), ProblemCodes.RatingTarget, "target", target);

    [Fact]
    public void Create_TargetOnTheHighEnd_IsValid()
        => Assert.Empty(Problems(Scorers.Rating(1m, 5m, Roles, target: 5m)));

    [Fact]
    public void Create_CapWithoutTarget_ReportsCap()
        => SingleProblem(Scorers.Rating(1m, 5m, Roles, cap: 1.2m), ProblemCodes.RatingCap, "cap", "1.2");

    [Fact]
    public void Create_CapBelowOne_ReportsCap()
        => SingleProblem(Scorers.Rating(1m, 5m, Roles, target: 4m, cap: 0.9m), ProblemCodes.RatingCap, "cap", "0.9");

    [Fact]
    public void Create_MissingRoles_ReportsParameterMissing()
        => SingleProblem(Spec("rating", ("low", N(1m)), ("high", N(5m))), ProblemCodes.ScorerParameterMissing, "roles", null);

    [Fact]
    public void Create_NothingGiven_ReportsEveryMissingParameter()
    {
        var problems = Problems(Spec("rating"));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.ScorerParameterMissing, "monthly/x.scorer.low", null),
            p => AssertProblem(p, ProblemCodes.ScorerParameterMissing, "monthly/x.scorer.high", null),
            p => AssertProblem(p, ProblemCodes.ScorerParameterMissing, "monthly/x.scorer.roles", null));
    }

    [Fact]
    public void Create_RolesNotAMap_ReportsParameterTypeOnly()
        => SingleProblem(Spec("rating", ("low", N(1m)), ("high", N(5m)), ("roles", N(100m))), ProblemCodes.ScorerParameterType, "roles", "100");

    [Fact]
    public void Create_CapAboveOneWithTarget_RequiresMaxPoints()
    {
        // The scorer can exceed 1 (min(5 ÷ 4, 1.2) = 1.2), so a scheme without maxPoints is refused.
        var problems = PerfKit.Model.Scheme.CreateBuilder("unit", "1")
            .Name("Unit")
            .Grade("D", null, 1m)
            .Root(PerfKit.Model.WeightMode.Fraction, r => r.Indicator("x", 1m, "x", Scorers.Rating(1m, 5m, Roles, target: 4m, cap: 1.2m)))
            .Validate();

        var problem = Assert.Single(problems);
        AssertProblem(problem, ProblemCodes.MaxPointsRequired, "maxPoints", null);
    }
}
