using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PerfKit.Cli.Input;
using PerfKit.Diagnostics;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Population;

namespace PerfKit.Cli.Commands;

/// <summary>
/// <c>perfkit diagnose</c>: calibration findings (PerfKit.Diagnostics.CalibrationDiagnostics), gate pass rates
/// (PerfKit.Population) and, with a previous period, contradictions between output and quality
/// indicators (PerfKit.Diagnostics.ContradictionFinder).
/// </summary>
internal static class DiagnoseCommand
{
    /// <summary>At most this many individual findings are listed; the counts are always shown.</summary>
    private const int MaxListed = 20;

    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var groupBy = new Option<string?>("--group-by") { Description = "A subject attribute (CSV column attr:<key>) to break calibration shares and contradictions down by, e.g. department." };
        var previous = new Option<string?>("--previous") { Description = "The previous period's actuals CSV, for contradictions (needs --period, --previous-period and --pair)." };
        var previousScheme = new Option<string?>("--previous-scheme") { Description = "The previous period's scheme (file or template); default --scheme." };
        var previousPeriod = new Option<string?>("--previous-period") { Description = "The previous period, e.g. 2024-Q1." };
        var pairs = new Option<string[]>("--pair")
        {
            Description = "An output/quality indicator pair as id=output-path:quality-path, e.g. loans-vs-npl=loans:npl_rate; repeat for more.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Exit 0 even when rows failed (they are still reported on standard error)." };
        var command = new Command("diagnose", "Calibration findings (targets too hard, too easy, below requirement) with advice, gate pass rates and, with --previous, contradictions between output and quality indicators. Exit 1 when rows failed unless --allow-errors.");
        common.AddTo(command);
        foreach (var option in new Option[] { groupBy, previous, previousScheme, previousPeriod, pairs, allowErrors })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var period = CommonOptions.ParsePeriod(parse.GetValue(common.Period));
            var scheme = SchemeSource.Load(parse.GetRequiredValue(common.Scheme));
            var group = parse.GetValue(groupBy);
            var previousPath = parse.GetValue(previous);
            var pairSpecs = parse.GetValue(pairs) ?? [];
            ContradictionFinder? finder = null;
            AssessmentPeriod? before = null;
            if (previousPath is not null || pairSpecs.Length > 0)
            {
                if (previousPath is null || period is null || parse.GetValue(previousPeriod) is null || pairSpecs.Length == 0)
                {
                    throw new CliException(ExitCodes.InvalidInput, "Contradictions need --previous, --period, --previous-period and at least one --pair.");
                }

                before = CommonOptions.ParsePeriod(parse.GetValue(previousPeriod));
                finder = CreateFinder(pairSpecs);
            }

            var current = await Score(console, scheme, parse.GetRequiredValue(common.Input), period, cancellationToken).ConfigureAwait(false);
            var failed = current.Failed;
            var o = console.Out;
            o.WriteLine($"{scheme.Names.Default} ({scheme.Id}@{scheme.Version}): {Text.Int(current.Assessments.Count)} subjects{(period is null ? string.Empty : " in " + period)}");
            WriteGates(console, scheme, current.Assessments);
            WriteCalibration(console, current.Assessments, group);
            if (finder is not null)
            {
                var previousSchemeValue = parse.GetValue(previousScheme) is { } ps ? SchemeSource.Load(ps) : scheme;
                var prior = await Score(console, previousSchemeValue, previousPath!, before, cancellationToken).ConfigureAwait(false);
                failed += prior.Failed;
                var report = finder.Find(before!, prior.Assessments, period!, current.Assessments);
                if (!report.Succeeded)
                {
                    throw new CliException(ExitCodes.InvalidInput, "The periods cannot be compared:\n" + string.Join("\n", report.Problems.Select(p => p.ToString())));
                }

                WriteContradictions(console, report, finder, group);
            }

