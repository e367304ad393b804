using System.CommandLine;
using System.Linq;
using PerfKit.Analysis;

namespace PerfKit.Cli.Commands;

/// <summary><c>perfkit analyze &lt;scheme&gt;</c>: effective weights, points at stake, tag shares, reachable totals and policy findings.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var source = new Argument<string>("scheme") { Description = "A scheme file (.json) or a template name (" + SchemeSource.TemplateList + ")." };
        var command = new Command("analyze", "Show each node's effective weight and points at stake, tag shares, reachable totals and grades, and the policy findings. Exit 1 when a policy check reports an error.") { source };
        command.SetAction(parse =>
        {
            var scheme = SchemeSource.Load(parse.GetRequiredValue(source));
            var analysis = SchemeAnalyzer.Analyze(scheme);
            var findings = SchemePolicies.Check(analysis, SchemePolicies.Default);
            var o = console.Out;
            o.WriteLine($"{scheme.Names.Default} ({scheme.Id}@{scheme.Version})");
            o.WriteLine($"P = {Text.Exact(scheme.Points)} points; bonus up to {(scheme.MaxBonus is { } b ? Text.Exact(b) : "no cap")}; total rounded once to {scheme.Rounding}");

            var table = Tables.Create("Path", "Name", "Weight", "Effective weight", "Score range", "Points at stake", "Can change a grade").Right(2, 3, 4, 5);
            foreach (var node in analysis.Nodes)
            {
                var depth = node.Path.Length == 0 ? 0 : node.Path.Count(c => c == '/') + 1;
                table.Row(
                    new string(' ', depth * 2) + Text.PathOf(node.Path),
                    node.Node.Names.Default,
                    Text.Exact(node.Node.Weight),
                    Text.Percent(node.EffectiveWeight),
                    $"{Text.Exact(node.MinScore)}–{Text.Exact(node.MaxScore)}",
                    Text.Fixed(node.PointsAtStake, 2),
                    node.CanChangeGrade ? "yes" : "no");
            }

            console.Ansi.Write(table);

            if (!analysis.TagShares.IsEmpty)
            {
                var tags = Tables.Create("Tag", "Share of weight", "Indicators").Right(1);
                foreach (var share in analysis.TagShares)
                {
                    tags.Row(share.Tag, Text.Percent(share.Share), string.Join(", ", share.IndicatorPaths));
                }

                console.Ansi.Write(tags);
            }

            o.WriteLine($"Base points {Text.Exact(analysis.MinBasePoints)}–{Text.Exact(analysis.MaxBasePoints)}; bonus up to {Text.Exact(analysis.MaxBonusPoints)}; penalties up to {(analysis.MaxPenaltyPoints is { } p ? Text.Exact(p) : "no cap")}; rounded totals {Text.Exact(analysis.MinRoundedTotal)}–{Text.Exact(analysis.MaxRoundedTotal)}.");
            o.WriteLine($"Reachable grades: {string.Join(", ", analysis.ReachableGrades.Select(g => g.Name))}.");
            o.WriteLine();
            if (findings.IsEmpty)
            {
                o.WriteLine("Policy findings: none.");
            }
            else
            {
                var policy = Tables.Create("Severity", "Rule", "Finding");
                foreach (var finding in findings)
                {
                    policy.Row(finding.Severity.ToString().ToLowerInvariant(), finding.RuleId, finding.Message);
                }

                o.WriteLine("Policy findings:");
                console.Ansi.Write(policy);
            }

            return findings.Any(f => f.Severity == PolicySeverity.Error) ? ExitCodes.DataErrors : ExitCodes.Ok;
        });
        return command;
    }
}
