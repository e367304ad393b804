using System;
using System.Collections.Generic;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Cli.Reports;

/// <summary>Works out the report's sections from a scored population.</summary>
internal static class ReportBuilder
{
    /// <summary>Subjects with a drill-down at most; the ranking table lists everyone.</summary>
    public const int MaxDrilldown = 5000;

    public static ReportData Build(Scheme scheme, IReadOnlyList<Assessment> assessments, ReportLabels labels, string inputName, string? period, int failedRows, string groupKey)
    {
        var l = labels;
        var ordered = assessments.OrderByDescending(a => a.RoundedTotal).ThenBy(a => a.SubjectId, StringComparer.Ordinal).ToList();
        var ranking = new List<RankRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].RoundedTotal == ordered[i - 1].RoundedTotal ? ranking[i - 1].Rank : i + 1;
            ranking.Add(new RankRow(rank, ordered.Count == 1 ? 1m : (decimal)(ordered.Count - rank) / (ordered.Count - 1), ordered[i]));
        }

        var count = assessments.Count;
        var grades = scheme.Grades.Select(g =>
        {
            var n = assessments.Count(a => a.Grade.Name == g.Name);
            return new GradeRow(g.Name, n, count == 0 ? 0m : (decimal)n / count);
        }).ToList();

        var summary = new List<(string, string)>
        {
            (l["scheme"], $"{scheme.Names.Get(l.Culture)} ({scheme.Id}@{scheme.Version})"),
            (l["input"], inputName),
            (l["subjects"], Text.Int(count)),
            (l["failedRows"], Text.Int(failedRows)),
        };
        if (period is not null)
        {
            summary.Insert(1, (l["period"], period));
        }

        summary.Add((l["fingerprint"], scheme.Fingerprint[..16] + "…"));

        return new ReportData
        {
            Scheme = scheme,
            Labels = labels,
            Period = period,
            InputName = inputName,
            FailedRows = failedRows,
            GroupKey = groupKey,
            Summary = summary,
            Grades = grades,
            RoundedTotals = assessments.Select(a => a.RoundedTotal).ToList(),
            Gates = [],
            Findings = [],
            Ranking = ranking,
            Subjects = ordered.Take(MaxDrilldown).ToList(),
        };
    }
}
