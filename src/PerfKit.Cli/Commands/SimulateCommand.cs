using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using PerfKit.Cli.Input;
using PerfKit.Evaluation;
using PerfKit.Simulation;

namespace PerfKit.Cli.Commands;

/// <summary><c>perfkit simulate --scheme a.json --vs b.json --input actuals.csv</c>: two scheme variants on one population, side by side (PerfKit.Simulation).</summary>
internal static class SimulateCommand
{
    /// <summary>At most this many individual grade changes are listed; the count is always shown.</summary>
    private const int MaxListedChanges = 20;

    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var vs = new Option<string>("--vs") { Description = "The variant scheme to compare with --scheme (the baseline): a scheme file or a template name.", Required = true };
        var groupBy = new Option<string?>("--group-by") { Description = "A subject attribute (CSV column attr:<key>) for the impact per group, e.g. department." };
        var command = new Command("simulate", "What-if: score one actuals CSV under two schemes and show the grade distribution shift, payout and mean total change, gate pass rates, grade changes and the impact per group. Exit 1 when rows could not be read or a subject failed under either scheme.");
        common.AddTo(command);
        command.Options.Add(vs);
        command.Options.Add(groupBy);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var period = CommonOptions.ParsePeriod(parse.GetValue(common.Period));
            var baselineName = parse.GetRequiredValue(common.Scheme);
            var variantName = parse.GetRequiredValue(vs);
            var baseline = SchemeSource.Load(baselineName);
            var variant = SchemeSource.Load(variantName);
            var inputPath = parse.GetRequiredValue(common.Input);
            var inputs = new List<SubjectInput>();
            var failedRows = 0;
            using (var source = CsvSubjectSource.Open(inputPath, [baseline, variant], period))
            {
                await foreach (var row in source.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (row.Input is { } input)
                    {
                        inputs.Add(input);
                        continue;
                    }

                    failedRows++;
                    foreach (var error in row.Errors)
                    {
                        await console.Error.WriteLineAsync(error).ConfigureAwait(false);
                    }
                }
            }

            SimulationReport report;
            try
            {
                report = WhatIfSimulator.Run(
                    [SchemeVariant.Of(baselineName, baseline), SchemeVariant.Of(variantName == baselineName ? variantName + " (vs)" : variantName, variant)],
                    inputs,
                    parse.GetValue(groupBy));
            }
            catch (ArgumentException e)
            {
                throw new CliException(ExitCodes.InvalidInput, "The schemes cannot be compared: " + e.Message);
            }

            var comparison = report.Comparisons[0];
            foreach (var outcome in report.Variants)
            {
                foreach (var failure in outcome.Failures)
                {
                    foreach (var problem in failure.Problems)
                    {
                        await console.Error.WriteLineAsync($"{inputPath}: subject '{failure.SubjectId}' under {outcome.Name}: [{problem.Code}] at {Text.PathOf(problem.Path)}: {problem.Message}").ConfigureAwait(false);
                    }
                }
            }

            Write(console, report, comparison);
            return failedRows > 0 || !comparison.NotCompared.IsEmpty ? ExitCodes.DataErrors : ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(CliConsole console, SimulationReport report, VariantComparison c)
    {
        var o = console.Out;
        var b = c.Baseline;
        var v = c.Variant;
        o.WriteLine($"What-if on {Text.Int(report.PopulationCount)} subjects: {b.Name} ({b.Variant.Scheme.Id}@{b.Variant.Scheme.Version}) vs {v.Name} ({v.Variant.Scheme.Id}@{v.Variant.Scheme.Version})");
        var figures = Tables.Create("Figure", b.Name, v.Name, "Change").Right(1, 2, 3);
        figures.Row("Subjects assessed", Text.Int(b.Figures.Count), Text.Int(v.Figures.Count), Signed(v.Figures.Count - b.Figures.Count));
        figures.Row("Mean total", Opt(b.Figures.MeanTotal), Opt(v.Figures.MeanTotal), c.MeanTotalChange is { } m ? Signed(m, 2) : "—");
        figures.Row("Payout total", Text.Fixed(b.Figures.PayoutTotal, 2), Text.Fixed(v.Figures.PayoutTotal, 2), Signed(c.PayoutTotalChange, 2));
        figures.Row("Passed every gate", Pct(b.Figures.AllGatesPassRate), Pct(v.Figures.AllGatesPassRate), c.AllGatesPassRateChange is { } g ? SignedPoints(g) : "—");
        console.Ansi.Write(figures);

        var grades = Tables.Create("Grade", b.Name, v.Name, "Change").Right(1, 2, 3);
        foreach (var shift in c.GradeShifts)
        {
            grades.Row(shift.Grade, Text.Int(shift.BaselineCount), Text.Int(shift.VariantCount), Signed(shift.Change));
        }

        console.Ansi.Write(grades);

        if (!c.Gates.IsEmpty)
        {
            var gates = Tables.Create("Gate", b.Name + " pass rate", v.Name + " pass rate", "Change").Right(1, 2, 3);
            foreach (var gate in c.Gates)
            {
                gates.Row(gate.GateId, Pct(gate.Baseline?.Rate), Pct(gate.Variant?.Rate), gate.Change is { } d ? SignedPoints(d) : "—");
            }

            console.Ansi.Write(gates);
        }

        if (!c.Groups.IsEmpty)
        {
            var groups = Tables.Create(report.GroupBy ?? "Group", "Subjects", "Mean total change", "Payout change", "Grade changes").Right(1, 2, 3, 4);
            foreach (var group in c.Groups)
            {
                groups.Row(group.Key ?? "(none)", Text.Int(group.Baseline.Count), group.MeanTotalChange is { } gm ? Signed(gm, 2) : "—", Signed(group.PayoutTotalChange, 2), Text.Int(group.GradeChanges));
            }

            console.Ansi.Write(groups);
        }

        o.WriteLine($"{Text.Int(c.GradeChanges.Length)} subjects change grade{(c.GradeChanges.Length > MaxListedChanges ? $" (first {Text.Int(MaxListedChanges)} listed)" : string.Empty)}:");
        foreach (var change in c.GradeChanges.Take(MaxListedChanges))
        {
            o.WriteLine($"  {change.SubjectId}: {change.From.Name} → {change.To.Name} ({Text.Exact(change.Baseline.RoundedTotal)} → {Text.Exact(change.Variant.RoundedTotal)})");
        }

        if (!c.NotCompared.IsEmpty)
        {
            o.WriteLine($"Not compared (failed under a scheme): {string.Join(", ", c.NotCompared)}");
        }
    }

    private static string Opt(decimal? value) => value is { } v ? Text.Fixed(v, 2) : "—";

    private static string Pct(decimal? fraction) => fraction is { } f ? Text.Percent(f) : "—";

    private static string Signed(int value) => value > 0 ? "+" + Text.Int(value) : Text.Int(value);

    private static string Signed(decimal value, int decimals) => (value > 0m ? "+" : string.Empty) + Text.Fixed(value, decimals);

    private static string SignedPoints(decimal fraction) => (fraction > 0m ? "+" : string.Empty) + Text.Fixed(fraction * 100m, 1) + " pp";
}
