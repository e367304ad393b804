using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Population;

/// <summary>
/// A population: the assessments of distinct subjects under one scheme, with their subjects' attributes
/// (<see cref="SubjectInput.Attributes"/>), ready to be grouped, summarised (<see cref="GroupStatistics"/>), ranked
/// (<see cref="GroupRanking"/>) and put under quotas (<see cref="ForcedDistribution"/>).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The assessments are held in ordinal order of subject id, so everything computed from a
/// population is independent of the order the assessments were given in.
/// </remarks>
public sealed class AssessmentPopulation
{
    private readonly Dictionary<string, Assessment> bySubject;

    private AssessmentPopulation(Scheme scheme, ImmutableArray<Assessment> assessments, ImmutableArray<EvaluationResult> unassessed, Dictionary<string, Assessment> bySubject)
    {
        Scheme = scheme;
        Assessments = assessments;
        Unassessed = unassessed;
        this.bySubject = bySubject;
        All = new PopulationGroup(this, GroupKey.All, assessments);
    }

    /// <summary>Gets the scheme every assessment was produced by.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the assessments, in ordinal order of subject id.</summary>
    public ImmutableArray<Assessment> Assessments { get; }

    /// <summary>Gets the number of assessed subjects.</summary>
    public int Count => Assessments.Length;

    /// <summary>
    /// Gets the evaluation results that carried no assessment (subjects whose data had problems) when the population was
    /// created from results, in ordinal order of subject id; they are in no group and no figure.
    /// </summary>
    public ImmutableArray<EvaluationResult> Unassessed { get; }

    /// <summary>Gets the whole population as one group (key <see cref="GroupKey.All"/>).</summary>
    public PopulationGroup All { get; }

    /// <summary>Creates a population from assessments.</summary>
    /// <param name="assessments">The assessments: at least one, of distinct subjects, all produced by the same scheme (the same scheme fingerprint).</param>
    /// <returns>The population.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessments"/> is null.</exception>
    /// <exception cref="ArgumentException">The sequence is empty or holds null, two assessments share a subject id, or the assessments come from different schemes.</exception>
    public static AssessmentPopulation Create(IEnumerable<Assessment> assessments)
        => Build(Guard.NoNullItems(assessments), [], nameof(assessments));

    /// <summary>
    /// Creates a population from evaluation results (e.g. <see cref="SchemeEvaluator.EvaluateMany"/>): the assessed
    /// subjects form the population, and the results without an assessment are kept in <see cref="Unassessed"/>.
    /// </summary>
    /// <param name="results">The results; at least one must carry an assessment.</param>
    /// <returns>The population.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null.</exception>
    /// <exception cref="ArgumentException">The sequence holds null or no assessment, two results share a subject id, or the assessments come from different schemes.</exception>
    public static AssessmentPopulation Create(IEnumerable<EvaluationResult> results)
    {
        var all = Guard.NoNullItems(results).ToList();
        var failed = all.Where(r => !r.Succeeded).OrderBy(r => r.SubjectId, StringComparer.Ordinal).ToImmutableArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in all)
        {
            if (!ids.Add(r.SubjectId))
            {
                throw new ArgumentException($"Subject '{r.SubjectId}' appears more than once; a population holds one assessment per subject.", nameof(results));
            }
        }

        return Build(all.Where(r => r.Succeeded).Select(r => r.Assessment!), failed, nameof(results));
    }

    /// <summary>Finds a subject's assessment.</summary>
    /// <param name="subjectId">The subject's id.</param>
    /// <returns>The assessment, or <see langword="null"/> when the subject is not in the population.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    public Assessment? Find(string subjectId) => bySubject.GetValueOrDefault(Guard.NotNull(subjectId));

    /// <summary>
    /// Groups the subjects by one attribute or a combination of attributes (e.g. <c>department</c>, or
    /// <c>department</c> and <c>position</c>). Subjects lacking an attribute form the group whose value for that key is
    /// <see langword="null"/>, so every subject is in exactly one group.
    /// </summary>
    /// <param name="keys">The attribute keys: at least one, non-blank, distinct.</param>
    /// <returns>The grouping; groups in <see cref="GroupKey"/> order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">No key is given, or a key is blank or repeated.</exception>
    public PopulationGrouping GroupBy(params string[] keys) => GroupBy((IEnumerable<string>)keys);

    /// <summary>Groups the subjects by a combination of attributes; see <see cref="GroupBy(string[])"/>.</summary>
    /// <param name="keys">The attribute keys: at least one, non-blank, distinct.</param>
    /// <returns>The grouping; groups in <see cref="GroupKey"/> order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">No key is given, or a key is blank or repeated.</exception>
    public PopulationGrouping GroupBy(IEnumerable<string> keys)
    {
        var list = CheckKeys(keys, nameof(keys));
        if (list.IsEmpty)
        {
            throw new ArgumentException("Group by at least one attribute key; the whole population is All.", nameof(keys));
        }

        var groups = new Dictionary<GroupKey, List<Assessment>>();
        var values = new string?[list.Length];
        foreach (var assessment in Assessments)
        {
            var attributes = assessment.Input.Attributes;
            for (var i = 0; i < list.Length; i++)
            {
                values[i] = attributes.TryGetValue(list[i], out var v) ? v : null;
            }

            var key = new GroupKey(list, [.. values]);
            if (!groups.TryGetValue(key, out var members))
            {
                members = [];
                groups.Add(key, members);
            }

            members.Add(assessment);
        }

        var ordered = groups.OrderBy(g => g.Key).Select(g => new PopulationGroup(this, g.Key, [.. g.Value])).ToImmutableArray();
        return new PopulationGrouping(this, list, ordered);
    }

    internal static ImmutableArray<string> CheckKeys(IEnumerable<string>? keys, string name)
    {
        var list = Guard.NoNullItems(keys, name).ToImmutableArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in list)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("An attribute key must not be empty or white space.", name);
            }

            if (!seen.Add(key))
            {
                throw new ArgumentException($"Attribute key '{key}' is given twice.", name);
            }
        }

        return list;
    }

    private static AssessmentPopulation Build(IEnumerable<Assessment> assessments, ImmutableArray<EvaluationResult> unassessed, string name)
    {
        var sorted = assessments.ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A population needs at least one assessment.", name);
        }

        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.SubjectId, b.SubjectId));
        var first = sorted[0];
        var bySubject = new Dictionary<string, Assessment>(sorted.Length, StringComparer.Ordinal);
        foreach (var assessment in sorted)
        {
            if (!string.Equals(assessment.SchemeFingerprint, first.SchemeFingerprint, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All assessments of a population must come from one scheme: subject '{first.SubjectId}' was assessed by {first.Scheme} and subject '{assessment.SubjectId}' by {assessment.Scheme} (fingerprints {first.SchemeFingerprint[..12]}… and {assessment.SchemeFingerprint[..12]}…). Compare schemes with separate populations.",
                    name);
            }

            if (!bySubject.TryAdd(assessment.SubjectId, assessment))
            {
                throw new ArgumentException($"Subject '{assessment.SubjectId}' appears more than once; a population holds one assessment per subject.", name);
            }
        }

        return new AssessmentPopulation(first.Scheme, [.. sorted], unassessed, bySubject);
    }
}

