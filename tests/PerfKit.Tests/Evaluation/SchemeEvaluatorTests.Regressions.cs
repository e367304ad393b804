using System;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>Cases first found by the property tests in <c>Properties/</c>, pinned with hand-worked numbers.</summary>
public sealed partial class SchemeEvaluatorTests
{
    [Fact]
    public void Evaluate_OneChildGroupWithTwentyEightDigitScore_GroupScoresExactlyItsChild()
    {
        // g { x 0.7 } with x's score overridden to s = 0.4882352941176470588235294118 (28 places).
        // 0.7 × s = 0.34176470588235294117647058826 is rounded to 0.3417647058823529411764705883, and ÷ 0.7 gives
        // 0.48823529411764705882352941185… → …4119, above the only child. A weighted mean of one term is that term: g = s.
        const decimal s = 0.4882352941176470588235294118m;
        var scheme = Scheme.CreateBuilder("regression", "1").Name("Regression").Grade("A", null, 1m)
            .Root(WeightMode.Normalize, r => r
                .Section("g", 1m, WeightMode.Normalize, g => g.Indicator("x", 0.7m, "x", Scorers.Linear(0m, 10m))))
            .Build();
        var input = SubjectInput.For("S1").Value("x", 5m).With(Override.OfScore("g/x", s, "appeal upheld", "hr")).Build();

        var a = SchemeEvaluator.Create(scheme).EvaluateOrThrow(input);

        var g = a.Root.Children.Single();
        Assert.Equal(s, g.Score);
        Assert.Equal(s, a.Root.Score);
        Assert.Equal(48.82352941176470588235294118m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_ScopedPenaltyAboveGroupPoints_LeavesExactlyTheRestOfTheTree()
    {
        // Root (normalize): g 7 { a }, b 1, c 1, all linear 0 → 100; a 34, b 50, c 4 → 0.34, 0.5, 0.04.
        // base = (7 × 0.34 + 0.5 + 0.04) ÷ 9 × 100 = 2.92 ÷ 9 × 100 = 32.44…; without g: 0.54 ÷ 9 × 100 = 6.
        // The penalty (100) is limited to what g adds, so the total is exactly the rest of the tree: 6, not 5.999…99,
        // and rounding toward zero keeps 6.00.
        var scheme = Scheme.CreateBuilder("regression", "1").Name("Regression").Grade("A", null, 1m)
            .Rounding(2, MidpointRounding.ToZero)
            .Root(WeightMode.Normalize, r => r
                .Section("g", 7m, WeightMode.Normalize, g => g.Indicator("a", 1m, "a", Scorers.Linear(0m, 100m)))
                .Indicator("b", 1m, "b", Scorers.Linear(0m, 100m))
                .Indicator("c", 1m, "c", Scorers.Linear(0m, 100m)))
            .Penalty("late", "late", 100m, null, p => p.ScopedTo("g"))
            .Build();
        var input = SubjectInput.For("S1").Value("a", 34m).Value("b", 50m).Value("c", 4m).Value("late", 1m).Build();

        var a = SchemeEvaluator.Create(scheme).EvaluateOrThrow(input);

        Assert.Equal(6m, a.ExactTotal);
        Assert.Equal(6m, a.RoundedTotal);
        Assert.Equal(a.BasePoints - 6m, a.PenaltyPoints);
        Assert.Equal(100m - a.PenaltyPoints, a.Adjustments.Single().Dropped);
    }
}
