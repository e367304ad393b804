using System;
using System.Linq;
using PerfKit.Building;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Gates (spec §5, evaluation steps 3, 8, 9, 10).</summary>
public sealed partial class SchemeEvaluatorTests
{
    /// <summary>Root (percent): g 60 { x 50, y 50 }, z 40; all linear 0 → 10.</summary>
    private static Scheme GroupScheme(Action<SchemeBuilder> gates)
    {
        var builder = Start().Root(WeightMode.Percent, r => r
            .Section("g", 60m, WeightMode.Percent, g => g
                .Indicator("x", 50m, "m_x", Scorers.Linear(0m, 10m))
                .Indicator("y", 50m, "m_y", Scorers.Linear(0m, 10m)))
            .Indicator("z", 40m, "m_z", Scorers.Linear(0m, 10m)));
        gates(builder);
        return builder.Build();
    }

    private static SubjectInput Xyz(decimal x, decimal y, decimal z, decimal? basePay = 1000m)
    {
        var b = SubjectInput.For("S1").Value("m_x", x).Value("m_y", y).Value("m_z", z);
        if (basePay is { } pay)
        {
            b.BasePay(pay);
        }

        return b.Build();
    }

    [Theory]
    [InlineData("8", true)]
    [InlineData("8.01", true)]
    [InlineData("7.99", false)]
    public void Evaluate_ValueGateHigherIsBetter_PassesAtOrAboveThreshold(string value, bool passes)
    {
        var scheme = ThreeIndicators(more: b => b.Gate("gate_a", g => g.OnValue("a", 8m).CancelPayout()));
        var x = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var a = Assess(scheme, Abc(x, 10m, 10m, basePay: 1000m));

        var gate = a.GateResult("gate_a");
        Assert.Equal(ScoreDirection.HigherIsBetter, gate.Gate.Direction);
        Assert.Equal(passes, gate.Passed);
        Assert.Equal(x, gate.Actual);
        Assert.Equal(!passes, a.PayoutCancelled);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("1.5", true)]
    [InlineData("2.01", false)]
    public void Evaluate_ValueGateOnLowerIsBetterIndicator_PassesAtOrBelowThreshold(string value, bool passes)
    {
        // r: linear baseline 3 → target 1 (lower is better), so the gate compares ≤ 2.
        var scheme = Start().Root(WeightMode.Percent, r => r.Indicator("r", 100m, "m_r", Scorers.Linear(3m, 1m)))
            .Gate("gate_r", g => g.OnValue("r", 2m).CancelPayout())
            .Build();
        var x = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_r", x).Build());

        Assert.Equal(ScoreDirection.LowerIsBetter, a.GateResult("gate_r").Gate.Direction);
        Assert.Equal(passes, a.GateResult("gate_r").Passed);
    }

    [Theory]
    [InlineData("9", true)]
    [InlineData("9.5", false)]
    public void Evaluate_ValueGateWithDeclaredDirection_ComparesThatWay(string value, bool passes)
    {
        // The declared LowerIsBetter overrides the scorer's higher-is-better direction: passes when a ≤ 9.
        var scheme = ThreeIndicators(more: b => b.Gate("gate_a", g => g.OnValue("a", 9m).Direction(ScoreDirection.LowerIsBetter).CapGrade("B")));
        var x = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var a = Assess(scheme, Abc(x, 10m, 10m));

        Assert.Equal(passes, a.GateResult("gate_a").Passed);
    }

    [Fact]
    public void Evaluate_CancelPayoutGateFails_PayoutZeroButPointsShown()
    {
        // a 7 → 0.7; root = (35 + 30 + 20) / 100 = 0.85 → 85 → B; the gate a ≥ 8 fails → payout 0, grade and points stay.
        var scheme = ThreeIndicators(more: b => b.Gate("gate_a", g => g.OnValue("a", 8m).CancelPayout()));

        var a = Assess(scheme, Abc(7m, 10m, 10m, basePay: 5000m));

        Assert.Equal(85m, a.RoundedTotal);
        Assert.Equal("B", a.Grade.Name);
        Assert.Equal(1.10m, a.Coefficient);
        Assert.True(a.PayoutCancelled);
        Assert.Equal(0m, a.Payout);
        Assert.Equal(5000m, a.BasePay);
    }

