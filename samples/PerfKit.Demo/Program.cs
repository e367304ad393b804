using System;
using System.Globalization;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Explanation;

namespace PerfKit.Demo;

/// <summary>
/// Evaluates the embedded A-bank scheme on 50 deterministic sample customer managers, prints one row per subject
/// (total, grade, failed gates, payout) and the full explanation of one subject.
/// </summary>
public static class Program
{
    /// <summary>Runs the demo. Options: <c>--culture zh-CN</c> for names in the explanation, <c>--subject CM004</c> to explain another subject, <c>--json</c> for the JSON explanation.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>0 on success, 2 for unknown arguments.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        CultureInfo? culture = null;
        var explain = "CM004";
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--culture" when i + 1 < args.Length:
                    culture = CultureInfo.GetCultureInfo(args[++i]);
                    break;
                case "--subject" when i + 1 < args.Length:
                    explain = args[++i];
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: PerfKit.Demo [--culture zh-CN] [--subject CM004] [--json]");
                    return 2;
            }
        }

        var scheme = SampleSchemes.ABank2023();
        var evaluator = SchemeEvaluator.Create(scheme);
        Console.WriteLine($"{scheme.Names.Get(culture)} ({scheme.Id}@{scheme.Version})");
        Console.WriteLine($"P = {F(scheme.Points, 0)} points + bonus up to {F(scheme.MaxBonus ?? 0m, 0)}; total rounded once to {scheme.Rounding}");
        Console.WriteLine($"Grades: {string.Join(", ", scheme.Grades)}; payout = base pay × coefficient, 0 when a gate cancels it");
        Console.WriteLine();
        Console.WriteLine($"{"Subject",-8} {"Total",7}  {"Grade",-5} {"Payout",10}  Failed gates");
        Assessment? explained = null;
        var count = 0;
        var cancelled = 0;
        var byGrade = scheme.Grades.ToDictionary(g => g.Name, _ => 0, StringComparer.Ordinal);
        foreach (var result in evaluator.EvaluateMany(SampleSubjects.Generate(50)))
        {
            count++;
            if (!result.Succeeded)
            {
                Console.WriteLine($"{result.SubjectId,-8} error: {string.Join("; ", result.Problems)}");
                continue;
            }

            var a = result.Assessment;
            var failed = string.Join(", ", a.FailedGates.Select(g => g.Gate.Id));
            cancelled += a.PayoutCancelled ? 1 : 0;
            byGrade[a.Grade.Name]++;
            Console.WriteLine($"{a.SubjectId,-8} {F(a.RoundedTotal, 2),7}  {a.Grade.Name,-5} {F(a.Payout ?? 0m, 2),10}  {(failed.Length == 0 ? "-" : failed)}");
            if (a.SubjectId == explain)
            {
                explained = a;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{count} subjects; grades {string.Join(", ", scheme.Grades.Select(g => $"{g.Name} {byGrade[g.Name]}"))}; {cancelled} lost the period's pay to a failed gate.");
        Console.WriteLine();
        if (explained is null)
        {
            Console.Error.WriteLine($"Subject '{explain}' is not among the sample subjects (CM001–CM050).");
            return 2;
        }

        Console.WriteLine($"Explanation of {explained.SubjectId} (exact values; only the total is rounded):");
        Console.WriteLine(json ? AssessmentFormatter.ToJson(explained) : AssessmentFormatter.ToText(explained, culture));
        return 0;
    }

    private static string F(decimal value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
