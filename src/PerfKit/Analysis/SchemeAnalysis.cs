using System;
using System.Collections.Immutable;
using System.Globalization;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Analysis;

/// <summary>
/// What a scheme can do, worked out from the scheme alone (no subject data): effective weights, score ranges and
/// points at stake per node, weight shares by tag, the reachable base, bonus, penalty and total points, and which
/// grades a total can reach. Create one with <see cref="SchemeAnalyzer.Analyze"/>; the rules are in
/// <c>docs/analysis.md</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SchemeAnalysis
{
    private readonly ImmutableDictionary<string, NodeAnalysis> nodesByPath;
    private readonly ImmutableDictionary<string, TagShare> sharesByTag;

    internal SchemeAnalysis(
        Scheme scheme,
        ImmutableArray<NodeAnalysis> nodes,
        ImmutableArray<TagShare> tagShares,
        decimal minBasePoints,
        decimal maxBasePoints,
        decimal maxBonusPoints,
        decimal? maxPenaltyPoints,
        decimal? minUnclampedTotal,
        decimal maxUnclampedTotal,
        ImmutableArray<GradeBand> reachableGrades,
        decimal? narrowestBandWidth)
    {
        Scheme = scheme;
        Nodes = nodes;
        Indicators = nodes.RemoveAll(n => !n.IsIndicator);
        TagShares = tagShares;
        MinBasePoints = minBasePoints;
        MaxBasePoints = maxBasePoints;
        MaxBonusPoints = maxBonusPoints;
        MaxPenaltyPoints = maxPenaltyPoints;
        MinUnclampedTotal = minUnclampedTotal;
        MaxUnclampedTotal = maxUnclampedTotal;
        MinTotal = minUnclampedTotal is { } low ? Math.Clamp(low, scheme.MinPoints, scheme.MaxPoints) : scheme.MinPoints;
        MaxTotal = Math.Clamp(maxUnclampedTotal, scheme.MinPoints, scheme.MaxPoints);
        MinRoundedTotal = scheme.Rounding.Round(MinTotal);
        MaxRoundedTotal = scheme.Rounding.Round(MaxTotal);
        ReachableGrades = reachableGrades;
        NarrowestBandWidth = narrowestBandWidth;
        nodesByPath = nodes.ToImmutableDictionary(n => n.Path, StringComparer.Ordinal);
        sharesByTag = tagShares.ToImmutableDictionary(t => t.Tag, StringComparer.Ordinal);
    }

    /// <summary>Gets the scheme analysed.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets every node, the root first, in declared (pre-)order.</summary>
    public ImmutableArray<NodeAnalysis> Nodes { get; }

    /// <summary>Gets the indicators, in declared (pre-)order.</summary>
    public ImmutableArray<NodeAnalysis> Indicators { get; }

    /// <summary>Gets the share of total weight of every tag used by an indicator, ordered by tag (ordinal).</summary>
    public ImmutableArray<TagShare> TagShares { get; }

    /// <summary>Gets the lowest base points (root score × P) any subject can get.</summary>
    public decimal MinBasePoints { get; }

    /// <summary>Gets the highest base points (root score × P) any subject can get.</summary>
    public decimal MaxBasePoints { get; }

    /// <summary>Gets the most bonus points a subject can get: the rules' caps summed, limited by <see cref="Model.Scheme.MaxBonus"/>
    /// (a bonus rule with no cap and positive points per unit is limited by <c>maxBonus</c> alone).</summary>
    public decimal MaxBonusPoints { get; }

    /// <summary>Gets an upper bound on what all penalties together can deduct, or <see langword="null"/> when a penalty that is
    /// not scoped to a group has no cap and positive points per unit (unbounded).</summary>
    public decimal? MaxPenaltyPoints { get; }

    /// <summary>Gets the lowest total before the clamp, or <see langword="null"/> when penalties make it unbounded below.</summary>
    public decimal? MinUnclampedTotal { get; }

    /// <summary>Gets the highest total before the clamp: <see cref="MaxBasePoints"/> + <see cref="MaxBonusPoints"/>.</summary>
    public decimal MaxUnclampedTotal { get; }

    /// <summary>Gets the lowest exact total: <see cref="MinUnclampedTotal"/> clamped to [minPoints, maxPoints], or minPoints when unbounded below.</summary>
    public decimal MinTotal { get; }

    /// <summary>Gets the highest exact total: <see cref="MaxUnclampedTotal"/> clamped to [minPoints, maxPoints].</summary>
    public decimal MaxTotal { get; }

    /// <summary>Gets <see cref="MinTotal"/> rounded with the scheme's rounding policy (the lowest total that grades).</summary>
    public decimal MinRoundedTotal { get; }

    /// <summary>Gets <see cref="MaxTotal"/> rounded with the scheme's rounding policy (the highest total that grades).</summary>
    public decimal MaxRoundedTotal { get; }

    /// <summary>Gets the grade bands some rounded total in [<see cref="MinRoundedTotal"/>, <see cref="MaxRoundedTotal"/>] earns, best first.</summary>
    public ImmutableArray<GradeBand> ReachableGrades { get; }

    /// <summary>
    /// Gets the width, in rounded-total points, of the narrowest grade band a total can be moved across: a reachable band
    /// below a reachable better band, measured from its lowest reachable rounded total to the better band's minimum;
    /// <see langword="null"/> when no total can move from one band to another.
    /// </summary>
    public decimal? NarrowestBandWidth { get; }

    /// <summary>Returns the share of total weight carried by indicators with a tag (0 when no indicator carries it).</summary>
    /// <param name="tag">The tag, e.g. <c>scale</c>.</param>
    /// <returns>The sum of the tagged indicators' effective weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is null.</exception>
    public decimal ShareOf(string tag) => sharesByTag.TryGetValue(Guard.NotNull(tag), out var share) ? share.Share : 0m;

    /// <summary>Finds a node's analysis by path (<c>monthly/new_accounts</c>; empty or <c>/</c> for the root).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The node's analysis, or <see langword="null"/> when the scheme has no such node.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public NodeAnalysis? FindNode(string path)
        => nodesByPath.TryGetValue(Scheme.NormalizePath(Guard.NotNull(path)), out var node) ? node : null;

    /// <summary>Formats as e.g. <c>a-bank-2023@2023.1: total 0–105, base 0–100</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Scheme}: total {DecimalText.Canonical(MinTotal)}–{DecimalText.Canonical(MaxTotal)}, base {DecimalText.Canonical(MinBasePoints)}–{DecimalText.Canonical(MaxBasePoints)}");
}

