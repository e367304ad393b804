using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Scoring;

namespace PerfKit.Model;

/// <summary>A node of the scheme tree: a <see cref="GroupNode"/> or an <see cref="IndicatorNode"/> (spec §2).</summary>
/// <remarks>Immutable and thread-safe; created only by <see cref="Building.SchemeBuilder"/>, which validates it.</remarks>
public abstract class SchemeNode
{
    private protected SchemeNode(string id, string path, LocalizedText names, decimal weight, decimal effectiveWeight)
    {
        Id = id;
        Path = path;
        Names = names;
        Weight = weight;
        EffectiveWeight = effectiveWeight;
    }

    /// <summary>Gets the id, unique among its siblings.</summary>
    public string Id { get; }

    /// <summary>Gets the path from the root, ids joined by '/', e.g. <c>quarterly/npl_rate</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Gets the display names.</summary>
    public LocalizedText Names { get; }

    /// <summary>Gets the weight as written in the parent's weight mode (1 for the root).</summary>
    public decimal Weight { get; }

    /// <summary>Gets the product of w ÷ Σw along the path from the root (spec §2); for analysis and reports only.</summary>
    public decimal EffectiveWeight { get; }

    /// <summary>Gets a value indicating whether this node is an indicator (a leaf).</summary>
    public abstract bool IsIndicator { get; }

    /// <summary>Returns the path, or <c>/</c> for the root.</summary>
    /// <returns>The display path.</returns>
    public override string ToString() => Path.Length == 0 ? "/" : Path;
}

/// <summary>A group: a dimension, objective, section or custom level whose score is the weighted mean of its children.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GroupNode : SchemeNode
{
    internal GroupNode(string id, string path, LocalizedText names, decimal weight, decimal effectiveWeight, GroupKind kind, WeightMode childWeights, ImmutableArray<SchemeNode> children, Periods.PeriodKind? cadence = null)
        : base(id, path, names, weight, effectiveWeight)
    {
        Kind = kind;
        ChildWeights = childWeights;
        Children = children;
        Cadence = cadence;
    }

    /// <summary>Gets what the group stands for.</summary>
    public GroupKind Kind { get; }

    /// <summary>Gets how the children's weights are written.</summary>
    public WeightMode ChildWeights { get; }

    /// <summary>Gets the children in declared order (the order of the sums).</summary>
    public ImmutableArray<SchemeNode> Children { get; }

    /// <summary>
    /// Gets the cadence the group is assessed at (spec §8: month, quarter, half-year or year), or <see langword="null"/>
    /// when none is declared (the group is assessed once for the whole evaluated period). Only direct children of the
    /// root declare one; see <see cref="Periods.PeriodEvaluator"/>.
    /// </summary>
    public Periods.PeriodKind? Cadence { get; }

    /// <inheritdoc/>
    public override bool IsIndicator => false;

    /// <summary>Enumerates this group and all its descendants in declared (pre-)order.</summary>
    /// <returns>The nodes.</returns>
    public IEnumerable<SchemeNode> DescendantsAndSelf()
    {
        var stack = new Stack<SchemeNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (node is GroupNode group)
            {
                for (var i = group.Children.Length - 1; i >= 0; i--)
                {
                    stack.Push(group.Children[i]);
                }
            }
        }
    }
}

/// <summary>An indicator (KPI or key result "KR"): a leaf that reads one measure and scores it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class IndicatorNode : SchemeNode
{
    internal IndicatorNode(string id, string path, LocalizedText names, decimal weight, decimal effectiveWeight, string measure, ScorerSpec scorerSpec, IScorer scorer, string scorerVersion, MissingValuePolicy missing, ImmutableArray<string> tags, string? unit, ValueAggregation? aggregation, Periods.Proration? proration = null)
        : base(id, path, names, weight, effectiveWeight)
    {
        Proration = proration;
        Measure = measure;
        ScorerSpec = scorerSpec;
        Scorer = scorer;
        ScorerVersion = scorerVersion;
        Missing = missing;
        Tags = tags;
        Unit = unit;
        Aggregation = aggregation;
    }

    /// <summary>Gets the measure key whose period value the indicator reads.</summary>
    public string Measure { get; }

    /// <summary>Gets the scorer as data (kind and parameters).</summary>
    public ScorerSpec ScorerSpec { get; }

    /// <summary>Gets the validated scorer created from <see cref="ScorerSpec"/>.</summary>
    public IScorer Scorer { get; }

    /// <summary>Gets the version of the scorer kind that created <see cref="Scorer"/>.</summary>
    public string ScorerVersion { get; }

    /// <summary>Gets the missing-value policy.</summary>
    public MissingValuePolicy Missing { get; }

    /// <summary>Gets the free tags (e.g. <c>scale</c>, <c>inclusive-finance</c>, <c>deposit</c>), sorted ordinally and distinct.</summary>
    public ImmutableArray<string> Tags { get; }

    /// <summary>Gets the unit of the measure (e.g. <c>accounts</c>, <c>CNY 10k</c>, <c>%</c>), or <see langword="null"/>.</summary>
    public string? Unit { get; }

    /// <summary>Gets how the measure's period value is aggregated, when declared (used by policy checks).</summary>
    public ValueAggregation? Aggregation { get; }

    /// <summary>
    /// Gets a value indicating whether the indicator is prorated (spec §8): for a subject present for part of the period
    /// (<see cref="Evaluation.SubjectInputBuilder.Presence"/>) its amount parameters (baseline, target, start line,
    /// threshold, raw band bounds or a ratio band's target) are scaled by days present ÷ days in the period.
    /// </summary>
    public bool Prorated => Proration is not null;

    /// <summary>Gets the scaling of a prorated indicator's scorer, or <see langword="null"/>.</summary>
    internal Periods.Proration? Proration { get; }

    /// <inheritdoc/>
    public override bool IsIndicator => true;
}
