using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Scoring.BuiltIn;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring.BuiltIn;

public sealed class ThresholdScorerTests
{
    [Theory]
    [InlineData("95", "1")]     // exactly on the threshold passes
    [InlineData("100", "1")]
    [InlineData("94.99", "0")]
    [InlineData("-3", "0")]
    public void Score_HigherIsBetter_PassesAtOrAboveTheThreshold(string x, string expected)
    {
        var scorer = Create(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Theory]
    [InlineData("2", "1")]      // exactly on the threshold passes
    [InlineData("0", "1")]
    [InlineData("2.01", "0")]
    [InlineData("10", "0")]
    public void Score_LowerIsBetter_PassesAtOrBelowTheThreshold(string x, string expected)
    {
        var scorer = Create(Scorers.Threshold(ScoreDirection.LowerIsBetter, 2m));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
    }

    [Fact]
    public void Score_CustomPassAndFail_ScoresThem()
    {
        var scorer = Create(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m, pass: 0.8m, fail: 0.2m));

        Assert.Equal(0.8m, ScoreOf(scorer, 96m));
        Assert.Equal(0.8m, ScoreOf(scorer, 95m));
        Assert.Equal(0.2m, ScoreOf(scorer, 90m));
    }

    [Fact]
    public void Score_LowerIsBetterCustomPassAndFail_ScoresThem()
    {
        var scorer = Create(Scorers.Threshold(ScoreDirection.LowerIsBetter, 0.5m, pass: 1m, fail: 0.4m));

        Assert.Equal(1m, ScoreOf(scorer, 0.5m));
        Assert.Equal(0.4m, ScoreOf(scorer, 0.51m));
    }

    [Fact]
    public void Score_Outcome_SaysWhetherTheThresholdWasMet()
    {
        var scorer = Create(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m));

        Assert.Contains("threshold met", scorer.Score(MeasureValue.Of(95m)).Notes);
        Assert.Contains("threshold not met", scorer.Score(MeasureValue.Of(94m)).Notes);
    }

    [Fact]
    public void MinimumAndMaximum_AreFailAndPass()
    {
        var scorer = Create(Scorers.Threshold(ScoreDirection.LowerIsBetter, 2m, pass: 0.9m, fail: 0.1m));

        Assert.Equal(0.1m, scorer.MinimumScore);
        Assert.Equal(0.9m, scorer.MaximumScore);
        Assert.Equal(ScoreDirection.LowerIsBetter, scorer.Direction);
        Assert.IsType<ThresholdScorer>(scorer);
    }

    [Fact]
    public void MinimumAndMaximum_Defaults_AreZeroAndOne()
    {
        var scorer = Create(Scorers.Threshold(ScoreDirection.HigherIsBetter, 95m));

        Assert.Equal(0m, scorer.MinimumScore);
        Assert.Equal(1m, scorer.MaximumScore);
    }
}
