using System;
using PerfKit.Internal;

namespace PerfKit.Model;

/// <summary>How a group writes its children's weights (spec §2): fraction, percent, points(N) or normalize.</summary>
/// <remarks>Immutable and thread-safe; compares by value.</remarks>
public sealed class WeightMode : IEquatable<WeightMode>
{
    private WeightMode(WeightModeKind kind, decimal? points)
    {
        Kind = kind;
        Points = points;
    }

    /// <summary>Gets the fraction mode: children's weights sum to exactly 1.</summary>
    public static WeightMode Fraction { get; } = new(WeightModeKind.Fraction, null);

    /// <summary>Gets the percent mode: children's weights sum to exactly 100.</summary>
    public static WeightMode Percent { get; } = new(WeightModeKind.Percent, null);

    /// <summary>Gets the normalize mode: any positive weights, each child weighing its share.</summary>
    public static WeightMode Normalize { get; } = new(WeightModeKind.Normalize, null);

    /// <summary>Gets the kind of mode.</summary>
    public WeightModeKind Kind { get; }

    /// <summary>Gets N for <see cref="WeightModeKind.Points"/>; otherwise <see langword="null"/>.</summary>
    public decimal? Points { get; }

    /// <summary>Gets the sum the children's weights must reach, or <see langword="null"/> for normalize.</summary>
    public decimal? RequiredSum => Kind switch
    {
        WeightModeKind.Fraction => 1m,
        WeightModeKind.Percent => 100m,
        WeightModeKind.Points => Points,
        _ => null,
    };

    /// <summary>Creates the points(N) mode: children's weights sum to exactly <paramref name="total"/>.</summary>
    /// <param name="total">N; must be positive (checked when the scheme is built).</param>
    /// <returns>The mode.</returns>
    public static WeightMode PointsOf(decimal total) => new(WeightModeKind.Points, total);

    /// <inheritdoc/>
    public bool Equals(WeightMode? other) => other is not null && other.Kind == Kind && other.Points == Points;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WeightMode);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Points);

    /// <summary>Formats as <c>fraction</c>, <c>percent</c>, <c>normalize</c> or <c>points(N)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        WeightModeKind.Points => $"points({DecimalText.Canonical(Points ?? 0m)})",
        WeightModeKind.Fraction => "fraction",
        WeightModeKind.Percent => "percent",
        _ => "normalize",
    };
}
