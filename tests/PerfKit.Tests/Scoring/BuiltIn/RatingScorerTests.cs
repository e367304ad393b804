using System.Collections.Generic;
using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Scoring.BuiltIn;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring.BuiltIn;

public sealed class RatingScorerTests
{
    private static readonly KeyValuePair<string, decimal>[] Roles = [new("superior", 50m), new("peer", 30m), new("subordinate", 20m)];

    private static MeasureValue Ratings(params (string Role, decimal[] Values)[] byRole)
        => MeasureValue.Of(RatingSet.Create(byRole.Select(r => new KeyValuePair<string, IEnumerable<decimal>>(r.Role, r.Values))));

    // superior [4] → 4; peer [3, 4] → 3.5; subordinate [5, 4, 3] → 4.
    private static readonly MeasureValue AllRoles = Ratings(("superior", [4m]), ("peer", [3m, 4m]), ("subordinate", [5m, 4m, 3m]));

    [Fact]
    public void Score_AllRolesRated_IsTheRoleWeightedMeanOnTheScale()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        var outcome = scorer.Score(AllRoles);

        // combined = (50 × 4 + 30 × 3.5 + 20 × 4) / (50 + 30 + 20) = (200 + 105 + 80) / 100 = 3.85
        // s = (3.85 − 1) / (5 − 1) = 2.85 / 4 = 0.7125
        Assert.True(outcome.IsValid);
        Assert.Equal(0.7125m, outcome.Score);
        Assert.Empty(outcome.Notes);
    }

    [Fact]
    public void Score_AllRolesRated_ReportsEachRoleMeanAndTheCombinedRating()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        var intermediates = scorer.Score(AllRoles).Intermediates.ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(4m, intermediates["mean.superior"]);
        Assert.Equal(3.5m, intermediates["mean.peer"]);         // (3 + 4) / 2
        Assert.Equal(4m, intermediates["mean.subordinate"]);    // (5 + 4 + 3) / 3
        Assert.Equal(3.85m, intermediates["combined"]);
    }

    [Fact]
    public void Score_MissingRole_IsDroppedAndTheOthersReweighted()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        var outcome = scorer.Score(Ratings(("superior", [4m]), ("peer", [3m, 4m])));

        // combined = (50 × 4 + 30 × 3.5) / (50 + 30) = 305 / 80 = 3.8125
        // s = (3.8125 − 1) / 4 = 2.8125 / 4 = 0.703125
        Assert.Equal(0.703125m, outcome.Score);
        Assert.Equal(3.8125m, outcome.Intermediates.Single(p => p.Key == "combined").Value);
        var note = Assert.Single(outcome.Notes);
        Assert.Contains("'subordinate'", note, System.StringComparison.Ordinal);
        Assert.Contains("re-weighted", note, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Score_RoleWithAnEmptyList_IsDroppedLikeAMissingRole()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        var outcome = scorer.Score(Ratings(("superior", [4m]), ("peer", [3m, 4m]), ("subordinate", [])));

        Assert.Equal(0.703125m, outcome.Score);     // as above: 305 / 80 = 3.8125 → 0.703125
        Assert.Contains(outcome.Notes, n => n.Contains("'subordinate'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Score_OnlyOneRole_IsThatRolesMean()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        var outcome = scorer.Score(Ratings(("peer", [2m, 3m])));

        // combined = 2.5; s = (2.5 − 1) / 4 = 0.375; two roles dropped.
        Assert.Equal(0.375m, outcome.Score);
        Assert.Equal(2, outcome.Notes.Length);
    }

    [Fact]
    public void Score_TargetMode_IsCombinedDividedByTarget()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles, target: 4m, cap: 1.2m));

        // 3.85 ÷ 4 = 0.9625
        Assert.Equal(0.9625m, scorer.Score(AllRoles).Score);
    }

    [Fact]
    public void Score_TargetModeAboveCap_IsCapped()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles, target: 4m, cap: 1.2m));

        // all fives: 5 ÷ 4 = 1.25, capped at 1.2; 4.5 ÷ 4 = 1.125 stays.
        Assert.Equal(1.2m, scorer.Score(Ratings(("superior", [5m]), ("peer", [5m]), ("subordinate", [5m]))).Score);
        Assert.Equal(1.125m, scorer.Score(Ratings(("superior", [4.5m]))).Score);
    }

    [Fact]
    public void Score_TargetModeWithoutCap_CapsAtOne()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles, target: 4m));

        Assert.Equal(1m, scorer.Score(Ratings(("superior", [5m]))).Score); // 5 ÷ 4 = 1.25 → 1
    }

    [Fact]
    public void Score_RatingsOnTheScaleEnds_ScoreZeroAndOne()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        Assert.Equal(0m, scorer.Score(Ratings(("superior", [1m]))).Score);
        Assert.Equal(1m, scorer.Score(Ratings(("superior", [5m]))).Score);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("0.5")]
    public void Score_RatingOutsideTheScale_IsInvalidOutOfScale(string rating)
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        var outcome = scorer.Score(Ratings(("superior", [4m]), ("peer", [D(rating)])));

        Assert.False(outcome.IsValid);
        Assert.False(outcome.IsMissing);
        Assert.Equal(ProblemCodes.RatingOutOfScale, outcome.ErrorCode);
        Assert.Contains(rating, outcome.ErrorMessage, System.StringComparison.Ordinal);
        Assert.Contains("'peer'", outcome.ErrorMessage, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Score_UndeclaredRole_IsInvalidUnknownRole()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        var outcome = scorer.Score(Ratings(("superior", [4m]), ("client", [5m])));

        Assert.False(outcome.IsValid);
        Assert.Equal(ProblemCodes.RatingUnknownRole, outcome.ErrorCode);
        Assert.Contains("'client'", outcome.ErrorMessage, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NoRatings_IsMissing()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        var outcome = scorer.Score(Ratings());

        Assert.False(outcome.IsValid);
        Assert.True(outcome.IsMissing);
        Assert.Equal(ProblemCodes.ValueMissing, outcome.ErrorCode);
    }

    [Fact]
    public void Score_OnlyEmptyRoles_IsMissing()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        Assert.True(scorer.Score(Ratings(("peer", []))).IsMissing);
    }

    [Fact]
    public void MinimumAndMaximum_OnTheScale_AreZeroAndOne()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles));

        Assert.Equal(0m, scorer.MinimumScore);
        Assert.Equal(1m, scorer.MaximumScore);
        Assert.Equal(MeasureKind.Ratings, scorer.InputKind);
        Assert.Equal(ScoreDirection.HigherIsBetter, scorer.Direction);
        Assert.IsType<RatingScorer>(scorer);
    }

    [Fact]
    public void MinimumAndMaximum_WithTargetAndCap_AreTheScaleEndsOverTheTarget()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles, target: 4m, cap: 1.2m));

        Assert.Equal(0.25m, scorer.MinimumScore);   // min(1 ÷ 4, 1.2)
        Assert.Equal(1.2m, scorer.MaximumScore);    // min(5 ÷ 4, 1.2)
    }

    [Fact]
    public void MinimumAndMaximum_WithTargetAndNoCap_MaximumIsOne()
    {
        var scorer = Create(Scorers.Rating(1m, 5m, Roles, target: 4m));

        Assert.Equal(0.25m, scorer.MinimumScore);   // min(1 ÷ 4, 1)
        Assert.Equal(1m, scorer.MaximumScore);      // min(5 ÷ 4, 1)
    }
}
