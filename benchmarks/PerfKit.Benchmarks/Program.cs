using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PerfKit.Demo;
using PerfKit.Evaluation;

namespace PerfKit.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, e.g. <c>--filter *</c>; or, with <c>--verify</c> alone, checks that
/// the hand-written A-bank formula agrees with PerfKit on the 50 sample subjects.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments, or <c>--verify</c>.</param>
    /// <returns>0, or 1 when <c>--verify</c> found a disagreement.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["--verify"])
        {
            return Verify(Console.Out);
        }

        // The generated benchmark project is built with a generous timeout: on a busy shared machine it can take minutes.
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15)));
        return 0;
    }

    /// <summary>Compares PerfKit with <see cref="ABankFormula"/> on <c>SampleSubjects.Generate(50)</c>, field by field.</summary>
    /// <param name="output">Where the report goes.</param>
    /// <returns>0 when every subject agrees, else 1.</returns>
    public static int Verify(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());
        var subjects = 0;
        var mismatches = 0;
        foreach (var input in SampleSubjects.Generate(50))
        {
            subjects++;
            var a = evaluator.EvaluateOrThrow(input);
            var f = ABankFormula.Evaluate(ABankInput.From(input));
            var expected = (a.BasePoints, a.BonusPoints, a.ExactTotal, a.RoundedTotal, a.Grade.Name, a.PayoutCancelled, a.Payout);
            var actual = (f.BasePoints, f.BonusPoints, f.ExactTotal, f.RoundedTotal, f.Grade.ToString(), f.PayoutCancelled, (decimal?)f.Payout);
            if (expected != actual)
            {
                mismatches++;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input.SubjectId}: PerfKit {expected} but the hand-written formula {actual}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{subjects - mismatches} of {subjects} subjects agree (base, bonus, exact and rounded totals, grade, cancellation, payout)."));
        return mismatches == 0 && subjects > 0 ? 0 : 1;
    }
}