/// <summary>What one node of a scheme can do: its effective weight, score range and points at stake.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class NodeAnalysis
{
    internal NodeAnalysis(SchemeNode node, decimal minScore, decimal maxScore, bool canBeExcluded, decimal pointsAtStake, bool canChangeGrade)
    {
        Node = node;
        MinScore = minScore;
        MaxScore = maxScore;
        CanBeExcluded = canBeExcluded;
        PointsAtStake = pointsAtStake;
        CanChangeGrade = canChangeGrade;
    }

    /// <summary>Gets the node.</summary>
    public SchemeNode Node { get; }

    /// <summary>Gets the node's path (empty for the root).</summary>
    public string Path => Node.Path;

    /// <summary>Gets a value indicating whether the node is an indicator.</summary>
    public bool IsIndicator => Node.IsIndicator;

    /// <summary>Gets the node's effective weight (<see cref="SchemeNode.EffectiveWeight"/>).</summary>
    public decimal EffectiveWeight => Node.EffectiveWeight;

    /// <summary>Gets the lowest score the node can carry in the tree: for an indicator its scorer's minimum, for a group the
    /// lowest weighted mean of its children (exclusions considered); lowered to 0 when a <c>zeroScore</c> gate names the node.</summary>
    public decimal MinScore { get; }

    /// <summary>Gets the highest score the node can carry: for an indicator its scorer's maximum, for a group the highest weighted
    /// mean of its children (exclusions considered).</summary>
    public decimal MaxScore { get; }

    /// <summary>Gets a value indicating whether the node can be excluded (an indicator whose missing-value policy is
    /// <c>exclude</c>, or a group all of whose children can be excluded).</summary>
    public bool CanBeExcluded { get; }

    /// <summary>Gets how many base points the node alone can move: effective weight × (max score − min score) × P.</summary>
    public decimal PointsAtStake { get; }

    /// <summary>Gets a value indicating whether the node alone can move a total across a whole grade band: its stake is at
    /// least <see cref="SchemeAnalysis.NarrowestBandWidth"/> (see <c>docs/analysis.md</c> for what that guarantees).</summary>
    public bool CanChangeGrade { get; }

    /// <summary>Formats as e.g. <c>quarterly/net_balance_growth: weight 0.3, score 0–1, stake 30</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{(Path.Length == 0 ? "/" : Path)}: weight {DecimalText.Canonical(EffectiveWeight)}, score {DecimalText.Canonical(MinScore)}–{DecimalText.Canonical(MaxScore)}, stake {DecimalText.Canonical(PointsAtStake)}";
}

/// <summary>The share of total weight carried by the indicators with one tag (spec §10, weight concentration).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TagShare
{
    internal TagShare(string tag, decimal share, ImmutableArray<string> indicatorPaths)
    {
        Tag = tag;
        Share = share;
        IndicatorPaths = indicatorPaths;
    }

    /// <summary>Gets the tag.</summary>
    public string Tag { get; }

    /// <summary>Gets the sum of the effective weights of the indicators carrying the tag (between 0 and 1).</summary>
    public decimal Share { get; }

    /// <summary>Gets the paths of the indicators carrying the tag, in declared order.</summary>
    public ImmutableArray<string> IndicatorPaths { get; }

    /// <summary>Formats as e.g. <c>scale: 0.7</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Tag + ": " + DecimalText.Canonical(Share);
}
