using System;
using NodaTime;

namespace PerfKit.Periods;

/// <summary>
/// The days of an assessment period a subject was present (spec §8), from its join and leave dates, both inclusive:
/// a subject who joins on the period's last day is present 1 day. Prorated indicators scale their amount parameters
/// by <see cref="DaysPresent"/> ÷ <see cref="DaysInPeriod"/>. Set with
/// <see cref="Evaluation.SubjectInputBuilder.Presence(AssessmentPeriod, LocalDate?, LocalDate?)"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SubjectPresence
{
    internal SubjectPresence(AssessmentPeriod period, LocalDate? joined, LocalDate? left, LocalDate first, LocalDate last)
    {
        Period = period;
        Joined = joined;
        Left = left;
        First = first;
        Last = last;
    }

    /// <summary>Gets the period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the join date as given, or <see langword="null"/> when the subject was present from before the period.</summary>
    public LocalDate? Joined { get; }

    /// <summary>Gets the leave date (the last day present) as given, or <see langword="null"/> when the subject stayed past the period.</summary>
    public LocalDate? Left { get; }

    /// <summary>Gets the first day present within the period.</summary>
    public LocalDate First { get; }

    /// <summary>Gets the last day present within the period.</summary>
    public LocalDate Last { get; }

    /// <summary>Gets the number of days present within the period, both ends counted.</summary>
    public int DaysPresent => Period.Overlap(First, Last)!.Length;

    /// <summary>Gets the number of days in the period, both ends counted.</summary>
    public int DaysInPeriod => Period.Days;

    /// <summary>Gets a value indicating whether the subject was present for the whole period.</summary>
    public bool IsWholePeriod => DaysPresent == DaysInPeriod;

    /// <summary>Formats as e.g. <c>2024-03: 2024-03-10..2024-03-31 (22/31 days)</c>, culture-invariantly.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => FormattableString.Invariant($"{Period}: {AssessmentPeriod.Format(First)}..{AssessmentPeriod.Format(Last)} ({DaysPresent}/{DaysInPeriod} days)");
}
