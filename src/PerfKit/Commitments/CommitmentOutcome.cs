using NodaTime;
using PerfKit.Periods;

namespace PerfKit.Commitments;

/// <summary>Where a commitment event stands as of the tracker's "now".</summary>
public enum CommitmentStatus
{
    /// <summary>Fulfilled on or before the deadline date.</summary>
    OnTime,

    /// <summary>Fulfilled after the deadline date: a breach.</summary>
    Late,

    /// <summary>Open, and the deadline date has not passed yet.</summary>
    Pending,

    /// <summary>Open, and the deadline date has passed: a breach in progress.</summary>
    Overdue,
}

/// <summary>The outcome of one valid commitment event.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CommitmentOutcome
{
    internal CommitmentOutcome(CommitmentEvent @event, CommitmentStatus status, LocalDate applicationDate, LocalDate deadlineDate, LocalDate? fulfilmentDate, int daysLate, AssessmentPeriod period)
    {
        Event = @event;
        Status = status;
        ApplicationDate = applicationDate;
        DeadlineDate = deadlineDate;
        FulfilmentDate = fulfilmentDate;
        DaysLate = daysLate;
        Period = period;
    }

    /// <summary>Gets the event.</summary>
    public CommitmentEvent Event { get; }

    /// <summary>Gets the status as of the tracker's "now".</summary>
    public CommitmentStatus Status { get; }

    /// <summary>Gets the application's local date (day 0).</summary>
    public LocalDate ApplicationDate { get; }

    /// <summary>Gets the deadline date: the last local date on which fulfilment is on time.</summary>
    public LocalDate DeadlineDate { get; }

    /// <summary>Gets the fulfilment's local date, or <see langword="null"/> while open.</summary>
    public LocalDate? FulfilmentDate { get; }

    /// <summary>
    /// Gets the days late in the rule's own days: for <see cref="CommitmentStatus.Late"/>, as of the fulfilment's local
    /// date; for <see cref="CommitmentStatus.Overdue"/>, so far, as of the local date of "now" (it grows until
    /// fulfilment); 0 otherwise.
    /// </summary>
    public int DaysLate { get; }

    /// <summary>Gets whether the event is a breach: <see cref="CommitmentStatus.Late"/> or <see cref="CommitmentStatus.Overdue"/>.</summary>
    public bool IsBreach => Status is CommitmentStatus.Late or CommitmentStatus.Overdue;

    /// <summary>Gets the assessment period the event counts in: the one containing its deadline date.</summary>
    public AssessmentPeriod Period { get; }
}
