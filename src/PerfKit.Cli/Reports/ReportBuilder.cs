using System.Collections.Generic;
using System.Linq;
using PerfKit.Diagnostics;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Population;

namespace PerfKit.Cli.Reports;

/// <summary>
/// Works out the report's sections from a scored population with the library's own analyses: statistics, grade
/// distribution, gate pass rates and the ranking from <see cref="AssessmentPopulation"/>, calibration from
/// <see cref="CalibrationDiagnostics"/>. Only the histogram's bins and the dimension means are the report's own.
/// </summary>
internal static class ReportBuilder
{
    /// <summary>Subjects with a drill-down at most; the ranking table lists everyone.</summary>
    public const int MaxDrilldown = 5000;

    public static ReportData Build(Scheme scheme, IReadOnlyList<Assessment> assessments, ReportLabels labels, string inputName, string? period, int failedRows, string groupKey)
    {
        var l = labels;
        var summary = new List<(string, string)>
        {
            (l["scheme"], $"{scheme.Names.Get(l.Culture)} ({scheme.Id}@{scheme.Version})"),
            (l["input"], inputName),
            (l["subjects"], Text.Int(assessments.Count)),
            (l["failedRows"], Text.Int(failedRows)),
        };
        if (period is not null)
        {
            summary.Insert(1, (l["period"], period));
        }

        var grades = new List<GradeRow>();
        var gates = new List<GateRow>();
        var findings = new List<FindingRow>();
        var ranking = new List<RankRow>();
        var findingCount = 0;
        if (assessments.Count > 0)
        {
            var population = AssessmentPopulation.Create(assessments);
            var statistics = population.All.ComputeStatistics();
            summary.Add((l["meanTotal"], Text.Fixed(statistics.Totals.Mean, 2)));
            summary.Add((l["medianTotal"], Text.Exact(statistics.Totals.Median)));
            summary.Add((l["range"], $"{Text.Exact(statistics.Totals.Minimum)} – {Text.Exact(statistics.Totals.Maximum)}"));
            summary.Add((l["stddev"], Text.Fixed(statistics.Totals.StandardDeviation, 2)));
            summary.Add((l["payoutTotal"], Text.Fixed(statistics.Payout.Total, 2)));
            summary.Add((l["cancelled"], Text.Int(statistics.Payout.Cancelled)));
            grades.AddRange(statistics.Grades.Select(g => new GradeRow(g.Grade.Name, g.Count, g.Share)));
            gates.AddRange(statistics.Gates.Select(g => new GateRow(g.Gate.Id, g.Gate.Names.Get(l.Culture), g.Passed, g.Failed, g.Missing, g.Rate)));
            ranking.AddRange(population.All.Rank().Ranked.Select(r => new RankRow(r.Rank, r.Percentile / 100m, r.Assessment)));

            var calibration = CalibrationDiagnostics.Analyze(assessments);
            if (calibration.Succeeded)
            {
                findingCount = calibration.Findings.Length;
                findings.AddRange(calibration.Shares.Where(s => s.Flagged > 0).Select(s => new FindingRow(Text.PathOf(s.NodePath), s.RuleId, s.Flagged, s.Checked, s.Share, s.Advice)));
            }
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
            Gates = gates,
            Findings = findings,
            FindingCount = findingCount,
            Ranking = ranking,
            Subjects = ranking.Take(MaxDrilldown).Select(r => r.Assessment).ToList(),
        };
    }
}
