using System.Linq;
using BenchmarkDotNet.Attributes;
using PerfKit.Demo;
using PerfKit.Evaluation;

namespace PerfKit.Benchmarks;

/// <summary>
/// One A-bank subject evaluated by PerfKit (full assessment with explanation data) and by the hand-written formula.
/// Each invocation evaluates the 50 sample subjects; figures are per subject.
/// </summary>
[MemoryDiagnoser]
public class ABankEvaluationBenchmarks
{
    private const int Subjects = 50;
    private SchemeEvaluator? evaluator;
    private SubjectInput[] inputs = [];
    private ABankInput[] plainInputs = [];

    /// <summary>Compiles the scheme once and builds the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());
        inputs = [.. SampleSubjects.Generate(Subjects)];
        plainInputs = [.. inputs.Select(ABankInput.From)];
    }

    /// <summary>PerfKit: <see cref="SchemeEvaluator.Evaluate"/> per subject.</summary>
    /// <returns>The sum of the rounded totals (keeps the work observable).</returns>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public decimal PerfKit()
    {
        var sum = 0m;
        foreach (var input in inputs)
        {
            sum += evaluator!.Evaluate(input).Assessment!.RoundedTotal;
        }

        return sum;
    }

    /// <summary>The floor: the same formula in plain decimal C#.</summary>
    /// <returns>The sum of the rounded totals.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Subjects)]
    public decimal HandWritten()
    {
        var sum = 0m;
        for (var i = 0; i < plainInputs.Length; i++)
        {
            sum += ABankFormula.Evaluate(in plainInputs[i]).RoundedTotal;
        }

        return sum;
    }
}
