using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Tests.Properties.Generators;

/// <summary>What a generated scheme may contain.</summary>
internal sealed record SchemeOptions
{
    /// <summary>Gets the options for any valid scheme: gates of every kind, bonuses, penalties, negative floors, caps above 1.</summary>
    public static SchemeOptions Any { get; } = new();

    /// <summary>Gets the options for schemes whose scores can only rise with a value: no zeroScore gates.</summary>
    public static SchemeOptions Monotone { get; } = new() { ZeroScoreGates = false };

    /// <summary>Gets the options for "all at target gives P": every scorer's best is exactly 1, no gates, no adjustments.</summary>
    public static SchemeOptions AtTarget { get; } = new() { Gates = false, Adjustments = false, UnitBest = true };

    public bool Gates { get; init; } = true;

    /// <summary>Gets the fewest gates a scheme has (when gates are on).</summary>
    public int MinGates { get; init; }

    public bool ZeroScoreGates { get; init; } = true;

    /// <summary>Gets a value indicating whether every generated gate cancels the payout.</summary>
    public bool CancelPayoutGatesOnly { get; init; }

    public bool Adjustments { get; init; } = true;

    /// <summary>Gets a value indicating whether every scorer's best score is exactly 1 (cap 1, last band 1, pass 1, rating cap 1).</summary>
    public bool UnitBest { get; init; }

    /// <summary>Gets the deepest level an indicator may sit at (the root is level 0).</summary>
    public int MaxDepth { get; init; } = 3;

    public int MaxChildren { get; init; } = 4;
}

/// <summary>What generated subject data may contain.</summary>
internal sealed record SubjectOptions
{
    public static SubjectOptions Any { get; } = new();

    /// <summary>Gets a value indicating whether indicators whose policy is minimum or exclude may lack a value.</summary>
    public bool AllowMissing { get; init; } = true;

    /// <summary>Gets a value indicating whether every indicator sits at the value that scores its best.</summary>
    public bool AtBest { get; init; }

    public bool AlwaysBasePay { get; init; }
}

/// <summary>FsCheck generators for valid schemes (as <see cref="SchemeDesc"/>) and subject data.</summary>
internal static class SchemeGen
{
    private static readonly string[] GroupPrefixes = ["dim", "obj", "sec", "grp"];
    private static readonly string[] IndicatorPrefixes = ["kpi", "kr", "npl_rate", "dep-avg"];
    private static readonly string[] RoleNames = ["superior", "peer", "subordinate", "self"];
    private static readonly MidpointRounding[] RoundingModes =
        [MidpointRounding.AwayFromZero, MidpointRounding.ToEven, MidpointRounding.ToZero, MidpointRounding.ToNegativeInfinity, MidpointRounding.ToPositiveInfinity];

    public static Gen<T> Pick<T>(params T[] items) => Gen.Elements(items);

    public static Gen<bool> Bool => Gen.Elements(true, false);

    /// <summary>A valid scheme.</summary>
    public static Gen<SchemeDesc> Scheme(SchemeOptions o) =>
        from root in Group(o, "root", 1m, string.Empty, 0, GroupKind.Custom)
        from scheme in Around(o, root)
        select scheme;

    /// <summary>A valid scheme with at least <paramref name="indicators"/> indicators.</summary>
    public static Gen<SchemeDesc> Scheme(SchemeOptions o, int indicators)
        => Scheme(o).Where(s => s.Indicators().Count() >= indicators);

    /// <summary>Positive integer parts summing to exactly <paramref name="total"/> (the last is the remainder).</summary>
    public static Gen<int[]> Split(int total, int count) =>
        Gen.ArrayOf(Gen.Choose(1, 100), count).Select(raw =>
        {
            var sum = raw.Sum();
            var parts = new int[count];
            var used = 0;
            for (var i = 0; i < count - 1; i++)
            {
                parts[i] = 1 + (raw[i] * (total - count) / sum);
                used += parts[i];
            }

            parts[^1] = total - used;
            return parts;
        });

