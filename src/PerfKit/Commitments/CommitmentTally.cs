using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Periods;

namespace PerfKit.Commitments;

/// <summary>
/// The counts of one subject's commitment events whose deadline falls in one assessment period, ready to be written as
/// measure values that penalty and bonus rules read (<see cref="WriteTo"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CommitmentTally
{
    internal CommitmentTally(string subjectId, AssessmentPeriod period, IEnumerable<CommitmentOutcome> outcomes, ImmutableArray<Problem> problems)
    {
        SubjectId = subjectId;
        Period = period;
        Problems = problems;
        foreach (var outcome in outcomes)
        {
            Events++;
            switch (outcome.Status)
            {
                case CommitmentStatus.OnTime:
                    OnTime++;
                    break;
                case CommitmentStatus.Late:
                    Late++;
                    break;
                case CommitmentStatus.Pending:
                    Pending++;
                    break;
                default:
                    Overdue++;
                    break;
            }

            TotalDaysLate += outcome.DaysLate;
            MaxDaysLate = Math.Max(MaxDaysLate, outcome.DaysLate);
        }
    }

    /// <summary>Gets the subject.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the assessment period (events count in the period containing their deadline date).</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the number of valid events counted.</summary>
    public int Events { get; }

    /// <summary>Gets the number of events fulfilled on time.</summary>
    public int OnTime { get; }

    /// <summary>Gets the number of events fulfilled late.</summary>
    public int Late { get; }

    /// <summary>Gets the number of open events whose deadline has not passed.</summary>
    public int Pending { get; }

    /// <summary>Gets the number of open events whose deadline has passed (breaches in progress).</summary>
    public int Overdue { get; }

    /// <summary>Gets the number of breaches: <see cref="Late"/> + <see cref="Overdue"/> (an overdue event has missed its deadline, whenever it is fulfilled).</summary>
    public int Breaches => Late + Overdue;

    /// <summary>Gets the days late of all breaches together: final days for late events, days so far for overdue ones.</summary>
    public long TotalDaysLate { get; }

    /// <summary>Gets the largest days late of one breach, 0 when there is none.</summary>
    public int MaxDaysLate { get; }

    /// <summary>
    /// Gets the problems of this subject's events that belong to this period, or whose period is unknown (their deadline
    /// cannot be computed). Such events are not counted; <see cref="WriteTo"/> passes the problems on so the subject's
    /// evaluation fails instead of scoring incomplete counts.
    /// </summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>
    /// Writes the counts as measure values of the subject's input, so adjustment rules score them, e.g.
    /// <c>tally.WriteTo(input, breachesMeasure: "loan_breaches", daysLateMeasure: "loan_days_late")</c> with
    /// <c>.Penalty("late_loans", "loan_breaches", 1m)</c> or <c>.Penalty("late_days", "loan_days_late", 0.5m, cap: 5m)</c>.
    /// Measures left null are not written. The tally's <see cref="Problems"/> are recorded in the input as well.
    /// </summary>
    /// <param name="input">The input of the tally's subject.</param>
    /// <param name="breachesMeasure">The measure for <see cref="Breaches"/>, or null.</param>
    /// <param name="daysLateMeasure">The measure for <see cref="TotalDaysLate"/>, or null.</param>
    /// <param name="onTimeMeasure">The measure for <see cref="OnTime"/> (e.g. for a bonus), or null.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">No measure is named, or <paramref name="input"/> is for another subject.</exception>
    public SubjectInputBuilder WriteTo(SubjectInputBuilder input, string? breachesMeasure = null, string? daysLateMeasure = null, string? onTimeMeasure = null)
    {
        Guard.NotNull(input);
        if (breachesMeasure is null && daysLateMeasure is null && onTimeMeasure is null)
        {
            throw new ArgumentException("Name at least one measure to write.", nameof(breachesMeasure));
        }

        if (!string.Equals(input.SubjectId, SubjectId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The tally is for subject '{SubjectId}' but the input is for '{input.SubjectId}'.", nameof(input));
        }

        foreach (var problem in Problems)
        {
            input.AddProblem(problem);
        }

        if (breachesMeasure is not null)
        {
            input.Value(breachesMeasure, Breaches);
        }

        if (daysLateMeasure is not null)
        {
            input.Value(daysLateMeasure, TotalDaysLate);
        }

        if (onTimeMeasure is not null)
        {
            input.Value(onTimeMeasure, OnTime);
        }

        return input;
    }
}
