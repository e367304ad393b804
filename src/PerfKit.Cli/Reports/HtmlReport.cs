using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Cli.Reports;

/// <summary>
/// Renders <see cref="ReportData"/> as one self-contained HTML page: inline CSS, inline SVG charts, no script, no
/// external resource. The bytes depend only on the data and the language (no clock, no culture, ordinal sorting).
/// </summary>
internal static class HtmlReport
{
    private const string Css = """
        :root { --ink: #1d2733; --muted: #5b6773; --line: #d8dee5; --band: #f4f6f9; --accent: #2f6db3; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
        header { background: var(--ink); color: #fff; padding: 20px 32px; }
        header h1 { margin: 0 0 4px; font-size: 22px; }
        header p { margin: 0; color: #c9d3dd; }
        main { max-width: 1200px; margin: 0 auto; padding: 8px 32px 32px; }
        section { margin-top: 28px; }
        h2 { font-size: 18px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
        .note { color: var(--muted); font-size: 13px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
        .card { background: var(--band); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
        .card .label { color: var(--muted); font-size: 12px; }
        .card .value { font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: var(--band); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .chart { width: 100%; max-width: 720px; height: auto; display: block; margin: 8px 0; }
        .chart .grid { stroke: #e6eaef; stroke-width: 1; }
        .chart .baseline { stroke: #8a96a3; stroke-width: 1; }
        .chart text { font-size: 11px; fill: var(--ink); }
        .chart .axis { fill: var(--muted); }
        .two { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
        details { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 10px; }
        details[open] { background: #fbfcfd; }
        summary { cursor: pointer; font-weight: 600; }
        .failed { color: #b3261e; }
        .sev-error { color: #b3261e; font-weight: 600; }
        .sev-warning { color: #a15c00; font-weight: 600; }
        footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); margin-top: 32px; padding-top: 8px; }
        """;

