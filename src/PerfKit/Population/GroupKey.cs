using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using PerfKit.Internal;

namespace PerfKit.Population;

/// <summary>
/// The key of a <see cref="PopulationGroup"/>: the attribute keys grouped by and this group's value for each, where
/// <see langword="null"/> stands for subjects that lack the attribute. The whole population has no keys.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Keys compare value by value in key order, ordinally; a missing value (null) sorts after
/// every present value, so the order of groups never depends on the input order or the current culture.
/// </remarks>
public sealed class GroupKey : IEquatable<GroupKey>, IComparable<GroupKey>
{
    /// <summary>The text shown for a missing value in <see cref="ToString"/>.</summary>
    public const string MissingText = "(missing)";

    private readonly int hash;

    internal GroupKey(ImmutableArray<string> keys, ImmutableArray<string?> values)
    {
        Keys = keys;
        Values = values;
        var h = default(HashCode);
        foreach (var value in values)
        {
            h.Add(value, StringComparer.Ordinal);
        }

        hash = h.ToHashCode();
    }

    /// <summary>Gets the key of the whole population (no attribute keys).</summary>
    public static GroupKey All { get; } = new([], []);

    /// <summary>Gets the attribute keys, in the order grouped by.</summary>
    public ImmutableArray<string> Keys { get; }

    /// <summary>Gets this group's value for each key, in key order; <see langword="null"/> where the subjects lack the attribute.</summary>
    public ImmutableArray<string?> Values { get; }

    /// <summary>Gets a value indicating whether this is the key of the whole population.</summary>
    public bool IsAll => Keys.IsEmpty;

    /// <summary>Gets a value indicating whether the group's subjects lack at least one of the attributes.</summary>
    public bool HasMissing => Values.Any(v => v is null);

    /// <summary>Returns this group's value for an attribute key.</summary>
    /// <param name="key">One of <see cref="Keys"/>.</param>
    /// <returns>The value, or <see langword="null"/> when the group's subjects lack the attribute.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not one of <see cref="Keys"/>.</exception>
    public string? ValueOf(string key)
    {
        Guard.NotNull(key);
        var index = Keys.IndexOf(key, StringComparer.Ordinal);
        return index < 0 ? throw new ArgumentException($"The group was not keyed by '{key}'.", nameof(key)) : Values[index];
    }

    /// <inheritdoc/>
    public bool Equals(GroupKey? other)
        => other is not null && hash == other.hash
           && Keys.SequenceEqual(other.Keys, StringComparer.Ordinal)
           && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GroupKey);

    /// <inheritdoc/>
    public override int GetHashCode() => hash;

    /// <summary>Compares value by value, ordinally, a missing value after every present one; then by the number of keys.</summary>
    /// <param name="other">The other key.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(GroupKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Min(Values.Length, other.Values.Length); i++)
        {
            var c = CompareValues(Values[i], other.Values[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return Values.Length.CompareTo(other.Values.Length);
    }

    /// <summary>Formats as <c>department=retail, region=(missing)</c>, or <c>(all)</c> for the whole population.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (IsAll)
        {
            return "(all)";
        }

        var sb = new StringBuilder();
        for (var i = 0; i < Keys.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(Keys[i]).Append('=').Append(Values[i] ?? MissingText);
        }

        return sb.ToString();
    }

    internal static int CompareValues(string? a, string? b)
        => a is null ? (b is null ? 0 : 1) : b is null ? -1 : string.CompareOrdinal(a, b);
}
