using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Benchmarks;

/// <summary>
/// Batches of A-bank subjects on 1 and 2 threads: the full path streamed (<see cref="SchemeEvaluator.EvaluateManyParallel"/>),
/// the totals path streamed from inputs, and the totals path over slot rows in one parallel batch call. The inputs repeat
/// every 1,024 subjects (a cheap source, so the figures are the evaluator's); figures are per subject.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Batch")]
public class BatchBenchmarks
{
    private const int Pool = 1024;
    private Workload w = null!;
    private decimal?[] rows = [];
    private decimal?[] pays = [];
    private TotalsResult[] results = [];

    /// <summary>Gets or sets the batch size.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Size { get; set; }

    /// <summary>Gets or sets the threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Builds the pool and the rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        w = Workload.Create(Template.ABank, Pool);
        rows = new decimal?[Size * w.Width];
        pays = new decimal?[Size];
        for (var n = 0; n < Size; n++)
        {
            Array.Copy(w.Rows, (n % Pool) * w.Width, rows, n * w.Width, w.Width);
            pays[n] = w.BasePays[n % Pool];
        }

        results = new TotalsResult[Size];
    }

    /// <summary>The full path, streamed in input order.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark]
    public decimal FullStream()
    {
        var sum = 0m;
        foreach (var r in w.Evaluator.EvaluateManyParallel(Source(w.Inputs, Size), Threads))
        {
            sum += r.Assessment!.RoundedTotal;
        }

        return sum;
    }

    /// <summary>The totals path, streamed from inputs in input order.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark]
    public decimal TotalsStream()
    {
        var sum = 0m;
        foreach (var r in w.Evaluator.EvaluateTotalsManyParallel(Source(w.Inputs, Size), Threads))
        {
            sum += r.RoundedTotal;
        }

        return sum;
    }

    /// <summary>The totals path over slot rows, one parallel batch call into a caller buffer.</summary>
    /// <returns>The number of subjects that succeeded.</returns>
    [Benchmark]
    public int TotalsRows() => w.Evaluator.EvaluateTotalsBatchParallel(rows, pays, results, Threads);

    /// <summary>Yields <paramref name="count"/> inputs cycling through <paramref name="pool"/>.</summary>
    /// <param name="pool">The inputs.</param>
    /// <param name="count">How many to yield.</param>
    /// <returns>The stream.</returns>
    public static IEnumerable<SubjectInput> Source(SubjectInput[] pool, long count)
    {
        ArgumentNullException.ThrowIfNull(pool);
        for (long n = 0; n < count; n++)
        {
            yield return pool[n % pool.Length];
        }
    }
}

/// <summary>Synthetic schemes of N linear indicators in groups of 10 (two levels from 100 up), for the growth figures.</summary>
public static class GrowthScheme
{
    /// <summary>Builds the scheme.</summary>
    /// <param name="indicators">10, 100 or 1,000 (a multiple of 10).</param>
    /// <returns>The scheme.</returns>
    public static Scheme Build(int indicators) => Scheme.CreateBuilder("growth-" + indicators.ToString(CultureInfo.InvariantCulture), "1")
        .Name("Growth").Grade("pass", 60m, 1m).Grade("fail", null, 0m)
        .Root(WeightMode.Normalize, root =>
        {
            for (var g = 0; g < indicators / 10; g++)
            {
                var group = g;
                root.Section("s" + group.ToString(CultureInfo.InvariantCulture), 1m + (group % 3), WeightMode.Normalize, s =>
                {
                    for (var i = 0; i < 10; i++)
                    {
                        var id = ((group * 10) + i).ToString(CultureInfo.InvariantCulture);
                        s.Indicator("k" + id, 1m + (i % 4), "m" + id, Scorers.Linear(0m, 100m + i));
                    }
                });
            }
        })
        .Build();

