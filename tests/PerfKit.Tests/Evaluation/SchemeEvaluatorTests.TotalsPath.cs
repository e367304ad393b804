using System;
using System.Collections.Generic;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>The totals path, measure slots and parallel batches.</summary>
public sealed partial class SchemeEvaluatorTests
{
    [Fact]
    public void EvaluateTotals_ValuesBySlot_NumbersWorkedByHand()
    {
        // a 8 → 0.8, b 10 → 1, c 5 → 0.5; root (percent 50/30/20) = (40 + 30 + 10) / 100 = 0.8 → base 80 → B (≥ 80, 1.10);
        // payout 5000 × 1.10 = 5500.
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        decimal?[] row = [8m, 10m, 5m];

        var t = evaluator.EvaluateTotals(row, 5000m);

        Assert.True(t.Succeeded);
        Assert.Equal(80m, t.BasePoints);
        Assert.Equal(80m, t.ExactTotal);
        Assert.Equal(80m, t.RoundedTotal);
        Assert.Equal("B", evaluator.Scheme.Grades[t.GradeIndex].Name);
        Assert.Equal(1.10m, t.Coefficient);
        Assert.Equal(5500m, t.Payout);
        Assert.Null(t.SubjectId);
    }

    [Fact]
    public void EvaluateTotals_MissingValueWithErrorPolicy_FailsWithTheFullPathsFirstProblem()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        decimal?[] row = [8m, null, 5m];

        var t = evaluator.EvaluateTotals(row, null);

