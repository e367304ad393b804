using System.Collections.Generic;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Cli.Reports;

/// <summary>Everything the HTML report shows, worked out before rendering (the renderer only formats).</summary>
internal sealed class ReportData
{
    public required Scheme Scheme { get; init; }

    public required ReportLabels Labels { get; init; }

    public string? Period { get; init; }

    public required string InputName { get; init; }

    public int FailedRows { get; init; }

    public required string GroupKey { get; init; }

    /// <summary>Gets the summary lines (label key or text, value).</summary>
    public required IReadOnlyList<(string Label, string Value)> Summary { get; init; }

    public required IReadOnlyList<GradeRow> Grades { get; init; }

    public required IReadOnlyList<decimal> RoundedTotals { get; init; }

    public required IReadOnlyList<GateRow> Gates { get; init; }

    public required IReadOnlyList<FindingRow> Findings { get; init; }

    /// <summary>Gets the number of calibration findings (subject, group and rule).</summary>
    public int FindingCount { get; init; }

    /// <summary>Gets the ranking, best first; the drill-down follows the same order.</summary>
    public required IReadOnlyList<RankRow> Ranking { get; init; }

    /// <summary>Gets the subjects whose drill-down is shown, in ranking order.</summary>
    public required IReadOnlyList<Assessment> Subjects { get; init; }
}

internal sealed record GradeRow(string Grade, int Count, decimal Share);

internal sealed record GateRow(string Id, string Name, int Passed, int Failed, int Missing, decimal Rate);

internal sealed record FindingRow(string Group, string Rule, int Flagged, int Checked, decimal Share, string Advice);

internal sealed record RankRow(int Rank, decimal Percentile, Assessment Assessment);
