using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Scoring.BuiltIn;
using FsCheck.Xunit;
using Xunit;
using static PerfKit.Tests.Scoring.ScorerTestKit;

namespace PerfKit.Tests.Scoring.BuiltIn;

public sealed class LinearScorerTests
{
    [Theory]
    [InlineData("7", "0.7")]     // (7 − 0) / (10 − 0) = 0.7
    [InlineData("10", "1")]      // on target: 10 / 10 = 1
    [InlineData("0", "0")]       // on baseline: 0 / 10 = 0
    [InlineData("12", "1")]      // 12 / 10 = 1.2, clamped to the default cap 1
    [InlineData("-3", "0")]      // −3 / 10 = −0.3, clamped to the default floor 0
    [InlineData("2.5", "0.25")]  // 2.5 / 10 = 0.25
    public void Score_HigherIsBetter_ScalesBetweenBaselineAndTarget(string x, string expected)
    {
        var scorer = Create(Scorers.Linear(0m, 10m));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
        Assert.Equal(ScoreDirection.HigherIsBetter, scorer.Direction);
    }

    [Theory]
    [InlineData("2", "0.5")]     // (2 − 3) / (1 − 3) = −1 / −2 = 0.5
    [InlineData("1.5", "0.75")]  // (1.5 − 3) / (1 − 3) = −1.5 / −2 = 0.75
    [InlineData("1", "1")]       // on target
    [InlineData("3", "0")]       // on baseline
    [InlineData("0.5", "1")]     // −2.5 / −2 = 1.25, clamped to the cap 1
    [InlineData("4", "0")]       // 1 / −2 = −0.5, clamped to the floor 0
    public void Score_LowerIsBetter_ScalesFromBaselineDownToTarget(string x, string expected)
    {
        // Overdue rate: 3% earns 0, 1% earns 1.
        var scorer = Create(Scorers.Linear(3m, 1m));

        Assert.Equal(D(expected), ScoreOf(scorer, D(x)));
        Assert.Equal(ScoreDirection.LowerIsBetter, scorer.Direction);
    }

    [Fact]
    public void Score_CapAboveOne_CountsOverAchievementUpTo120Percent()
    {
        var scorer = Create(Scorers.Linear(0m, 500m, cap: 1.2m));

        Assert.Equal(1.1m, ScoreOf(scorer, 550m));  // 550 / 500 = 1.1, under the cap
        Assert.Equal(1.2m, ScoreOf(scorer, 600m));  // 600 / 500 = 1.2, exactly the cap
        Assert.Equal(1.2m, ScoreOf(scorer, 700m));  // 700 / 500 = 1.4, clamped to 1.2
    }

    [Fact]
    public void Score_CapAboveOneLowerIsBetter_CountsOverAchievementBelowTarget()
    {
        // NPL rate: 2% earns 0, 0.5% earns 1, cap 1.2.
        var scorer = Create(Scorers.Linear(2m, 0.5m, cap: 1.2m));

        Assert.Equal(1.2m, ScoreOf(scorer, 0.2m));  // (0.2 − 2) / (0.5 − 2) = −1.8 / −1.5 = 1.2
        Assert.Equal(1.2m, ScoreOf(scorer, 0m));    // −2 / −1.5 = 1.333…, clamped to 1.2
        Assert.Equal(1.1m, ScoreOf(scorer, 0.35m)); // −1.65 / −1.5 = 1.1
    }

    [Fact]
    public void Score_NegativeFloor_ScoresBelowZeroDownToTheFloor()
    {
        var scorer = Create(Scorers.Linear(0m, 10m, floor: -0.5m));

        Assert.Equal(-0.3m, ScoreOf(scorer, -3m));  // −3 / 10 = −0.3, above the floor −0.5
        Assert.Equal(-0.5m, ScoreOf(scorer, -5m));  // −5 / 10 = −0.5, exactly the floor
        Assert.Equal(-0.5m, ScoreOf(scorer, -8m));  // −8 / 10 = −0.8, clamped to −0.5
    }

    [Fact]
    public void Score_PositiveFloor_LiftsLowValuesToTheFloor()
    {
        var scorer = Create(Scorers.Linear(0m, 10m, floor: 0.2m));

        Assert.Equal(0.2m, ScoreOf(scorer, 1m));    // 1 / 10 = 0.1, lifted to 0.2
        Assert.Equal(0.3m, ScoreOf(scorer, 3m));    // 3 / 10 = 0.3
    }

    [Fact]
    public void Score_HigherIsBetterValueOnTheStartLine_ScoresNormally()
    {
        var scorer = Create(Scorers.Linear(0m, 10m, floor: -0.5m, startLine: 4m));

        Assert.Equal(0.4m, ScoreOf(scorer, 4m));    // on the line: 4 / 10 = 0.4
        Assert.Equal(0.45m, ScoreOf(scorer, 4.5m)); // above the line: 4.5 / 10 = 0.45
    }