/// <summary>One group of a population: the subjects sharing a <see cref="GroupKey"/>, or the whole population.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PopulationGroup
{
    internal PopulationGroup(AssessmentPopulation population, GroupKey key, ImmutableArray<Assessment> members)
    {
        Population = population;
        Key = key;
        Members = members;
    }

    /// <summary>Gets the population the group belongs to.</summary>
    public AssessmentPopulation Population { get; }

    /// <summary>Gets the group's key.</summary>
    public GroupKey Key { get; }

    /// <summary>Gets the group's assessments, in ordinal order of subject id; never empty.</summary>
    public ImmutableArray<Assessment> Members { get; }

    /// <summary>Gets the number of subjects in the group.</summary>
    public int Count => Members.Length;

    /// <summary>Computes the group's statistics (of the rounded totals), grade distribution, gate pass rates and payout totals.</summary>
    /// <returns>The statistics.</returns>
    public GroupStatistics ComputeStatistics() => GroupStatistics.Of(this);

    /// <summary>Ranks the group's subjects.</summary>
    /// <param name="key">What to rank by; <see cref="RankingKey.Total"/> when null.</param>
    /// <param name="mode">Competition (1, 2, 2, 4; the default) or dense (1, 2, 2, 3).</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> names a node the scheme does not have, or <paramref name="mode"/> is not defined.</exception>
    public GroupRanking Rank(RankingKey? key = null, RankingMode mode = RankingMode.Competition) => GroupRanking.Of(this, key ?? RankingKey.Total, mode);

    /// <summary>Returns the key's text.</summary>
    /// <returns>The text, e.g. <c>department=retail (6 subjects)</c>.</returns>
    public override string ToString() => $"{Key} ({Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} subjects)";
}

/// <summary>A population split into groups by one or more attribute keys, plus the whole population.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PopulationGrouping
{
    internal PopulationGrouping(AssessmentPopulation population, ImmutableArray<string> keys, ImmutableArray<PopulationGroup> groups)
    {
        Population = population;
        Keys = keys;
        Groups = groups;
    }

    /// <summary>Gets the population grouped.</summary>
    public AssessmentPopulation Population { get; }

    /// <summary>Gets the attribute keys grouped by.</summary>
    public ImmutableArray<string> Keys { get; }

    /// <summary>Gets the groups, in <see cref="GroupKey"/> order (ordinal by value, key by key, missing values last); each subject is in exactly one.</summary>
    public ImmutableArray<PopulationGroup> Groups { get; }

    /// <summary>Gets the whole population as one group.</summary>
    public PopulationGroup All => Population.All;

    /// <summary>Finds the group with the given values.</summary>
    /// <param name="values">One value per key, in key order; null for the group of subjects lacking the attribute.</param>
    /// <returns>The group, or <see langword="null"/> when no subject has these values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of values differs from the number of keys.</exception>
    public PopulationGroup? Find(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Keys.Length)
        {
            throw new ArgumentException($"Give one value per key ({Keys.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}).", nameof(values));
        }

        var key = new GroupKey(Keys, [.. values]);
        return Groups.FirstOrDefault(g => g.Key.Equals(key));
    }

    /// <summary>Computes every group's statistics.</summary>
    /// <returns>The statistics, in group order.</returns>
    public ImmutableArray<GroupStatistics> ComputeStatistics() => [.. Groups.Select(GroupStatistics.Of)];

    /// <summary>Ranks the subjects within each group.</summary>
    /// <param name="key">What to rank by; <see cref="RankingKey.Total"/> when null.</param>
    /// <param name="mode">Competition (the default) or dense.</param>
    /// <returns>One ranking per group, in group order.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> names a node the scheme does not have, or <paramref name="mode"/> is not defined.</exception>
    public ImmutableArray<GroupRanking> Rank(RankingKey? key = null, RankingMode mode = RankingMode.Competition)
    {
        key ??= RankingKey.Total;
        return [.. Groups.Select(g => GroupRanking.Of(g, key, mode))];
    }
}
