using System;
using System.Linq;
using FsCheck.Xunit;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Simulation;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Simulation;

/// <summary>Tests of <see cref="WhatIfSimulator"/>, checked by hand on a small A-bank population.</summary>
/// <remarks>
/// Hand computation (base = 0.5 × Σ monthly w·s + 0.5 × Σ quarterly w·s; overdue 1% and NPL 0.5% score 1):
/// <code>
///            current (50/30/10/6/4 | 8/60/12/20)        scale-50 (30/20/25/15/10 | 20/50/10/20)
/// S1 retail  M 50+30+5 = 85,  Q 4+60+12+20 = 96  → 90.5 A   M 30+20+12.5 = 62.5, Q 10+50+10+20 = 90 → 76.25 C
/// S2 retail  M 40+30+10+6+4 = 90, Q 8+48+12+20 = 88 → 89 B  M 24+20+25+15+10 = 94, Q 20+40+10+20 = 90 → 92 A
/// S3 sme     every score 1 → 100 A                         → 100 A
/// S4 sme     M 10+6+4 = 20, Q 8+12+20 = 40 → 30 D           M 25+15+10 = 50, Q 20+10+20 = 50 → 50 D
/// S5 retail  no NPL rate (policy error) → fails under both
/// Gates: new accounts ≥ 10 (S1, S3 pass), net new ≥ 6 (S1, S2, S3), net balance ≥ 500 (S1, S3) or ≥ 400 in scale-50 (S1, S2, S3).
/// Payout (base 10,000): S1 13,000 → 10,000; S2 and S4 cancelled (new accounts gate) under both; S3 13,000.
/// </code>
/// </remarks>
public sealed class WhatIfSimulatorTests
{
    private static SimulationReport Report() => WhatIfSimulator.Run(
        [SchemeVariant.Of("current", SampleSchemes.ABank2023()), SchemeVariant.Of("scale-50", SimulationFixtures.Scale50())],
        SimulationFixtures.Population(),
        "department");

    [Fact]
    public void Scale50_ScaleShareIsHalf()
    {
        // 0.25 + 0.25, see SimulationFixtures.Scale50.
        var scheme = SimulationFixtures.Scale50();
        var share = scheme.Indicators.Where(i => i.Tags.Contains("scale")).Sum(i => i.EffectiveWeight);

        Assert.Equal(0.5m, share);
    }

    [Fact]
    public void Run_VariantOutcomes_FiguresByHand()
    {
        var report = Report();

        Assert.Equal(5, report.PopulationCount);
        Assert.Equal("department", report.GroupBy);
        Assert.Equal(["current", "scale-50"], report.Variants.Select(v => v.Name));
        Assert.Same(report.Variants[0], report.Baseline);

        var current = report.Baseline.Figures;
        Assert.Equal(4, current.Count);
        Assert.Equal([("A", 2), ("B", 1), ("C", 0), ("D", 1)], current.Grades.Select(g => (g.Grade, g.Count)));
        Assert.Equal([0.5m, 0.25m, 0m, 0.25m], current.Grades.Select(g => g.Share!.Value));
        Assert.Equal(26000m, current.PayoutTotal);        // 13,000 + 0 + 13,000 + 0
        Assert.Equal(309.5m, current.TotalSum);           // 90.5 + 89 + 100 + 30
        Assert.Equal(77.375m, current.MeanTotal);         // 309.5 ÷ 4
        Assert.Equal([("gate_new_accounts", 2, 0.5m), ("gate_net_new_accounts", 3, 0.75m), ("gate_net_balance", 2, 0.5m)], current.Gates.Select(g => (g.GateId, g.Passed, g.Rate!.Value)));
        Assert.Equal(2, current.AllGatesPassed);
        Assert.Equal(0.5m, current.AllGatesPassRate);

        var scale50 = report.Variants[1].Figures;
        Assert.Equal([("A", 2), ("B", 0), ("C", 1), ("D", 1)], scale50.Grades.Select(g => (g.Grade, g.Count)));
        Assert.Equal(23000m, scale50.PayoutTotal);        // 10,000 + 0 + 13,000 + 0
        Assert.Equal(79.5625m, scale50.MeanTotal);        // (76.25 + 92 + 100 + 50) ÷ 4 = 318.25 ÷ 4
        Assert.Equal(0.75m, scale50.Gates[2].Rate);       // net balance ≥ 400: S1, S2, S3 of 4
    }