    /// <summary>Builds <paramref name="count"/> slot rows of deterministic values.</summary>
    /// <param name="evaluator">The evaluator (for the width).</param>
    /// <param name="count">Rows.</param>
    /// <returns>The rows.</returns>
    public static decimal?[] Rows(SchemeEvaluator evaluator, int count)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        var width = evaluator.Measures.Length;
        var rows = new decimal?[count * width];
        var state = 7u;
        for (var i = 0; i < rows.Length; i++)
        {
            state = unchecked((state * 1103515245u) + 12345u);
            rows[i] = (state >> 8) % 131u;
        }

        return rows;
    }

    /// <summary>The inputs matching <paramref name="rows"/>.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="count">How many inputs (from the first rows).</param>
    /// <returns>The inputs.</returns>
    public static SubjectInput[] Inputs(SchemeEvaluator evaluator, decimal?[] rows, int count)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(rows);
        var width = evaluator.Measures.Length;
        var inputs = new SubjectInput[count];
        for (var n = 0; n < count; n++)
        {
            var b = SubjectInput.For("G" + n.ToString(CultureInfo.InvariantCulture));
            for (var s = 0; s < width; s++)
            {
                b.Value(evaluator.Measures[s], rows[(n * width) + s]!.Value);
            }

            inputs[n] = b.Build();
        }

        return inputs;
    }
}

/// <summary>
/// Growth in indicators × subjects: N indicators (10, 100, 1,000) × 1,000 subjects, on one thread, through the totals
/// path over slot rows (streamed in buffers of 1,024 rows) and the full path. The 100,000 and 1,000,000 subject runs are
/// in <see cref="GrowthLargeBenchmarks"/> (category <c>Large</c>, left out unless <c>--large</c> is given).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Growth")]
public class GrowthBenchmarks
{
    /// <summary>Rows per buffer.</summary>
    protected const int Buffer = 1024;
    private SchemeEvaluator evaluator = null!;
    private decimal?[] rows = [];
    private SubjectInput[] inputs = [];
    private TotalsResult[] results = [];

    /// <summary>Gets or sets the number of indicators.</summary>
    [Params(10, 100, 1000)]
    public int Indicators { get; set; }

    /// <summary>Gets or sets the number of subjects.</summary>
    [Params(1_000)]
    public virtual int Subjects { get; set; }

    /// <summary>Builds the scheme, one buffer of rows, and 256 inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        evaluator = SchemeEvaluator.Create(GrowthScheme.Build(Indicators));
        rows = GrowthScheme.Rows(evaluator, Buffer);
        inputs = GrowthScheme.Inputs(evaluator, rows, 256);
        results = new TotalsResult[Buffer];
    }

    /// <summary>The totals path: all subjects through one reused buffer of rows.</summary>
    /// <returns>The sum of the exact totals.</returns>
    [Benchmark]
    public decimal TotalsPath()
    {
        var sum = 0m;
        for (var done = 0; done < Subjects; done += Buffer)
        {
            var n = Math.Min(Buffer, Subjects - done);
            evaluator.EvaluateTotalsBatch(rows.AsSpan(0, n * evaluator.Measures.Length), default, results.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                sum += results[i].ExactTotal;
            }
        }

        return sum;
    }

    /// <summary>The full path: all subjects, cycling through 256 inputs.</summary>
    /// <returns>The sum of the exact totals.</returns>
    [Benchmark]
    public decimal FullPath()
    {
        var sum = 0m;
        for (var n = 0; n < Subjects; n++)
        {
            sum += evaluator.Evaluate(inputs[n % inputs.Length]).Assessment!.ExactTotal;
        }

        return sum;
    }
}

/// <summary>
/// Growth with 100,000 and 1,000,000 subjects (minutes per run at 1,000 indicators): category <c>Large</c>, run with
/// <c>--large</c>, e.g. <c>--large --filter *GrowthLarge*TotalsPath* --job dry</c>.
/// </summary>
[BenchmarkCategory("Growth", "Large")]
public class GrowthLargeBenchmarks : GrowthBenchmarks
{
    /// <summary>Gets or sets the number of subjects.</summary>
    [Params(100_000, 1_000_000)]
    public override int Subjects { get; set; }
}
