using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Population;

/// <summary>One subject after a forced distribution: the grade assessed, the final grade, whether and why it moved, and the pay that follows.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DistributedSubject
{
    internal DistributedSubject(Assessment assessment, GroupKey group, int rank, GradeBand finalGrade, bool isCapped, ImmutableArray<GradeQuota> quotas, decimal? payout)
    {
        Assessment = assessment;
        Group = group;
        Rank = rank;
        FinalGrade = finalGrade;
        IsCapped = isCapped;
        Quotas = quotas;
        Payout = payout;
    }

    /// <summary>Gets the subject's assessment.</summary>
    public Assessment Assessment { get; }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId => Assessment.SubjectId;

    /// <summary>Gets the key of the group the quotas were applied within.</summary>
    public GroupKey Group { get; }

    /// <summary>Gets the subject's competition rank in its group on the rounded total, the exact total breaking ties (1 = best).</summary>
    public int Rank { get; }

    /// <summary>Gets the grade the assessment gave (<see cref="Evaluation.Assessment.Grade"/>: the rounded total's band after capGrade gates).</summary>
    public GradeBand AssessedGrade => Assessment.Grade;

    /// <summary>Gets the grade after the quotas.</summary>
    public GradeBand FinalGrade { get; }

    /// <summary>Gets a value indicating whether the quotas changed the grade.</summary>
    public bool Moved => FinalGrade.Rank != AssessedGrade.Rank;

    /// <summary>Gets a value indicating whether a capGrade gate set the grade (below what the total earns); such a subject counts in the quotas but is never moved.</summary>
    public bool IsCapped { get; }

    /// <summary>Gets the quotas the move served (empty when not moved): the "at most" quotas of the grades it left or passed through and the "at least" quotas of the grades it passed through or reached.</summary>
    public ImmutableArray<GradeQuota> Quotas { get; }

    /// <summary>Gets the pay coefficient of the final grade.</summary>
    public decimal Coefficient => FinalGrade.Coefficient;

    /// <summary>Gets the pay following the final grade: base pay × the final coefficient, rounded by the payroll rounding; 0 when a cancelPayout gate failed; null without base pay.</summary>
    public decimal? Payout { get; }

    /// <summary>Returns e.g. <c>CM007: A → B (rank 3; A ≤ 20%)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Moved
            ? $"{SubjectId}: {AssessedGrade.Name} → {FinalGrade.Name} (rank {Rank.ToString(System.Globalization.CultureInfo.InvariantCulture)}; {string.Join(", ", Quotas)})"
            : $"{SubjectId}: {FinalGrade.Name} (rank {Rank.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}

/// <summary>How one quota was used in one group.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class QuotaUse
{
    internal QuotaUse(GradeQuota quota, int groupSize, int before, int used)
    {
        Quota = quota;
        Minimum = quota.AtLeastPercent is null ? null : quota.MinimumCount(groupSize);
        Maximum = quota.AtMostPercent is null ? null : quota.MaximumCount(groupSize);
        Before = before;
        Used = used;
    }

    /// <summary>Gets the quota.</summary>
    public GradeQuota Quota { get; }

    /// <summary>Gets the minimum count in this group (⌈p·n/100⌉), or null without a minimum.</summary>
    public int? Minimum { get; }

    /// <summary>Gets the maximum count in this group (⌊p·n/100⌋), or null without a maximum.</summary>
    public int? Maximum { get; }

    /// <summary>Gets how many subjects of the group held the grade before the distribution.</summary>
    public int Before { get; }

    /// <summary>Gets how many hold it after.</summary>
    public int Used { get; }

    /// <summary>Gets a value indicating whether the final count lies within the limits.</summary>
    public bool IsMet => (Minimum is not { } lo || Used >= lo) && (Maximum is not { } hi || Used <= hi);

    /// <summary>Returns e.g. <c>A ≤ 20%: limit 2, used 2 (before 4)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{Quota}: limit {(Minimum is { } lo ? "≥ " + lo.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}{(Minimum is not null && Maximum is not null ? " and " : string.Empty)}{(Maximum is { } hi ? "≤ " + hi.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}, used {Used.ToString(System.Globalization.CultureInfo.InvariantCulture)} (before {Before.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}

/// <summary>One group of a forced distribution: its quotas' use and its final grade distribution.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DistributedGroup
{
    internal DistributedGroup(GroupKey key, int count, bool applied, ImmutableArray<QuotaUse> quotas, ImmutableArray<GradeCount> grades)
    {
        Key = key;
        Count = count;
        Applied = applied;
        Quotas = quotas;
        Grades = grades;
    }

    /// <summary>Gets the group's key (<see cref="GroupKey.All"/> for the whole population).</summary>
    public GroupKey Key { get; }

    /// <summary>Gets the number of subjects.</summary>
    public int Count { get; }

    /// <summary>Gets a value indicating whether the quotas could all be met and were applied; when false nobody in the group moved and a <see cref="ProblemCodes.QuotaUnmet"/> problem says why.</summary>
    public bool Applied { get; }

    /// <summary>Gets each quota's limits and use, in declaration order.</summary>
    public ImmutableArray<QuotaUse> Quotas { get; }

    /// <summary>Gets the final grade distribution, every grade from best to worst (0 included), shares unrounded.</summary>
    public ImmutableArray<GradeCount> Grades { get; }
}

/// <summary>The outcome of <see cref="ForcedDistribution.Apply"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DistributionResult
{
    private readonly Lazy<Dictionary<string, DistributedSubject>> bySubject;

    internal DistributionResult(ForcedDistribution distribution, ImmutableArray<DistributedSubject> subjects, ImmutableArray<DistributedGroup> groups, ImmutableArray<Problem> problems)
    {
        Distribution = distribution;
        Subjects = subjects;
        Groups = groups;
        Problems = problems;
        bySubject = new Lazy<Dictionary<string, DistributedSubject>>(() => subjects.ToDictionary(s => s.SubjectId, StringComparer.Ordinal), System.Threading.LazyThreadSafetyMode.PublicationOnly);
        PayoutTotal = subjects.Sum(s => s.Payout ?? 0m);
        AssessedPayoutTotal = subjects.Sum(s => s.Assessment.Payout ?? 0m);
    }

    /// <summary>Gets the distribution applied.</summary>
    public ForcedDistribution Distribution { get; }

    /// <summary>Gets every subject, in ordinal order of subject id.</summary>
    public ImmutableArray<DistributedSubject> Subjects { get; }

    /// <summary>Gets the subjects whose grade the quotas changed, in ordinal order of subject id.</summary>
    public IEnumerable<DistributedSubject> Moved => Subjects.Where(s => s.Moved);

    /// <summary>Gets the groups, in <see cref="GroupKey"/> order (one, <see cref="GroupKey.All"/>, for the whole population).</summary>
    public ImmutableArray<DistributedGroup> Groups { get; }

    /// <summary>Gets the problems: one <see cref="ProblemCodes.QuotaUnmet"/> per group whose quotas could not all be met; empty when every group was applied.</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets the sum of the payouts after the distribution (subjects without base pay count nothing).</summary>
    public decimal PayoutTotal { get; }

    /// <summary>Gets the sum of the assessments' payouts before the distribution.</summary>
    public decimal AssessedPayoutTotal { get; }

    /// <summary>Finds a subject.</summary>
    /// <param name="subjectId">The subject's id.</param>
    /// <returns>The subject, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    public DistributedSubject? Find(string subjectId) => bySubject.Value.GetValueOrDefault(Guard.NotNull(subjectId));
}
