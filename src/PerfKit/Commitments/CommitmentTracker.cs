using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using PerfKit.Internal;
using PerfKit.Periods;

namespace PerfKit.Commitments;

/// <summary>
/// Evaluates commitment events against a <see cref="CommitmentRule"/> as of the current instant of an injected
/// <see cref="IClock"/>, and tallies them per subject and assessment period. An event counts in the period that contains
/// its deadline date: that is when the promise falls due, it is known from the application alone (so open events have
/// a period too), and each event counts in exactly one period.
/// </summary>
/// <remarks>
/// <para>Bad events are reported as problems, each naming the event id, the subject and the value, and are not counted:
/// a blank id (<see cref="ProblemCodes.CommitmentEventId"/>) or subject (<see cref="ProblemCodes.CommitmentSubject"/>),
/// an id used again (<see cref="ProblemCodes.CommitmentDuplicate"/>; the first stays), a fulfilment before the
/// application (<see cref="ProblemCodes.CommitmentOrder"/>), an application or fulfilment after "now"
/// (<see cref="ProblemCodes.CommitmentFuture"/>), and a deadline past 9999-12-31 or before 0001-01-01 (<see cref="ProblemCodes.CommitmentRange"/>).</para>
/// <para>Immutable; thread-safe when its clock is.</para>
/// </remarks>
public sealed class CommitmentTracker
{
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;

    private CommitmentTracker(CommitmentRule rule, IClock clock)
    {
        Rule = rule;
        Clock = clock;
    }

    /// <summary>Gets the rule.</summary>
    public CommitmentRule Rule { get; }

    /// <summary>Gets the clock that gives "now".</summary>
    public IClock Clock { get; }

    /// <summary>Creates a tracker.</summary>
    /// <param name="rule">The promise.</param>
    /// <param name="clock">The clock that gives "now" (e.g. <see cref="SystemClock.Instance"/> in production, a fixed clock in tests and reruns).</param>
    /// <returns>The tracker.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CommitmentTracker Create(CommitmentRule rule, IClock clock) => new(Guard.NotNull(rule), Guard.NotNull(clock));

    /// <summary>Evaluates events and tallies them per subject and calendar period of a kind (e.g. per month).</summary>
    /// <param name="events">The events.</param>
    /// <param name="periodKind">A calendar period kind (not <see cref="PeriodKind.Custom"/>).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null or yields null.</exception>
    /// <exception cref="ArgumentException"><paramref name="periodKind"/> is <see cref="PeriodKind.Custom"/> or undefined.</exception>
    public CommitmentReport Evaluate(IEnumerable<CommitmentEvent> events, PeriodKind periodKind)
    {
        Guard.NotNull(events);
        if (periodKind is < PeriodKind.Month or >= PeriodKind.Custom)
        {
            throw new ArgumentException("Tally by a calendar period kind (month, quarter, half-year or year); for a custom range use Evaluate(events, period).", nameof(periodKind));
        }

        return Run(events, date => AssessmentPeriod.Containing(date, periodKind));
    }

    /// <summary>Evaluates events and tallies those whose deadline date lies in one period; the others are counted in <see cref="CommitmentReport.OutsidePeriod"/> and otherwise ignored.</summary>
    /// <param name="events">The events.</param>
    /// <param name="period">The assessment period.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="events"/> yields null.</exception>
    public CommitmentReport Evaluate(IEnumerable<CommitmentEvent> events, AssessmentPeriod period)
    {
        Guard.NotNull(events);
        Guard.NotNull(period);
        return Run(events, date => period.Contains(date) ? period : null);
    }

