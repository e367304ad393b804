using System;
using System.Globalization;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Base points, the one clamp, the one rounding and the payout (evaluation steps 4, 6, 7, 9, 10).</summary>
public sealed partial class SchemeEvaluatorTests
{
    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Evaluate_PointsFifty_BaseIsRootScoreTimesP()
    {
        // P = 50: a 8, b 10, c 5 → root = (40 + 30 + 10) / 100 = 0.8 → base 0.8 × 50 = 40 → D.
        var scheme = Start().Points(50m).Root(WeightMode.Percent, r => r
                .Indicator("a", 50m, "m_a", Scorers.Linear(0m, 10m))
                .Indicator("b", 30m, "m_b", Scorers.Linear(0m, 10m))
                .Indicator("c", 20m, "m_c", Scorers.Linear(0m, 10m)))
            .Build();

        var a = Assess(scheme, Abc(8m, 10m, 5m));

        Assert.Equal(0.8m, a.Root.Score);
        Assert.Equal(40m, a.BasePoints);
        Assert.Equal(20m, a.Node("a").Contribution);
        Assert.Equal("D", a.Grade.Name);
    }

    [Fact]
    public void Evaluate_NegativeBaseWithDefaultMinimum_ClampedToZero()
    {
        // a: floor −1; −5 → −0.5 → base −50; minPoints defaults to 0 → exact 0, D.
        var scheme = Start().Root(WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", Scorers.Linear(0m, 10m, floor: -1m))).Build();

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_a", -5m).Build());

        Assert.Equal(-50m, a.BasePoints);
        Assert.Equal(-50m, a.UnclampedTotal);
        Assert.Equal(0m, a.ExactTotal);
        Assert.Equal(0m, a.RoundedTotal);
        Assert.Equal("D", a.Grade.Name);
    }

    [Fact]
    public void Evaluate_NegativeBaseWithNegativeMinPoints_ClampedToThatFloor()
    {
        // minPoints −20: base −50 → −20; base −15 (x −1.5) stays −15.
        var scheme = Start().MinPoints(-20m).Root(WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", Scorers.Linear(0m, 10m, floor: -1m))).Build();

        var deep = Assess(scheme, SubjectInput.For("S1").Value("m_a", -5m).Build());
        var shallow = Assess(scheme, SubjectInput.For("S2").Value("m_a", -1.5m).Build());

        Assert.Equal(-20m, deep.ExactTotal);
        Assert.Equal(-20m, deep.RoundedTotal);
        Assert.Equal(-15m, shallow.ExactTotal);
    }

    private static Scheme CapScheme() => Start()
        .MaxBonus(5m)
        .MaxPoints(110m)
        .Root(WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", Scorers.Linear(0m, 10m, cap: 1.2m)))
        .Bonus("certs", "certs", 2.5m, 5m, b => b.ZeroWhenMissing())
        .Penalty("violations", "violations", 1m, null, p => p.ZeroWhenMissing())
        .Build();

    [Fact]
    public void Evaluate_OverAchievementWithCapAndBonus_ClampedToMaxPoints()
    {
        // a 15 → 1.5 → cap 1.2 → base 120; bonus 2 × 2.5 = 5 → 125 → clamp to maxPoints 110.
        var a = Assess(CapScheme(), SubjectInput.For("S1").Value("m_a", 15m).Value("certs", 2m).Build());

        Assert.Equal(1.2m, a.Node("a").Score);
        Assert.Equal(120m, a.BasePoints);
        Assert.Equal(125m, a.UnclampedTotal);
        Assert.Equal(110m, a.ExactTotal);
        Assert.Equal(110m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_BaseAboveMaxPointsWithPenalty_OneClampOnTheSum()
    {
        // base 120 − penalty 15 = 105 within [0, 110] → 105 (clamping the base first would give 110 − 15 = 95).
        var a = Assess(CapScheme(), SubjectInput.For("S1").Value("m_a", 15m).Value("violations", 15m).Build());

        Assert.Equal(105m, a.UnclampedTotal);
        Assert.Equal(105m, a.ExactTotal);
        Assert.Equal(105m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_PenaltyBelowZero_ClampedToMinPoints()
    {
        // base 10 (a 1) − 15 = −5 → clamp to 0.
        var a = Assess(CapScheme(), SubjectInput.For("S1").Value("m_a", 1m).Value("violations", 15m).Build());

        Assert.Equal(-5m, a.UnclampedTotal);
        Assert.Equal(0m, a.ExactTotal);
    }

    [Theory]
    // x / 10 = base. 899.85 → 89.985: half away from zero → 89.99; half to even → 89.98 (the 8 is even).
    [InlineData("899.85", 2, MidpointRounding.AwayFromZero, "89.99", "B")]
    [InlineData("899.85", 2, MidpointRounding.ToEven, "89.98", "B")]
    // One decimal: 89.985 → 90.0 → A (the rounded total grades).
    [InlineData("899.85", 1, MidpointRounding.AwayFromZero, "90.0", "A")]
    // 89.989 → toward zero 89.98; 89.981 → toward +∞ 89.99; 89.989 → toward −∞ 89.98.
    [InlineData("899.89", 2, MidpointRounding.ToZero, "89.98", "B")]
    [InlineData("899.81", 2, MidpointRounding.ToPositiveInfinity, "89.99", "B")]
    [InlineData("899.89", 2, MidpointRounding.ToNegativeInfinity, "89.98", "B")]
    // No decimals: 89.5 → 90 away from zero (A), 90 to even (A); 88.5 → 89 away from zero, 88 to even.
    [InlineData("895", 0, MidpointRounding.AwayFromZero, "90", "A")]
    [InlineData("895", 0, MidpointRounding.ToEven, "90", "A")]
    [InlineData("885", 0, MidpointRounding.AwayFromZero, "89", "B")]
    [InlineData("885", 0, MidpointRounding.ToEven, "88", "B")]
    public void Evaluate_RoundingPolicy_AppliedOnceToTheTotal(string x, int decimals, MidpointRounding mode, string rounded, string grade)
    {
        var scheme = OneIndicator(decimals: decimals, mode: mode);

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_a", D(x)).Build());

        Assert.Equal(D(x) / 10m, a.ExactTotal);
        Assert.Equal(D(rounded), a.RoundedTotal);
        Assert.Equal(grade, a.Grade.Name);
    }

    [Fact]
    public void Evaluate_ComponentScores_ReportedUnrounded()
    {
        // 899.85 / 1000 = 0.89985 stays as is on the node; only the total is rounded.
        var a = Assess(OneIndicator(), SubjectInput.For("S1").Value("m_a", 899.85m).Build());

        Assert.Equal(0.89985m, a.Node("a").Score);
        Assert.Equal(89.985m, a.BasePoints);
        Assert.Equal(89.985m, a.Node("a").Contribution);
        Assert.Equal(89.99m, a.RoundedTotal);
    }

    [Theory]
    // 100 → A 1.30. 1234.565 × 1.30 = 1604.9345 → 1604.93 (2 decimals, away from zero).
    [InlineData("1234.565", 2, MidpointRounding.AwayFromZero, "1604.93")]
    // 1234.5 × 1.30 = 1604.85 → 0 decimals → 1605.
    [InlineData("1234.5", 0, MidpointRounding.AwayFromZero, "1605")]
    // 1234.55 × 1.30 = 1604.915 → 2 decimals: away from zero 1604.92, to even 1604.92 (1 is odd → 2).
    [InlineData("1234.55", 2, MidpointRounding.ToEven, "1604.92")]
    // 1234.65 × 1.30 = 1605.045 → to even 1605.04, away from zero 1605.05.
    [InlineData("1234.65", 2, MidpointRounding.ToEven, "1605.04")]
    [InlineData("1234.65", 2, MidpointRounding.AwayFromZero, "1605.05")]
    public void Evaluate_PayRounding_AppliedToBasePayTimesCoefficient(string basePay, int decimals, MidpointRounding mode, string payout)
    {
        var evaluator = SchemeEvaluator.Create(OneIndicator(), new EvaluatorOptions { PayRounding = new RoundingPolicy(decimals, mode) });

        var a = evaluator.EvaluateOrThrow(SubjectInput.For("S1").Value("m_a", 1000m).BasePay(D(basePay)).Build());

        Assert.Equal("A", a.Grade.Name);
        Assert.Equal(D(payout), a.Payout);
    }

    [Fact]
    public void Evaluate_NegativeBasePay_BasePayProblem()
    {
        var problem = SingleProblem(OneIndicator(), SubjectInput.For("S-3").Value("m_a", 1000m).BasePay(-1m).Build());

        Assert.Equal(ProblemCodes.BasePayInvalid, problem.Code);
        Assert.Equal("basePay", problem.Path);
        Assert.Equal("-1", problem.AttemptedValue);
        Assert.Equal("S-3", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_ZeroBasePay_PayoutZeroNotCancelled()
    {
        var a = Assess(OneIndicator(), SubjectInput.For("S1").Value("m_a", 1000m).BasePay(0m).Build());

        Assert.Equal(0m, a.Payout);
        Assert.False(a.PayoutCancelled);
    }
}