    [Fact]
    public void Run_FailingSubject_ListedUnderEveryVariantAndNotCompared()
    {
        var report = Report();

        foreach (var outcome in report.Variants)
        {
            Assert.Equal(["S1", "S2", "S3", "S4"], outcome.Assessments.Select(a => a.SubjectId));
            var failure = Assert.Single(outcome.Failures);
            Assert.Equal("S5", failure.SubjectId);
            Assert.Equal((ProblemCodes.ValueMissing, "quarterly/npl_rate"), (failure.Problems[0].Code, failure.Problems[0].Path));
        }

        Assert.Equal(["S5"], report.Comparisons[0].NotCompared.AsEnumerable());
    }

    [Fact]
    public void Run_Comparison_ShiftPayoutGradeChangesGatesByHand()
    {
        var c = Assert.Single(Report().Comparisons);

        Assert.Equal("current", c.Baseline.Name);
        Assert.Equal("scale-50", c.Variant.Name);
        Assert.Equal([("A", 2, 2, 0), ("B", 1, 0, -1), ("C", 0, 1, 1), ("D", 1, 1, 0)], c.GradeShifts.Select(s => (s.Grade, s.BaselineCount, s.VariantCount, s.Change)));
        Assert.Equal(-3000m, c.PayoutTotalChange);       // 23,000 − 26,000
        Assert.Equal(2.1875m, c.MeanTotalChange);        // 79.5625 − 77.375

        Assert.Equal([("S1", "A", "C", 90.5m, 76.25m), ("S2", "B", "A", 89m, 92m)],
            c.GradeChanges.Select(g => (g.SubjectId, g.From.Name, g.To.Name, g.Baseline.RoundedTotal, g.Variant.RoundedTotal)));

        Assert.Equal([("gate_new_accounts", 0m), ("gate_net_new_accounts", 0m), ("gate_net_balance", 0.25m)], c.Gates.Select(g => (g.GateId, g.Change!.Value)));
        Assert.Equal(0m, c.AllGatesPassRateChange);      // S2 still misses the new accounts gate
    }

    [Fact]
    public void Run_GroupImpact_ByDepartmentByHand()
    {
        var c = Report().Comparisons[0];

        Assert.Equal(["retail", "sme"], c.Groups.Select(g => g.Key));
        var retail = c.Groups[0];
        Assert.Equal((2, 2), (retail.Baseline.Count, retail.Variant.Count)); // S5 failed and is in no group
        Assert.Equal(-3000m, retail.PayoutTotalChange);  // 10,000 − 13,000
        Assert.Equal(-5.625m, retail.MeanTotalChange);   // (76.25 + 92) ÷ 2 − (90.5 + 89) ÷ 2 = 84.125 − 89.75
        Assert.Equal(2, retail.GradeChanges);
        Assert.Equal([0, -1, 1, 0], retail.GradeShifts.Select(s => s.Change));
        Assert.Equal(0m, retail.AllGatesPassRateChange);
        Assert.Equal((0.5m, 1m), (retail.Baseline.Gates[2].Rate!.Value, retail.Variant.Gates[2].Rate!.Value));

        var sme = c.Groups[1];
        Assert.Equal(0m, sme.PayoutTotalChange);
        Assert.Equal(10m, sme.MeanTotalChange);          // (100 + 50) ÷ 2 − (100 + 30) ÷ 2
        Assert.Equal(0, sme.GradeChanges);

        Assert.Equal(["retail", "sme"], Report().Baseline.Groups.Select(g => g.Key));
    }