        Assert.False(t.Succeeded);
        Assert.Equal(ProblemCodes.ValueMissing, t.ProblemCode);
        Assert.Equal("b", t.ProblemPath);
        Assert.Equal(-1, t.GradeIndex);
    }

    [Fact]
    public void MeasureSlot_SchemeMeasures_IndexesOfMeasures()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());

        Assert.Equal(["m_a", "m_b", "m_c"], evaluator.Measures.ToArray());
        Assert.Equal(2, evaluator.MeasureSlot("m_c"));
        Assert.False(evaluator.TryGetMeasureSlot("m_x", out var slot));
        Assert.Equal(-1, slot);
        Assert.Throws<ArgumentException>(() => evaluator.MeasureSlot("m_x"));
    }

    [Fact]
    public void EvaluateTotals_WrongRowLength_Throws()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());

        Assert.Throws<ArgumentException>(() => evaluator.EvaluateTotals(new decimal?[] { 1m, 2m }, null));
        Assert.Throws<ArgumentException>(() => evaluator.EvaluateTotalsBatch(new decimal?[5], default, new TotalsResult[2]));
        Assert.Throws<ArgumentException>(() => evaluator.EvaluateTotalsBatch(new decimal?[6], new decimal?[1], new TotalsResult[2]));
    }

    [Fact]
    public void EvaluateTotals_RatingSchemeBySlot_ThrowsAndInputWorks()
    {
        // One rating indicator, scale 1–5, superior only: rating 4 → (4 − 1) / (5 − 1) = 0.75 → base 75.
        var scheme = Start().Root(WeightMode.Percent, r => r
            .Indicator("r", 100m, "m_r", Scorers.Rating(1m, 5m, [new("superior", 1m)]))).Build();
        var evaluator = SchemeEvaluator.Create(scheme);

        Assert.False(evaluator.AcceptsValueSlots);
        Assert.Throws<InvalidOperationException>(() => evaluator.EvaluateTotals(new decimal?[] { 4m }, null));
        Assert.Equal(75m, evaluator.EvaluateTotals(SubjectInput.For("S1").Ratings("m_r", "superior", 4m).Build()).ExactTotal);
    }

    [Fact]
    public void EvaluateTotals_GateBuffer_OneFlagPerGate()
    {
        // Gate on a ≥ 9 fails (a = 8); gate on the total ≥ 50 passes (total 80).
        var evaluator = SchemeEvaluator.Create(ThreeIndicators(more: b => b
            .Gate("g_a", g => g.OnValue("a", 9m).CancelPayout())
            .Gate("g_total", g => g.OnTotal(50m).CancelPayout())));
        var flags = new bool[2];

        var t = evaluator.EvaluateTotals(Abc(8m, 10m, 5m, basePay: 5000m), flags);

        Assert.Equal([false, true], flags);
        Assert.Equal(1, t.FailedGates);
        Assert.True(t.PayoutCancelled);
        Assert.Equal(0m, t.Payout);
        Assert.Throws<ArgumentException>(() => evaluator.EvaluateTotals(Abc(8m, 10m, 5m), new bool[1]));
    }

    [Fact]
    public void EvaluateManyParallel_ManySubjects_ResultsInInputOrder()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        var inputs = Enumerable.Range(0, 1000).Select(n => Abc(n % 11, 10m, 5m, "S" + n)).ToArray();

        var full = evaluator.EvaluateManyParallel(inputs, 2, 64).ToArray();
        var totals = evaluator.EvaluateTotalsManyParallel(inputs, 2, 64).ToArray();

        Assert.Equal(inputs.Select(i => i.SubjectId), full.Select(r => r.SubjectId));
        Assert.Equal(inputs.Select(i => i.SubjectId), totals.Select(r => r.SubjectId));
        Assert.Equal(inputs.Select(i => evaluator.EvaluateOrThrow(i).ExactTotal), totals.Select(r => r.ExactTotal));
        Assert.Equal(full.Select(r => r.Assessment!.ExactTotal), totals.Select(r => r.ExactTotal));
    }

    [Fact]
    public void EvaluateManyParallel_SourceThrowsWhileAChunkIsEvaluated_SourceExceptionSurfacesAfterEarlierResults()
    {
        // Chunks of 64: the source fails on item 100, while the first chunk (items 0–63) is being evaluated.
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        var yielded = 0;

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var _ in evaluator.EvaluateTotalsManyParallel(Failing(100), 2, 64))
            {
                yielded++;
            }
        });

        Assert.Equal("source failed at 100", error.Message);
        Assert.Equal(0, yielded); // the second chunk is read before the first is yielded

        IEnumerable<SubjectInput> Failing(int at)
        {
            for (var n = 0; ; n++)
            {
                if (n == at)
                {
                    throw new InvalidOperationException("source failed at " + at);
                }

                yield return Abc(n % 11, 10m, 5m, "S" + n);
            }
        }
    }

    [Fact]
    public void EvaluateManyParallel_ConsumerStopsEarly_ReadsAtMostTwoChunksAndStops()
    {
        // Chunks of 64: taking 10 results needs the first chunk; the second is read while the first is evaluated.
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        var read = 0;

        var first = evaluator.EvaluateManyParallel(Counted(), 2, 64).Take(10).ToArray();

        Assert.Equal(Enumerable.Range(0, 10).Select(n => "S" + n), first.Select(r => r.SubjectId));
        Assert.Equal(128, read);

        IEnumerable<SubjectInput> Counted()
        {
            for (var n = 0; n < 1000; n++)
            {
                read++;
                yield return Abc(n % 11, 10m, 5m, "S" + n);
            }
        }
    }

    [Fact]
    public void EvaluateManyParallel_NullItem_ArgumentNullException()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        SubjectInput[] inputs = [Abc(1m, 10m, 5m, "S0"), null!];

        Assert.Throws<ArgumentNullException>(() => evaluator.EvaluateManyParallel(inputs, 2, 64).ToArray());
    }

    [Fact]
    public void EvaluateTotalsBatchParallel_Rows_ResultsAtTheirRowsIndex()
    {
        // Row n has a = n mod 11: a ≥ 10 scores 1, else n mod 11 / 10; b 10 → 1; c 5 → 0.5.
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        const int Count = 500;
        var rows = new decimal?[Count * 3];
        for (var n = 0; n < Count; n++)
        {
            rows[n * 3] = n % 11;
            rows[(n * 3) + 1] = 10m;
            rows[(n * 3) + 2] = 5m;
        }

        var results = new TotalsResult[Count];
        Assert.Equal(Count, evaluator.EvaluateTotalsBatchParallel(rows, default, results, 2));

        for (var n = 0; n < Count; n++)
        {
            // base = 50 × min(a / 10, 1) + 30 + 10.
            Assert.Equal((50m * Math.Min((n % 11) / 10m, 1m)) + 40m, results[n].ExactTotal);
        }
    }

    [Fact]
    public void EvaluateTotals_ProratedIndicatorWithPresence_ScaledLikeTheFullPath()
    {
        // Linear 0 → 90, start line 30, prorated; present 21–30 April = 10 of 30 days: target 90 × 10 ÷ 30 = 30, start
        // line 10; value 15 ≥ 10 scores 15 ÷ 30 = 0.5 → base 50. Without a presence 15 is below the start line 30: 0.
        var scheme = Start().Root(WeightMode.Percent, r => r
            .Indicator("k", 100m, "m_k", Scorers.Linear(0m, 90m, startLine: 30m), i => i.Prorated())).Build();
        var evaluator = SchemeEvaluator.Create(scheme);
        var present = SubjectInput.For("S1").Value("m_k", 15m).Presence(PerfKit.Periods.AssessmentPeriod.Month(2024, 4), new NodaTime.LocalDate(2024, 4, 21), null).Build();
        var whole = SubjectInput.For("S2").Value("m_k", 15m).Build();

        Assert.Equal(50m, evaluator.EvaluateTotals(present).ExactTotal);
        Assert.Equal(50m, evaluator.EvaluateOrThrow(present).ExactTotal);
        Assert.Equal(0m, evaluator.EvaluateTotals(whole).ExactTotal);
        Assert.Equal(0m, evaluator.EvaluateTotals(new decimal?[] { 15m }, null).ExactTotal);
    }

    [Fact]
    public void EvaluateManyParallel_BadArguments_Throw()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());

        Assert.Throws<ArgumentNullException>(() => evaluator.EvaluateManyParallel(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.EvaluateManyParallel([], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.EvaluateTotalsManyParallel([], 1, 0));
    }
}
