using System;
using NodaTime;
using PerfKit.Internal;

namespace PerfKit.Commitments;

/// <summary>How a <see cref="CommitmentRule"/> counts its days.</summary>
public enum DayCounting
{
    /// <summary>Every calendar day counts, for the deadline and for days late.</summary>
    CalendarDays,

    /// <summary>Only the working days of the rule's <see cref="BusinessCalendar"/> count, for the deadline and for days late.</summary>
    BusinessDays,
}

/// <summary>
/// A deadline promise (spec §8), e.g. "disburse within 3 business days of application", in a named IANA time zone.
/// The application's local date is day 0; the deadline is the end of the Nth day (calendar or business) after it, so a
/// fulfilment at any instant whose local date is on or before the deadline date is on time.
/// </summary>
/// <remarks>
/// <para>Days late are counted in the rule's own days. A calendar-day rule: the fulfilment's local date minus the
/// deadline date. A business-day rule: the working days after the deadline date up to and including the first working
/// day on or after the fulfilment's local date, so a fulfilment on a day off counts like one on the next working day
/// (a Friday deadline met on Saturday or on Monday is 1 day late, on Tuesday 2). With
/// <see cref="BusinessCalendar.EveryDay"/> both counts agree.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CommitmentRule
{
    private CommitmentRule(string id, int days, DayCounting counting, DateTimeZone zone, BusinessCalendar calendar)
    {
        Id = id;
        Days = days;
        Counting = counting;
        Zone = zone;
        Calendar = calendar;
    }

    /// <summary>Gets the rule's id, e.g. <c>loan-disbursal</c>.</summary>
    public string Id { get; }

    /// <summary>Gets N, the number of days promised (0: the same day).</summary>
    public int Days { get; }

    /// <summary>Gets how days are counted.</summary>
    public DayCounting Counting { get; }

    /// <summary>Gets the time zone in which instants become local dates.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the calendar of working days: the one given for a business-day rule, <see cref="BusinessCalendar.EveryDay"/> for a calendar-day rule.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Creates a promise of N calendar days.</summary>
    /// <param name="id">The rule's id (letters, digits, '_' and '-', starting with a letter or digit, at most 64 characters).</param>
    /// <param name="days">N, ≥ 0.</param>
    /// <param name="timeZoneId">An IANA time zone id of <see cref="DateTimeZoneProviders.Tzdb"/>, e.g. <c>Asia/Shanghai</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="timeZoneId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> breaks the id rule, or <paramref name="timeZoneId"/> is not a known IANA time zone id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public static CommitmentRule CalendarDays(string id, int days, string timeZoneId)
        => Create(id, days, DayCounting.CalendarDays, timeZoneId, BusinessCalendar.EveryDay);

    /// <summary>Creates a promise of N business days of a calendar.</summary>
    /// <param name="id">The rule's id (letters, digits, '_' and '-', starting with a letter or digit, at most 64 characters).</param>
    /// <param name="days">N, ≥ 0.</param>
    /// <param name="timeZoneId">An IANA time zone id of <see cref="DateTimeZoneProviders.Tzdb"/>, e.g. <c>Asia/Shanghai</c>.</param>
    /// <param name="calendar">The calendar of working days.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> breaks the id rule, or <paramref name="timeZoneId"/> is not a known IANA time zone id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public static CommitmentRule BusinessDays(string id, int days, string timeZoneId, BusinessCalendar calendar)
        => Create(id, days, DayCounting.BusinessDays, timeZoneId, Guard.NotNull(calendar));

    /// <summary>Gets an instant's local date in the rule's time zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The local date.</returns>
    public LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>Gets the deadline date for an application made on a local date (day 0): the Nth day (calendar or business) after it.</summary>
    /// <param name="applicationDate">Day 0 (ISO calendar).</param>
    /// <returns>The last date on which fulfilment is on time.</returns>
    /// <exception cref="ArgumentException"><paramref name="applicationDate"/> is not of the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The deadline would lie after 9999-12-31.</exception>
    public LocalDate DeadlineFor(LocalDate applicationDate) => Calendar.AddBusinessDays(applicationDate, Days);

    /// <summary>Gets the deadline date for an application made at an instant.</summary>
    /// <param name="application">The application's instant.</param>
    /// <returns>The last local date on which fulfilment is on time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The deadline would lie after 9999-12-31.</exception>
    public LocalDate DeadlineFor(Instant application) => DeadlineFor(LocalDateOf(application));

    /// <summary>
    /// Gets the first instant that is late for an application: the start of the day after the deadline date in the
    /// rule's time zone (midnight, or the first valid instant of that day where a daylight-saving change skips midnight).
    /// </summary>
    /// <param name="application">The application's instant.</param>
    /// <returns>The instant from which fulfilment is late.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The deadline date is 9999-12-31 or later.</exception>
    public Instant LateFrom(Instant application)
    {
        var deadline = DeadlineFor(application);
        if (deadline == LocalDate.MaxIsoValue)
        {
            throw new ArgumentOutOfRangeException(nameof(application), "The deadline is the last supported date, 9999-12-31.");
        }

        return Zone.AtStartOfDay(deadline.PlusDays(1)).ToInstant();
    }

    /// <summary>Gets how many of the rule's days a fulfilment on a local date is late for a deadline date; 0 when on time (see the remarks on <see cref="CommitmentRule"/>).</summary>
    /// <param name="deadline">The deadline date (ISO calendar).</param>
    /// <param name="fulfilmentDate">The fulfilment's local date (ISO calendar).</param>
    /// <returns>The days late, ≥ 0.</returns>
    /// <exception cref="ArgumentException">A date is not of the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">There is no working day on or after <paramref name="fulfilmentDate"/> up to 9999-12-31.</exception>
    public int DaysLate(LocalDate deadline, LocalDate fulfilmentDate)
        => TryDaysLate(deadline, fulfilmentDate, out var days)
            ? days
            : throw new ArgumentOutOfRangeException(nameof(fulfilmentDate), "There is no working day on or after the date up to 9999-12-31.");

    /// <summary>Describes the rule, e.g. <c>loan-disbursal: 3 business days in Asia/Shanghai</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => $"{Id}: {Days.ToString(System.Globalization.CultureInfo.InvariantCulture)} {(Counting == DayCounting.BusinessDays ? "business" : "calendar")} day{(Days == 1 ? string.Empty : "s")} in {Zone.Id}";

    internal bool TryDaysLate(LocalDate deadline, LocalDate date, out int days)
    {
        days = 0;
        if (date <= deadline)
        {
            return true;
        }

        if (Counting == DayCounting.CalendarDays)
        {
            days = Period.DaysBetween(deadline, date);
            return true;
        }

        if (!Calendar.TryNextBusinessDay(date, out var next))
        {
            return false;
        }

        days = Calendar.BusinessDaysAfter(deadline, next);
        return true;
    }

    private static CommitmentRule Create(string id, int days, DayCounting counting, string timeZoneId, BusinessCalendar calendar)
    {
        Guard.NotNull(id);
        if (!Identifiers.IsValid(id))
        {
            throw new ArgumentException($"The rule id '{id}' is not valid: {Identifiers.Rule}.", nameof(id));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(days);
        Guard.NotNull(timeZoneId);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new ArgumentException($"Unknown time zone '{timeZoneId}': give an IANA time zone id such as 'Asia/Shanghai', 'Europe/Berlin' or 'America/New_York' (ids are case-sensitive).", nameof(timeZoneId));
        return new CommitmentRule(id, days, counting, zone, calendar);
    }
}
