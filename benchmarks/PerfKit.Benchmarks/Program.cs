using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PerfKit.Evaluation;

namespace PerfKit.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (BenchmarkDotNet arguments, e.g. <c>--filter *</c>; the category
/// <c>Large</c> only with <c>--large</c>), or one of the program's own modes:
/// <c>--verify</c> (every engine agrees with the floor on every subject),
/// <c>--stream [subjects] [chunkSize]</c> (1,000,000 subjects streamed on 1 and 2 threads: time, order, peak working set),
/// <c>--smoke</c> (verify, a short stream and a dry in-process benchmark run: under a minute).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0, or 1 when a check failed.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args)
        {
            case ["--verify"]:
                return Verify(Console.Out);
            case ["--stream", ..]:
                return Streaming.Run(
                    Console.Out,
                    args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : SchemeEvaluator.DefaultChunkSize);
            case ["--stream-one", var path, var threads, var subjects, var chunk]:
                return Streaming.RunOne(Console.Out, path, int.Parse(threads, CultureInfo.InvariantCulture), long.Parse(subjects, CultureInfo.InvariantCulture), int.Parse(chunk, CultureInfo.InvariantCulture));
            case ["--smoke"]:
                return Smoke();
            default:
                break;
        }

        var large = args.Contains("--large");
        var rest = args.Where(a => a != "--large").ToArray();

        // The generated benchmark project is built with a generous timeout: on a busy shared machine it can take minutes.
        // Min and Median next to the Mean: on a shared machine other processes only ever add time, so the minimum and
        // the median are the steadier figures.
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
            .WithBuildTimeout(TimeSpan.FromMinutes(15));
        if (!large)
        {
            config = config.AddFilter(new SimpleFilter(b => !b.Descriptor.HasCategory("Large")));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        return 0;
    }

    /// <summary>Verify, a 20,000-subject stream, and every evaluation and peer benchmark once, in process (no generated project to build).</summary>
    private static int Smoke()
    {
        var watch = Stopwatch.StartNew();
        if (Verify(Console.Out) != 0 || Streaming.Run(Console.Out, 20_000) != 0)
        {
            return 1;
        }

        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableLogFile);
        BenchmarkRunner.Run([BenchmarkConverter.TypeToBenchmarks(typeof(EvaluationBenchmarks), config), BenchmarkConverter.TypeToBenchmarks(typeof(PeerBenchmarks), config)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Smoke run done in {watch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    /// <summary>
    /// Checks that every engine computes the same numbers: on 1,000 A-bank subjects the floor, the full path, the
    /// totals path (from inputs, from slots, in a batch, in a parallel stream) and both RulesEngine shapes; on 1,000
    /// BSC-OKR subjects the floor and the PerfKit paths. Exact and rounded totals, grade, cancellation and payout.
    /// </summary>
    /// <param name="output">Where the report goes.</param>
    /// <returns>0 when every subject agrees, else 1.</returns>
    public static int Verify(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var mismatches = 0;
        const int Count = 1000;

        var a = Workload.Create(Template.ABank, Count);
        var re = new RulesEngineShapes(RulesEngineShapes.WorkflowsJson());
        var batch = new TotalsResult[Count];
        a.Evaluator.EvaluateTotalsBatch(a.Rows, a.BasePays, batch);
        var stream = a.Evaluator.EvaluateTotalsManyParallel(a.Inputs, 2, 100).ToArray();
        var fullStream = a.Evaluator.EvaluateManyParallel(a.Inputs, 2, 100).ToArray();
        for (var n = 0; n < Count; n++)
        {
            var input = a.Inputs[n];
            var f = ABankFormula.Evaluate(in a.ABank[n]);
            var floor = (f.ExactTotal, f.RoundedTotal, f.Grade.ToString(), f.PayoutCancelled, (decimal?)f.Payout);
            var full = a.Evaluator.EvaluateOrThrow(input);
            var grades = a.Scheme.Grades;
            Check("full path", (full.ExactTotal, full.RoundedTotal, full.Grade.Name, full.PayoutCancelled, full.Payout));
            Check("full path (base, bonus)", (full.BasePoints, full.BonusPoints, f.Grade.ToString(), f.PayoutCancelled, (decimal?)f.Payout), (f.BasePoints, f.BonusPoints));
            Check("full stream", OfAssessment(fullStream[n].Assessment!), fullStream[n].SubjectId == input.SubjectId);
            Check("totals from input", OfTotals(a.Evaluator.EvaluateTotals(input), grades));
            Check("totals from slots", OfTotals(a.Evaluator.EvaluateTotals(a.Rows.AsSpan(n * a.Width, a.Width), a.BasePays[n]), grades));
            Check("totals batch", OfTotals(batch[n], grades));
            Check("totals stream", OfTotals(stream[n], grades), stream[n].SubjectId == input.SubjectId);
            var one = re.OneRule(in a.ABank[n]);
            Check("RulesEngine one rule", (one.ExactTotal, one.RoundedTotal, one.Grade.ToString(), one.PayoutCancelled, (decimal?)one.Payout));
            var per = re.PerIndicator(in a.ABank[n]);
            Check("RulesEngine rule per indicator", (per.ExactTotal, per.RoundedTotal, per.Grade.ToString(), per.PayoutCancelled, (decimal?)per.Payout));

            void Check(string engine, (decimal, decimal, string, bool, decimal?) actual, object? extra = null)
            {
                var same = extra switch
                {
                    bool ok => ok && actual == floor,
                    (decimal b, decimal bonus) => actual.Item1 == b && actual.Item2 == bonus,
                    _ => actual == floor,
                };
                if (!same)
                {
                    mismatches++;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input.SubjectId}: floor {floor} but {engine} {actual}"));
                }
            }
        }

        var b = Workload.Create(Template.BscOkr, Count);
        var bscBatch = new TotalsResult[Count];
        b.Evaluator.EvaluateTotalsBatch(b.Rows, b.BasePays, bscBatch);
        for (var n = 0; n < Count; n++)
        {
            var input = b.Inputs[n];
            var f = BscOkrFormula.Evaluate(b.Bsc[n]);
            var floor = (f.ExactTotal, f.RoundedTotal, f.Grade.ToString());
            var full = b.Evaluator.EvaluateOrThrow(input);
            var grades = b.Scheme.Grades;
            var totals = b.Evaluator.EvaluateTotals(input);
            var slots = b.Evaluator.EvaluateTotals(b.Rows.AsSpan(n * b.Width, b.Width), b.BasePays[n]);
            foreach (var (engine, actual) in new[]
            {
                ("full path", (full.ExactTotal, full.RoundedTotal, full.Grade.Name)),
                ("totals from input", (totals.ExactTotal, totals.RoundedTotal, grades[totals.GradeIndex].Name)),
                ("totals from slots", (slots.ExactTotal, slots.RoundedTotal, grades[slots.GradeIndex].Name)),
                ("totals batch", (bscBatch[n].ExactTotal, bscBatch[n].RoundedTotal, grades[bscBatch[n].GradeIndex].Name)),
            })
            {
                if (actual != floor)
                {
                    mismatches++;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input.SubjectId}: floor {floor} but {engine} {actual}"));
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A-bank: {Count} subjects × (full path, full stream, totals from input, from slots, batch, stream, RulesEngine one rule, RulesEngine rule per indicator) against the hand-written floor; BSC-OKR: {Count} subjects × (full path, totals from input, from slots, batch). {mismatches} disagreements."));
        return mismatches == 0 ? 0 : 1;

        static (decimal, decimal, string, bool, decimal?) OfAssessment(Assessment x) => (x.ExactTotal, x.RoundedTotal, x.Grade.Name, x.PayoutCancelled, x.Payout);
        static (decimal, decimal, string, bool, decimal?) OfTotals(TotalsResult t, System.Collections.Immutable.ImmutableArray<Model.GradeBand> grades)
            => (t.ExactTotal, t.RoundedTotal, t.Succeeded ? grades[t.GradeIndex].Name : "failed: " + t.ProblemCode, t.PayoutCancelled, t.Payout);
    }
}
