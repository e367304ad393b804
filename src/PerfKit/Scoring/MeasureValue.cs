using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;

namespace PerfKit.Scoring;

/// <summary>The kind of input a scorer reads.</summary>
public enum MeasureKind
{
    /// <summary>One decimal value for the period.</summary>
    Number,

    /// <summary>Ratings grouped by rater role (multi-rater, 360).</summary>
    Ratings,
}

/// <summary>Ratings of one measure grouped by rater role (superior, peer, subordinate, self, or custom roles).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RatingSet : IEquatable<RatingSet>
{
    private RatingSet(ImmutableSortedDictionary<string, ImmutableArray<decimal>> byRole) => ByRole = byRole;

    /// <summary>Gets the ratings per role, sorted ordinally by role; each role's ratings keep their given order.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<decimal>> ByRole { get; }

    /// <summary>Gets the number of ratings over all roles.</summary>
    public int Count => ByRole.Values.Sum(r => r.Length);

    /// <summary>Creates a rating set.</summary>
    /// <param name="byRole">Ratings per role; roles must be distinct and non-blank.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="byRole"/> is null.</exception>
    /// <exception cref="ArgumentException">A role is blank or repeats, or its ratings are null.</exception>
    public static RatingSet Create(IEnumerable<KeyValuePair<string, IEnumerable<decimal>>> byRole)
    {
        ArgumentNullException.ThrowIfNull(byRole);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<decimal>>(StringComparer.Ordinal);
        foreach (var (role, ratings) in byRole)
        {
            Guard.NotBlank(role, nameof(byRole));
            if (ratings is null)
            {
                throw new ArgumentException($"Role '{role}' has no ratings list.", nameof(byRole));
            }

            if (!builder.TryAdd(role, ratings.ToImmutableArray()))
            {
                throw new ArgumentException($"Role '{role}' is given twice.", nameof(byRole));
            }
        }

        return new RatingSet(builder.ToImmutable());
    }

    /// <inheritdoc/>
    public bool Equals(RatingSet? other)
        => other is not null && ByRole.Count == other.ByRole.Count
           && ByRole.All(p => other.ByRole.TryGetValue(p.Key, out var r) && r.SequenceEqual(p.Value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RatingSet);

    /// <inheritdoc/>
    public override int GetHashCode() => ByRole.Count;

    /// <summary>Formats as e.g. <c>{peer: [4, 3.5], superior: [4]}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => "{" + string.Join(", ", ByRole.Select(p => p.Key + ": [" + string.Join(", ", p.Value.Select(DecimalText.Canonical)) + "]")) + "}";
}

/// <summary>A value handed to a scorer: a decimal, or a set of ratings.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct MeasureValue : IEquatable<MeasureValue>
{
    private readonly decimal number;

    private MeasureValue(MeasureKind kind, decimal number, RatingSet? ratings)
    {
        Kind = kind;
        this.number = number;
        Ratings = ratings;
    }

    /// <summary>Gets the kind of value.</summary>
    public MeasureKind Kind { get; }

    /// <summary>Gets the decimal value.</summary>
    /// <exception cref="InvalidOperationException">The value holds ratings.</exception>
    public decimal Number => Kind == MeasureKind.Number ? number : throw new InvalidOperationException("This value holds ratings; read Ratings.");

    /// <summary>Gets the ratings, or <see langword="null"/> for a number.</summary>
    public RatingSet? Ratings { get; }

    /// <summary>Creates a number value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The measure value.</returns>
    public static MeasureValue Of(decimal value) => new(MeasureKind.Number, value, null);

    /// <summary>Creates a ratings value.</summary>
    /// <param name="ratings">The ratings.</param>
    /// <returns>The measure value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is null.</exception>
    public static MeasureValue Of(RatingSet ratings) => new(MeasureKind.Ratings, 0m, Guard.NotNull(ratings));

    /// <inheritdoc/>
    public bool Equals(MeasureValue other)
        => Kind == other.Kind && (Kind == MeasureKind.Number ? number == other.number : Ratings!.Equals(other.Ratings));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MeasureValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind == MeasureKind.Number ? number.GetHashCode() : Ratings!.GetHashCode();

    /// <summary>Formats the value culture-invariantly.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind == MeasureKind.Number ? DecimalText.Canonical(number) : Ratings!.ToString();

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(MeasureValue left, MeasureValue right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(MeasureValue left, MeasureValue right) => !left.Equals(right);
}