    [Fact]
    public void Run_SubjectsWithoutAttribute_GroupWithNullKeyLast()
    {
        var population = SimulationFixtures.Population().Take(4).Append(
            SubjectInput.For("S6").Value("new_accounts", 10m).Value("net_new_accounts", 6m).Value("monthly_exam", 100m).Value("mentoring", 2m)
                .Value("activity", 4m).Value("customer_visits", 60m).Value("net_balance_growth", 500m).Value("overdue_rate", 1m)
                .Value("npl_rate", 0.5m).Value("certificates", 0m).Build());

        var report = WhatIfSimulator.Run([SchemeVariant.Of("a", SampleSchemes.ABank2023()), SchemeVariant.Of("b", SimulationFixtures.Scale50())], population, "department");

        Assert.Equal(["retail", "sme", null], report.Comparisons[0].Groups.Select(g => g.Key));
        var none = report.Comparisons[0].Groups[2];
        Assert.Equal((1, 0m), (none.Baseline.Count, none.Baseline.PayoutTotal)); // no base pay: adds nothing to the payout total
    }

    [Fact]
    public void Run_NoGrouping_NoGroups()
    {
        var report = WhatIfSimulator.Run([SchemeVariant.Of("a", SampleSchemes.ABank2023()), SchemeVariant.Of("b", SimulationFixtures.Scale50())], SimulationFixtures.Population());

        Assert.Null(report.GroupBy);
        Assert.Empty(report.Baseline.Groups);
        Assert.Empty(report.Comparisons[0].Groups);
    }

    [Fact]
    public void Run_ThreeVariants_EachComparedWithTheFirst()
    {
        var scheme = SampleSchemes.ABank2023();
        var report = WhatIfSimulator.Run([SchemeVariant.Of("a", scheme), SchemeVariant.Of("b", SimulationFixtures.Scale50()), SchemeVariant.Of("c", scheme)], SimulationFixtures.Population());

        Assert.Equal([("a", "b"), ("a", "c")], report.Comparisons.Select(c => (c.Baseline.Name, c.Variant.Name)));
        Assert.Empty(report.Comparisons[1].GradeChanges);
    }

    [Fact]
    public void Run_GatesOnOneSideOnly_ListedWithNullChange()
    {
        // Baseline without gates; variant with gate g (a ≥ 5). One subject a = 8: passes, rate 1 under the variant.
        var none = EvaluationFixtures.ThreeIndicators();
        var gated = EvaluationFixtures.ThreeIndicators(more: b => b.Gate("g", g => g.OnValue("a", 5m).CancelPayout()));

        var c = WhatIfSimulator.Run([SchemeVariant.Of("none", none), SchemeVariant.Of("gated", gated)], [EvaluationFixtures.Abc(8m, 6m, 10m)]).Comparisons[0];

        var gate = Assert.Single(c.Gates);
        Assert.Equal(("g", (GatePassRate?)null, 1m, (decimal?)null), (gate.GateId, gate.Baseline, gate.Variant!.Rate!.Value, gate.Change));
    }

    [Fact]
    public void Run_EveryoneFails_RatesAndMeansNull()
    {
        var scheme = EvaluationFixtures.ThreeIndicators(more: b => b.Gate("g", g => g.OnValue("a", 5m).CancelPayout()));

        var report = WhatIfSimulator.Run([SchemeVariant.Of("x", scheme), SchemeVariant.Of("y", scheme)], [EvaluationFixtures.Abc(null, 6m, 10m)], "department");

        var figures = report.Baseline.Figures;
        Assert.Equal(0, figures.Count);
        Assert.Null(figures.MeanTotal);
        Assert.Null(figures.AllGatesPassRate);
        Assert.Null(figures.Gates[0].Rate);
        Assert.All(figures.Grades, g => Assert.Null(g.Share));
        Assert.Null(report.Comparisons[0].MeanTotalChange);
        Assert.Null(report.Comparisons[0].AllGatesPassRateChange);
        Assert.Null(report.Comparisons[0].Gates[0].Change);
        Assert.Equal(["S1"], report.Comparisons[0].NotCompared.AsEnumerable());
    }