    /// <summary>Renders the page.</summary>
    public static string Render(ReportData data)
    {
        var l = data.Labels;
        var scheme = data.Scheme;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(l.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(l["title"] + " — " + scheme.Names.Get(l.Culture))).Append("</title>\n")
          .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>").Append(E(l["title"])).Append("</h1><p>").Append(E($"{scheme.Names.Get(l.Culture)} ({scheme.Id}@{scheme.Version})"))
          .Append(data.Period is null ? string.Empty : E(" · " + l["period"] + " " + data.Period)).Append("</p></header>\n<main>\n");

        Summary(sb, data);
        Grades(sb, data);
        Histogram(sb, data);
        Dimensions(sb, data);
        Gates(sb, data);
        Findings(sb, data);
        Ranking(sb, data);
        Drilldown(sb, data);

        sb.Append("<footer>").Append(E(l["footer"])).Append("</footer>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb, ReportData data)
    {
        var l = data.Labels;
        sb.Append("<section id=\"summary\"><h2>").Append(E(l["summary"])).Append("</h2>\n<div class=\"cards\">");
        foreach (var (label, value) in data.Summary)
        {
            sb.Append("<div class=\"card\"><div class=\"label\">").Append(E(label)).Append("</div><div class=\"value\">").Append(E(value)).Append("</div></div>");
        }

        sb.Append("</div></section>\n");
    }

    private static void Grades(StringBuilder sb, ReportData data)
    {
        var l = data.Labels;
        sb.Append("<section id=\"grades\"><h2>").Append(E(l["grades"])).Append("</h2>\n<div class=\"two\">");
        sb.Append(SvgChart.Bars("chart-grades", l["grades"], data.Grades.Select(g => g.Grade).ToList(), [new ChartSeries(l["count"], data.Grades.Select(g => (decimal)g.Count).ToList())], v => Text.Exact(decimal.Round(v, 1))));
        sb.Append("<table><thead><tr><th>").Append(E(l["grade"])).Append("</th><th class=\"num\">").Append(E(l["count"])).Append("</th><th class=\"num\">").Append(E(l["share"])).Append("</th></tr></thead><tbody>");
        foreach (var g in data.Grades)
        {
            sb.Append("<tr><td>").Append(E(g.Grade)).Append("</td><td class=\"num\">").Append(Text.Int(g.Count)).Append("</td><td class=\"num\">").Append(Text.Percent(g.Share)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div></section>\n");
    }

    private static void Histogram(StringBuilder sb, ReportData data)
    {
        var l = data.Labels;
        var totals = data.RoundedTotals;
        if (totals.Count == 0)
        {
            return;
        }

        var (low, width, counts) = Bins(totals);
        var labels = counts.Select((_, i) => Text.Exact(low + (i * width))).ToList();
        sb.Append("<section id=\"histogram\"><h2>").Append(E(l["histogram"])).Append("</h2>\n");
        sb.Append(SvgChart.Bars("chart-histogram", l["histogram"], labels, [new ChartSeries(l["count"], counts.Select(c => (decimal)c).ToList())], v => Text.Exact(decimal.Round(v, 1))));
        sb.Append("<p class=\"note\">").Append(E(l.Format("histogramNote", Text.Exact(width)))).Append("</p></section>\n");
    }

    /// <summary>Bins of a round width (1, 2, 5, 10, 20 or 50 points) so that there are at most 20, starting at a multiple of the width.</summary>
    internal static (decimal Low, decimal Width, int[] Counts) Bins(IReadOnlyList<decimal> values)
    {
        var min = values.Min();
        var max = values.Max();
        var width = new[] { 1m, 2m, 5m, 10m, 20m, 50m, 100m }.FirstOrDefault(w => Math.Floor(max / w) - Math.Floor(min / w) < 20m, 1000m);
        var low = Math.Floor(min / width) * width;
        var count = (int)(Math.Floor((max - low) / width) + 1m);
        var counts = new int[count];
        foreach (var v in values)
        {
            counts[(int)Math.Floor((v - low) / width)]++;
        }

        return (low, width, counts);
    }

    private static void Dimensions(StringBuilder sb, ReportData data)
    {
        var l = data.Labels;
        var dimensions = data.Scheme.Root.Children;
        if (dimensions.IsEmpty || data.Subjects.Count == 0)
        {
            return;
        }

        var groups = data.Subjects.GroupBy(a => a.Input.Attributes.TryGetValue(data.GroupKey, out var v) ? v : "—")
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var series = new List<ChartSeries>();
        var rows = new List<(string Group, decimal?[] Means)>();
        foreach (var group in groups)
        {
            var means = dimensions.Select(d => Mean(group, d.Path)).ToArray();
            rows.Add((group.Key, means));
            series.Add(new ChartSeries(group.Key, means.Select(m => (m ?? 0m) * 100m).ToList()));
        }

        var names = dimensions.Select(d => d.Names.Get(l.Culture)).ToList();
        sb.Append("<section id=\"dimensions\"><h2>").Append(E(l.Format("dimensions", data.GroupKey))).Append("</h2>\n");
        sb.Append(SvgChart.Bars("chart-dimensions", l.Format("dimensions", data.GroupKey), names, series, v => Text.Fixed(v, 0) + "%"));
        sb.Append("<table><thead><tr><th>").Append(E(data.GroupKey)).Append("</th>");
        foreach (var name in names)
        {
            sb.Append("<th class=\"num\">").Append(E(name)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var (group, means) in rows)
        {
            sb.Append("<tr><td>").Append(E(group)).Append("</td>");
            foreach (var m in means)
            {
                sb.Append("<td class=\"num\">").Append(m is { } v ? Text.Percent(v) : "—").Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table><p class=\"note\">").Append(E(l["dimensionsNote"])).Append("</p></section>\n");
    }

    private static decimal? Mean(IEnumerable<Assessment> group, string path)
    {
        var sum = 0m;
        var n = 0;
        foreach (var a in group)
        {
            if (Nodes.Find(a.Root, path) is { Score: { } score, IsExcluded: false })
            {
                sum += score;
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }

    private static void Gates(StringBuilder sb, ReportData data)
    {
        var l = data.Labels;
        if (data.Gates.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"gates\"><h2>").Append(E(l["gates"])).Append("</h2>\n<div class=\"two\">");
        sb.Append(SvgChart.Bars("chart-gates", l["gates"], data.Gates.Select(g => g.Id).ToList(), [new ChartSeries(l["rate"], data.Gates.Select(g => g.Rate * 100m).ToList())], v => Text.Fixed(v, 0) + "%", 100m));
        sb.Append("<table><thead><tr><th>").Append(E(l["gate"])).Append("</th><th class=\"num\">").Append(E(l["passed"])).Append("</th><th class=\"num\">").Append(E(l["failed"]))
          .Append("</th><th class=\"num\">").Append(E(l["missing"])).Append("</th><th class=\"num\">").Append(E(l["rate"])).Append("</th></tr></thead><tbody>");
        foreach (var g in data.Gates)
        {
            sb.Append("<tr><td>").Append(E(g.Name)).Append("<br><span class=\"note\">").Append(E(g.Id)).Append("</span></td><td class=\"num\">").Append(Text.Int(g.Passed))
              .Append("</td><td class=\"num\">").Append(Text.Int(g.Failed)).Append("</td><td class=\"num\">").Append(Text.Int(g.Missing))
              .Append("</td><td class=\"num\">").Append(Text.Percent(g.Rate)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div></section>\n");
    }

    private static void Findings(StringBuilder sb, ReportData data)
    {
        var l = data.Labels;
        sb.Append("<section id=\"calibration\"><h2>").Append(E(l["calibration"])).Append("</h2>\n<p class=\"note\">").Append(E(l.Format("calibrationNote", Text.Int(data.FindingCount)))).Append("</p>\n");
        if (data.Findings.Count == 0)
        {
            sb.Append("<p>").Append(E(l["noFindings"])).Append("</p></section>\n");
            return;
        }

        sb.Append("<table><thead><tr><th>").Append(E(l["node"])).Append("</th><th>").Append(E(l["rule"])).Append("</th><th class=\"num\">").Append(E(l["flagged"]))
          .Append("</th><th class=\"num\">").Append(E(l["share"])).Append("</th><th>").Append(E(l["finding"])).Append("</th></tr></thead><tbody>");
        foreach (var f in data.Findings)
        {
            sb.Append("<tr><td>").Append(E(f.Group)).Append("</td><td>").Append(E(f.Rule)).Append("</td><td class=\"num\">").Append(Text.Int(f.Flagged)).Append(" / ").Append(Text.Int(f.Checked))
              .Append("</td><td class=\"num\">").Append(Text.Percent(f.Share)).Append("</td><td>").Append(E(f.Advice)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>\n");
    }

    private static void Ranking(StringBuilder sb, ReportData data)
    {
        var l = data.Labels;
        sb.Append("<section id=\"ranking\"><h2>").Append(E(l["ranking"])).Append("</h2>\n<table><thead><tr><th class=\"num\">").Append(E(l["rank"]))
          .Append("</th><th>").Append(E(l["subject"])).Append("</th><th>").Append(E(data.GroupKey)).Append("</th><th class=\"num\">").Append(E(l["total"]))
          .Append("</th><th>").Append(E(l["grade"])).Append("</th><th class=\"num\">").Append(E(l["percentile"])).Append("</th><th class=\"num\">").Append(E(l["payout"]))
          .Append("</th><th>").Append(E(l["failedGates"])).Append("</th></tr></thead><tbody>");
        foreach (var r in data.Ranking)
        {
            var a = r.Assessment;
            var failed = string.Join(", ", a.FailedGates.Select(g => g.Gate.Id));
            sb.Append("<tr><td class=\"num\">").Append(Text.Int(r.Rank)).Append("</td><td><a href=\"#s-").Append(E(Anchor(a.SubjectId))).Append("\">").Append(E(a.SubjectId)).Append("</a></td><td>")
              .Append(E(a.Input.Attributes.TryGetValue(data.GroupKey, out var g) ? g : "—")).Append("</td><td class=\"num\">").Append(Text.Exact(a.RoundedTotal))
              .Append("</td><td>").Append(E(a.Grade.Name)).Append("</td><td class=\"num\">").Append(Text.Percent(r.Percentile)).Append("</td><td class=\"num\">")
              .Append(a.Payout is { } p ? Text.Exact(p) : "—").Append("</td><td").Append(failed.Length > 0 ? " class=\"failed\">" : ">").Append(E(failed)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (data.Ranking.Count > data.Subjects.Count)
        {
            sb.Append("<p class=\"note\">").Append(E(l.Format("truncated", Text.Int(data.Subjects.Count)))).Append("</p>");
        }

        sb.Append("</section>\n");
    }

    private static void Drilldown(StringBuilder sb, ReportData data)
    {
        var l = data.Labels;
        sb.Append("<section id=\"subjects\"><h2>").Append(E(l["drilldown"])).Append("</h2>\n<p class=\"note\">").Append(E(l["drilldownNote"])).Append("</p>\n");
        foreach (var a in data.Subjects)
        {
            sb.Append("<details id=\"s-").Append(E(Anchor(a.SubjectId))).Append("\"><summary>").Append(E($"{a.SubjectId} · {Text.Exact(a.RoundedTotal)} · {a.Grade.Name}"))
              .Append("</summary>\n<p>").Append(E($"{l["base"]} {Text.Exact(a.BasePoints)} + {l["bonus"]} {Text.Exact(a.BonusPoints)} − {l["penalty"]} {Text.Exact(a.PenaltyPoints)} = {l["total"]} {Text.Exact(a.RoundedTotal)}; {l["grade"]} {a.Grade.Name} × {Text.Exact(a.Coefficient)}"));
            if (a.BasePay is { } pay)
            {
                sb.Append(E($"; {l["basePay"]} {Text.Exact(pay)} → {l["payout"]} {(a.Payout is { } p ? Text.Exact(p) : "—")}"));
            }

            if (!a.Input.Attributes.IsEmpty)
            {
                sb.Append("<br>").Append(E(string.Join(", ", a.Input.Attributes.Select(kv => kv.Key + " = " + kv.Value))));
            }

            sb.Append("</p>\n<table><thead><tr><th>").Append(E(l["node"])).Append("</th><th>").Append(E(l["name"])).Append("</th><th class=\"num\">").Append(E(l["value"]))
              .Append("</th><th class=\"num\">").Append(E(l["score"])).Append("</th><th class=\"num\">").Append(E(l["effectiveWeight"])).Append("</th><th class=\"num\">").Append(E(l["points"])).Append("</th></tr></thead><tbody>");
            foreach (var node in Nodes.All(a.Root))
            {
                var depth = node.Path.Length == 0 ? 0 : node.Path.Count(c => c == '/') + 1;
                var flag = node.IsExcluded ? " (" + l["excluded"] + ")" : node.ZeroedByGate ? " (" + l["zeroed"] + ")" : string.Empty;
                sb.Append("<tr><td style=\"padding-left:").Append(Text.Int(8 + (depth * 16))).Append("px\">").Append(E(Text.PathOf(node.Path))).Append("</td><td>").Append(E(node.Node.Names.Get(l.Culture)))
                  .Append("</td><td class=\"num\">").Append(E(node.IsMissing ? "—" : node.Value?.ToString() ?? string.Empty)).Append("</td><td class=\"num\">")
                  .Append(node.Score is { } s ? Text.Fixed(s, 4) : "—").Append(E(flag)).Append("</td><td class=\"num\">").Append(Text.Percent(node.EffectiveWeight))
                  .Append("</td><td class=\"num\">").Append(Text.Fixed(node.Contribution, 2)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
            if (!a.Gates.IsEmpty || !a.Adjustments.IsEmpty)
            {
                sb.Append("<ul>");
                foreach (var gate in a.Gates)
                {
                    sb.Append("<li").Append(gate.Passed ? ">" : " class=\"failed\">").Append(E($"{l["gate"]} {gate.Gate.Names.Get(l.Culture)}: {(gate.Passed ? l["passed"] : l["failed"])}{(gate.Actual is { } x ? " (" + Text.Exact(x) + ")" : string.Empty)}")).Append("</li>");
                }

                foreach (var adj in a.Adjustments)
                {
                    sb.Append("<li>").Append(E($"{(adj.Rule.Kind == AdjustmentKind.Bonus ? l["bonus"] : l["penalty"])} {adj.Rule.Names.Get(l.Culture)}: {Text.Exact(adj.Units)} → {Text.Exact(adj.Applied)}")).Append("</li>");
                }

                sb.Append("</ul>");
            }

            sb.Append("<p class=\"note\">").Append(E(l["fingerprint"] + ": " + a.SchemeFingerprint)).Append("<br>").Append(E("Evaluation: " + a.Fingerprint)).Append("</p></details>\n");
        }

        sb.Append("</section>\n");
    }

    private static string Anchor(string id) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(id));

    private static string E(string text) => Html.Escape(text);
}
