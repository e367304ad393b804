using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using PerfKit.Evaluation;
using PerfKit.Serialization;

namespace PerfKit.Benchmarks;

/// <summary>
/// The A-bank scheme per subject in PerfKit and in Microsoft RulesEngine 6.0.1 (both natural shapes), against the
/// hand-written floor (baseline), in one run so the ratios compare like with like.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Peers")]
public class PeerBenchmarks
{
    private const int Subjects = 64;
    private Workload w = null!;
    private RulesEngineShapes re = null!;

    /// <summary>Compiles both engines and warms RulesEngine's rule cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        w = Workload.Create(Template.ABank, Subjects);
        re = new RulesEngineShapes(RulesEngineShapes.WorkflowsJson());
        _ = re.OneRule(in w.ABank[0]);
        _ = re.PerIndicator(in w.ABank[0]);
    }

    /// <summary>The floor.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Subjects)]
    public decimal HandWritten()
    {
        var sum = 0m;
        for (var n = 0; n < Subjects; n++)
        {
            sum += ABankFormula.Evaluate(in w.ABank[n]).RoundedTotal;
        }

        return sum;
    }

    /// <summary>PerfKit's full path.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal PerfKitFull()
    {
        var sum = 0m;
        foreach (var input in w.Inputs)
        {
            sum += w.Evaluator.Evaluate(input).Assessment!.RoundedTotal;
        }

        return sum;
    }

    /// <summary>PerfKit's totals path from values by slot.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal PerfKitTotals()
    {
        var sum = 0m;
        var rows = w.Rows.AsSpan();
        for (var n = 0; n < Subjects; n++)
        {
            sum += w.Evaluator.EvaluateTotals(rows.Slice(n * w.Width, w.Width), w.BasePays[n]).RoundedTotal;
        }

        return sum;
    }

    /// <summary>RulesEngine, one rule whose output expression computes the total.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal RulesEngineOneRule()
    {
        var sum = 0m;
        for (var n = 0; n < Subjects; n++)
        {
            sum += re.OneRule(in w.ABank[n]).RoundedTotal;
        }

        return sum;
    }

    /// <summary>RulesEngine, one rule per indicator, bonus and gate; the host sums.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal RulesEnginePerIndicator()
    {
        var sum = 0m;
        for (var n = 0; n < Subjects; n++)
        {
            sum += re.PerIndicator(in w.ABank[n]).RoundedTotal;
        }

        return sum;
    }
}

/// <summary>
/// Cold start: from the scheme's text to the first subject's total. PerfKit loads the JSON scheme file, compiles the
/// evaluator and evaluates one subject; RulesEngine reads its workflow JSON, builds an engine and executes the first
/// subject (which compiles the workflow's expressions). A fresh engine every invocation.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Peers", "ColdStart")]
public class ColdStartBenchmarks
{
    private byte[] scheme = [];
    private string[] workflows = [];
    private SubjectInput input = null!;
    private ABankInput plain;

    /// <summary>Reads the texts once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        scheme = Encoding.UTF8.GetBytes(Templates.SchemeTemplates.GetJson("a-bank-2023"));
        workflows = RulesEngineShapes.WorkflowsJson();
        var w = Workload.Create(Template.ABank, 1);
        input = w.Inputs[0];
        plain = w.ABank[0];
    }

    /// <summary>PerfKit: load the JSON scheme, compile, evaluate the first subject (full path).</summary>
    /// <returns>The rounded total.</returns>
    [Benchmark(Baseline = true)]
    public decimal PerfKitLoadCompileFirst()
        => SchemeEvaluator.Create(SchemeFile.LoadOrThrow(scheme)).Evaluate(input).Assessment!.RoundedTotal;

    /// <summary>RulesEngine, one rule: read the workflow JSON, build the engine, execute the first subject.</summary>
    /// <returns>The rounded total.</returns>
    [Benchmark]
    public decimal RulesEngineOneRuleFirst() => new RulesEngineShapes(workflows[0]).OneRule(in plain).RoundedTotal;

    /// <summary>RulesEngine, one rule per indicator: read the workflow JSON, build the engine, execute the first subject.</summary>
    /// <returns>The rounded total.</returns>
    [Benchmark]
    public decimal RulesEnginePerIndicatorFirst() => new RulesEngineShapes(workflows[1]).PerIndicator(in plain).RoundedTotal;
}
