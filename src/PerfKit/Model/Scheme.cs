using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using PerfKit.Building;
using PerfKit.Internal;

namespace PerfKit.Model;

/// <summary>
/// An immutable, validated assessment scheme (spec §2): names, points P, rounding, grade bands, gates, bonus and
/// penalty rules, bounds and one root group. Create one with <see cref="CreateBuilder"/>.
/// </summary>
/// <remarks>Immutable and thread-safe; compile it once with <see cref="Evaluation.SchemeEvaluator.Create"/> and share the evaluator.</remarks>
public sealed class Scheme
{
    private readonly ImmutableDictionary<string, SchemeNode> nodesByPath;
    private byte[]? canonicalBytes;
    private string? fingerprint;

    internal Scheme(
        string id,
        string version,
        LocalizedText names,
        decimal points,
        RoundingPolicy rounding,
        ImmutableArray<GradeBand> grades,
        ImmutableArray<Gate> gates,
        ImmutableArray<AdjustmentRule> adjustments,
        decimal? maxBonus,
        decimal? declaredMinPoints,
        decimal? declaredMaxPoints,
        GroupNode root)
    {
        Id = id;
        Version = version;
        Names = names;
        Points = points;
        Rounding = rounding;
        Grades = grades;
        Gates = gates;
        Adjustments = adjustments;
        MaxBonus = maxBonus;
        DeclaredMinPoints = declaredMinPoints;
        DeclaredMaxPoints = declaredMaxPoints;
        Root = root;
        var nodes = root.DescendantsAndSelf().ToImmutableArray();
        nodesByPath = nodes.ToImmutableDictionary(n => n.Path, StringComparer.Ordinal);
        Indicators = nodes.OfType<IndicatorNode>().ToImmutableArray();
        Measures = Indicators.Select(i => i.Measure).Concat(adjustments.Select(a => a.Measure)).Distinct(StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Gets the scheme id, e.g. <c>a-bank-2023</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the version, e.g. <c>2023.1</c>.</summary>
    public string Version { get; }

    /// <summary>Gets the display names.</summary>
    public LocalizedText Names { get; }

    /// <summary>Gets P, the points of the weighted tree (bonuses excluded).</summary>
    public decimal Points { get; }

    /// <summary>Gets the rounding applied once to the total.</summary>
    public RoundingPolicy Rounding { get; }

    /// <summary>Gets the grade bands from best to worst.</summary>
    public ImmutableArray<GradeBand> Grades { get; }

    /// <summary>Gets the gates in declared order.</summary>
    public ImmutableArray<Gate> Gates { get; }

    /// <summary>Gets the bonus and penalty rules in declared order.</summary>
    public ImmutableArray<AdjustmentRule> Adjustments { get; }

    /// <summary>Gets the cap on all bonuses together, or <see langword="null"/> when the scheme has no bonus rules.</summary>
    public decimal? MaxBonus { get; }

    /// <summary>Gets the declared lowest total, or <see langword="null"/> for the default 0.</summary>
    public decimal? DeclaredMinPoints { get; }

    /// <summary>Gets the declared highest total, or <see langword="null"/> for the default P + maxBonus.</summary>
    public decimal? DeclaredMaxPoints { get; }

    /// <summary>Gets the lowest total (declared, or 0).</summary>
    public decimal MinPoints => DeclaredMinPoints ?? 0m;

    /// <summary>Gets the highest total (declared, or P + maxBonus).</summary>
    public decimal MaxPoints => DeclaredMaxPoints ?? Points + (MaxBonus ?? 0m);

    /// <summary>Gets the root group.</summary>
    public GroupNode Root { get; }

    /// <summary>Gets every indicator in declared (pre-)order.</summary>
    public ImmutableArray<IndicatorNode> Indicators { get; }

    /// <summary>Gets every measure key the scheme reads (indicators, then adjustments), distinct, in first-use order.</summary>
    public ImmutableArray<string> Measures { get; }

    /// <summary>
    /// Gets the scheme's fingerprint: the SHA-256 of its canonical file form (<see cref="Serialization.SchemeFile.Write(Scheme)"/>),
    /// as 64 lowercase hexadecimal digits. The canonical form lists the version of every scorer kind used, so a changed
    /// scorer formula changes the fingerprint. Computed once, on first use; safe to read from any thread.
    /// </summary>
    public string Fingerprint => LazyInitializer.EnsureInitialized(ref fingerprint, () => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes.Span)));

    /// <summary>Gets the canonical file form, written once on first use.</summary>
    internal ReadOnlyMemory<byte> CanonicalBytes => LazyInitializer.EnsureInitialized(ref canonicalBytes, () => Serialization.SchemeFileWriter.WriteBytes(this));

    /// <summary>Starts a builder for a scheme.</summary>
    /// <param name="id">The scheme id.</param>
    /// <param name="version">The version.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="Scoring.ScorerRegistry.Default"/> when null.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="version"/> is null.</exception>
    public static SchemeBuilder CreateBuilder(string id, string version, Scoring.ScorerRegistry? registry = null)
        => new(id, version, registry);

    /// <summary>Finds a node by path (<c>monthly/new_accounts</c>; empty or <c>/</c> for the root).</summary>
    /// <param name="path">The path.</param>
    /// <param name="node">The node, when found.</param>
    /// <returns>Whether the node exists.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public bool TryFindNode(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SchemeNode? node)
        => nodesByPath.TryGetValue(NormalizePath(Guard.NotNull(path)), out node);

    /// <summary>Finds a grade band by name.</summary>
    /// <param name="name">The grade name.</param>
    /// <returns>The band, or <see langword="null"/>.</returns>
    public GradeBand? FindGrade(string name) => Grades.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.Ordinal));

    /// <summary>Returns the grade band a rounded total earns (the best band whose minimum it reaches).</summary>
    /// <param name="roundedTotal">The rounded total.</param>
    /// <returns>The band.</returns>
    public GradeBand GradeFor(decimal roundedTotal)
    {
        foreach (var band in Grades)
        {
            if (band.MinPoints is not { } min || roundedTotal >= min)
            {
                return band;
            }
        }

        return Grades[^1];
    }

    /// <summary>Returns <c>id@version</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id + "@" + Version;

    internal static string NormalizePath(string path) => path is "/" ? string.Empty : path.Trim('/');

    internal IEnumerable<SchemeNode> Nodes => nodesByPath.Values;
}
