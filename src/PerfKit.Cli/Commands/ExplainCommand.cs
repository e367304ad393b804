using System.CommandLine;
using System.Globalization;
using System.Threading.Tasks;
using PerfKit.Cli.Input;
using PerfKit.Evaluation;
using PerfKit.Explanation;
using PerfKit.Model;
using Spectre.Console;

namespace PerfKit.Cli.Commands;

/// <summary><c>perfkit explain --subject &lt;id&gt;</c>: one subject's scorecard as a tree with contributions, or the text or JSON explanation.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var subject = new Option<string>("--subject") { Description = "The subject id to explain.", Required = true };
        var format = new Option<string>("--format") { Description = "tree (default): the scorecard as a tree; text: the library's text explanation; json: its JSON explanation.", DefaultValueFactory = _ => "tree" };
        format.AcceptOnlyFromAmong("tree", "text", "json");
        var culture = new Option<string?>("--culture") { Description = "The culture of node names, e.g. zh-CN (numbers stay invariant)." };
        var command = new Command("explain", "Explain one subject of an actuals CSV: every node's value, score, effective weight and points, gates, adjustments, grade and payout. Exit 1 when the subject's row has errors, 2 when the subject is not in the file.");
        common.AddTo(command);
        command.Options.Add(subject);
        command.Options.Add(format);
        command.Options.Add(culture);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var period = CommonOptions.ParsePeriod(parse.GetValue(common.Period));
            var scheme = SchemeSource.Load(parse.GetRequiredValue(common.Scheme));
            var id = parse.GetRequiredValue(subject);
            var names = Culture(parse.GetValue(culture));
            var inputPath = parse.GetRequiredValue(common.Input);
            using var source = CsvSubjectSource.Open(inputPath, scheme, period);
            await foreach (var row in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (row.SubjectId != id)
                {
                    continue;
                }

                if (row.Input is null)
                {
                    foreach (var error in row.Errors)
                    {
                        await console.Error.WriteLineAsync(error).ConfigureAwait(false);
                    }

                    return ExitCodes.DataErrors;
                }

                var result = SchemeEvaluator.Create(scheme).Evaluate(row.Input);
                if (result.Assessment is not { } assessment)
                {
                    foreach (var problem in result.Problems)
                    {
                        var column = source.ColumnOf(problem, scheme);
                        var where = column >= 0 ? $"{inputPath}:{Text.Int(row.Line)}:{Text.Int(column + 1)}: subject '{id}', column '{source.ColumnName(column)}'" : $"{inputPath}:{Text.Int(row.Line)}: subject '{id}'";
                        await console.Error.WriteLineAsync($"{where}{(problem.AttemptedValue is null ? string.Empty : $", value '{problem.AttemptedValue}'")}: [{problem.Code}] at {Text.PathOf(problem.Path)}: {problem.Message}").ConfigureAwait(false);
                    }

                    return ExitCodes.DataErrors;
                }

                switch (parse.GetValue(format))
                {
                    case "json":
                        await console.Out.WriteLineAsync(AssessmentFormatter.ToJson(assessment)).ConfigureAwait(false);
                        break;
                    case "text":
                        await console.Out.WriteAsync(AssessmentFormatter.ToText(assessment, names)).ConfigureAwait(false);
                        break;
                    default:
                        WriteTree(console, assessment, names);
                        break;
                }

                return ExitCodes.Ok;
            }

            throw new CliException(ExitCodes.InvalidInput, $"Subject '{id}' is not in '{inputPath}'.");
        });
        return command;
    }

    internal static CultureInfo? Culture(string? name)
    {
        if (name is null)
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            throw new CliException(ExitCodes.InvalidInput, $"--culture '{name}' is not a known culture.");
        }
    }

    private static void WriteTree(CliConsole console, Assessment a, CultureInfo? culture)
    {
        var o = console.Out;
        o.WriteLine($"{a.SubjectId} — {a.Scheme.Names.Get(culture)} ({a.Scheme.Id}@{a.Scheme.Version})");
        o.WriteLine($"Total {Text.Exact(a.RoundedTotal)} = base {Text.Exact(a.BasePoints)} + bonus {Text.Exact(a.BonusPoints)} − penalty {Text.Exact(a.PenaltyPoints)}; grade {a.Grade.Name} × {Text.Exact(a.Coefficient)}; payout {(a.Payout is { } p ? Text.Exact(p) : "-")}{(a.PayoutCancelled ? " (cancelled by a gate)" : string.Empty)}");
        var tree = new Tree(new Spectre.Console.Text(Label(a.Root, a.Scheme, culture)));
        Add(tree, a.Root, a.Scheme, culture);
        console.Ansi.Write(tree);
        foreach (var gate in a.Gates)
        {
            o.WriteLine($"Gate {gate.Gate.Id} ({gate.Gate.Names.Get(culture)}): {(gate.Passed ? "passed" : "failed")}{(gate.Actual is { } actual ? ", actual " + Text.Exact(actual) : string.Empty)}, threshold {Text.Exact(gate.Gate.Threshold)}{(gate.IsMissing ? " (missing)" : string.Empty)}");
        }

        foreach (var adjustment in a.Adjustments)
        {
            o.WriteLine($"{(adjustment.Rule.Kind == AdjustmentKind.Bonus ? "Bonus" : "Penalty")} {adjustment.Rule.Id} ({adjustment.Rule.Names.Get(culture)}): {Text.Exact(adjustment.Units)} units → {Text.Exact(adjustment.Applied)} points");
        }

        o.WriteLine($"Fingerprint: {a.Fingerprint}");
    }

    private static void Add(IHasTreeNodes parent, NodeResult node, Scheme scheme, CultureInfo? culture)
    {
        foreach (var child in node.Children)
        {
            var added = parent.AddNode(new Spectre.Console.Text(Label(child, scheme, culture)));
            Add(added, child, scheme, culture);
        }
    }

    private static string Label(NodeResult node, Scheme scheme, CultureInfo? culture)
    {
        var value = node.IsMissing ? "missing → " : node.Value is { } v ? v + " → " : string.Empty;
        var score = node.Score is { } s ? Text.Exact(s) : "excluded";
        var flags = (node.ZeroedByGate ? " [zeroed by gate]" : string.Empty) + (node.IsExcluded ? " [excluded]" : string.Empty);
        return $"{Text.PathOf(node.Path)} {node.Node.Names.Get(culture)} (weight {Text.Exact(node.Weight)}, effective {Text.Percent(node.EffectiveWeight)}): {value}score {score} → {Text.Exact(decimal.Round(node.Contribution, 4, System.MidpointRounding.AwayFromZero))} points{flags}";
    }
}
