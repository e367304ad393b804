using System;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using PerfKit.Commitments;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Commitments.CommitmentFixtures;

namespace PerfKit.Tests.Commitments;

/// <summary>Tests of <see cref="CommitmentTracker"/> and <see cref="CommitmentReport"/>.</summary>
public sealed class CommitmentTrackerTests
{
    [Theory]
    [InlineData(typeof(CommitmentTracker))]
    [InlineData(typeof(CommitmentReport))]
    [InlineData(typeof(CommitmentOutcome))]
    [InlineData(typeof(CommitmentEvent))]
    public void Types_AreImmutable(Type type) => Immutability.AssertImmutable(type);

    [Fact]
    public void Evaluate_MarchLoans_StatusDeadlineAndDaysLateEach()
    {
        var report = Tracker(MarchNow).Evaluate(MarchLoans(), PeriodKind.Month);

        Assert.True(report.Succeeded);
        Assert.Equal(MarchNow, report.AsOf);
        // The deadlines and days late are worked out in CommitmentFixtures.MarchLoans.
        Assert.Equal(
            [
                ("L1", CommitmentStatus.OnTime, new LocalDate(2024, 3, 6), 0, "2024-03"),
                ("L2", CommitmentStatus.Late, new LocalDate(2024, 3, 7), 2, "2024-03"),
                ("L3", CommitmentStatus.Late, new LocalDate(2024, 3, 14), 6, "2024-03"),
                ("L4", CommitmentStatus.Overdue, new LocalDate(2024, 3, 25), 4, "2024-03"),
                ("L5", CommitmentStatus.Pending, new LocalDate(2024, 4, 2), 0, "2024-04"),
                ("L6", CommitmentStatus.Pending, new LocalDate(2024, 3, 29), 0, "2024-03"),
            ],
            report.Outcomes.Select(o => (o.Event.Id, o.Status, o.DeadlineDate, o.DaysLate, o.Period.ToString())).ToArray());
        Assert.Equal([false, true, true, true, false, false], report.Outcomes.Select(o => o.IsBreach).ToArray());
        Assert.Equal(new LocalDate(2024, 3, 11), report.Outcomes[1].FulfilmentDate);
        Assert.Null(report.Outcomes[3].FulfilmentDate);
        Assert.Equal(new LocalDate(2024, 3, 20), report.Outcomes[3].ApplicationDate);
    }

    [Fact]
    public void Evaluate_FulfilmentAtLastSecondAndAtMidnight_OnTimeThenOneDayLate()
    {
        // Fri 2024-03-01 → deadline Wed 2024-03-06 (Mon 4, Tue 5, Wed 6).
        var events = new[]
        {
            CommitmentEvent.Create("last-second", "CM1", Local(2024, 3, 1, 10), Local(2024, 3, 6, 23, 59, 59)),
            CommitmentEvent.Create("midnight", "CM1", Local(2024, 3, 1, 10), Local(2024, 3, 7, 0, 0, 0)),
        };

        var outcomes = Tracker(MarchNow).Evaluate(events, PeriodKind.Month).Outcomes;

        Assert.Equal((CommitmentStatus.OnTime, 0), (outcomes[0].Status, outcomes[0].DaysLate));
        Assert.Equal((CommitmentStatus.Late, 1), (outcomes[1].Status, outcomes[1].DaysLate)); // Thu 7 is the 1st working day after Wed 6
        Assert.Equal(LoanRule.LateFrom(events[1].Application), events[1].Fulfilment);
    }

