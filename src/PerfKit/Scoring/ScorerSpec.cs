using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;

namespace PerfKit.Scoring;

/// <summary>
/// A scorer as data: a kind name (e.g. <c>linear</c>) and its parameters. A spec is not validated until the scheme
/// that uses it is built; <see cref="Scorers"/> creates the built-in ones.
/// </summary>
/// <remarks>Immutable and thread-safe; compares by value.</remarks>
public sealed class ScorerSpec : IEquatable<ScorerSpec>
{
    private ScorerSpec(string kind, ImmutableSortedDictionary<string, ParameterValue> parameters)
    {
        Kind = kind;
        Parameters = parameters;
    }

    /// <summary>Gets the registered kind name, e.g. <c>linear</c>, <c>band</c>, or a host's own.</summary>
    public string Kind { get; }

    /// <summary>Gets the parameters given, sorted ordinally by name; defaults are not materialized.</summary>
    public ImmutableSortedDictionary<string, ParameterValue> Parameters { get; }

    /// <summary>Creates a spec of any kind.</summary>
    /// <param name="kind">The registered kind name.</param>
    /// <param name="parameters">The parameters; names must be distinct.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is blank, or a parameter name repeats or has no value.</exception>
    public static ScorerSpec Create(string kind, IEnumerable<KeyValuePair<string, ParameterValue>> parameters)
        => new(Guard.NotBlank(kind), ParameterValue.ToMap(parameters));

    /// <inheritdoc/>
    public bool Equals(ScorerSpec? other)
        => other is not null && string.Equals(Kind, other.Kind, StringComparison.Ordinal) && ParameterValue.MapsEqual(Parameters, other.Parameters);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ScorerSpec);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Kind), Parameters.Count);

    /// <summary>Formats as e.g. <c>linear(baseline: 0, target: 20)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind + "(" + string.Join(", ", Parameters.Select(p => p.Key + ": " + p.Value)) + ")";
}
