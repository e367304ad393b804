using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Analysis.BuiltIn;

/// <summary>Indicators with a tag must carry at least <c>minShare</c> of the total weight; below it is an error.</summary>
internal sealed class MinimumTagSharePolicy(string tag, decimal minShare) : ISchemePolicy
{
    public string Id => PolicyIds.MinimumTagShare;

    public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
    {
        var share = analysis.ShareOf(tag);
        if (share < minShare)
        {
            yield return new PolicyFinding(Id, PolicySeverity.Error,
                $"Indicators tagged '{tag}' carry {Text.Share(share)} of the total weight; the policy requires at least {Text.Share(minShare)}.",
                Paths(analysis, tag), null, share, minShare);
        }
    }

    internal static ImmutableArray<string> Paths(SchemeAnalysis analysis, string tag)
        => analysis.TagShares.FirstOrDefault(t => t.Tag == tag)?.IndicatorPaths ?? [];
}

/// <summary>Indicators with a tag must carry at most <c>maxShare</c> of the total weight; above it is a warning (concentration).</summary>
internal sealed class MaximumTagSharePolicy(string tag, decimal maxShare) : ISchemePolicy
{
    public string Id => PolicyIds.MaximumTagShare;

    public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
    {
        var share = analysis.ShareOf(tag);
        if (share > maxShare)
        {
            yield return new PolicyFinding(Id, PolicySeverity.Warning,
                $"Indicators tagged '{tag}' carry {Text.Share(share)} of the total weight, more than the {Text.Share(maxShare)} the policy allows; the scheme is concentrated on them.",
                MinimumTagSharePolicy.Paths(analysis, tag), null, share, maxShare);
        }
    }
}

/// <summary>
/// Deposit indicators must not be scored on a point-in-time value: <c>endOfPeriod</c>, <c>latest</c>, <c>min</c> or
/// <c>max</c> is an error; no declared aggregation is a warning (the check cannot tell).
/// </summary>
internal sealed class DepositPointInTimePolicy : ISchemePolicy
{
    public string Id => PolicyIds.DepositPointInTime;

    public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
    {
        foreach (var indicator in analysis.Scheme.Indicators.Where(i => i.Tags.Contains(PolicyTags.Deposit)))
        {
            if (indicator.Aggregation is not { } aggregation)
            {
                yield return new PolicyFinding(Id, PolicySeverity.Warning,
                    $"Deposit indicator '{indicator.Path}' does not declare how its value is aggregated, so it may be a point-in-time figure; declare dailyAverage for balances (or sum, count, mean for flows).",
                    [indicator.Path]);
            }
            else if (aggregation is ValueAggregation.EndOfPeriod or ValueAggregation.Latest or ValueAggregation.Min or ValueAggregation.Max)
            {
                yield return new PolicyFinding(Id, PolicySeverity.Error,
                    $"Deposit indicator '{indicator.Path}' is scored on a point-in-time value ({aggregation}); deposit balances must use dailyAverage.",
                    [indicator.Path]);
            }
        }
    }
}

/// <summary>No indicator may score a deposit ranking or market share: tags <c>deposit</c> with <c>ranking</c> or <c>market-share</c> is an error.</summary>
internal sealed class DepositRankingPolicy : ISchemePolicy
{
    public string Id => PolicyIds.DepositRankingOrMarketShare;

    public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
    {
        foreach (var indicator in analysis.Scheme.Indicators)
        {
            if (indicator.Tags.Contains(PolicyTags.Deposit)
                && (indicator.Tags.Contains(PolicyTags.Ranking) || indicator.Tags.Contains(PolicyTags.MarketShare)))
            {
                yield return new PolicyFinding(Id, PolicySeverity.Error,
                    $"Indicator '{indicator.Path}' scores a deposit ranking or market share; score deposit amounts (daily averages) instead.",
                    [indicator.Path]);
            }
        }
    }
}

/// <summary>A derived scheme moves at most <c>maxMovedShare</c> of the total weight away from its parent; more is an error.</summary>
internal sealed class BranchVariantPolicy(Scheme parent, decimal maxMovedShare) : ISchemePolicy
{
    public string Id => PolicyIds.BranchVariant;

    public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
    {
        var variant = analysis.Scheme;
        var moved = SchemeAnalyzer.MovedWeight(parent, variant);
        if (moved > maxMovedShare)
        {
            var changed = SchemeAnalyzer.WeightDifferences(parent, variant).Where(d => d.ParentWeight != d.VariantWeight).Select(d => d.Path);
            yield return new PolicyFinding(Id, PolicySeverity.Error,
                $"Scheme '{variant.Id}' version '{variant.Version}' moves {Text.Share(moved)} of the total weight away from its parent '{parent.Id}' version '{parent.Version}'; a variant may move at most {Text.Share(maxMovedShare)}.",
                changed, null, moved, maxMovedShare);
        }
    }
}

/// <summary>Every grade band can be earned by some rounded total; a band no total reaches is a warning.</summary>
internal sealed class UnreachableGradesPolicy : ISchemePolicy
{
    public string Id => PolicyIds.UnreachableGrade;