    [Fact]
    public void Evaluate_OpenAcrossDeadlineAsClockMoves_PendingThenOverdue()
    {
        var clock = new FakeClock(Local(2024, 3, 6, 23, 59, 59));
        var tracker = CommitmentTracker.Create(LoanRule, clock);
        var open = new[] { CommitmentEvent.Create("L1", "CM1", Local(2024, 3, 1, 10)) };

        // Still Wed 6, the deadline day: pending.
        Assert.Equal(CommitmentStatus.Pending, tracker.Evaluate(open, PeriodKind.Month).Outcomes[0].Status);

        clock.AdvanceSeconds(1); // Thu 7 00:00: overdue by 1 (Thu 7)
        var outcome = tracker.Evaluate(open, PeriodKind.Month).Outcomes[0];
        Assert.Equal((CommitmentStatus.Overdue, 1), (outcome.Status, outcome.DaysLate));

        clock.Reset(Local(2024, 3, 9, 12)); // Sat 9: the next working day is Mon 11, so Thu 7, Fri 8, Mon 11 → 3
        Assert.Equal(3, tracker.Evaluate(open, PeriodKind.Month).Outcomes[0].DaysLate);
    }

    [Fact]
    public void Evaluate_ByQuarter_EventsCountInTheQuarterOfTheirDeadline()
    {
        var report = Tracker(MarchNow).Evaluate(MarchLoans(), PeriodKind.Quarter);

        // L5's deadline, 2 April, is in Q2; the others' in Q1.
        Assert.Equal(["CM1 2024-Q1 5", "CM1 2024-Q2 1"], report.Tallies.Select(t => $"{t.SubjectId} {t.Period} {t.Events}").ToArray());
    }

    [Fact]
    public void Evaluate_OnePeriod_OthersCountedOutside()
    {
        var report = Tracker(MarchNow).Evaluate(MarchLoans(), AssessmentPeriod.Month(2024, 3));

        Assert.Equal(1, report.OutsidePeriod); // L5, due 2 April
        Assert.Equal(5, report.Outcomes.Length);
        Assert.Equal(5, Assert.Single(report.Tallies).Events);
    }

    [Fact]
    public void Tallies_SeveralSubjects_OrdinalSubjectThenPeriod()
    {
        var events = new[]
        {
            CommitmentEvent.Create("1", "b", Local(2024, 3, 1, 9), Local(2024, 3, 1, 10)),
            CommitmentEvent.Create("2", "a", Local(2024, 3, 28, 9), Local(2024, 3, 28, 10)), // due 2 April
            CommitmentEvent.Create("3", "a", Local(2024, 3, 1, 9), Local(2024, 3, 1, 10)),
            CommitmentEvent.Create("4", "B", Local(2024, 3, 1, 9), Local(2024, 3, 1, 10)),
        };

        var report = Tracker(MarchNow).Evaluate(events, PeriodKind.Month);

        // Ordinal: 'B' (66) before 'a' (97) before 'b' (98).
        Assert.Equal(["B 2024-03", "a 2024-03", "a 2024-04", "b 2024-03"], report.Tallies.Select(t => $"{t.SubjectId} {t.Period}").ToArray());
    }

    [Fact]
    public void Evaluate_BlankIdAndSubject_ProblemsNameWhatIsKnown()
    {
        var events = new[]
        {
            CommitmentEvent.Create(" ", "CM1", Local(2024, 3, 1, 9)),
            CommitmentEvent.Create("L2", "", Local(2024, 3, 1, 9)),
        };

        var report = Tracker(MarchNow).Evaluate(events, PeriodKind.Month);

        Assert.False(report.Succeeded);
        Assert.Empty(report.Outcomes);
        Assert.Equal(
            [
                (ProblemCodes.CommitmentEventId, "events[0].id", " ", "CM1"),
                (ProblemCodes.CommitmentSubject, "events[1].subjectId", string.Empty, null),
            ],
            report.Problems.Select(p => (p.Code, p.Path, p.AttemptedValue, p.SubjectId)).ToArray());
        Assert.Contains("'L2'", report.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DuplicateId_LaterReportedFirstCounted()
    {
        var events = new[]
        {
            CommitmentEvent.Create("L1", "CM1", Local(2024, 3, 1, 9), Local(2024, 3, 4, 9)),
            CommitmentEvent.Create("L1", "CM2", Local(2024, 3, 2, 9)),
        };

        var report = Tracker(MarchNow).Evaluate(events, PeriodKind.Month);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ProblemCodes.CommitmentDuplicate, "events[1].id", "L1", "CM2"), (problem.Code, problem.Path, problem.AttemptedValue, problem.SubjectId));
        Assert.Contains("events[0]", problem.Message, StringComparison.Ordinal);
        Assert.Equal("CM1", Assert.Single(report.Outcomes).Event.SubjectId);
    }