    private CommitmentReport Run(IEnumerable<CommitmentEvent> events, Func<LocalDate, AssessmentPeriod?> periodOf)
    {
        var now = Clock.GetCurrentInstant();
        var today = Rule.LocalDateOf(now);
        var outcomes = ImmutableArray.CreateBuilder<CommitmentOutcome>();
        var problems = new List<LocatedProblem>();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var outside = 0;
        var index = -1;
        foreach (var e in events)
        {
            index++;
            if (e is null)
            {
                throw new ArgumentNullException(nameof(events), "The events must not contain null.");
            }

            var path = "events[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            var subject = string.IsNullOrWhiteSpace(e.SubjectId) ? null : e.SubjectId;
            var found = new List<Problem>();
            void Report(string code, string member, string? value, string message)
                => found.Add(new Problem(code, path + "." + member, value, message, subject));

            var idBlank = string.IsNullOrWhiteSpace(e.Id);
            if (idBlank)
            {
                Report(ProblemCodes.CommitmentEventId, "id", e.Id, $"The event of subject '{e.SubjectId}' applied at {Text(e.Application)} has a blank id; give every event an id.");
            }

            if (subject is null)
            {
                Report(ProblemCodes.CommitmentSubject, "subjectId", e.SubjectId, $"Event '{e.Id}' has a blank subject id; name the subject answerable for it.");
            }

            if (!idBlank && !firstIndex.TryAdd(e.Id, index))
            {
                Report(ProblemCodes.CommitmentDuplicate, "id", e.Id, $"Event id '{e.Id}' of subject '{e.SubjectId}' is used again (first at events[{firstIndex[e.Id].ToString(System.Globalization.CultureInfo.InvariantCulture)}]); the later event is not counted.");
            }

            if (e.Fulfilment is { } done && done < e.Application)
            {
                Report(ProblemCodes.CommitmentOrder, "fulfilment", Text(done), $"Event '{e.Id}' of subject '{e.SubjectId}' is fulfilled at {Text(done)}, before its application at {Text(e.Application)}.");
            }

            if (e.Application > now)
            {
                Report(ProblemCodes.CommitmentFuture, "application", Text(e.Application), $"Event '{e.Id}' of subject '{e.SubjectId}' is applied at {Text(e.Application)}, after now ({Text(now)}).");
            }

            if (e.Fulfilment is { } later && later > now)
            {
                Report(ProblemCodes.CommitmentFuture, "fulfilment", Text(later), $"Event '{e.Id}' of subject '{e.SubjectId}' is fulfilled at {Text(later)}, after now ({Text(now)}).");
            }

            var applicationDate = Rule.LocalDateOf(e.Application);
            AssessmentPeriod? period = null;
            var hasDeadline = Rule.Calendar.TryAddBusinessDays(applicationDate, Rule.Days, out var deadline);
            if (!hasDeadline)
            {
                Report(ProblemCodes.CommitmentRange, "application", Text(e.Application), $"The deadline of event '{e.Id}' of subject '{e.SubjectId}' would lie after 9999-12-31.");
            }
            else if (deadline.Year < 1)
            {
                // Assessment periods span years 1–9999: a deadline before 0001-01-01 has no period to count in.
                hasDeadline = false;
                Report(ProblemCodes.CommitmentRange, "application", Text(e.Application), $"The deadline of event '{e.Id}' of subject '{e.SubjectId}' ({BusinessCalendar.Format(deadline)}) lies before 0001-01-01, outside every assessment period.");
            }
            else
            {
                period = periodOf(deadline);
            }

            var fulfilmentDate = e.Fulfilment is { } f ? Rule.LocalDateOf(f) : (LocalDate?)null;
            var lateDate = fulfilmentDate ?? today;
            var daysLate = 0;
            if (hasDeadline && !Rule.TryDaysLate(deadline, lateDate, out daysLate))
            {
                Report(ProblemCodes.CommitmentRange, e.Fulfilment is null ? "application" : "fulfilment", Text(e.Fulfilment ?? now), $"The days late of event '{e.Id}' of subject '{e.SubjectId}' cannot be counted: no working day follows {BusinessCalendar.Format(lateDate)} up to 9999-12-31.");
            }

            if (found.Count > 0)
            {
                if (hasDeadline && period is null)
                {
                    outside++;
                }

                foreach (var problem in found)
                {
                    problems.Add(new LocatedProblem(problem, period, !hasDeadline));
                }

                continue;
            }

            if (period is null)
            {
                outside++;
                continue;
            }

            var status = (fulfilmentDate, lateDate > deadline) switch
            {
                (not null, false) => CommitmentStatus.OnTime,
                (not null, true) => CommitmentStatus.Late,
                (null, false) => CommitmentStatus.Pending,
                (null, true) => CommitmentStatus.Overdue,
            };
            outcomes.Add(new CommitmentOutcome(e, status, applicationDate, deadline, fulfilmentDate, daysLate, period));
        }

        return new CommitmentReport(Rule, now, outcomes.ToImmutable(), problems, outside);
    }

    private static string Text(Instant instant) => InstantText.Format(instant);
}
