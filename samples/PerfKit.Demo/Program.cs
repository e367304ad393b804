using System;
using System.Globalization;
using PerfKit.Evaluation;

namespace PerfKit.Demo;

/// <summary>Evaluates the embedded A-bank scheme on deterministic sample subjects and prints the results.</summary>
public static class Program
{
    /// <summary>Runs the demo.</summary>
    /// <returns>0.</returns>
    public static int Main()
    {
        var evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());
        foreach (var result in evaluator.EvaluateMany(SampleSubjects.Generate(50)))
        {
            Console.WriteLine(result.Succeeded
                ? string.Create(CultureInfo.InvariantCulture, $"{result.SubjectId} {result.Assessment.RoundedTotal} {result.Assessment.Grade.Name} {result.Assessment.Payout}")
                : $"{result.SubjectId} error: {result.Problems[0]}");
        }

        return 0;
    }
}