    [Fact]
    public void Evaluate_FulfilmentBeforeApplication_OrderProblemWithInstant()
    {
        using var _ = new CultureScope("de-DE");
        // Fulfilled Fri 2024-03-01 08:00 Shanghai = 00:00Z, applied 09:00 = 01:00Z.
        var events = new[] { CommitmentEvent.Create("L7", "CM1", Local(2024, 3, 1, 9), Local(2024, 3, 1, 8)) };

        var problem = Assert.Single(Tracker(MarchNow).Evaluate(events, PeriodKind.Month).Problems);

        Assert.Equal((ProblemCodes.CommitmentOrder, "events[0].fulfilment", "2024-03-01T00:00:00Z", "CM1"), (problem.Code, problem.Path, problem.AttemptedValue, problem.SubjectId));
        Assert.Contains("'L7'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("2024-03-01T01:00:00Z", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AfterNow_FutureProblemsForApplicationAndFulfilment()
    {
        using var _ = new CultureScope("tr-TR");
        var now = Local(2024, 3, 10, 12);
        var events = new[]
        {
            CommitmentEvent.Create("L8", "CM1", Local(2024, 3, 11, 9)),
            CommitmentEvent.Create("L9", "CM1", Local(2024, 3, 8, 9), Local(2024, 3, 10, 12, 0, 1)),
        };

        var problems = Tracker(now).Evaluate(events, PeriodKind.Month).Problems;

        Assert.Equal(
            [("events[0].application", "2024-03-11T01:00:00Z"), ("events[1].fulfilment", "2024-03-10T04:00:01Z")],
            problems.Select(p => (p.Path, p.AttemptedValue!)).ToArray());
        Assert.All(problems, p => Assert.Equal(ProblemCodes.CommitmentFuture, p.Code));
    }

    [Fact]
    public void Evaluate_DeadlinePastLastDate_RangeProblem()
    {
        var rule = CommitmentRule.CalendarDays("loan", 1, "UTC");
        var tracker = CommitmentTracker.Create(rule, new FakeClock(Instant.FromUtc(9999, 12, 31, 23, 0)));

        var problem = Assert.Single(tracker.Evaluate([CommitmentEvent.Create("L1", "CM1", Instant.FromUtc(9999, 12, 31, 12, 0))], PeriodKind.Year).Problems);

        Assert.Equal((ProblemCodes.CommitmentRange, "events[0].application", "9999-12-31T12:00:00Z"), (problem.Code, problem.Path, problem.AttemptedValue));
    }

    [Fact]
    public void Evaluate_DeadlineBeforeYearOne_RangeProblemNotException()
    {
        var rule = CommitmentRule.CalendarDays("loan", 1, "UTC");
        var tracker = CommitmentTracker.Create(rule, new FakeClock(Instant.FromUtc(2024, 3, 29, 12, 0)));

        // Applied 0000-06-01 (day 0), due 1 calendar day later: 0000-06-02, in year 0, which no assessment period
        // (years 1–9999) contains. The event is reported, not counted, and the evaluation does not throw.
        var report = tracker.Evaluate([CommitmentEvent.Create("L1", "CM1", Instant.FromUtc(0, 6, 1, 12, 0), Instant.FromUtc(0, 6, 1, 13, 0))], PeriodKind.Month);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ProblemCodes.CommitmentRange, "events[0].application", "CM1"), (problem.Code, problem.Path, problem.SubjectId));
        Assert.Contains("0000-06-02", problem.Message, StringComparison.Ordinal);
        Assert.Empty(report.Outcomes);
        Assert.Equal(0, report.OutsidePeriod);
    }

