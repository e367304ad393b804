using NodaTime;
using NodaTime.Testing;
using PerfKit.Commitments;
using PerfKit.Demo;

namespace PerfKit.Tests.Commitments;

/// <summary>The loan-disbursal promise of the commitment tests: 3 business days of the China 2024 sample calendar, in Asia/Shanghai (UTC+8, no daylight saving).</summary>
internal static class CommitmentFixtures
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static CommitmentRule LoanRule { get; } = CommitmentRule.BusinessDays("loan-disbursal", 3, "Asia/Shanghai", SampleCalendars.ChinaMainland2024());

    /// <summary>An instant given by its Shanghai wall-clock time.</summary>
    public static Instant Local(int year, int month, int day, int hour, int minute = 0, int second = 0)
        => new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Shanghai).ToInstant();

    /// <summary>A tracker of <see cref="LoanRule"/> whose "now" is fixed at a Shanghai wall-clock time.</summary>
    public static CommitmentTracker Tracker(Instant now) => CommitmentTracker.Create(LoanRule, new FakeClock(now));

    /// <summary>
    /// Customer manager CM1's March 2024 loans, evaluated as of Fri 2024-03-29 12:00 in Shanghai (no holiday in March):
    /// L1 applied Fri 1, deadline Wed 6 (Mon 4, Tue 5, Wed 6), disbursed Wed 6 18:00: on time.
    /// L2 applied Mon 4, deadline Thu 7, disbursed Mon 11: late 2 (Fri 8, Mon 11).
    /// L3 applied Mon 11, deadline Thu 14, disbursed Fri 22: late 6 (Fri 15, Mon 18, Tue 19, Wed 20, Thu 21, Fri 22).
    /// L4 applied Wed 20, deadline Mon 25, open: overdue 4 so far (Tue 26, Wed 27, Thu 28, Fri 29).
    /// L5 applied Thu 28, deadline Tue 2 April (Fri 29, Mon 1, Tue 2), open: pending, counted in April.
    /// L6 applied Tue 26, deadline Fri 29 (today), open: pending.
    /// </summary>
    public static CommitmentEvent[] MarchLoans() =>
    [
        CommitmentEvent.Create("L1", "CM1", Local(2024, 3, 1, 9), Local(2024, 3, 6, 18)),
        CommitmentEvent.Create("L2", "CM1", Local(2024, 3, 4, 10), Local(2024, 3, 11, 11)),
        CommitmentEvent.Create("L3", "CM1", Local(2024, 3, 11, 15), Local(2024, 3, 22, 9)),
        CommitmentEvent.Create("L4", "CM1", Local(2024, 3, 20, 16)),
        CommitmentEvent.Create("L5", "CM1", Local(2024, 3, 28, 11)),
        CommitmentEvent.Create("L6", "CM1", Local(2024, 3, 26, 14)),
    ];

    public static Instant MarchNow => Local(2024, 3, 29, 12);
}
