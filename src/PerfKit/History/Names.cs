using System.Collections.Generic;
using PerfKit.Periods;

namespace PerfKit.History;

/// <summary>The texts of history rule files for the enumerations (camelCase, compared ordinally).</summary>
internal static class Names
{
    public static readonly IReadOnlyList<(string Name, HistoryRuleKind Value)> Kinds =
    [
        ("consecutiveGrades", HistoryRuleKind.ConsecutiveGrades),
        ("anyGrade", HistoryRuleKind.AnyGrade),
        ("rollingMean", HistoryRuleKind.RollingMean),
    ];

    public static readonly IReadOnlyList<(string Name, GradeComparison Value)> GradeComparisons =
    [
        ("exactly", GradeComparison.Exactly),
        ("orBetter", GradeComparison.OrBetter),
        ("orWorse", GradeComparison.OrWorse),
        ("betterThan", GradeComparison.BetterThan),
        ("worseThan", GradeComparison.WorseThan),
    ];

    public static readonly IReadOnlyList<(string Name, ValueComparison Value)> ValueComparisons =
    [
        ("atLeast", ValueComparison.AtLeast),
        ("atMost", ValueComparison.AtMost),
        ("above", ValueComparison.Above),
        ("below", ValueComparison.Below),
    ];

    public static readonly IReadOnlyList<(string Name, PeriodKind Value)> Periods =
    [
        ("month", PeriodKind.Month),
        ("quarter", PeriodKind.Quarter),
        ("halfYear", PeriodKind.HalfYear),
        ("year", PeriodKind.Year),
        ("custom", PeriodKind.Custom),
    ];

    public static string Period(PeriodKind kind)
    {
        foreach (var (name, value) in Periods)
        {
            if (value == kind)
            {
                return name;
            }
        }

        return kind.ToString();
    }

    public static string Symbol(ValueComparison comparison) => comparison switch
    {
        ValueComparison.AtLeast => "≥",
        ValueComparison.AtMost => "≤",
        ValueComparison.Above => ">",
        _ => "<",
    };
}