    [Fact]
    public void Evaluate_NoWorkingDayToCountLateness_RangeProblem()
    {
        var calendar = BusinessCalendar.CreateBuilder().Holiday(new LocalDate(9999, 12, 31)).Build();
        var rule = CommitmentRule.BusinessDays("loan", 0, "UTC", calendar);
        var tracker = CommitmentTracker.Create(rule, new FakeClock(Instant.FromUtc(9999, 12, 31, 12, 0)));

        // Due Thu 9999-12-30 (N = 0), open on Fri 31, a holiday with no working day after it.
        var report = tracker.Evaluate([CommitmentEvent.Create("L1", "CM1", Instant.FromUtc(9999, 12, 30, 12, 0))], PeriodKind.Year);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ProblemCodes.CommitmentRange, "events[0].application"), (problem.Code, problem.Path));
        Assert.Contains("9999-12-31", problem.Message, StringComparison.Ordinal);
        Assert.Same(problem, Assert.Single(report.TallyFor("CM1", AssessmentPeriod.OfYear(9999)).Problems));
    }

    [Fact]
    public void TallyFor_ProblemsGoToTheirPeriodOrEveryPeriodWhenUnknown()
    {
        var rule = CommitmentRule.CalendarDays("loan", 1, "UTC");
        var tracker = CommitmentTracker.Create(rule, new FakeClock(Instant.FromUtc(9999, 12, 31, 23, 0)));
        var events = new[]
        {
            CommitmentEvent.Create("march", "CM1", Instant.FromUtc(2024, 3, 5, 9, 0), Instant.FromUtc(2024, 3, 4, 9, 0)), // order, due 6 March
            CommitmentEvent.Create("april", "CM1", Instant.FromUtc(2024, 4, 5, 9, 0), Instant.FromUtc(2024, 4, 5, 10, 0)),
            CommitmentEvent.Create("end", "CM1", Instant.FromUtc(9999, 12, 31, 12, 0)), // range: period unknown
        };

        var report = tracker.Evaluate(events, PeriodKind.Month);

        Assert.Equal([ProblemCodes.CommitmentOrder, ProblemCodes.CommitmentRange], report.TallyFor("CM1", AssessmentPeriod.Month(2024, 3)).Problems.Select(p => p.Code).ToArray());
        Assert.Equal([ProblemCodes.CommitmentRange], report.TallyFor("CM1", AssessmentPeriod.Month(2024, 4)).Problems.Select(p => p.Code).ToArray());
        Assert.Empty(report.TallyFor("CM2", AssessmentPeriod.Month(2024, 4)).Problems);
        // The March tally exists for its problem, though no event of it counts.
        Assert.Equal(0, report.Tallies.Single(t => t.Period.Equals(AssessmentPeriod.Month(2024, 3))).Events);
    }

    [Fact]
    public void Evaluate_Misuse_Exceptions()
    {
        var tracker = Tracker(MarchNow);

        Assert.Throws<ArgumentException>(() => tracker.Evaluate(MarchLoans(), PeriodKind.Custom));
        Assert.Throws<ArgumentException>(() => tracker.Evaluate(MarchLoans(), (PeriodKind)99));
        Assert.Throws<ArgumentNullException>(() => tracker.Evaluate(null!, PeriodKind.Month));
        Assert.Throws<ArgumentNullException>(() => tracker.Evaluate(MarchLoans(), (AssessmentPeriod)null!));
        Assert.Throws<ArgumentNullException>(() => tracker.Evaluate([null!], PeriodKind.Month));
        Assert.Throws<ArgumentNullException>(() => CommitmentTracker.Create(LoanRule, null!));
        Assert.Throws<ArgumentNullException>(() => CommitmentTracker.Create(null!, new FakeClock(MarchNow)));
        Assert.Throws<ArgumentNullException>(() => CommitmentEvent.Create(null!, "CM1", MarchNow));
        Assert.Throws<ArgumentNullException>(() => CommitmentEvent.Create("L1", null!, MarchNow));
        Assert.Throws<ArgumentNullException>(() => tracker.Evaluate([], PeriodKind.Month).TallyFor(null!, AssessmentPeriod.Month(2024, 3)));
    }
}
