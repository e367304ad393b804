using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Scoring.BuiltIn;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring.BuiltIn;

public sealed class BandScorerTests
{
    // The A bank's OKR bands on the completion ratio: ≥ 60% → 0.3, ≥ 80% → 0.6, ≥ 100% → 1.
    private static readonly (decimal Bound, decimal Score)[] OkrBands = [(0.6m, 0.3m), (0.8m, 0.6m), (1.0m, 1.0m)];

    [Theory]
    [InlineData("500", "0")]     // 500 ÷ 1000 = 0.5 < 0.6: below the first band, 'below' = 0
    [InlineData("600", "0.3")]   // 0.6, exactly on the first bound
    [InlineData("700", "0.3")]   // 0.7 ≥ 0.6 but < 0.8
    [InlineData("799.9", "0.3")] // 0.7999
    [InlineData("800", "0.6")]   // 0.8, exactly on the second bound
    [InlineData("1000", "1")]    // 1.0, on the last bound
    [InlineData("1200", "1")]    // 1.2, past the last bound: the last score
    public void Score_StepOnRatioHigherIsBetter_TakesTheBestBandReached(string x, string expected)
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, OkrBands, BandMode.Step, BandBasis.Ratio, target: 1000m));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Fact]
    public void Score_RatioBasis_ReportsTheRatio()
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, OkrBands, BandMode.Step, BandBasis.Ratio, target: 40m));

        var outcome = scorer.Score(MeasureValue.Of(30m));

        Assert.Equal(0.3m, outcome.Score);  // 30 ÷ 40 = 0.75: the 0.6 band
        var ratio = Assert.Single(outcome.Intermediates);
        Assert.Equal("ratio", ratio.Key);
        Assert.Equal(0.75m, ratio.Value);
    }

    [Theory]
    [InlineData("59.99", "0")]
    [InlineData("60", "0.5")]
    [InlineData("79.99", "0.5")]
    [InlineData("80", "0.8")]
    [InlineData("100", "1")]
    [InlineData("150", "1")]
    public void Score_StepOnValueHigherIsBetter_ComparesTheRawValue(string x, string expected)
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, [(60m, 0.5m), (80m, 0.8m), (100m, 1m)]));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Theory]
    [InlineData("2.5", "0")]   // worse than 2.0: below
    [InlineData("2.0", "0.3")] // exactly on the first bound
    [InlineData("1.7", "0.3")] // ≤ 2.0 but > 1.5
    [InlineData("1.5", "0.6")] // exactly on the second bound
    [InlineData("1.0", "1")]   // exactly on the last bound
    [InlineData("0.2", "1")]   // past the last bound
    public void Score_StepOnValueLowerIsBetter_AppliesWhenAtOrBelowTheBound(string x, string expected)
    {
        // NPL rate bands: ≤ 2% → 0.3, ≤ 1.5% → 0.6, ≤ 1% → 1.
        var scorer = Create(Scorers.Band(ScoreDirection.LowerIsBetter, [(2.0m, 0.3m), (1.5m, 0.6m), (1.0m, 1.0m)]));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Theory]
    [InlineData("0.79", "0")]     // before the first bound: 'below', a cliff (extrapolating would give 0.4666…)
    [InlineData("0.8", "0.5")]    // on the first bound
    [InlineData("0.875", "0.75")] // (0.875 − 0.8) / (0.95 − 0.8) = 0.5; 0.5 + (1 − 0.5) × 0.5 = 0.75
    [InlineData("0.92", "0.9")]   // (0.12 / 0.15) = 0.8; 0.5 + 0.5 × 0.8 = 0.9
    [InlineData("0.95", "1")]     // on the last bound
    [InlineData("1.2", "1")]      // past the last bound: the last score, no extrapolation
    public void Score_InterpolateOnValueHigherIsBetter_IsLinearBetweenPoints(string x, string expected)
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.8m, 0.5m), (0.95m, 1.0m)], BandMode.Interpolate));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Theory]
    [InlineData("0.7", "0.45")] // between (0.6, 0.3) and (0.8, 0.6): fraction 0.1 / 0.2 = 0.5; 0.3 + 0.3 × 0.5 = 0.45
    [InlineData("0.8", "0.6")]  // on the middle bound
    [InlineData("0.9", "0.8")]  // between (0.8, 0.6) and (1.0, 1.0): fraction 0.5; 0.6 + 0.4 × 0.5 = 0.8
    [InlineData("0.95", "0.9")] // fraction 0.15 / 0.2 = 0.75; 0.6 + 0.4 × 0.75 = 0.9
    public void Score_InterpolateThreeBands_UsesTheSegmentTheValueFallsIn(string x, string expected)
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, OkrBands, BandMode.Interpolate));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Fact]
    public void Score_Interpolate_ReportsTheBandFraction()
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, OkrBands, BandMode.Interpolate));

        var outcome = scorer.Score(MeasureValue.Of(0.9m));

        Assert.Equal(0.5m, Assert.Single(outcome.Intermediates, p => p.Key == "bandFraction").Value); // (0.9 − 0.8) / 0.2
    }

    [Theory]
    [InlineData("2.1", "0")]     // worse than 2.0: below (cliff)
    [InlineData("2.0", "0.3")]   // on the first bound
    [InlineData("1.5", "0.65")]  // (1.5 − 2) / (1 − 2) = 0.5; 0.3 + 0.7 × 0.5 = 0.65
    [InlineData("1.25", "0.825")] // (−0.75) / (−1) = 0.75; 0.3 + 0.7 × 0.75 = 0.825
    [InlineData("1.0", "1")]     // on the last bound
    [InlineData("0.5", "1")]     // better than the last bound: the last score
    public void Score_InterpolateOnValueLowerIsBetter_IsLinearBetweenPoints(string x, string expected)
    {
        var scorer = Create(Scorers.Band(ScoreDirection.LowerIsBetter, [(2.0m, 0.3m), (1.0m, 1.0m)], BandMode.Interpolate));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Theory]
    [InlineData("30", "0.6")]  // 30 ÷ 40 = 0.75; fraction (0.75 − 0.5) / 0.5 = 0.5; 0.2 + 0.8 × 0.5 = 0.6
    [InlineData("19", "0")]    // 19 ÷ 40 = 0.475 < 0.5: below
    [InlineData("20", "0.2")]  // 0.5, on the first bound
    [InlineData("50", "1")]    // 1.25, past the last bound
    public void Score_InterpolateOnRatio_InterpolatesTheCompletionRatio(string x, string expected)
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.5m, 0.2m), (1.0m, 1.0m)], BandMode.Interpolate, BandBasis.Ratio, target: 40m));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Theory]
    [InlineData("0.4", "0.2")] // 0.4 ÷ 0.5 = 0.8: ≤ 1.0 applies, ≤ 0.6 does not → 0.2
    [InlineData("0.6", "0")]   // 0.6 ÷ 0.5 = 1.2 > 1.0: below
    [InlineData("0.3", "1")]   // 0.3 ÷ 0.5 = 0.6, exactly on the best bound
    public void Score_StepOnRatioLowerIsBetter_ComparesTheRatioDownwards(string x, string expected)
    {
        // Cost ratio against a target of 0.5: ≤ 100% of target → 0.2, ≤ 60% → 1.
        var scorer = Create(Scorers.Band(ScoreDirection.LowerIsBetter, [(1.0m, 0.2m), (0.6m, 1.0m)], BandMode.Step, BandBasis.Ratio, target: 0.5m));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Fact]
    public void Score_StepBelowTheFirstBand_ScoresBelowWithANote()
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, [(60m, 0.5m), (80m, 1m)], below: 0.2m));

        var outcome = scorer.Score(MeasureValue.Of(10m));

        Assert.Equal(0.2m, outcome.Score);
        Assert.Contains(outcome.Notes, n => n.Contains("below", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Score_InterpolateBelowTheFirstBand_ScoresBelowNotAnExtrapolation()
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, [(60m, 0.5m), (80m, 1m)], BandMode.Interpolate, below: 0.2m));

        Assert.Equal(0.2m, ScoreOf(scorer, 59m));    // cliff: not 0.5 − 0.025
        Assert.Equal(0.5m, ScoreOf(scorer, 60m));
        Assert.Equal(0.75m, ScoreOf(scorer, 70m));   // 0.5 + 0.5 × (10 / 20)
    }

    [Fact]
    public void MinimumAndMaximum_AreBelowAndTheLastScore()
    {
        var scorer = Create(Scorers.Band(ScoreDirection.HigherIsBetter, [(60m, 0.5m), (80m, 0.9m)], below: 0.1m));

        Assert.Equal(0.1m, scorer.MinimumScore);
        Assert.Equal(0.9m, scorer.MaximumScore);
        Assert.Equal(ScoreDirection.HigherIsBetter, scorer.Direction);
        Assert.IsType<BandScorer>(scorer);
    }

    [Fact]
    public void MinimumAndMaximum_Defaults_AreZeroAndTheLastScore()
    {
        var scorer = Create(Scorers.Band(ScoreDirection.LowerIsBetter, [(2.0m, 0.3m), (1.0m, 1.0m)]));

        Assert.Equal(0m, scorer.MinimumScore);
        Assert.Equal(1m, scorer.MaximumScore);
        Assert.Equal(ScoreDirection.LowerIsBetter, scorer.Direction);
    }

    [Fact]
    public void Band_DefaultModeAndBasis_AreNotStored()
    {
        var spec = Scorers.Band(ScoreDirection.HigherIsBetter, OkrBands);

        Assert.Equal(["bands", "direction"], spec.Parameters.Keys.ToArray());
        Assert.Equal("higherIsBetter", spec.Parameters["direction"].Text);
        Assert.Equal("[{bound: 0.6, score: 0.3}, {bound: 0.8, score: 0.6}, {bound: 1, score: 1}]", spec.Parameters["bands"].ToString());
    }

    [Fact]
    public void Band_DirectionNone_Throws()
        => Assert.Throws<System.ArgumentOutOfRangeException>(() => Scorers.Band(ScoreDirection.None, OkrBands));
}