    [Fact]
    public void Evaluate_ScoreGateOnIndicatorFails_ZeroScoreKeepsWeight()
    {
        // a 5 → 0.5 < 0.6 → zeroed to min(0.5, 0) = 0 with its weight kept:
        // root = (50×0 + 30×1 + 20×1) / 100 = 0.5 → 50 (not the 100 an exclusion would give).
        var scheme = ThreeIndicators(more: b => b.Gate("gate_a", g => g.OnScore("a", 0.6m).ZeroScore("a")));

        var a = Assess(scheme, Abc(5m, 10m, 10m));

        var node = a.Node("a");
        Assert.True(node.ZeroedByGate);
        Assert.Equal(0.5m, node.ScorerScore);
        Assert.Equal(0m, node.Score);
        Assert.Equal(0.5m, node.EffectiveWeight);
        Assert.Equal(50m, a.BasePoints);
        Assert.Equal(0.5m, a.GateResult("gate_a").Actual);
        Assert.False(a.PayoutCancelled);
    }

    [Fact]
    public void Evaluate_ScoreGateExactlyOnThreshold_Passes()
    {
        // a 6 → 0.6 ≥ 0.6 → passes; root = (30 + 30 + 20) / 100 = 0.8 → 80.
        var scheme = ThreeIndicators(more: b => b.Gate("gate_a", g => g.OnScore("a", 0.6m).ZeroScore("a")));

        var a = Assess(scheme, Abc(6m, 10m, 10m));

        Assert.True(a.GateResult("gate_a").Passed);
        Assert.False(a.Node("a").ZeroedByGate);
        Assert.Equal(80m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_ZeroScoreOnNegativeScore_NeverRaisesIt()
    {
        // a: floor −1; a −5 → −0.5; zeroScore gives min(−0.5, 0) = −0.5;
        // root = (50×(−0.5) + 30 + 20) / 100 = 0.25 → 25.
        var scheme = Start().Root(WeightMode.Percent, r => r
                .Indicator("a", 50m, "m_a", Scorers.Linear(0m, 10m, floor: -1m))
                .Indicator("b", 30m, "m_b", Scorers.Linear(0m, 10m))
                .Indicator("c", 20m, "m_c", Scorers.Linear(0m, 10m)))
            .Gate("gate_a", g => g.OnScore("a", 0.6m).ZeroScore("a"))
            .Build();

        var a = Assess(scheme, Abc(-5m, 10m, 10m));

        Assert.True(a.Node("a").ZeroedByGate);
        Assert.Equal(-0.5m, a.Node("a").Score);
        Assert.Equal(25m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_ValueGateZeroesGroup_GroupScoreZeroChildrenUntouched()
    {
        // x 4 → 0.4, y 10 → 1 → g = 0.7; gate x ≥ 5 fails → g = min(0.7, 0) = 0;
        // root = (60×0 + 40×1) / 100 = 0.4 → 40.
        var scheme = GroupScheme(b => b.Gate("gate_x", g => g.OnValue("g/x", 5m).ZeroScore("g")));

        var a = Assess(scheme, Xyz(4m, 10m, 10m));

        Assert.True(a.Node("g").ZeroedByGate);
        Assert.Equal(0m, a.Node("g").Score);
        Assert.Null(a.Node("g").ScorerScore);
        Assert.Equal(0.4m, a.Node("g/x").Score);
        Assert.False(a.Node("g/x").ZeroedByGate);
        Assert.Equal(40m, a.BasePoints);
    }

    [Theory]
    [InlineData("6", true, "B", "B", "1100")]
    [InlineData("5.8", false, "B", "C", "1000")]
    public void Evaluate_ScoreGateOnGroup_CapGradeWhenBelow(string y, bool passes, string earned, string grade, string payout)
    {
        // x 10 → 1; y 6 → 0.6 → g = 0.8 (on the threshold, passes); root = 48 + 40 = 88 → B → 1000 × 1.10 = 1100.
        // y 5.8 → 0.58 → g = 0.79 < 0.8 fails; root = 60×0.79 + 40 = 87.4 → earned B, capped to C → 1000 × 1.00.
        var scheme = GroupScheme(b => b.Gate("gate_g", g => g.OnScore("g", 0.8m).CapGrade("C")));

        var a = Assess(scheme, Xyz(10m, decimal.Parse(y, System.Globalization.CultureInfo.InvariantCulture), 10m));

        Assert.Equal(passes, a.GateResult("gate_g").Passed);
        Assert.Equal(earned, a.EarnedGrade.Name);
        Assert.Equal(grade, a.Grade.Name);
        Assert.Equal(decimal.Parse(payout, System.Globalization.CultureInfo.InvariantCulture), a.Payout);
    }

    [Fact]
    public void Evaluate_CapGradeWhenEarnedIsAlreadyWorse_GradeUnchanged()
    {
        // x 0, y 0 → g 0 < 0.8 fails; root = 40 → D; cap C does not raise D.
        var scheme = GroupScheme(b => b.Gate("gate_g", g => g.OnScore("g", 0.8m).CapGrade("C")));

        var a = Assess(scheme, Xyz(0m, 0m, 10m));

        Assert.False(a.GateResult("gate_g").Passed);
        Assert.Equal("D", a.EarnedGrade.Name);
        Assert.Equal("D", a.Grade.Name);
        Assert.Equal(0.70m, a.Coefficient);
    }

    [Fact]
    public void Evaluate_TwoCapGradeGatesFail_WorseCapWins()
    {
        // All 10 → 100 → A; both gates on the value x ≥ 11 and z ≥ 11 fail; caps B and C → C.
        var scheme = GroupScheme(b => b
            .Gate("cap_b", g => g.OnValue("g/x", 11m).CapGrade("B"))
            .Gate("cap_c", g => g.OnValue("z", 11m).CapGrade("C")));

        var a = Assess(scheme, Xyz(10m, 10m, 10m));

        Assert.Equal("A", a.EarnedGrade.Name);
        Assert.Equal("C", a.Grade.Name);
    }

    [Fact]
    public void Evaluate_GateOnRootScore_ComparesTheRootsNormalizedScore()
    {
        // root = 0.6×0.5 + 0.4×1 = 0.7 (x 5, y 5, z 10) < 0.75 → cancel.
        var scheme = GroupScheme(b => b.Gate("gate_root", g => g.OnScore("/", 0.75m).CancelPayout()));

        var a = Assess(scheme, Xyz(5m, 5m, 10m));

        Assert.Equal(0.7m, a.GateResult("gate_root").Actual);
        Assert.True(a.PayoutCancelled);
    }

    /// <summary>A single linear 0 → 1000 indicator, so base points = x / 10.</summary>
    private static Scheme OneIndicator(Action<SchemeBuilder>? more = null, MidpointRounding mode = MidpointRounding.AwayFromZero, int decimals = 2)
    {
        var builder = Start()
            .Rounding(decimals, mode)
            .Root(WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", Scorers.Linear(0m, 1000m)));
        more?.Invoke(builder);
        return builder.Build();
    }

    [Fact]
    public void Evaluate_BaseAndTotalGates_BaseIsExactTotalIsRounded()
    {
        // x 799.95 → 0.79995 → base 79.995 (exact) → total rounds to 80.00.
        // base ≥ 80 fails (79.995), total ≥ 80 passes (80.00): the total gate reads the rounded total.
        var scheme = OneIndicator(b => b
            .Gate("gate_base", g => g.OnBase(80m).CancelPayout())
            .Gate("gate_total", g => g.OnTotal(80m).CapGrade("C")));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_a", 799.95m).BasePay(1000m).Build());

        Assert.Equal(79.995m, a.GateResult("gate_base").Actual);
        Assert.False(a.GateResult("gate_base").Passed);
        Assert.Equal(80m, a.GateResult("gate_total").Actual);
        Assert.True(a.GateResult("gate_total").Passed);
        Assert.Equal("B", a.Grade.Name);
        Assert.Equal(0m, a.Payout);
    }

    [Fact]
    public void Evaluate_TotalGate_IncludesBonuses()
    {
        // base 78 + bonus 2 × 1 = 80 → total gate ≥ 80 passes; base gate ≥ 80 fails (78).
        var scheme = OneIndicator(b => b
            .MaxBonus(5m)
            .Bonus("awards", "awards", 1m, 5m)
            .Gate("gate_base", g => g.OnBase(80m).CapGrade("C"))
            .Gate("gate_total", g => g.OnTotal(80m).CancelPayout()));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_a", 780m).Value("awards", 2m).BasePay(1000m).Build());

        Assert.Equal(80m, a.RoundedTotal);
        Assert.True(a.GateResult("gate_total").Passed);
        Assert.False(a.GateResult("gate_base").Passed);
        Assert.Equal("B", a.EarnedGrade.Name);
        Assert.Equal("C", a.Grade.Name);
        Assert.Equal(1000m, a.Payout);
    }

    [Fact]
    public void Evaluate_ValueGateOnMissingValue_FailsAndReportedMissing()
    {
        // a missing under minimum: scored 0, and the value gate has no value to compare → fails, reported missing.
        var scheme = ThreeIndicators(MissingValuePolicy.Minimum, b => b.Gate("gate_a", g => g.OnValue("a", 5m).CancelPayout()));

        var a = Assess(scheme, Abc(null, 10m, 10m, basePay: 1000m));

        var gate = a.GateResult("gate_a");
        Assert.False(gate.Passed);
        Assert.True(gate.IsMissing);
        Assert.Null(gate.Actual);
        Assert.True(a.PayoutCancelled);
        Assert.Equal(0m, a.Payout);
    }

    [Fact]
    public void Evaluate_ValueGateOnMissingValueWithPassWhenMissing_PassesAndReportedMissing()
    {
        var scheme = ThreeIndicators(MissingValuePolicy.Exclude, b => b.Gate("gate_a", g => g.OnValue("a", 5m).CancelPayout().PassWhenMissing()));

        var a = Assess(scheme, Abc(null, 10m, 10m, basePay: 1000m));

        var gate = a.GateResult("gate_a");
        Assert.True(gate.Passed);
        Assert.True(gate.IsMissing);
        Assert.Null(gate.Actual);
        Assert.False(a.PayoutCancelled);
        Assert.Equal(1300m, a.Payout);
    }

    [Fact]
    public void Evaluate_ScoreGateOnExcludedIndicator_FailsAsMissing()
    {
        var scheme = ThreeIndicators(MissingValuePolicy.Exclude, b => b.Gate("gate_a", g => g.OnScore("a", 0.5m).CapGrade("B")));

        var a = Assess(scheme, Abc(null, 10m, 10m));

        Assert.False(a.GateResult("gate_a").Passed);
        Assert.True(a.GateResult("gate_a").IsMissing);
        Assert.Equal("A", a.EarnedGrade.Name);
        Assert.Equal("B", a.Grade.Name);
    }

    [Fact]
    public void Evaluate_ScoreGateOnGroupWhoseChildrenAreAllExcluded_FailsAsMissing()
    {
        // g is excluded (x, y missing); a gate on g's score has nothing to compare → fails and is reported missing.
        var scheme = GroupOfExcludables(b => b.Gate("gate_g", g => g.OnScore("g", 0.5m).CancelPayout()));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_z", 5m).BasePay(1000m).Build());

        var gate = a.GateResult("gate_g");
        Assert.False(gate.Passed);
        Assert.True(gate.IsMissing);
        Assert.Null(gate.Actual);
        Assert.Equal(0m, a.Payout);
    }

    [Fact]
    public void Evaluate_ScoreGateOnGroupWhoseChildrenAreAllExcludedWithPassWhenMissing_Passes()
    {
        // g excluded → base = z 5 → 0.5 × 100 = 50 → D (0.70); the gate passes when missing → 1000 × 0.70 = 700.
        var scheme = GroupOfExcludables(b => b.Gate("gate_g", g => g.OnScore("g", 0.5m).CancelPayout().PassWhenMissing()));

        var a = Assess(scheme, SubjectInput.For("S1").Value("m_z", 5m).BasePay(1000m).Build());

        Assert.True(a.GateResult("gate_g").Passed);
        Assert.True(a.GateResult("gate_g").IsMissing);
        Assert.Equal(700m, a.Payout);
    }

    [Fact]
    public void Evaluate_SeveralGatesFail_EveryOneReportedAndApplied()
    {
        // x 4 (0.4), y 10 (1) → g 0.7, z 5 (0.5).
        // gate_cancel: x ≥ 5 fails → payout 0. gate_zero: z score ≥ 0.6 fails → z = 0.
        // gate_cap: g score ≥ 0.8 fails → cap C. gate_ok: y ≥ 10 passes.
        // root = (60×0.7 + 40×0) / 100 = 0.42 → 42 → D (cap C does not raise it).
        var scheme = GroupScheme(b => b
            .Gate("gate_cancel", g => g.OnValue("g/x", 5m).CancelPayout())
            .Gate("gate_zero", g => g.OnScore("z", 0.6m).ZeroScore("z"))
            .Gate("gate_ok", g => g.OnValue("g/y", 10m).CancelPayout())
            .Gate("gate_cap", g => g.OnScore("g", 0.8m).CapGrade("C")));

        var a = Assess(scheme, Xyz(4m, 10m, 5m, basePay: 2000m));

        Assert.Equal(new[] { "gate_cancel", "gate_zero", "gate_ok", "gate_cap" }, a.Gates.Select(g => g.Gate.Id));
        Assert.Equal(new[] { "gate_cancel", "gate_zero", "gate_cap" }, a.FailedGates.Select(g => g.Gate.Id));
        Assert.True(a.Node("z").ZeroedByGate);
        Assert.Equal(42m, a.BasePoints);
        Assert.Equal("D", a.Grade.Name);
        Assert.Equal(0m, a.Payout);
    }

    [Fact]
    public void Evaluate_OnlyZeroScoreGateFails_PayoutNotCancelled()
    {
        // a 5 zeroed → 50 → D 0.70 → payout 1000 × 0.70 = 700: a zeroScore gate alone does not cancel pay.
        var scheme = ThreeIndicators(more: b => b.Gate("gate_a", g => g.OnScore("a", 0.6m).ZeroScore("a")));

        var a = Assess(scheme, Abc(5m, 10m, 10m, basePay: 1000m));

        Assert.Single(a.FailedGates);
        Assert.False(a.PayoutCancelled);
        Assert.Equal(700m, a.Payout);
    }

    [Fact]
    public void Evaluate_ZeroScoreFromIndicatorGateOnAncestorGroup_ScoreGateOnThatGroupSeesZero()
    {
        // gate_zero: x ≥ 5 fails (x 4) → zero g. gate_g reads g's score after zeroing: 0 < 0.5 → fails.
        var scheme = GroupScheme(b => b
            .Gate("gate_zero", g => g.OnValue("g/x", 5m).ZeroScore("g"))
            .Gate("gate_g", g => g.OnScore("g", 0.5m).CapGrade("C")));

        var a = Assess(scheme, Xyz(4m, 10m, 10m));

        Assert.Equal(0m, a.GateResult("gate_g").Actual);
        Assert.False(a.GateResult("gate_g").Passed);
    }
}