    /// <summary>A weight mode and <paramref name="count"/> valid weights for it.</summary>
    public static Gen<(ModeDesc Mode, decimal[] Weights)> Weights(int count) => Gen.OneOf(
        from unit in Pick(0.01m, 0.05m, 0.1m, 0.001m, 0.25m)
        where 1m / unit >= count
        from parts in Split((int)(1m / unit), count)
        select (new ModeDesc(WeightModeKind.Fraction, 0m), parts.Select(p => p * unit).ToArray()),
        from unit in Pick(1m, 5m, 0.5m, 0.1m, 25m)
        where 100m / unit >= count
        from parts in Split((int)(100m / unit), count)
        select (new ModeDesc(WeightModeKind.Percent, 0m), parts.Select(p => p * unit).ToArray()),
        from unit in Pick(1m, 0.5m, 0.25m, 2m)
        from total in Gen.Choose(count, 60)
        from parts in Split(total, count)
        select (new ModeDesc(WeightModeKind.Points, total * unit), parts.Select(p => p * unit).ToArray()),
        from unit in Pick(1m, 0.1m, 0.5m, 3m, 0.07m)
        from raw in Gen.ArrayOf(Gen.Choose(1, 20), count)
        select (ModeDesc.Normalize, raw.Select(r => r * unit).ToArray()));

    /// <summary>A valid scorer of any built-in kind.</summary>
    public static Gen<ScorerDesc> Scorer(SchemeOptions o) => Gen.Frequency(
        (3, Linear(o)),
        (1, Ratio(o)),
        (2, Band(o)),
        (1, Threshold(o)),
        (1, Rating(o)));

    public static Gen<ScorerDesc> Linear(SchemeOptions o) =>
        from higher in Bool
        from b in Pick(0m, 0m, 10m, -5m, 1.5m, 100m, 3m)
        from span in Pick(1m, 2m, 5m, 10m, 0.5m, 100m, 1.25m, 3m, 0.3m)
        let t = higher ? b + span : b - span
        from cap in o.UnitBest ? Pick<decimal?>(null, 1m) : Pick<decimal?>(null, null, 1m, 1.2m, 1.5m, 2m)
        from floor in Pick<decimal?>(null, null, 0m, -0.5m, -1m, 0.25m)
        from start in Pick<decimal?>(null, null, null, 0m, 0.25m, 0.5m, 0.9m)
        select (ScorerDesc)new LinearDesc(b, t, cap, floor, start is { } f ? b + ((t - b) * f) : null, false);

    public static Gen<ScorerDesc> Ratio(SchemeOptions o) =>
        from t in Pick(10m, 50m, 100m, 6m, 2.5m)
        from cap in o.UnitBest ? Pick<decimal?>(null, 1m) : Pick<decimal?>(null, 1m, 1.2m, 1.5m)
        select (ScorerDesc)new LinearDesc(0m, t, cap, null, null, true);

    public static Gen<ScorerDesc> Band(SchemeOptions o) =>
        from higher in Bool
        from ratio in Bool
        from interpolate in Bool
        from n in Gen.Choose(1, 4)
        from start in ratio ? (higher ? Pick(0.5m, 0.6m, 0.8m) : Pick(1.5m, 1.2m, 2m)) : Pick(0m, 10m, 50m, -5m)
        from steps in Gen.ArrayOf(ratio ? Pick(0.1m, 0.2m, 0.25m) : Pick(1m, 2m, 5m, 10m, 3m), n)
        from rawScores in Gen.ArrayOf(Pick(0m, 0.2m, 0.3m, 0.5m, 0.6m, 0.8m, 1m), n)
        from target in ratio ? Pick<decimal?>(10m, 50m, 100m, 8m) : Gen.Constant<decimal?>(null)
        from belowKind in Gen.Choose(0, 3)
        select (ScorerDesc)MakeBand(higher, ratio, interpolate, start, steps, rawScores, target, belowKind, o.UnitBest);

    public static Gen<ScorerDesc> Threshold(SchemeOptions o) =>
        from higher in Bool
        from t in Pick(0m, 5m, 10m, 0.5m, 100m, -2m)
        from pass in o.UnitBest ? Pick<decimal?>(null, 1m) : Pick<decimal?>(null, 1m, 0.8m)
        from fail in Pick<decimal?>(null, 0m, 0.5m, 0.2m)
        select (ScorerDesc)new ThresholdDesc(higher ? ScoreDirection.HigherIsBetter : ScoreDirection.LowerIsBetter, t, pass, fail);

