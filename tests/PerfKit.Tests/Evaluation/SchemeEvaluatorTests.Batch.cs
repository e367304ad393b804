using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PerfKit.Demo;
using PerfKit.Evaluation;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Batches: lazy and asynchronous streams, errors per subject, parallel use of one evaluator.</summary>
public sealed partial class SchemeEvaluatorTests
{
    private static SubjectInput Numbered(int n) => Abc(n, 10m, 10m, id: $"S{n:00}");

    private sealed class SourceFailure : Exception
    {
        public SourceFailure()
            : base("the source failed")
        {
        }
    }

    private static IEnumerable<SubjectInput> ThrowingAfter(int count, List<int> pulled)
    {
        for (var n = 1; n <= count; n++)
        {
            pulled.Add(n);
            yield return Numbered(n);
        }

        throw new SourceFailure();
    }

    [Fact]
    public void EvaluateMany_NullSequence_ArgumentNullExceptionAtOnce()
        => Assert.Throws<ArgumentNullException>(() => SchemeEvaluator.Create(ThreeIndicators()).EvaluateMany(null!));

    [Fact]
    public void EvaluateMany_NotEnumerated_PullsNothing()
    {
        var pulled = new List<int>();

        _ = SchemeEvaluator.Create(ThreeIndicators()).EvaluateMany(ThrowingAfter(3, pulled));

        Assert.Empty(pulled);
    }

    [Fact]
    public void EvaluateMany_SourceThrowsAfterThree_FirstThreeResultsYielded()
    {
        var pulled = new List<int>();
        var results = new List<EvaluationResult>();
        using var e = SchemeEvaluator.Create(ThreeIndicators()).EvaluateMany(ThrowingAfter(3, pulled)).GetEnumerator();

        // Lazy: each result is produced when asked for, one input at a time.
        Assert.True(e.MoveNext());
        Assert.Equal(new[] { 1 }, pulled);
        results.Add(e.Current);
        Assert.True(e.MoveNext());
        results.Add(e.Current);
        Assert.True(e.MoveNext());
        results.Add(e.Current);
        Assert.Throws<SourceFailure>(() => e.MoveNext());

        // a = n → n/10: (50n/10 + 30 + 20) → 55, 60, 65.
        Assert.Equal(new[] { "S01", "S02", "S03" }, results.Select(r => r.SubjectId));
        Assert.Equal(new[] { 55m, 60m, 65m }, results.Select(r => r.Assessment!.RoundedTotal));
    }

    [Fact]
    public void EvaluateMany_BadSubjectInTheMiddle_ErrorResultAndBatchGoesOn()
    {
        var inputs = new[] { Numbered(1), Abc(null, 10m, 10m, id: "BAD"), Numbered(3) };

        var results = SchemeEvaluator.Create(ThreeIndicators()).EvaluateMany(inputs).ToList();

        Assert.Equal(new[] { "S01", "BAD", "S03" }, results.Select(r => r.SubjectId));
        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Null(results[1].Assessment);
        Assert.Equal(ProblemCodes.ValueMissing, Assert.Single(results[1].Problems).Code);
        Assert.Equal("BAD", results[1].Problems[0].SubjectId);
        Assert.Equal(65m, results[2].Assessment!.RoundedTotal);
    }

    [Fact]
    public void EvaluateMany_NullElement_ArgumentNullExceptionWhenReached()
    {
        var results = SchemeEvaluator.Create(ThreeIndicators()).EvaluateMany([Numbered(1), null!]);
        using var e = results.GetEnumerator();

        Assert.True(e.MoveNext());
        Assert.Throws<ArgumentNullException>(() => e.MoveNext());
    }

