using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Analysis;

/// <summary>
/// Analyses a scheme without subject data (spec §2, §10): effective weights, shares by tag, reachable points,
/// points at stake per node and the weight a derived scheme moves away from its parent. Every number is decimal;
/// the divisions are named in <c>docs/analysis.md</c>.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SchemeAnalyzer
{
    /// <summary>Analyses a scheme.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    /// <exception cref="OverflowException">A score range times a weight or P leaves the decimal range (a scorer declaring
    /// extreme minimum or maximum scores); the message names the node.</exception>
    public static SchemeAnalysis Analyze(Scheme scheme) => new Analysis(Guard.NotNull(scheme)).Run();

    /// <summary>
    /// Returns the share of total weight a derived scheme (a branch's variant) moves away from its parent:
    /// ½ Σ |w − w′| over the indicators' effective weights matched by path, where an indicator present in only one
    /// of the schemes counts with weight 0 in the other. 0 means the same weights, 1 means no weight in common.
    /// </summary>
    /// <param name="parent">The parent scheme.</param>
    /// <param name="variant">The derived scheme.</param>
    /// <returns>The moved share, between 0 and 1 (up to the divisions in the effective weights).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static decimal MovedWeight(Scheme parent, Scheme variant)
    {
        Guard.NotNull(parent);
        Guard.NotNull(variant);
        var sum = 0m;
        foreach (var (_, parentWeight, variantWeight) in WeightDifferences(parent, variant))
        {
            sum += Math.Abs(parentWeight - variantWeight);
        }

        return sum / 2m;
    }

    /// <summary>Pairs the indicators of two schemes by path: the parent's in declared order, then those only in the variant.</summary>
    internal static IEnumerable<(string Path, decimal ParentWeight, decimal VariantWeight)> WeightDifferences(Scheme parent, Scheme variant)
    {
        var variantWeights = variant.Indicators.ToDictionary(i => i.Path, i => i.EffectiveWeight, StringComparer.Ordinal);
        var parentPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in parent.Indicators)
        {
            parentPaths.Add(indicator.Path);
            yield return (indicator.Path, indicator.EffectiveWeight, variantWeights.GetValueOrDefault(indicator.Path));
        }

        foreach (var indicator in variant.Indicators)
        {
            if (!parentPaths.Contains(indicator.Path))
            {
                yield return (indicator.Path, 0m, indicator.EffectiveWeight);
            }
        }
    }

    /// <summary>Rounds up to the scheme's rounding grid (10^−decimals): the smallest rounded total at or above <paramref name="value"/>.</summary>
    internal static decimal CeilingToGrid(Scheme scheme, decimal value)
        => Math.Round(value, scheme.Rounding.Decimals, MidpointRounding.ToPositiveInfinity);

    private readonly struct Range(decimal min, decimal max, bool excludable)
    {
        public decimal Min { get; } = min;

        public decimal Max { get; } = max;

        public bool Excludable { get; } = excludable;
    }

    private sealed class Analysis(Scheme scheme)
    {
        private readonly Dictionary<SchemeNode, Range> ranges = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<SchemeNode, decimal> maxEffective = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<string> zeroTargets = scheme.Gates
            .Where(g => g.Consequence == GateConsequence.ZeroScore)
            .Select(g => g.ConsequenceTarget!)
            .ToHashSet(StringComparer.Ordinal);

        private string currentPath = "/";

        public SchemeAnalysis Run()
        {
            try
            {
                return RunChecked();
            }
            catch (OverflowException ex)
            {
                throw new OverflowException($"Analysing scheme '{scheme}' overflowed the decimal range at '{currentPath}'; check the score ranges its scorers declare.", ex);
            }
        }

        /// <summary>The evaluator's group mean: Σ wᵢ·sᵢ / Σ wᵢ in declared order, kept within the lowest and highest term.</summary>
        private static decimal WeightedMean(ImmutableArray<SchemeNode> children, ImmutableArray<decimal> scores, bool[] present)
        {
            var weightSum = 0m;
            var weighted = 0m;
            var lowest = decimal.MaxValue;
            var highest = decimal.MinValue;
            for (var i = 0; i < children.Length; i++)
            {
                if (present[i])
                {
                    weightSum += children[i].Weight;
                    weighted += children[i].Weight * scores[i];
                    lowest = decimal.Min(lowest, scores[i]);
                    highest = decimal.Max(highest, scores[i]);
                }
            }

            return Math.Clamp(weighted / weightSum, lowest, highest);
        }

        private SchemeAnalysis RunChecked()
        {
            var root = Compute(scheme.Root);
            ComputeMaxEffective(scheme.Root, 1m);
            currentPath = "/";
            var minBase = root.Min * scheme.Points;
            var maxBase = root.Max * scheme.Points;
            var maxBonus = MaxBonus();
            var (maxPenalty, minUnclamped) = Penalties(minBase);
            var maxUnclamped = maxBase + maxBonus;

            var minTotal = minUnclamped is { } low ? Math.Clamp(low, scheme.MinPoints, scheme.MaxPoints) : scheme.MinPoints;
            var maxTotal = Math.Clamp(maxUnclamped, scheme.MinPoints, scheme.MaxPoints);
            var minRounded = scheme.Rounding.Round(minTotal);
            var maxRounded = scheme.Rounding.Round(maxTotal);
            var (reachable, narrowest) = Grades(minRounded, maxRounded);

            var nodes = ImmutableArray.CreateBuilder<NodeAnalysis>();
            foreach (var node in scheme.Root.DescendantsAndSelf())
            {
                currentPath = node.Path.Length == 0 ? "/" : node.Path;
                var range = ranges[node];
                var stake = node.EffectiveWeight * (range.Max - range.Min) * scheme.Points;
                var decisive = narrowest is { } width && stake >= width;
                nodes.Add(new NodeAnalysis(node, range.Min, range.Max, range.Excludable, stake, decisive));
            }

            return new SchemeAnalysis(scheme, nodes.ToImmutable(), TagShares(), minBase, maxBase, maxBonus, maxPenalty, minUnclamped, maxUnclamped, reachable, narrowest);
        }

        private Range Compute(SchemeNode node)
        {
            Range range;
            if (node is IndicatorNode indicator)
            {
                range = new Range(indicator.Scorer.MinimumScore, indicator.Scorer.MaximumScore, indicator.Missing == MissingValuePolicy.Exclude);
            }
            else
            {
                var group = (GroupNode)node;
                var children = group.Children.Select(Compute).ToImmutableArray();
                currentPath = group.Path.Length == 0 ? "/" : group.Path;
                var min = Extreme(group.Children, [.. children.Select(c => c.Min)], children, lowest: true);
                var max = Extreme(group.Children, [.. children.Select(c => c.Max)], children, lowest: false);
                range = new Range(min, max, children.All(c => c.Excludable));
            }

            if (zeroTargets.Contains(node.Path) && range.Min > 0m)
            {
                range = new Range(0m, range.Max, range.Excludable);
            }

            ranges[node] = range;
            return range;
        }

        /// <summary>
        /// The lowest (or highest) weighted mean a group can take with each child at its own extreme. Without excludable
        /// children that is the mean over all children. With them, the extreme mean is over the children that cannot be
        /// excluded plus the excludable ones that pull the mean furthest: a prefix of the excludable children sorted by
        /// their extreme (adding a child moves a mean towards the child's score, so the best subset takes every child
        /// beyond the resulting mean and none other). Every candidate sums in declared order, as the evaluator does.
        /// </summary>
        private static decimal Extreme(ImmutableArray<SchemeNode> children, ImmutableArray<decimal> scores, ImmutableArray<Range> ranges, bool lowest)
        {
            var present = ranges.Select(r => !r.Excludable).ToArray();
            var optional = Enumerable.Range(0, children.Length).Where(i => ranges[i].Excludable).ToList();
            if (optional.Count == 0)
            {
                return WeightedMean(children, scores, present);
            }

            optional = lowest
                ? [.. optional.OrderBy(i => scores[i]).ThenBy(i => i)]
                : [.. optional.OrderByDescending(i => scores[i]).ThenBy(i => i)];
            var anyRequired = present.Any(p => p);
            decimal? best = anyRequired ? WeightedMean(children, scores, present) : null;
            foreach (var i in optional)
            {
                present[i] = true;
                var mean = WeightedMean(children, scores, present);
                if (best is not { } b || (lowest ? mean < b : mean > b))
                {
                    best = mean;
                }
            }

            return best!.Value;
        }

        /// <summary>An upper bound on a node's effective weight when siblings along its path can be excluded.</summary>
        private void ComputeMaxEffective(SchemeNode node, decimal value)
        {
            maxEffective[node] = value;
            if (node is not GroupNode group)
            {
                return;
            }

            foreach (var child in group.Children)
            {
                var denominator = child.Weight;
                foreach (var sibling in group.Children)
                {
                    if (!ReferenceEquals(sibling, child) && !ranges[sibling].Excludable)
                    {
                        denominator += sibling.Weight;
                    }
                }

                ComputeMaxEffective(child, value * child.Weight / denominator);
            }
        }

        private decimal MaxBonus()
        {
            currentPath = "maxBonus";
            var sum = 0m;
            var unbounded = false;
            foreach (var rule in scheme.Adjustments.Where(a => a.Kind == AdjustmentKind.Bonus))
            {
                if (Size(rule) is { } size)
                {
                    sum += size;
                }
                else
                {
                    unbounded = true;
                }
            }

            var cap = scheme.MaxBonus ?? 0m;
            return unbounded ? cap : decimal.Min(sum, cap);
        }

        /// <summary>The most one rule can add or deduct: its cap, 0 when points per unit is 0, unbounded (null) otherwise.</summary>
        private static decimal? Size(AdjustmentRule rule) => rule.PointsPerUnit == 0m ? 0m : rule.Cap;

        /// <summary>
        /// The penalty bound and the lowest unclamped total. A scoped penalty deducts at most min(Σ caps of its rules,
        /// max(contribution of its group, 0)). When no node can be excluded and no scope lies inside another, the
        /// deduction is a non-decreasing function of the group's contribution, so the lowest total is reached with
        /// every score at its minimum; otherwise the group's largest possible contribution bounds the deduction.
        /// </summary>
        private (decimal? MaxPenalty, decimal? MinUnclamped) Penalties(decimal minBase)
        {
            currentPath = "adjustments";
            var unscoped = 0m;
            var unbounded = false;
            var scopes = new List<string>();
            var scopeSizes = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            foreach (var rule in scheme.Adjustments.Where(a => a.Kind == AdjustmentKind.Penalty))
            {
                var size = Size(rule);
                if (rule.ScopePath is not { } scope)
                {
                    if (size is { } s)
                    {
                        unscoped += s;
                    }
                    else
                    {
                        unbounded = true;
                    }

                    continue;
                }

                if (!scopeSizes.TryGetValue(scope, out var total))
                {
                    scopes.Add(scope);
                    scopeSizes[scope] = size;
                }
                else
                {
                    scopeSizes[scope] = total is { } t && size is { } s ? t + s : null;
                }
            }

            if (unbounded)
            {
                return (null, null);
            }

            var upper = unscoped;
            var atMinimum = unscoped;
            foreach (var scope in scopes)
            {
                scheme.TryFindNode(scope, out var node);
                var range = ranges[node!];
                var largest = decimal.Max(maxEffective[node!] * range.Max * scheme.Points, 0m);
                var smallest = decimal.Max(minBase - MinBaseWithout(node!), 0m);
                upper += Limit(scopeSizes[scope], largest);
                atMinimum += Limit(scopeSizes[scope], smallest);
            }

            var exact = !ranges.Values.Any(r => r.Excludable) && !AnyNested(scopes);
            return (upper, minBase - (exact ? atMinimum : upper));
        }

        /// <summary>
        /// The lowest base with <paramref name="node"/> scoring 0 and every other node at its minimum, re-averaged up the
        /// path as the evaluator does when it limits a scoped penalty to what the group adds to the base. Used where
        /// nothing is excludable, so each mean is over all children.
        /// </summary>
        private decimal MinBaseWithout(SchemeNode node)
        {
            var replacement = 0m;
            var path = node.Path;
            while (path.Length > 0)
            {
                var parentPath = path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : string.Empty;
                scheme.TryFindNode(parentPath, out var found);
                var parent = (GroupNode)found!;
                var scores = parent.Children.Select(c => string.Equals(c.Path, path, StringComparison.Ordinal) ? replacement : ranges[c].Min).ToImmutableArray();
                var mean = WeightedMean(parent.Children, scores, [.. parent.Children.Select(_ => true)]);
                replacement = zeroTargets.Contains(parent.Path) && mean > 0m ? 0m : mean;
                path = parentPath;
            }

            return replacement * scheme.Points;
        }

        private static bool AnyNested(List<string> scopes)
        {
            for (var i = 0; i < scopes.Count; i++)
            {
                for (var j = 0; j < scopes.Count; j++)
                {
                    if (i != j && (scopes[i].Length == 0 || scopes[j].StartsWith(scopes[i] + "/", StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static decimal Limit(decimal? size, decimal contribution) => size is { } s ? decimal.Min(s, contribution) : contribution;

        /// <summary>Reachable bands and the narrowest band a total can be moved across, on the rounding grid.</summary>
        private (ImmutableArray<GradeBand> Reachable, decimal? Narrowest) Grades(decimal minRounded, decimal maxRounded)
        {
            currentPath = "grades";
            var grades = scheme.Grades;
            var reachable = ImmutableArray.CreateBuilder<GradeBand>();
            var lows = new decimal[grades.Length];
            for (var k = 0; k < grades.Length; k++)
            {
                lows[k] = grades[k].MinPoints is { } m ? decimal.Max(CeilingToGrid(scheme, m), minRounded) : minRounded;
                if (lows[k] <= maxRounded && (k == 0 || lows[k] < grades[k - 1].MinPoints!.Value))
                {
                    reachable.Add(grades[k]);
                }
            }

            decimal? narrowest = null;
            for (var k = 1; k < grades.Length; k++)
            {
                var upper = lows[k - 1];
                if (grades[k - 1].MinPoints is { } next && CeilingToGrid(scheme, next) <= maxRounded && lows[k] < upper)
                {
                    var width = upper - lows[k];
                    narrowest = narrowest is { } n ? decimal.Min(n, width) : width;
                }
            }

            return (reachable.ToImmutable(), narrowest);
        }

        private ImmutableArray<TagShare> TagShares()
        {
            currentPath = "tags";
            var byTag = new SortedDictionary<string, (decimal Share, ImmutableArray<string>.Builder Paths)>(StringComparer.Ordinal);
            foreach (var indicator in scheme.Indicators)
            {
                foreach (var tag in indicator.Tags)
                {
                    if (!byTag.TryGetValue(tag, out var entry))
                    {
                        entry = (0m, ImmutableArray.CreateBuilder<string>());
                    }

                    entry.Paths.Add(indicator.Path);
                    byTag[tag] = (entry.Share + indicator.EffectiveWeight, entry.Paths);
                }
            }

            return [.. byTag.Select(kv => new TagShare(kv.Key, kv.Value.Share, kv.Value.Paths.ToImmutable()))];
        }
    }
}