    public static Gen<ScorerDesc> Rating(SchemeOptions o) =>
        from low in Pick(0m, 1m)
        from high in Pick(5m, 10m, 4m)
        from roles in Gen.SubListOf(RoleNames).Where(r => r.Count > 0)
        from weights in Gen.ArrayOf(Pick(1m, 20m, 30m, 50m, 0.5m, 2.5m), roles.Count)
        from target in Pick<decimal?>(null, null, high, 3m, 4m)
        from cap in o.UnitBest ? Pick<decimal?>(null, 1m) : Pick<decimal?>(null, 1m, 1.2m)
        select (ScorerDesc)new RatingDesc(low, high, [.. roles.Zip(weights)], target, target is null ? null : cap);

    /// <summary>One subject's values for every measure of the scheme, spread over every region of each scorer.</summary>
    public static Gen<SubjectDesc> Subject(SchemeDesc d, SubjectOptions so, string id = "s1")
    {
        var indicators = d.Indicators().Select(x => x.Indicator).ToArray();
        var valueGens = indicators.Select((ind, index) => IndicatorValue(ind, so, index)).ToArray();
        var unitGens = d.Adjustments.Select(a => Units(a, so)).ToArray();
        return
            from values in Gen.CollectToArray(valueGens)
            from units in Gen.CollectToArray(unitGens)
            from pay in so.AlwaysBasePay ? Pick<decimal?>(1000m, 8000.5m, 12345.67m) : Pick<decimal?>(null, 1000m, 8000.5m, 12345.67m)
            select MakeSubject(id, indicators, values, d.Adjustments, units, pay);
    }

    /// <summary>The value (or ratings) of one indicator; <see langword="null"/> means missing.</summary>
    public static Gen<object?> IndicatorValue(IndicatorDesc ind, SubjectOptions so, int index)
    {
        var present = so.AtBest ? Gen.Constant<object?>(Best(ind.Scorer)) : Value(ind.Scorer);
        return so.AllowMissing && !so.AtBest && index > 0 && ind.Missing != MissingValuePolicy.Error
            ? Gen.Frequency((1, Gen.Constant<object?>(null)), (4, present))
            : present;
    }

    /// <summary>A value spread around the scorer's parameters: below the baseline, between, on, and beyond the target.</summary>
    public static Gen<object?> Value(ScorerDesc scorer)
    {
        switch (scorer)
        {
            case RatingDesc rating:
                return RatingValue(rating).Select(r => (object?)r);
            case LinearDesc linear:
                var fractions = Gen.Frequency(
                    (2, Pick(-1m, -0.5m, -0.1m, 0m, 1m, 1.1m, 1.5m, 2m, 3m)),
                    (2, Gen.Choose(0, 40).Select(k => k / 40m)),
                    (1, Gen.Choose(-40, 120).Select(k => k / 40m)));
                var onLine = linear.StartLine is { } line ? Gen.Constant(line) : fractions.Select(r => linear.Baseline + ((linear.Target - linear.Baseline) * r));
                return Gen.Frequency(
                    (6, fractions.Select(r => linear.Baseline + ((linear.Target - linear.Baseline) * r))),
                    (1, onLine)).Select(v => (object?)v);
            default:
                var marks = scorer.Landmarks;
                var spread = decimal.Max(marks[^1] - marks[0], decimal.Max(Math.Abs(marks[0]), 1m));
                return
                    from mark in Gen.Elements(marks.AsEnumerable())
                    from offset in Pick(0m, 0m, 0.01m, -0.01m, 0.1m, -0.1m, 0.5m, -0.5m, 1m, -1m, 3m, -3m)
                    select (object?)(mark + (offset * spread));
        }
    }