    [Fact]
    public void EvaluateMany_SampleSubjects_InInputOrder()
    {
        var results = SchemeEvaluator.Create(SampleSchemes.ABank2023()).EvaluateMany(SampleSubjects.Generate(50)).ToList();

        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"CM{n:000}"), results.Select(r => r.SubjectId));
        Assert.All(results, r => Assert.True(r.Succeeded));
    }

    private static async IAsyncEnumerable<SubjectInput> Slowly(IEnumerable<SubjectInput> inputs, [EnumeratorCancellation] CancellationToken token = default)
    {
        foreach (var input in inputs)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            yield return input;
        }
    }

    private static async IAsyncEnumerable<SubjectInput> Endless()
    {
        for (var n = 1; ; n++)
        {
            await Task.Yield();
            yield return Numbered(n % 10);
        }
    }

    [Fact]
    public void EvaluateManyAsync_NullSequence_ArgumentNullExceptionAtOnce()
        => Assert.Throws<ArgumentNullException>(() => SchemeEvaluator.Create(ThreeIndicators()).EvaluateManyAsync(null!));

    [Fact]
    public async Task EvaluateManyAsync_AsyncGenerator_OrderPreservedBadSubjectReported()
    {
        var inputs = new[] { Numbered(4), Abc(10m, null, 10m, id: "BAD"), Numbered(2), Numbered(8) };
        var results = new List<EvaluationResult>();

        await foreach (var r in SchemeEvaluator.Create(ThreeIndicators()).EvaluateManyAsync(Slowly(inputs)))
        {
            results.Add(r);
        }

        Assert.Equal(new[] { "S04", "BAD", "S02", "S08" }, results.Select(r => r.SubjectId));
        Assert.False(results[1].Succeeded);

        // a = n: 5n + 50 → 70, 60, 90.
        Assert.Equal(new decimal?[] { 70m, null, 60m, 90m }, results.Select(r => r.Assessment?.RoundedTotal));
    }

    [Fact]
    public async Task EvaluateManyAsync_CancelledAfterTwo_StopsWithOperationCanceled()
    {
        // The endless source ignores cancellation; the evaluator honours the token between subjects.
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var r in SchemeEvaluator.Create(ThreeIndicators()).EvaluateManyAsync(Endless(), cts.Token))
            {
                Assert.True(r.Succeeded);
                if (++seen == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(2, seen);
    }

    [Fact]
    public async Task EvaluateManyAsync_TokenAlreadyCancelled_NoResult()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in SchemeEvaluator.Create(ThreeIndicators()).EvaluateManyAsync(Slowly([Numbered(1)]), cts.Token))
            {
                seen++;
            }
        });

        Assert.Equal(0, seen);
    }

    private static async IAsyncEnumerable<SubjectInput> Watching(List<CancellationToken> tokens, [EnumeratorCancellation] CancellationToken token = default)
    {
        tokens.Add(token);
        for (var n = 1; n <= 3; n++)
        {
            await Task.Yield();
            yield return Numbered(n);
        }
    }

    [Fact]
    public async Task EvaluateManyAsync_Token_HandedToTheSource()
    {
        using var cts = new CancellationTokenSource();
        var tokens = new List<CancellationToken>();
        var ids = new List<string>();

        await foreach (var r in SchemeEvaluator.Create(ThreeIndicators()).EvaluateManyAsync(Watching(tokens), cts.Token))
        {
            ids.Add(r.SubjectId);
        }

        Assert.Equal(new[] { "S01", "S02", "S03" }, ids);
        var seen = Assert.Single(tokens);
        Assert.True(seen.CanBeCanceled);
        await cts.CancelAsync();
        Assert.True(seen.IsCancellationRequested);
    }

    [Fact]
    public void Evaluate_OneEvaluatorFromManyThreads_SameNumbersAsSequential()
    {
        var evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());
        var inputs = SampleSubjects.Generate(200).ToArray();
        var sequential = inputs.Select(evaluator.Evaluate).ToArray();
        var parallel = new EvaluationResult[inputs.Length];

        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = evaluator.Evaluate(inputs[i]));

        for (var i = 0; i < inputs.Length; i++)
        {
            var s = sequential[i].Assessment!;
            var p = parallel[i].Assessment!;
            Assert.Equal(s.SubjectId, p.SubjectId);
            Assert.Equal(s.ExactTotal, p.ExactTotal);
            Assert.Equal(s.RoundedTotal, p.RoundedTotal);
            Assert.Equal(s.Grade.Name, p.Grade.Name);
            Assert.Equal(s.Payout, p.Payout);
            Assert.Equal(s.FailedGates.Select(g => g.Gate.Id), p.FailedGates.Select(g => g.Gate.Id));
            Assert.Equal(s.Node("quarterly/npl_rate").Score, p.Node("quarterly/npl_rate").Score);
        }
    }

    [Fact]
    public void Evaluate_SampleSubjectRecomputedByHand_MatchesTheSpecFormula()
    {
        // Recompute every sample subject's base with the spec's formula written out here, independent of the evaluator:
        // base = 50 × (50 s₁ + 30 s₂ + 10 s₃ + 6 s₄ + 4 s₅) / 100 + 50 × (8 s₆ + 60 s₇ + 12 s₈ + 20 s₉) / 100, with
        // sᵢ = clamp((x − b) / (t − b), 0, 1); total = min(base + min(2.5 × certificates, 5), 105) rounded half away from zero.
        static decimal S(decimal x, decimal b, decimal t) => Math.Clamp((x - b) / (t - b), 0m, 1m);
        var evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());

        foreach (var input in SampleSubjects.Generate(200))
        {
            var v = input.Values;
            var monthly = ((50m * S(v["new_accounts"], 0m, 10m)) + (30m * S(v["net_new_accounts"], 0m, 6m)) + (10m * S(v["monthly_exam"], 0m, 100m))
                + (6m * S(v["mentoring"], 0m, 2m)) + (4m * S(v["activity"], 0m, 4m))) / 100m;
            var quarterly = ((8m * S(v["customer_visits"], 0m, 60m)) + (60m * S(v["net_balance_growth"], 0m, 500m))
                + (12m * S(v["overdue_rate"], 3m, 1m)) + (20m * S(v["npl_rate"], 2m, 0.5m))) / 100m;
            var basePoints = (50m * monthly + 50m * quarterly) / 100m * 100m;
            var total = Math.Round(Math.Min(basePoints + Math.Min(2.5m * v["certificates"], 5m), 105m), 2, MidpointRounding.AwayFromZero);

            var a = evaluator.EvaluateOrThrow(input);

            Assert.Equal(total, a.RoundedTotal);
            Assert.True(Math.Abs(basePoints - a.BasePoints) < 1e-20m);
        }
    }
}
