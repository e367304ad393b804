using System;
using BenchmarkDotNet.Attributes;
using PerfKit.Evaluation;

namespace PerfKit.Benchmarks;

/// <summary>
/// One subject evaluated six ways on each template: the hand-written floor (baseline), the full path
/// (<see cref="SchemeEvaluator.Evaluate"/>, the explained <see cref="Assessment"/>), the full path with every result
/// object read, the totals path from a <see cref="SubjectInput"/>, the totals path from values by slot, and the slot
/// batch. Each invocation evaluates the
/// same <see cref="Subjects"/> subjects; figures are per subject, and the Ratio column is each path ÷ the floor.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Evaluation")]
public class EvaluationBenchmarks
{
    private const int Subjects = 64;
    private Workload w = null!;
    private TotalsResult[] results = [];

    /// <summary>Gets or sets the template.</summary>
    [ParamsSource(nameof(Templates))]
    public Template Template { get; set; }

    /// <summary>
    /// Gets the templates to run: both, or only the one named by the environment variable <c>PERFKIT_TEMPLATE</c>
    /// (<c>ABank</c> or <c>BscOkr</c>), so that <c>benchmarks/run-isolated.sh</c> can give each template its own
    /// process (the JIT optimises the shared kernel for the scorers it has seen).
    /// </summary>
    public static Template[] Templates
        => Environment.GetEnvironmentVariable("PERFKIT_TEMPLATE") is { Length: > 0 } only
            ? [Enum.Parse<Template>(only)]
            : [Template.ABank, Template.BscOkr];

    /// <summary>Compiles the scheme and builds the subjects.</summary>
    [GlobalSetup]
    public void Setup()
    {
        w = Workload.Create(Template, Subjects);
        results = new TotalsResult[Subjects];
    }

    /// <summary>The floor: the template written out in plain decimal C#.</summary>
    /// <returns>The sum of the rounded totals (keeps the work observable).</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Subjects)]
    public decimal HandWritten()
    {
        var sum = 0m;
        for (var n = 0; n < Subjects; n++)
        {
            sum += w.Floor(n);
        }

        return sum;
    }

    /// <summary>The full path: the complete assessment with its explanation.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal FullPath()
    {
        var sum = 0m;
        foreach (var input in w.Inputs)
        {
            sum += w.Evaluator.Evaluate(input).Assessment!.RoundedTotal;
        }

        return sum;
    }

    /// <summary>
    /// The full path with its explanation read in full: every node result (with its contribution, intermediates and
    /// notes), every gate and adjustment result. The full path records the figures and builds these objects on first
    /// read; this is what a caller that reads the whole explanation pays.
    /// </summary>
    /// <returns>The sum of the rounded totals and of every node's contribution.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal FullPathTreeRead()
    {
        var sum = 0m;
        foreach (var input in w.Inputs)
        {
            var a = w.Evaluator.Evaluate(input).Assessment!;
            sum += a.RoundedTotal + Walk(a.Root) + a.Gates.Length + a.Adjustments.Length;
        }

        return sum;

        static decimal Walk(NodeResult node)
        {
            var total = node.Contribution + node.Intermediates.Length + node.Notes.Length;
            foreach (var child in node.Children)
            {
                total += Walk(child);
            }

            return total;
        }
    }

    /// <summary>The totals path from the same <see cref="SubjectInput"/> objects.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal TotalsFromInput()
    {
        var sum = 0m;
        foreach (var input in w.Inputs)
        {
            sum += w.Evaluator.EvaluateTotals(input).RoundedTotal;
        }

        return sum;
    }

    /// <summary>The totals path from values by slot, one call per subject.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal TotalsFromSlots()
    {
        var sum = 0m;
        var rows = w.Rows.AsSpan();
        for (var n = 0; n < Subjects; n++)
        {
            sum += w.Evaluator.EvaluateTotals(rows.Slice(n * w.Width, w.Width), w.BasePays[n]).RoundedTotal;
        }

        return sum;
    }

    /// <summary>The totals path over all rows in one batch call, results into a caller buffer.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal TotalsBatch()
    {
        w.Evaluator.EvaluateTotalsBatch(w.Rows, w.BasePays, results);
        var sum = 0m;
        foreach (var r in results)
        {
            sum += r.RoundedTotal;
        }

        return sum;
    }
}
