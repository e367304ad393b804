using System;
using System.Collections.Generic;
using System.Linq;
using PerfKit.Model;

namespace PerfKit.Serialization;

/// <summary>The texts a scheme file uses for the model's enumerations, in both directions (camelCase, compared ordinally).</summary>
internal static class FileNames
{
    public static readonly IReadOnlyList<(string Name, GroupKind Value)> GroupKinds =
    [
        ("dimension", GroupKind.Dimension),
        ("objective", GroupKind.Objective),
        ("section", GroupKind.Section),
        ("custom", GroupKind.Custom),
    ];

    public static readonly IReadOnlyList<(string Name, Periods.PeriodKind Value)> Cadences =
    [
        ("month", Periods.PeriodKind.Month),
        ("quarter", Periods.PeriodKind.Quarter),
        ("halfYear", Periods.PeriodKind.HalfYear),
        ("year", Periods.PeriodKind.Year),
    ];

    public static readonly IReadOnlyList<(string Name, WeightModeKind Value)> WeightModes =
    [
        ("fraction", WeightModeKind.Fraction),
        ("percent", WeightModeKind.Percent),
        ("normalize", WeightModeKind.Normalize),
    ];

    public static readonly IReadOnlyList<(string Name, MissingValuePolicy Value)> MissingPolicies =
    [
        ("error", MissingValuePolicy.Error),
        ("minimum", MissingValuePolicy.Minimum),
        ("exclude", MissingValuePolicy.Exclude),
    ];

    public static readonly IReadOnlyList<(string Name, ValueAggregation Value)> Aggregations =
    [
        ("sum", ValueAggregation.Sum),
        ("mean", ValueAggregation.Mean),
        ("dailyAverage", ValueAggregation.DailyAverage),
        ("endOfPeriod", ValueAggregation.EndOfPeriod),
        ("min", ValueAggregation.Min),
        ("max", ValueAggregation.Max),
        ("count", ValueAggregation.Count),
        ("latest", ValueAggregation.Latest),
    ];

    public static readonly IReadOnlyList<(string Name, GateSubject Value)> GateSubjects =
    [
        ("value", GateSubject.IndicatorValue),
        ("score", GateSubject.NodeScore),
        ("base", GateSubject.Base),
        ("total", GateSubject.Total),
    ];

    public static readonly IReadOnlyList<(string Name, ScoreDirection Value)> Directions =
    [
        ("higherIsBetter", ScoreDirection.HigherIsBetter),
        ("lowerIsBetter", ScoreDirection.LowerIsBetter),
    ];

    public static readonly IReadOnlyList<(string Name, GateConsequence Value)> Consequences =
    [
        ("cancelPayout", GateConsequence.CancelPayout),
        ("zeroScore", GateConsequence.ZeroScore),
        ("capGrade", GateConsequence.CapGrade),
    ];

    public static readonly IReadOnlyList<(string Name, GateMissingBehavior Value)> GateMissing =
    [
        ("fail", GateMissingBehavior.Fail),
        ("pass", GateMissingBehavior.Pass),
    ];

    public static readonly IReadOnlyList<(string Name, AdjustmentKind Value)> AdjustmentKinds =
    [
        ("bonus", AdjustmentKind.Bonus),
        ("penalty", AdjustmentKind.Penalty),
    ];

    public static readonly IReadOnlyList<(string Name, AdjustmentMissingPolicy Value)> AdjustmentMissing =
    [
        ("error", AdjustmentMissingPolicy.Error),
        ("zero", AdjustmentMissingPolicy.Zero),
    ];

    public static readonly IReadOnlyList<(string Name, MidpointRounding Value)> RoundingModes =
    [
        ("awayFromZero", MidpointRounding.AwayFromZero),
        ("toEven", MidpointRounding.ToEven),
        ("toZero", MidpointRounding.ToZero),
        ("toNegativeInfinity", MidpointRounding.ToNegativeInfinity),
        ("toPositiveInfinity", MidpointRounding.ToPositiveInfinity),
    ];

    public static string RoundingNames { get; } = List(RoundingModes);

    public static bool TryParseRounding(string name, out MidpointRounding mode) => TryParse(RoundingModes, name, out mode);

    public static bool TryParse<T>(IReadOnlyList<(string Name, T Value)> table, string name, out T value)
    {
        foreach (var (text, item) in table)
        {
            if (string.Equals(text, name, StringComparison.Ordinal))
            {
                value = item;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public static string Name<T>(IReadOnlyList<(string Name, T Value)> table, T value)
        where T : struct, Enum
    {
        foreach (var (text, item) in table)
        {
            if (EqualityComparer<T>.Default.Equals(item, value))
            {
                return text;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "The value has no scheme-file name.");
    }

    public static string List<T>(IReadOnlyList<(string Name, T Value)> table) => string.Join(", ", table.Select(t => t.Name));
}