    [Fact]
    public void Run_DifferentGradeNames_ArgumentExceptionListingBoth()
    {
        var other = EvaluationFixtures.Start().Root(PerfKit.Model.WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", PerfKit.Scoring.Scorers.Linear(0m, 10m))).Build();
        var renamed = PerfKit.Model.Scheme.CreateBuilder("renamed", "1").Name("R")
            .Grade("Excellent", 90m, 1.3m).Grade("Good", 80m, 1.1m).Grade("Fair", 60m, 1m).Grade("Poor", null, 0.7m)
            .Root(PerfKit.Model.WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", PerfKit.Scoring.Scorers.Linear(0m, 10m))).Build();

        var ex = Assert.Throws<ArgumentException>(() => WhatIfSimulator.Run([SchemeVariant.Of("x", other), SchemeVariant.Of("y", renamed)], []));

        Assert.Contains("'x' has A, B, C, D", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'y' has Excellent, Good, Fair, Poor", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Misuse_ArgumentExceptions()
    {
        var scheme = EvaluationFixtures.ThreeIndicators();
        var a = SchemeVariant.Of("a", scheme);
        var b = SchemeVariant.Of("b", scheme);
        var s1 = EvaluationFixtures.Abc(1m, 1m, 1m, "S1");

        Assert.Throws<ArgumentException>(() => WhatIfSimulator.Run([a], [s1]));
        Assert.Throws<ArgumentException>(() => WhatIfSimulator.Run([a, SchemeVariant.Of("a", scheme)], [s1]));
        var duplicate = Assert.Throws<ArgumentException>(() => WhatIfSimulator.Run([a, b], [s1, EvaluationFixtures.Abc(2m, 2m, 2m, "S1")]));
        Assert.Contains("'S1'", duplicate.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => WhatIfSimulator.Run([a, b], [s1], " "));
        Assert.Throws<ArgumentException>(() => WhatIfSimulator.Run([a, null!], [s1]));
        Assert.Throws<ArgumentException>(() => WhatIfSimulator.Run([a, b], [null!]));
        Assert.Throws<ArgumentNullException>(() => WhatIfSimulator.Run(null!, [s1]));
        Assert.Throws<ArgumentNullException>(() => WhatIfSimulator.Run([a, b], null!));
    }

    [Property]
    public bool Run_SchemeAgainstItself_ZeroChange(int[] values, bool[] retail)
    {
        // Subjects from the generated numbers (a value divisible by 7 leaves m_c out, so that subject fails); a gate
        // on a ≥ 5 cancels pay. The same scheme under two names must show no change at all.
        var scheme = EvaluationFixtures.ThreeIndicators(more: b => b.Gate("g", g => g.OnValue("a", 5m).CancelPayout()));
        var population = values.Select((v, i) =>
        {
            var n = Math.Abs((long)v);
            var input = SubjectInput.For("S" + i).BasePay(1000m + (n % 500))
                .Value("m_a", n % 11).Value("m_b", (n / 11) % 11);
            if (n % 7 != 0)
            {
                input.Value("m_c", (n / 121) % 11);
            }

            if (retail.Length > 0)
            {
                input.Attribute("department", retail[i % retail.Length] ? "retail" : "sme");
            }

            return input.Build();
        }).ToList();

        var report = WhatIfSimulator.Run([SchemeVariant.Of("before", scheme), SchemeVariant.Of("after", scheme)], population, "department");
        var c = report.Comparisons[0];

        return c.GradeShifts.All(s => s.Change == 0)
            && c.PayoutTotalChange == 0m
            && c.MeanTotalChange is null or 0m
            && c.GradeChanges.IsEmpty
            && c.Gates.All(g => g.Change is null or 0m)
            && c.AllGatesPassRateChange is null or 0m
            && c.Groups.All(g => g.PayoutTotalChange == 0m && g.MeanTotalChange is null or 0m && g.GradeChanges == 0 && g.GradeShifts.All(s => s.Change == 0))
            && c.NotCompared.SequenceEqual(population.Where(p => !p.Values.ContainsKey("m_c")).Select(p => p.SubjectId));
    }
}