    /// <summary>Ratings on the scale in eighths, one to three per role, at least one role.</summary>
    public static Gen<ImmutableArray<(string Role, ImmutableArray<decimal> Ratings)>> RatingValue(RatingDesc rating)
    {
        var step = (rating.High - rating.Low) / 8m;
        var one = Gen.Choose(0, 8).Select(k => rating.Low + (k * step));
        return
            from roles in Gen.SubListOf(rating.Roles.Select(r => r.Role)).Where(r => r.Count > 0)
            from lists in Gen.CollectToArray(roles.Select(_ => Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(one, n))))
            select roles.Zip(lists, (role, list) => (role, list.ToImmutableArray())).ToImmutableArray();
    }

    /// <summary>The value that scores the scorer's best (for ratings, every role rates the target or the high end).</summary>
    public static object Best(ScorerDesc scorer)
        => scorer is RatingDesc rating
            ? rating.Roles.Select(r => (r.Role, ImmutableArray.Create(rating.BestValue))).ToImmutableArray()
            : scorer.BestValue;

    public static SubjectDesc MakeSubject(string id, IReadOnlyList<IndicatorDesc> indicators, IReadOnlyList<object?> values, ImmutableArray<AdjustmentDesc> adjustments, IReadOnlyList<decimal?> units, decimal? basePay)
    {
        var numbers = ImmutableSortedDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        var ratings = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<(string, ImmutableArray<decimal>)>>(StringComparer.Ordinal);
        for (var i = 0; i < indicators.Count; i++)
        {
            switch (values[i])
            {
                case decimal number:
                    numbers[indicators[i].Measure] = number;
                    break;
                case ImmutableArray<(string, ImmutableArray<decimal>)> list:
                    ratings[indicators[i].Measure] = list;
                    break;
                default:
                    break;
            }
        }

        for (var k = 0; k < adjustments.Length; k++)
        {
            if (units[k] is { } u)
            {
                numbers[adjustments[k].Measure] = u;
            }
        }

        return new SubjectDesc(id, numbers.ToImmutable(), ratings.ToImmutable(), basePay);
    }

    private static Gen<decimal?> Units(AdjustmentDesc a, SubjectOptions so)
    {
        var present = from k in Gen.Choose(0, 6) from unit in Pick(1m, 0.5m) select (decimal?)(k * unit);
        return a.ZeroWhenMissing && so.AllowMissing ? Gen.Frequency((1, Gen.Constant<decimal?>(null)), (4, present)) : present;
    }

    private static BandDesc MakeBand(bool higher, bool ratio, bool interpolate, decimal start, decimal[] steps, decimal[] rawScores, decimal? target, int belowKind, bool unitBest)
    {
        var bounds = new decimal[steps.Length];
        var bound = start;
        for (var i = 0; i < steps.Length; i++)
        {
            bounds[i] = bound;
            bound = higher ? bound + steps[i] : bound - steps[i];
        }

        var scores = rawScores.Order().ToArray();
        if (unitBest)
        {
            scores[^1] = 1m;
        }

        decimal? below = belowKind switch
        {
            0 => null,
            1 => 0m,
            2 => scores[0] / 2m,
            _ => scores[0],
        };
        return new BandDesc(
            higher ? ScoreDirection.HigherIsBetter : ScoreDirection.LowerIsBetter,
            [.. bounds.Zip(scores)],
            interpolate ? BandMode.Interpolate : BandMode.Step,
            ratio ? BandBasis.Ratio : BandBasis.Value,
            target,
            below);
    }

    private static Gen<GroupDesc> Group(SchemeOptions o, string id, decimal weight, string path, int depth, GroupKind kind) =>
        from n in Gen.Choose(1, o.MaxChildren)
        from mw in Weights(n)
        from isGroup in Gen.ArrayOf(depth + 1 < o.MaxDepth ? Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true))) : Gen.Constant(false), n)
        from prefixes in Gen.ArrayOf(Gen.Choose(0, 3), n)
        from kinds in Gen.ArrayOf(Pick(GroupKind.Dimension, GroupKind.Objective, GroupKind.Section, GroupKind.Custom), n)
        from children in Gen.CollectToArray(Enumerable.Range(0, n).Select(i => isGroup[i]
            ? Group(o, GroupPrefixes[prefixes[i]] + "-" + i, mw.Weights[i], SchemeDesc.ChildPath(path, GroupPrefixes[prefixes[i]] + "-" + i), depth + 1, kinds[i]).Select(g => (NodeDesc)g)
            : Indicator(o, IndicatorPrefixes[prefixes[i]] + "_" + i, mw.Weights[i], path)))
        select new GroupDesc(id, weight, mw.Mode, kind, [.. children]);

    private static Gen<NodeDesc> Indicator(SchemeOptions o, string id, decimal weight, string parentPath) =>
        from scorer in Scorer(o)
        from missing in Gen.Frequency((2, Gen.Constant(MissingValuePolicy.Error)), (1, Gen.Constant(MissingValuePolicy.Minimum)), (1, Gen.Constant(MissingValuePolicy.Exclude)))
        select (NodeDesc)new IndicatorDesc(id, weight, "m." + SchemeDesc.ChildPath(parentPath, id).Replace('/', '.'), scorer, missing);

    /// <summary>Points, rounding, bounds, grades, adjustments and gates around a generated tree.</summary>
    private static Gen<SchemeDesc> Around(SchemeOptions o, GroupDesc root)
    {
        var draft = new SchemeDesc(100m, 2, MidpointRounding.AwayFromZero, null, null, null, [], [], [], root);
        var indicators = draft.Indicators().ToArray();
        var groupPaths = draft.Groups().Select(g => g.Path).ToArray();
        var maxScore = indicators.Max(i => i.Indicator.Scorer.MaxScore);
        var minScore = indicators.Min(i => i.Indicator.Scorer.MinScore);
        return
            from points in Pick(100m, 100m, 50m, 105m, 120.5m, 10m, 1000m)
            from decimals in Gen.Choose(0, 4)
            from mode in Gen.Elements(RoundingModes)
            from adjustments in o.Adjustments ? Adjustments(groupPaths) : Gen.Constant(ImmutableArray<AdjustmentDesc>.Empty)
            let anyBonus = adjustments.Any(a => a.Kind == AdjustmentKind.Bonus)
            let anyPenalty = adjustments.Any(a => a.Kind == AdjustmentKind.Penalty)
            from maxBonus in anyBonus ? Pick<decimal?>(0m, 2.5m, 5m, 10m) : Pick<decimal?>(null, null, 5m)
            from minPoints in minScore < 0m || anyPenalty ? Pick<decimal?>(null, -10m, -points, -2m * points, 0m) : Pick<decimal?>(null, null, 0m, points / 20m)
            from maxPoints in maxScore > 1m
                ? Pick<decimal?>((points * maxScore) + (maxBonus ?? 0m), points * 1.1m, points * 1.5m)
                : Pick<decimal?>(null, null, points + (maxBonus ?? 0m), o.UnitBest ? points : points * 0.9m)
            from grades in Grades(minPoints ?? 0m, maxPoints ?? (points + (maxBonus ?? 0m)))
            let withBounds = draft with
            {
                Points = points,
                Decimals = decimals,
                Mode = mode,
                MaxBonus = maxBonus,
                MinPoints = minPoints,
                MaxPoints = maxPoints,
                Grades = grades,
                Adjustments = adjustments,
            }
            from gates in o.Gates ? Gates(o, withBounds) : Gen.Constant(ImmutableArray<GateDesc>.Empty)
            select withBounds with { Gates = gates };
    }

    private static Gen<ImmutableArray<GradeDesc>> Grades(decimal low, decimal high) =>
        from count in Gen.Choose(1, 4)
        from fractions in Gen.Shuffle([0.9m, 0.8m, 0.6m, 0.5m, 0.3m, 0.75m])
        from catchAll in Bool
        from coefficients in Gen.ArrayOf(Pick(1.3m, 1.1m, 1m, 0.7m, 0m, 0.95m), count)
        select MakeGrades(low, high, fractions.Take(count - 1).OrderDescending().ToArray(), catchAll, coefficients.OrderDescending().ToArray());

    private static ImmutableArray<GradeDesc> MakeGrades(decimal low, decimal high, decimal[] fractions, bool catchAll, decimal[] coefficients)
    {
        var names = new[] { "A", "B", "C", "D" };
        var grades = ImmutableArray.CreateBuilder<GradeDesc>();
        for (var i = 0; i < fractions.Length; i++)
        {
            grades.Add(new GradeDesc(names[i], low + ((high - low) * fractions[i]), coefficients[i]));
        }

        grades.Add(new GradeDesc(names[fractions.Length], catchAll ? null : low, coefficients[fractions.Length]));
        return grades.ToImmutable();
    }

    private static Gen<ImmutableArray<AdjustmentDesc>> Adjustments(string[] groupPaths) =>
        from count in Gen.Choose(0, 3)
        from rules in Gen.ArrayOf(
            from bonus in Bool
            from ppu in Pick(0.5m, 1m, 2m, 2.5m, 0m)
            from cap in Pick<decimal?>(null, 3m, 5m, 10m)
            from scope in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, Gen.Elements(groupPaths).Select(p => (string?)(p.Length == 0 ? "/" : p))))
            from zero in Bool
            select (bonus, ppu, cap, scope, zero),
            count)
        select rules.Select((r, k) => new AdjustmentDesc(
            "adj" + k,
            r.bonus ? AdjustmentKind.Bonus : AdjustmentKind.Penalty,
            "units.adj" + k,
            r.ppu,
            r.cap,
            r.bonus ? null : r.scope,
            r.zero)).ToImmutableArray();

    private static Gen<ImmutableArray<GateDesc>> Gates(SchemeOptions o, SchemeDesc d)
    {
        var nodes = d.Nodes().ToArray();
        var numberIndicators = nodes.Where(n => n.Node is IndicatorDesc i && !i.Scorer.IsRating).ToArray();
        var gate =
            from kind in Gen.Frequency((3, Gen.Constant(GateOn.Value)), (2, Gen.Constant(GateOn.Score)), (1, Gen.Constant(GateOn.Base)), (1, Gen.Constant(GateOn.Total)))
            let subjectOn = kind == GateOn.Value && numberIndicators.Length == 0 ? GateOn.Score : kind
            from node in Gen.Elements(subjectOn == GateOn.Value ? numberIndicators : nodes)
            from threshold in GateThreshold(subjectOn, node, d.Points)
            from direction in subjectOn == GateOn.Value
                ? Pick<ScoreDirection?>(null, null, ScoreDirection.HigherIsBetter, ScoreDirection.LowerIsBetter)
                : Pick<ScoreDirection?>(null, null, null, ScoreDirection.LowerIsBetter)
            from consequence in o.CancelPayoutGatesOnly
                ? Gen.Constant(GateConsequence.CancelPayout)
                : o.ZeroScoreGates && subjectOn is GateOn.Value or GateOn.Score
                    ? Pick(GateConsequence.CancelPayout, GateConsequence.CancelPayout, GateConsequence.CapGrade, GateConsequence.ZeroScore, GateConsequence.ZeroScore)
                    : Pick(GateConsequence.CancelPayout, GateConsequence.CancelPayout, GateConsequence.CapGrade)
            from zeroTarget in ZeroTargets(nodes, node)
            from grade in Gen.Elements(d.Grades.Select(g => g.Name))
            from passWhenMissing in Bool
            select (subjectOn, node, threshold, direction, consequence, zeroTarget, grade, passWhenMissing);
        return
            from count in Gen.Choose(o.MinGates, 3)
            from gates in Gen.ArrayOf(gate, count)
            select gates.Select((g, k) => new GateDesc(
                "gate" + k,
                g.subjectOn,
                g.subjectOn is GateOn.Value or GateOn.Score ? g.node.Display : null,
                g.threshold,
                g.direction,
                g.consequence,
                g.consequence switch
                {
                    GateConsequence.ZeroScore => g.zeroTarget,
                    GateConsequence.CapGrade => g.grade,
                    _ => null,
                },
                g.passWhenMissing)).ToImmutableArray();
    }

    /// <summary>Nodes a failed gate on <paramref name="subject"/> may zero: any node for an indicator, the group itself or an ancestor for a group.</summary>
    private static Gen<string> ZeroTargets(Located[] nodes, Located subject)
    {
        var allowed = subject.Node is IndicatorDesc
            ? nodes.Select(n => n.Display)
            : nodes.Where(n => n.Node is GroupDesc && (n.Path.Length == 0 || n.Path == subject.Path || subject.Path.StartsWith(n.Path + "/", StringComparison.Ordinal))).Select(n => n.Display);
        return Gen.Elements(allowed);
    }

    private static Gen<decimal> GateThreshold(GateOn on, Located node, decimal points) => on switch
    {
        GateOn.Value => Value(((IndicatorDesc)node.Node).Scorer).Select(v => (decimal)v!),
        GateOn.Score => Pick(0m, 0.3m, 0.5m, 0.8m, 1m, -0.2m),
        _ => Pick(0.3m, 0.6m, 0.9m, 0.75m).Select(f => f * points),
    };
}
