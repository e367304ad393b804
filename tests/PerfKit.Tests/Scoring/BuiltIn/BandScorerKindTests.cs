using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring.BuiltIn;

public sealed class BandScorerKindTests
{
    private static ParameterValue Band(decimal bound, decimal score) => Map(("bound", N(bound)), ("score", N(score)));

    [Fact]
    public void Create_HigherIsBetterBoundsNotIncreasing_ReportsTheOffendingBound()
        => SingleProblem(
            Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (0.6m, 0.6m), (1.0m, 1m)]),
            ProblemCodes.BandBoundOrder, "bands[1].bound", "0.6");

    [Fact]
    public void Create_LowerIsBetterBoundsIncreasing_ReportsTheOffendingBound()
        => SingleProblem(
            Scorers.Band(ScoreDirection.LowerIsBetter, [(1.0m, 0.3m), (1.5m, 0.6m)]),
            ProblemCodes.BandBoundOrder, "bands[1].bound", "1.5");

    [Fact]
    public void Create_BoundsOutOfOrderTwice_ReportsEachPosition()
    {
        var problems = Problems(Scorers.Band(ScoreDirection.HigherIsBetter, [(80m, 0.3m), (60m, 0.6m), (50m, 1m)]));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.BandBoundOrder, "monthly/x.scorer.bands[1].bound", "60"),
            p => AssertProblem(p, ProblemCodes.BandBoundOrder, "monthly/x.scorer.bands[2].bound", "50"));
    }

    [Fact]
    public void Create_ScoreAboveOne_ReportsScoreRange()
        => SingleProblem(
            Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (0.8m, 1.2m)]),
            ProblemCodes.BandScoreRange, "bands[1].score", "1.2");

    [Fact]
    public void Create_NegativeFirstScore_ReportsOnlyTheScoreRange()
        => SingleProblem( // not also "the default below 0 is above the first score"
            Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, -0.1m), (0.8m, 0.5m)]),
            ProblemCodes.BandScoreRange, "bands[0].score", "-0.1");

    [Fact]
    public void Create_BelowAboveOne_ReportsBelowEvenWhenTheFirstScoreIsWrong()
    {
        var problems = Problems(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 1.5m)], below: 1.2m));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.BandScoreRange, "monthly/x.scorer.bands[0].score", "1.5"),
            p => AssertProblem(p, ProblemCodes.BandBelow, "monthly/x.scorer.below", "1.2"));
    }

    [Fact]
    public void Create_ScoresDecreasing_ReportsScoreOrder()
        => SingleProblem(
            Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.6m), (0.8m, 0.3m)]),
            ProblemCodes.BandScoreOrder, "bands[1].score", "0.3");

    [Fact]
    public void Create_EqualScores_AreNonDecreasingAndValid()
        => Assert.Empty(Problems(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.5m), (0.8m, 0.5m), (1m, 1m)])));

    [Theory]
    [InlineData("0.4")]  // above the first score 0.3
    [InlineData("-0.1")] // negative
    public void Create_BelowOutOfRange_ReportsBelow(string below)
        => SingleProblem(
            Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (1m, 1m)], below: D(below)),
            ProblemCodes.BandBelow, "below", below);

    [Fact]
    public void Create_BelowEqualToFirstScore_IsValid()
        => Assert.Empty(Problems(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (1m, 1m)], below: 0.3m)));

    [Fact]
    public void Create_NoBands_ReportsBandEmpty()
        => SingleProblem(Scorers.Band(ScoreDirection.HigherIsBetter, []), ProblemCodes.BandEmpty, "bands", "[]");

    [Fact]
    public void Create_RatioBasisWithoutTarget_ReportsMissingTarget()
        => SingleProblem(
            Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (1m, 1m)], BandMode.Step, BandBasis.Ratio),
            ProblemCodes.ScorerParameterMissing, "target", null);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Create_RatioBasisWithNonPositiveTarget_ReportsBandTarget(string target)
        => SingleProblem(
            Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (1m, 1m)], BandMode.Step, BandBasis.Ratio, D(target)),
            ProblemCodes.BandTarget, "target", target);

    [Fact]
    public void Create_ValueBasisWithTarget_ReportsBandTarget()
        => SingleProblem(
            Scorers.Band(ScoreDirection.HigherIsBetter, [(60m, 0.3m), (100m, 1m)], BandMode.Step, BandBasis.Value, 1000m),
            ProblemCodes.BandTarget, "target", "1000");

    [Fact]
    public void Create_RatioBasisWithPositiveTarget_IsValid()
        => Assert.Empty(Problems(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (1m, 1m)], BandMode.Interpolate, BandBasis.Ratio, 1000m)));

    [Fact]
    public void Create_UnknownMode_ReportsParameterValue()
        => SingleProblem(
            Spec("band", ("direction", T("higherIsBetter")), ("bands", ParameterValue.List([Band(1m, 1m)])), ("mode", T("smooth"))),
            ProblemCodes.ScorerParameterValue, "mode", "smooth");

    [Fact]
    public void Create_UnknownDirection_ReportsParameterValue()
        => SingleProblem(
            Spec("band", ("direction", T("up")), ("bands", ParameterValue.List([Band(1m, 1m)]))),
            ProblemCodes.ScorerParameterValue, "direction", "up");

    [Fact]
    public void Create_NumberAsBasis_ReportsParameterValue()
        => SingleProblem(
            Spec("band", ("direction", T("higherIsBetter")), ("bands", ParameterValue.List([Band(1m, 1m)])), ("basis", N(1m))),
            ProblemCodes.ScorerParameterValue, "basis", "1");

    [Fact]
    public void Create_MissingDirection_ReportsParameterMissing()
        => SingleProblem(
            Spec("band", ("bands", ParameterValue.List([Band(1m, 1m)]))),
            ProblemCodes.ScorerParameterMissing, "direction", null);

    [Fact]
    public void Create_MissingBands_ReportsParameterMissing()
        => SingleProblem(Spec("band", ("direction", T("lowerIsBetter"))), ProblemCodes.ScorerParameterMissing, "bands", null);

    [Fact]
    public void Create_NoParametersAtAll_ReportsDirectionAndBandsMissing()
    {
        var problems = Problems(Spec("band"));

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.ScorerParameterMissing, "monthly/x.scorer.direction", null),
            p => AssertProblem(p, ProblemCodes.ScorerParameterMissing, "monthly/x.scorer.bands", null));
    }

    [Fact]
    public void Create_BandsNotAList_ReportsParameterTypeOnly()
        => SingleProblem(Spec("band", ("direction", T("higherIsBetter")), ("bands", N(3m))), ProblemCodes.ScorerParameterType, "bands", "3");

    [Fact]
    public void Create_BandItemNotAMap_ReportsParameterTypeAtTheItem()
        => SingleProblem(
            Spec("band", ("direction", T("higherIsBetter")), ("bands", ParameterValue.List([Band(0.6m, 0.3m), N(0.8m)]))),
            ProblemCodes.ScorerParameterType, "bands[1]", "0.8");

    [Fact]
    public void Create_BandItemWithoutScore_ReportsParameterMissingAtTheItem()
        => SingleProblem(
            Spec("band", ("direction", T("higherIsBetter")), ("bands", ParameterValue.List([Map(("bound", N(0.6m)))]))),
            ProblemCodes.ScorerParameterMissing, "bands[0].score", null);

    [Fact]
    public void Create_BandBoundAsText_ReportsParameterTypeAtTheBound()
        => SingleProblem(
            Spec("band", ("direction", T("higherIsBetter")), ("bands", ParameterValue.List([Map(("bound", T("60%")), ("score", N(1m)))]))),
            ProblemCodes.ScorerParameterType, "bands[0].bound", "60%");

    [Fact]
    public void Create_BandItemWithExtraKey_ReportsParameterUnknownAtTheItem()
        => SingleProblem(
            Spec("band", ("direction", T("higherIsBetter")), ("bands", ParameterValue.List([Map(("bound", N(0.6m)), ("score", N(1m)), ("weight", N(2m)))]))),
            ProblemCodes.ScorerParameterUnknown, "bands[0].weight", "2");

    [Fact]
    public void Create_ValidBands_StoresEveryBand()
    {
        var spec = Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (0.8m, 0.6m), (1.0m, 1.0m)]);

        Assert.Empty(Problems(spec));
        Assert.Equal(3, spec.Parameters["bands"].Items.Length);
        Assert.Equal([0.6m, 0.8m, 1.0m], spec.Parameters["bands"].Items.Select(b => b.Entries["bound"].Number).ToArray());
    }
}
