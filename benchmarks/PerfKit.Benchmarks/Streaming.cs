using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PerfKit.Evaluation;

namespace PerfKit.Benchmarks;

/// <summary>
/// The streaming check behind <c>--stream</c>: N A-bank subjects (default 1,000,000) streamed through
/// <see cref="SchemeEvaluator.EvaluateManyParallel"/> (full path) and <see cref="SchemeEvaluator.EvaluateTotalsManyParallel"/>
/// on 1 and 2 threads, each configuration in its own process so its peak working set is its own. The source cycles
/// through 1,024 prebuilt inputs (the "input source", a few MB); every result is checked for its place in the input
/// order and its numbers against a single-threaded evaluation of the same input. A third row, <c>floor</c>, runs the
/// hand-written formula over the same subjects in the same chunks on the same threads (nothing read, yielded or
/// allocated): how far this machine, at that moment, lets plain decimal arithmetic scale from one core to two.
/// </summary>
public static class Streaming
{
    private const int Pool = 1024;

    /// <summary>Subjects each path runs before the measurement, on the measured number of threads.</summary>
    private const int Warmup = 300_000;

    /// <summary>Runs the four configurations in child processes and prints a Markdown table.</summary>
    /// <param name="output">Where the table goes.</param>
    /// <param name="subjects">Subjects per configuration.</param>
    /// <param name="chunkSize">The streams' chunk size.</param>
    /// <returns>0 when every configuration kept order and numbers, else 1.</returns>
    public static int Run(TextWriter output, long subjects, int chunkSize = SchemeEvaluator.DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Streaming {subjects:N0} A-bank subjects in chunks of {chunkSize:N0}; GC: {GcMode()}; load average before: {LoadAverage()}"));
        output.WriteLine();
        output.WriteLine("| Path | Threads | Time (s) | µs per subject | Speed-up 1 → 2 | CPU time (s) | GC pauses (s) | Peak working set (MB) | Gen0/1/2 GCs | Order and numbers |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        var failed = 0;
        foreach (var path in new[] { "full", "totals", "floor" })
        {
            double? single = null;
            foreach (var threads in new[] { 1, 2 })
            {
                var line = Child(path, threads, subjects, chunkSize);
                var parts = line.Split('\t');
                if (parts.Length < 7)
                {
                    output.WriteLine($"| {path} | {threads} | failed: {line} | | | | | | | |");
                    failed++;
                    continue;
                }

                var seconds = double.Parse(parts[0], CultureInfo.InvariantCulture);
                single ??= seconds;
                var speedup = threads == 1 ? "" : (single.Value / seconds).ToString("0.00", CultureInfo.InvariantCulture) + "×";
                failed += parts[4] == "ok" ? 0 : 1;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {path} | {threads} | {seconds:0.00} | {seconds * 1e6 / subjects:0.000} | {speedup} | {parts[5]} | {parts[6]} | {parts[1]} | {parts[2]} | {parts[4]} |"));
            }
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average after: {LoadAverage()}"));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>One configuration, in this process: prints seconds, peak working set (MB), GC counts, subjects, "ok" or the first disagreement, CPU seconds and GC pause seconds.</summary>
    /// <param name="output">Where the line goes.</param>
    /// <param name="path"><c>full</c> or <c>totals</c>.</param>
    /// <param name="threads">Threads.</param>
    /// <param name="subjects">Subjects.</param>
    /// <param name="chunkSize">The streams' chunk size.</param>
    /// <returns>0 when order and numbers held, else 1.</returns>
    public static int RunOne(TextWriter output, string path, int threads, long subjects, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = Workload.Create(Template.ABank, Pool);
        var expected = new decimal[Pool];
        for (var i = 0; i < Pool; i++)
        {
            expected[i] = w.Evaluator.EvaluateOrThrow(w.Inputs[i]).ExactTotal;
        }

        // Warm the code paths until the JIT has finished optimising them (its background compilations would otherwise
        // take a core from the two-thread run), then measure.
        foreach (var r in w.Evaluator.EvaluateManyParallel(BatchBenchmarks.Source(w.Inputs, Warmup), threads, chunkSize))
        {
            _ = r;
        }

        foreach (var r in w.Evaluator.EvaluateTotalsManyParallel(BatchBenchmarks.Source(w.Inputs, Warmup), threads, chunkSize))
        {
            _ = r;
        }

        var warm = 0m;
        for (var i = 0; i < Warmup; i++)
        {
            warm += ABankFormula.Evaluate(in w.ABank[i % Pool]).ExactTotal;
        }

        GC.KeepAlive(warm);
        GC.Collect();
        var gc0 = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        string? problem = null;
        long n = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        if (path == "floor")
        {
            // The machine's own scaling: the hand-written formula over the same subjects, chunk by chunk on the same
            // number of threads (no reading, no yielding, no allocation), every total checked.
            var mismatches = 0L;
            for (long start = 0; start < subjects; start += chunkSize)
            {
                var first = start;
                var count = (int)Math.Min(chunkSize, subjects - start);
                Parallel.For(0, (count + 63) / 64, new ParallelOptions { MaxDegreeOfParallelism = threads }, block =>
                {
                    var wrong = 0;
                    for (var i = block * 64; i < Math.Min(count, (block + 1) * 64); i++)
                    {
                        var k = (int)((first + i) % Pool);
                        wrong += ABankFormula.Evaluate(in w.ABank[k]).ExactTotal == expected[k] ? 0 : 1;
                    }

                    Interlocked.Add(ref mismatches, wrong);
                });
                n += count;
            }

            if (mismatches > 0)
            {
                problem = $"{mismatches} floor totals differ from the evaluator's";
            }
        }
        else if (path == "full")
        {
            foreach (var r in w.Evaluator.EvaluateManyParallel(BatchBenchmarks.Source(w.Inputs, subjects), threads, chunkSize))
            {
                var k = (int)(n % Pool);
                if (problem is null && (!ReferenceEquals(r.SubjectId, w.Inputs[k].SubjectId) || r.Assessment!.ExactTotal != expected[k]))
                {
                    problem = $"subject {n}: got {r.SubjectId}";
                }

                n++;
            }
        }
        else
        {
            foreach (var r in w.Evaluator.EvaluateTotalsManyParallel(BatchBenchmarks.Source(w.Inputs, subjects), threads, chunkSize))
            {
                var k = (int)(n % Pool);
                if (problem is null && (!ReferenceEquals(r.SubjectId, w.Inputs[k].SubjectId) || r.ExactTotal != expected[k]))
                {
                    problem = $"subject {n}: got {r.SubjectId}";
                }

                n++;
            }
        }

        watch.Stop();
        if (n != subjects)
        {
            problem ??= $"{n} results for {subjects} subjects";
        }

        using var process = Process.GetCurrentProcess();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{watch.Elapsed.TotalSeconds:0.000}\t{process.PeakWorkingSet64 / 1048576.0:0}\t{GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2}\t{n}\t{problem ?? "ok"}\t{cpuSeconds:0.00}\t{(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00}"));
        return problem is null ? 0 : 1;
    }

    private static string Child(string path, int threads, long subjects, int chunkSize)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (!Environment.ProcessPath!.EndsWith("PerfKit.Benchmarks", StringComparison.Ordinal) && !Environment.ProcessPath.EndsWith("PerfKit.Benchmarks.exe", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(Streaming).Assembly.Location);
        }

        foreach (var a in new[] { "--stream-one", path, threads.ToString(CultureInfo.InvariantCulture), subjects.ToString(CultureInfo.InvariantCulture), chunkSize.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var text = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        var lines = text.Split('\n');
        return lines[^1].Trim();
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    /// <summary>The garbage collector the child processes run with (they inherit <c>DOTNET_gcServer</c> and the other GC settings).</summary>
    private static string GcMode()
        => System.Runtime.GCSettings.IsServerGC ? "server" : System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "workstation, non-concurrent" : "workstation, concurrent";
}
