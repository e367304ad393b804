using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Internal;
using PerfKit.Scoring.BuiltIn;

namespace PerfKit.Scoring;

/// <summary>
/// The scorer kinds a scheme may use, by name: the built-ins (<c>linear</c>, <c>band</c>, <c>threshold</c>,
/// <c>rating</c>) plus any a host adds with <see cref="With"/>.
/// </summary>
/// <remarks>Immutable and thread-safe: <see cref="With"/> returns a new registry.</remarks>
public sealed class ScorerRegistry
{
    private readonly ImmutableSortedDictionary<string, IScorerKind> kinds;

    private ScorerRegistry(ImmutableSortedDictionary<string, IScorerKind> kinds) => this.kinds = kinds;

    /// <summary>Gets the registry of built-in kinds.</summary>
    public static ScorerRegistry Default { get; } = new(
        new IScorerKind[] { new LinearScorerKind(), new BandScorerKind(), new ThresholdScorerKind(), new RatingScorerKind() }
            .ToImmutableSortedDictionary(k => k.Name, k => k, StringComparer.Ordinal));

    /// <summary>Gets the registered kinds, sorted by name.</summary>
    public IEnumerable<IScorerKind> Kinds => kinds.Values;

    /// <summary>Returns a registry that also holds <paramref name="kind"/>.</summary>
    /// <param name="kind">The host's kind.</param>
    /// <returns>A new registry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kind"/> is null.</exception>
    /// <exception cref="ArgumentException">The kind's name or version is invalid, or a kind of that name is already registered (pick another name).</exception>
    public ScorerRegistry With(IScorerKind kind)
    {
        Guard.NotNull(kind);
        if (!Identifiers.IsValid(kind.Name))
        {
            throw new ArgumentException($"Scorer kind name '{kind.Name}' is invalid; use letters, digits, '-' and '_' (at most 64).", nameof(kind));
        }

        Guard.NotBlank(kind.Version, nameof(kind));
        if (kind.Version.Length > 64 || !Texts.IsWellFormed(kind.Version))
        {
            throw new ArgumentException($"Scorer kind '{kind.Name}' has an invalid version; use a well-formed text of at most 64 characters, e.g. 2.1.", nameof(kind));
        }

        if (kinds.ContainsKey(kind.Name))
        {
            throw new ArgumentException($"A scorer kind named '{kind.Name}' is already registered; register your kind under another name.", nameof(kind));
        }

        return new ScorerRegistry(kinds.Add(kind.Name, kind));
    }

    /// <summary>Finds a kind by name.</summary>
    /// <param name="name">The kind name.</param>
    /// <param name="kind">The kind, when found.</param>
    /// <returns>Whether the kind is registered.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IScorerKind? kind)
        => kinds.TryGetValue(Guard.NotNull(name), out kind);

    internal IScorer? Create(ScorerSpec spec, string nodePath, List<Problem> problems)
    {
        if (!kinds.TryGetValue(spec.Kind, out var kind))
        {
            problems.Add(new Problem(ProblemCodes.ScorerUnknownKind, nodePath + ".scorer", spec.Kind,
                $"No scorer kind '{spec.Kind}' is registered; use one of: {string.Join(", ", kinds.Keys)}, or register it in the ScorerRegistry."));
            return null;
        }

        var reader = new ScorerParameterReader(spec, nodePath, problems);
        var scorer = kind.Create(reader);
        reader.ReportUnknown();
        if (reader.HasProblems)
        {
            return null;
        }

        if (scorer is null)
        {
            throw new InvalidOperationException($"Scorer kind '{kind.Name}' returned no scorer but reported no problem; report a problem through the reader instead.");
        }

        if (scorer.MinimumScore > scorer.MaximumScore)
        {
            throw new InvalidOperationException($"Scorer kind '{kind.Name}' created a scorer whose minimum score exceeds its maximum.");
        }

        return scorer;
    }
}
