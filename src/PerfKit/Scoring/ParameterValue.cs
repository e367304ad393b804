using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;

namespace PerfKit.Scoring;

/// <summary>The kind of a <see cref="ParameterValue"/>.</summary>
public enum ParameterValueKind
{
    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A text.</summary>
    Text,

    /// <summary>An ordered list of values.</summary>
    List,

    /// <summary>A map from names to values, sorted ordinally by name.</summary>
    Map,
}

/// <summary>
/// One scorer parameter: a decimal, a text, a list or a map. Scorer parameters are plain data so a scheme can be
/// written to a file and back, fingerprinted and explained without knowing the scorer's code.
/// </summary>
/// <remarks>Immutable and thread-safe; compares by value (numbers by decimal value, so 1.0 equals 1).</remarks>
public sealed class ParameterValue : IEquatable<ParameterValue>
{
    private readonly decimal number;
    private readonly string? text;
    private readonly ImmutableArray<ParameterValue> items;
    private readonly ImmutableSortedDictionary<string, ParameterValue>? map;

    private ParameterValue(ParameterValueKind kind, decimal number, string? text, ImmutableArray<ParameterValue> items, ImmutableSortedDictionary<string, ParameterValue>? map)
    {
        Kind = kind;
        this.number = number;
        this.text = text;
        this.items = items;
        this.map = map;
    }

    /// <summary>Gets the kind of value.</summary>
    public ParameterValueKind Kind { get; }

    /// <summary>Gets the number.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public decimal Number => Kind == ParameterValueKind.Number ? number : throw WrongKind(ParameterValueKind.Number);

    /// <summary>Gets the text.</summary>
    /// <exception cref="InvalidOperationException">The value is not a text.</exception>
    public string Text => Kind == ParameterValueKind.Text ? text! : throw WrongKind(ParameterValueKind.Text);

    /// <summary>Gets the list items.</summary>
    /// <exception cref="InvalidOperationException">The value is not a list.</exception>
    public ImmutableArray<ParameterValue> Items => Kind == ParameterValueKind.List ? items : throw WrongKind(ParameterValueKind.List);

    /// <summary>Gets the map entries, sorted ordinally by name.</summary>
    /// <exception cref="InvalidOperationException">The value is not a map.</exception>
    public ImmutableSortedDictionary<string, ParameterValue> Entries => Kind == ParameterValueKind.Map ? map! : throw WrongKind(ParameterValueKind.Map);

    /// <summary>Creates a number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The parameter value.</returns>
    public static ParameterValue Of(decimal value) => new(ParameterValueKind.Number, value, null, default, null);

    /// <summary>Creates a text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The parameter value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static ParameterValue Of(string value) => new(ParameterValueKind.Text, 0m, Guard.NotNull(value), default, null);

    /// <summary>Creates a list.</summary>
    /// <param name="values">The items, in order.</param>
    /// <returns>The parameter value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> holds null.</exception>
    public static ParameterValue List(IEnumerable<ParameterValue> values)
        => new(ParameterValueKind.List, 0m, null, Guard.NoNullItems(values).ToImmutableArray(), null);

    /// <summary>Creates a map.</summary>
    /// <param name="entries">The entries; names must be distinct.</param>
    /// <returns>The parameter value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    /// <exception cref="ArgumentException">A name repeats, or a value is null.</exception>
    public static ParameterValue Map(IEnumerable<KeyValuePair<string, ParameterValue>> entries)
        => new(ParameterValueKind.Map, 0m, null, default, ToMap(entries));

    /// <inheritdoc/>
    public bool Equals(ParameterValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            ParameterValueKind.Number => number == other.number,
            ParameterValueKind.Text => string.Equals(text, other.text, StringComparison.Ordinal),
            ParameterValueKind.List => items.SequenceEqual(other.items),
            _ => MapsEqual(map!, other.map!),
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParameterValue);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        ParameterValueKind.Number => number.GetHashCode(),
        ParameterValueKind.Text => StringComparer.Ordinal.GetHashCode(text!),
        ParameterValueKind.List => items.Length,
        _ => map!.Count,
    };

    /// <summary>Formats compactly and culture-invariantly, e.g. <c>[{bound: 0.8, score: 0.6}]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        ParameterValueKind.Number => DecimalText.Canonical(number),
        ParameterValueKind.Text => text!,
        ParameterValueKind.List => "[" + string.Join(", ", items.Select(i => i.ToString())) + "]",
        _ => "{" + string.Join(", ", map!.Select(p => p.Key + ": " + p.Value)) + "}",
    };

    internal static ImmutableSortedDictionary<string, ParameterValue> ToMap(IEnumerable<KeyValuePair<string, ParameterValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            Guard.NotBlank(key, nameof(entries));
            if (value is null)
            {
                throw new ArgumentException($"Parameter '{key}' has no value.", nameof(entries));
            }

            if (!builder.TryAdd(key, value))
            {
                throw new ArgumentException($"Parameter '{key}' is given twice.", nameof(entries));
            }
        }

        return builder.ToImmutable();
    }

    internal static bool MapsEqual(ImmutableSortedDictionary<string, ParameterValue> a, ImmutableSortedDictionary<string, ParameterValue> b)
        => a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v.Equals(p.Value));

    private InvalidOperationException WrongKind(ParameterValueKind wanted)
        => new($"This parameter is a {Kind}, not a {wanted}; check Kind first.");
}