    public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
    {
        foreach (var band in analysis.Scheme.Grades)
        {
            if (analysis.ReachableGrades.Contains(band))
            {
                continue;
            }

            yield return new PolicyFinding(Id, PolicySeverity.Warning,
                $"Grade '{band.Name}' can never be earned: no reachable rounded total ({Text.Number(analysis.MinRoundedTotal)}–{Text.Number(analysis.MaxRoundedTotal)}) falls in its band {band}.",
                null, "grades." + band.Name, band.MinPoints);
        }
    }
}

/// <summary>
/// Bonus caps must fit: maxBonus above maxPoints − P cannot be earned in full by a subject with the full base
/// (warning), and a bonus rule's cap above maxBonus can never be reached (warning).
/// </summary>
internal sealed class BonusCapsPolicy : ISchemePolicy
{
    public string Id => PolicyIds.BonusCaps;

    public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
    {
        var scheme = analysis.Scheme;
        var room = scheme.MaxPoints - scheme.Points;
        if (scheme.MaxBonus is { } maxBonus && maxBonus > room)
        {
            yield return new PolicyFinding(Id, PolicySeverity.Warning,
                $"maxBonus ({Text.Number(maxBonus)}) is above maxPoints − P ({Text.Number(scheme.MaxPoints)} − {Text.Number(scheme.Points)} = {Text.Number(room)}); the clamp takes back bonus points from a subject with the full base.",
                null, "maxBonus", maxBonus, room);
        }

        var allBonuses = scheme.MaxBonus ?? 0m;
        foreach (var rule in scheme.Adjustments.Where(a => a.Kind == AdjustmentKind.Bonus))
        {
            if (rule.Cap is { } cap && cap > allBonuses)
            {
                yield return new PolicyFinding(Id, PolicySeverity.Warning,
                    $"Bonus rule '{rule.Id}' has a cap of {Text.Number(cap)}, above maxBonus ({Text.Number(allBonuses)}); the rule's cap can never be reached.",
                    null, "adjustments." + rule.Id, cap, allBonuses);
            }
        }
    }
}

/// <summary>
/// Gates on a node's score, on the base or on the total should be able both to pass and to fail: a gate whose
/// threshold no reachable score or total can miss is a warning (it never fails), one that none can meet an error
/// (it always fails). Gates on indicator values are not checked (values have no declared range).
/// </summary>
internal sealed class GateReachabilityPolicy : ISchemePolicy
{
    public string Id => PolicyIds.GateReachability;

    public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
    {
        var scheme = analysis.Scheme;
        foreach (var gate in scheme.Gates)
        {
            decimal min;
            decimal max;
            var canBeMissing = false;
            string what;
            switch (gate.Subject)
            {
                case GateSubject.NodeScore:
                    var node = analysis.FindNode(gate.NodePath!)!;
                    if (node.Node is IndicatorNode indicator)
                    {
                        // Score gates on indicators are decided before zeroScore applies: the scorer's range.
                        (min, max) = (indicator.Scorer.MinimumScore, indicator.Scorer.MaximumScore);
                    }
                    else
                    {
                        (min, max) = (node.MinScore, node.MaxScore);
                    }

                    canBeMissing = node.CanBeExcluded;
                    what = $"the score of '{(node.Path.Length == 0 ? "/" : node.Path)}' ranges over {Text.Number(min)}–{Text.Number(max)}";
                    break;
                case GateSubject.Base:
                    (min, max) = (analysis.MinBasePoints, analysis.MaxBasePoints);
                    what = $"the base ranges over {Text.Number(min)}–{Text.Number(max)}";
                    break;
                case GateSubject.Total:
                    (min, max) = (analysis.MinRoundedTotal, analysis.MaxRoundedTotal);
                    what = $"the rounded total ranges over {Text.Number(min)}–{Text.Number(max)}";
                    break;
                default:
                    continue;
            }

            var higher = gate.Direction == ScoreDirection.HigherIsBetter;
            var comparison = higher ? "≥" : "≤";
            var alwaysMet = higher ? min >= gate.Threshold : max <= gate.Threshold;
            var neverMet = higher ? max < gate.Threshold : min > gate.Threshold;
            var paths = gate.NodePath is { } p ? new[] { p } : null;
            if (alwaysMet && !(canBeMissing && gate.OnMissing == GateMissingBehavior.Fail))
            {
                yield return new PolicyFinding(Id, PolicySeverity.Warning,
                    $"Gate '{gate.Id}' can never fail: {what}, which always meets {comparison} {Text.Number(gate.Threshold)}.",
                    paths, "gates." + gate.Id, higher ? min : max, gate.Threshold);
            }
            else if (neverMet && !(canBeMissing && gate.OnMissing == GateMissingBehavior.Pass))
            {
                yield return new PolicyFinding(Id, PolicySeverity.Error,
                    $"Gate '{gate.Id}' can never pass: {what}, which never meets {comparison} {Text.Number(gate.Threshold)}; its consequence ({gate.Consequence}) always applies.",
                    paths, "gates." + gate.Id, higher ? max : min, gate.Threshold);
            }
        }
    }
}

/// <summary>Number formatting for policy messages: canonical, culture-invariant.</summary>
internal static class Text
{
    public static string Number(decimal value) => DecimalText.Canonical(value);

    /// <summary>A share as a percentage, e.g. 0.125 → <c>12.5%</c> (multiplication by 100, exact).</summary>
    public static string Share(decimal share) => DecimalText.Canonical(share * 100m) + "%";
}