            return failed > 0 && !parse.GetValue(allowErrors) ? ExitCodes.DataErrors : ExitCodes.Ok;
        });
        return command;
    }

    private static ContradictionFinder CreateFinder(string[] specs)
    {
        var list = new List<IndicatorPair>();
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=', StringComparison.Ordinal);
            var colon = eq < 0 ? -1 : spec.IndexOf(':', eq + 1);
            if (eq <= 0 || colon < 0 || colon == eq + 1 || colon == spec.Length - 1)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--pair '{spec}' is not of the form id=output-path:quality-path, e.g. loans-vs-npl=loans:npl_rate.");
            }

            list.Add(IndicatorPair.Create(spec[..eq], spec[(eq + 1)..colon], spec[(colon + 1)..]));
        }

        try
        {
            return ContradictionFinder.Create(list);
        }
        catch (RuleValidationException e)
        {
            throw new CliException(ExitCodes.InvalidInput, "The pairs are not valid:\n" + string.Join("\n", e.Problems.Select(p => p.ToString())));
        }
    }

    private static async Task<(List<Assessment> Assessments, int Failed)> Score(CliConsole console, Scheme scheme, string path, AssessmentPeriod? period, CancellationToken cancellationToken)
    {
        var run = new ScoringRun(console, scheme, path, period);
        var assessments = new List<Assessment>();
        await run.RunAsync(_ => { }, assessments.Add, cancellationToken).ConfigureAwait(false);
        await console.Out.WriteLineAsync(run.Summary()).ConfigureAwait(false);
        return (assessments, run.Failed);
    }

    private static void WriteGates(CliConsole console, Scheme scheme, IReadOnlyList<Assessment> assessments)
    {
        if (scheme.Gates.IsEmpty || assessments.Count == 0)
        {
            console.Out.WriteLine(scheme.Gates.IsEmpty ? "Gate pass rates: the scheme has no gates." : "Gate pass rates: no subject was scored.");
            return;
        }

        var statistics = AssessmentPopulation.Create(assessments).All.ComputeStatistics();
        var table = Tables.Create("Gate", "Passed", "Failed", "Missing", "Pass rate").Right(1, 2, 3, 4);
        foreach (var gate in statistics.Gates)
        {
            table.Row(gate.Gate.Id, Text.Int(gate.Passed), Text.Int(gate.Failed), Text.Int(gate.Missing), Text.Percent(gate.Rate));
        }

        table.Row("(every gate)", Text.Int(statistics.AllGatesPassed), Text.Int(statistics.Count - statistics.AllGatesPassed), string.Empty, Text.Percent(statistics.AllGatesPassRate));
        console.Out.WriteLine("Gate pass rates:");
        console.Ansi.Write(table);
    }

    private static void WriteCalibration(CliConsole console, IReadOnlyList<Assessment> assessments, string? group)
    {
        var o = console.Out;
        var report = CalibrationDiagnostics.Analyze(assessments);
        if (!report.Succeeded)
        {
            throw new CliException(ExitCodes.InvalidInput, "The population cannot be calibrated:\n" + string.Join("\n", report.Problems.Select(p => p.ToString())));
        }

        o.WriteLine($"Calibration of {Text.Int(report.SubjectCount)} subjects: {Text.Int(report.Findings.Length)} findings.");
        if (report.Shares.IsEmpty)
        {
            o.WriteLine("No dimension or objective to calibrate in this scheme.");
            return;
        }

        WriteShares(console, report.Shares, null);
        if (group is not null)
        {
            WriteShares(console, report.SharesBy(group), group);
        }

        foreach (var finding in report.Findings.Take(MaxListed))
        {
            o.WriteLine("  " + finding.Message);
        }

        if (report.Findings.Length > MaxListed)
        {
            o.WriteLine($"  … and {Text.Int(report.Findings.Length - MaxListed)} more.");
        }
    }

    private static void WriteShares(CliConsole console, IReadOnlyList<CalibrationShare> shares, string? group)
    {
        var headers = group is null ? new[] { "Group", "Rule", "Threshold", "Checked", "Flagged", "Share", "Advice" } : new[] { group, "Group", "Rule", "Threshold", "Checked", "Flagged", "Share", "Advice" };
        var offset = group is null ? 0 : 1;
        var table = Tables.Create(headers).Right(2 + offset, 3 + offset, 4 + offset, 5 + offset);
        foreach (var share in shares)
        {
            var cells = new List<string>();
            if (group is not null)
            {
                cells.Add(share.AttributeValue ?? "(none)");
            }

            cells.AddRange([Text.PathOf(share.NodePath), share.RuleId, Text.Exact(share.Threshold), Text.Int(share.Checked), Text.Int(share.Flagged), Text.Percent(share.Share), share.Advice]);
            table.Row([.. cells]);
        }

        console.Ansi.Write(table);
    }

    private static void WriteContradictions(CliConsole console, ContradictionReport report, ContradictionFinder finder, string? group)
    {
        var o = console.Out;
        o.WriteLine($"Contradictions {report.PreviousPeriod} → {report.CurrentPeriod}: {Text.Int(report.Findings.Length)} of {Text.Int(report.Comparisons)} comparisons (pairs {string.Join(", ", finder.Pairs.Select(p => $"{p.Id}: {p.OutputPath} vs {p.QualityPath}"))}).");
        foreach (var finding in report.Findings.Take(MaxListed))
        {
            o.WriteLine("  " + finding.Message);
        }

        if (report.Findings.Length > MaxListed)
        {
            o.WriteLine($"  … and {Text.Int(report.Findings.Length - MaxListed)} more.");
        }

        if (group is not null)
        {
            foreach (var g in report.ByAttribute(group))
            {
                o.WriteLine($"  {g.Message}");
            }
        }
    }
}
