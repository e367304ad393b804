using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;

namespace PerfKit.Population;

/// <summary>How tied subjects are numbered.</summary>
public enum RankingMode
{
    /// <summary>Competition ranking (1, 2, 2, 4): a subject's rank is 1 + the number of subjects strictly ahead.</summary>
    Competition,

    /// <summary>Dense ranking (1, 2, 2, 3): a subject's rank is 1 + the number of distinct values strictly ahead.</summary>
    Dense,
}

/// <summary>Why a subject was left out of a ranking by a node's score.</summary>
public enum UnrankedReason
{
    /// <summary>The node was excluded from the subject's evaluation (missing values under the exclude policy); it has no score.</summary>
    Excluded,

    /// <summary>The indicator's value was missing and scored by the minimum policy; a ranking compares measured performance only.</summary>
    Missing,
}

/// <summary>What a ranking orders by: the rounded total, or one node's score.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RankingKey
{
    private RankingKey(string? path)
    {
        Path = path;
    }

    /// <summary>Gets the key that ranks by the rounded total (<see cref="Assessment.RoundedTotal"/>): the number that grades, ranks and pays.</summary>
    public static RankingKey Total { get; } = new(null);

    /// <summary>Gets the node's path, or <see langword="null"/> when ranking by the rounded total.</summary>
    public string? Path { get; }

    /// <summary>Gets a value indicating whether the ranking is by the rounded total.</summary>
    public bool IsTotal => Path is null;

    /// <summary>Ranks by a node's final score (<see cref="NodeResult.Score"/>, after overrides and zeroScore gates), higher first.</summary>
    /// <param name="path">The node's path, e.g. <c>quarterly/npl_rate</c>; <c>/</c> or empty for the root.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static RankingKey Score(string path) => new(Model.Scheme.NormalizePath(Guard.NotNull(path)));

    /// <summary>Returns <c>total</c> or <c>score(path)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Path is null ? "total" : $"score({(Path.Length == 0 ? "/" : Path)})";
}

/// <summary>One ranked subject.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RankedSubject
{
    internal RankedSubject(Assessment assessment, decimal value, int rank, decimal percentile, int tieCount)
    {
        Assessment = assessment;
        Value = value;
        Rank = rank;
        Percentile = percentile;
        TieCount = tieCount;
    }

    /// <summary>Gets the subject's assessment.</summary>
    public Assessment Assessment { get; }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId => Assessment.SubjectId;

    /// <summary>Gets the value ranked: the rounded total or the node's score.</summary>
    public decimal Value { get; }

    /// <summary>Gets the rank, 1 for the highest value; tied subjects share it.</summary>
    public int Rank { get; }

    /// <summary>Gets the percentile rank: 100 × (number of ranked subjects strictly below) ÷ (n − 1), or 100 when n = 1 (Excel's PERCENTRANK.INC × 100), unrounded.</summary>
    public decimal Percentile { get; }

    /// <summary>Gets the number of ranked subjects with the same value, this one included (1 when not tied).</summary>
    public int TieCount { get; }

    /// <summary>Gets a value indicating whether another subject shares the value.</summary>
    public bool IsTied => TieCount > 1;
}

/// <summary>A subject left out of a ranking by a node's score.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class UnrankedSubject
{
    internal UnrankedSubject(Assessment assessment, UnrankedReason reason)
    {
        Assessment = assessment;
        Reason = reason;
    }

    /// <summary>Gets the subject's assessment.</summary>
    public Assessment Assessment { get; }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId => Assessment.SubjectId;

    /// <summary>Gets why the subject is not ranked.</summary>
    public UnrankedReason Reason { get; }
}

/// <summary>
/// The ranking of one group (spec §7): by the rounded total or a node's score, higher first; subjects with equal
/// values are tied (the exact total does not break ties: the rounded total is the one that ranks).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GroupRanking
{
    private readonly Lazy<Dictionary<string, RankedSubject>> bySubject;

    private GroupRanking(GroupKey group, RankingKey key, RankingMode mode, ImmutableArray<RankedSubject> ranked, ImmutableArray<UnrankedSubject> unranked)
    {
        Group = group;
        Key = key;
        Mode = mode;
        Ranked = ranked;
        Unranked = unranked;
        bySubject = new Lazy<Dictionary<string, RankedSubject>>(() => ranked.ToDictionary(r => r.SubjectId, StringComparer.Ordinal), System.Threading.LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Gets the group's key.</summary>
    public GroupKey Group { get; }

    /// <summary>Gets what the ranking orders by.</summary>
    public RankingKey Key { get; }

    /// <summary>Gets how ties are numbered.</summary>
    public RankingMode Mode { get; }

    /// <summary>Gets the ranked subjects, by rank, then by subject id (ordinal).</summary>
    public ImmutableArray<RankedSubject> Ranked { get; }

    /// <summary>Gets the subjects whose ranked node is excluded or missing, by subject id (ordinal); always empty when ranking by total.</summary>
    public ImmutableArray<UnrankedSubject> Unranked { get; }

    /// <summary>Finds a ranked subject (the index by subject id is built on first use).</summary>
    /// <param name="subjectId">The subject's id.</param>
    /// <returns>The entry, or <see langword="null"/> when the subject is not ranked in this group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    public RankedSubject? Find(string subjectId) => bySubject.Value.GetValueOrDefault(Guard.NotNull(subjectId));

    /// <summary>Ranks a group.</summary>
    /// <param name="group">The group.</param>
    /// <param name="key">What to rank by.</param>
    /// <param name="mode">How ties are numbered.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> or <paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> names a node the scheme does not have, or <paramref name="mode"/> is not defined.</exception>
    public static GroupRanking Of(PopulationGroup group, RankingKey key, RankingMode mode = RankingMode.Competition)
    {
        Guard.NotNull(group);
        Guard.NotNull(key);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentException("Use a defined RankingMode value.", nameof(mode));
        }

        var route = key.Path is null ? null
            : NodeRoute.TryCreate(group.Population.Scheme, key.Path)
              ?? throw new ArgumentException($"The scheme {group.Population.Scheme} has no node '{key.Path}' to rank by.", nameof(key));
        var entries = new List<(Assessment Assessment, decimal Value)>(group.Count);
        var unranked = new List<UnrankedSubject>();
        foreach (var a in group.Members)
        {
            if (route is null)
            {
                entries.Add((a, a.RoundedTotal));
                continue;
            }

            var node = route.Find(a);
            if (node.Score is not { } score || node.IsExcluded)
            {
                unranked.Add(new UnrankedSubject(a, UnrankedReason.Excluded));
            }
            else if (node.IsMissing)
            {
                unranked.Add(new UnrankedSubject(a, UnrankedReason.Missing));
            }
            else
            {
                entries.Add((a, score));
            }
        }

        // Members come in subject-id order and the sort is stable, so ties list by subject id.
        var sorted = entries.OrderByDescending(e => e.Value).ToArray();
        var n = sorted.Length;
        var ranked = new RankedSubject[n];
        var distinctAhead = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end < n && sorted[end].Value == sorted[start].Value)
            {
                end++;
            }

            var below = n - end;
            var percentile = n == 1 ? 100m : 100m * below / (n - 1);
            var rank = mode == RankingMode.Competition ? start + 1 : distinctAhead + 1;
            for (var i = start; i < end; i++)
            {
                ranked[i] = new RankedSubject(sorted[i].Assessment, sorted[i].Value, rank, percentile, end - start);
            }

            distinctAhead++;
            start = end;
        }

        return new GroupRanking(group.Key, key, mode, [.. ranked], [.. unranked]);
    }
}