    [Fact]
    public void Score_HigherIsBetterValueBelowTheStartLine_ScoresTheFloor()
    {
        var scorer = Create(Scorers.Linear(0m, 10m, floor: -0.5m, startLine: 4m));

        // 3.99 / 10 = 0.399 would be positive, but the start line 4 is not reached: the floor −0.5.
        var outcome = scorer.Score(MeasureValue.Of(3.99m));

        Assert.True(outcome.IsValid);
        Assert.Equal(-0.5m, outcome.Score);
        Assert.Contains(outcome.Notes, n => n.Contains("start line", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Score_LowerIsBetterValueOnTheStartLine_ScoresNormally()
    {
        // NPL rate: baseline 2, target 0.5, start line 1.25: (1.25 − 2) / (0.5 − 2) = −0.75 / −1.5 = 0.5.
        var scorer = Create(Scorers.Linear(2m, 0.5m, startLine: 1.25m));

        Assert.Equal(0.5m, ScoreOf(scorer, 1.25m));
        Assert.Equal(0.8m, ScoreOf(scorer, 0.8m));  // −1.2 / −1.5 = 0.8
    }

    [Fact]
    public void Score_LowerIsBetterValueAboveTheStartLine_ScoresTheFloor()
    {
        // 1.3 is worse than the start line 1.25; linearly it would be −0.7 / −1.5 = 0.4666…, but it scores the floor 0.
        var scorer = Create(Scorers.Linear(2m, 0.5m, startLine: 1.25m));

        Assert.Equal(0m, ScoreOf(scorer, 1.3m));
    }

    [Fact]
    public void Score_StartLineOnTheBaseline_ScoresNegativeFloorBelowIt()
    {
        // With floor −1 and no start line, −2 / 10 = −0.2; with the start line at the baseline 0 it scores the floor.
        var scorer = Create(Scorers.Linear(0m, 10m, floor: -1m, startLine: 0m));

        Assert.Equal(-1m, ScoreOf(scorer, -2m));
        Assert.Equal(0m, ScoreOf(scorer, 0m));
    }

    [Fact]
    public void Score_Ratio_IsActualDividedByTarget()
    {
        var spec = Scorers.Ratio(200m);
        var scorer = Create(spec);

        Assert.Equal(0m, spec.Parameters["baseline"].Number);
        Assert.Equal(0.75m, ScoreOf(scorer, 150m)); // 150 ÷ 200
        Assert.Equal(1m, ScoreOf(scorer, 260m));    // 260 ÷ 200 = 1.3, clamped to 1
    }

    [Fact]
    public void Score_RatioWithCap_CountsUpToTheCap()
    {
        var scorer = Create(Scorers.Ratio(200m, cap: 1.5m));

        Assert.Equal(1.3m, ScoreOf(scorer, 260m));  // 260 ÷ 200 = 1.3
        Assert.Equal(1.5m, ScoreOf(scorer, 400m));  // 400 ÷ 200 = 2, clamped to 1.5
    }

    [Fact]
    public void Score_AboveCap_ReportsTheUnclampedRatio()
    {
        var scorer = Create(Scorers.Linear(0m, 10m));

        var outcome = scorer.Score(MeasureValue.Of(12m));

        Assert.Equal(1m, outcome.Score);
        var ratio = Assert.Single(outcome.Intermediates);
        Assert.Equal("ratio", ratio.Key);
        Assert.Equal(1.2m, ratio.Value);            // 12 / 10, before the clamp
    }

    [Fact]
    public void MinimumAndMaximum_Defaults_AreZeroAndOne()
    {
        var scorer = Create(Scorers.Linear(0m, 10m));

        Assert.Equal(0m, scorer.MinimumScore);
        Assert.Equal(1m, scorer.MaximumScore);
        Assert.Equal(MeasureKind.Number, scorer.InputKind);
        Assert.IsType<LinearScorer>(scorer);
    }

    [Fact]
    public void MinimumAndMaximum_FloorAndCap_AreTheDeclaredBounds()
    {
        var scorer = Create(Scorers.Linear(3m, 1m, cap: 1.2m, floor: -0.5m));

        Assert.Equal(-0.5m, scorer.MinimumScore);
        Assert.Equal(1.2m, scorer.MaximumScore);
    }

    [Property]
    public bool Score_AnyValue_StaysWithinMinimumAndMaximum(int raw)
    {
        var scorer = Create(Scorers.Linear(2m, 0.5m, cap: 1.2m, floor: -0.5m, startLine: 1.8m));
        var x = raw / 100m;
        var score = ScoreOf(scorer, x);
        return score >= scorer.MinimumScore && score <= scorer.MaximumScore;
    }

    [Property]
    public bool Score_HigherIsBetter_NeverDecreasesAsTheValueRises(int a, int b)
    {
        var scorer = Create(Scorers.Linear(0m, 10m, cap: 1.2m, floor: -1m, startLine: 2m));
        var (low, high) = a <= b ? (a / 10m, b / 10m) : (b / 10m, a / 10m);
        return ScoreOf(scorer, low) <= ScoreOf(scorer, high);
    }

    [Fact]
    public void Create_LinearSpec_OnlyGivenParametersAreStored()
    {
        var spec = Scorers.Linear(0m, 10m, floor: -0.5m);

        Assert.Equal("linear", spec.Kind);
        Assert.Equal(["baseline", "floor", "target"], spec.Parameters.Keys.ToArray());
    }
}
