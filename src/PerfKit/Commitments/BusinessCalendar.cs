using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using PerfKit.Internal;

namespace PerfKit.Commitments;

/// <summary>
/// A business calendar: which dates are working days. A date is a working (business) day when it is a listed make-up
/// working day, or when it is not a weekend day and not a listed holiday. Make-up working days (调休) are weekend dates
/// that are worked, as in mainland China's public-holiday arrangements.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Two calendars are equal when they have the same weekend days, holidays and make-up days.
/// Built with <see cref="CreateBuilder"/> or read from its text form with
/// <see cref="Parse"/>; <see cref="ToText"/> writes that form. All dates are of the ISO calendar.
/// </remarks>
public sealed class BusinessCalendar : IEquatable<BusinessCalendar>
{
    private readonly FrozenSet<IsoDayOfWeek> weekend;
    private readonly FrozenSet<LocalDate> holidays;
    private readonly FrozenSet<LocalDate> makeUpDays;

    internal BusinessCalendar(IEnumerable<IsoDayOfWeek> weekendDays, IEnumerable<LocalDate> holidayDates, IEnumerable<LocalDate> makeUpDates)
    {
        WeekendDays = [.. weekendDays.Distinct().Order()];
        Holidays = [.. holidayDates.Distinct().Order()];
        MakeUpDays = [.. makeUpDates.Distinct().Order()];
        weekend = WeekendDays.ToFrozenSet();
        holidays = Holidays.ToFrozenSet();
        makeUpDays = MakeUpDays.ToFrozenSet();
    }

    /// <summary>Gets a calendar whose only days off are Saturdays and Sundays (no holidays).</summary>
    public static BusinessCalendar SaturdaySunday { get; } = new([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], [], []);

    /// <summary>Gets a calendar in which every day is a working day (no weekend, no holidays): business days are calendar days.</summary>
    public static BusinessCalendar EveryDay { get; } = new([], [], []);

    /// <summary>Gets the weekend days, Monday first.</summary>
    public ImmutableArray<IsoDayOfWeek> WeekendDays { get; }

    /// <summary>Gets the listed holidays, in date order.</summary>
    public ImmutableArray<LocalDate> Holidays { get; }

    /// <summary>Gets the listed make-up working days (weekend dates that are worked), in date order.</summary>
    public ImmutableArray<LocalDate> MakeUpDays { get; }

    /// <summary>Starts a calendar: Saturday and Sunday are the weekend until <see cref="BusinessCalendarBuilder.Weekend"/> says otherwise.</summary>
    /// <returns>A new builder.</returns>
    public static BusinessCalendarBuilder CreateBuilder() => new();

    /// <summary>
    /// Reads a calendar from its text form, culture-invariantly. One directive a line; blank lines and lines starting
    /// with <c>#</c> are ignored:
    /// <c>weekend Sat Sun</c> (the weekend days, three-letter English names in any letter case, or <c>weekend none</c>;
    /// at most once; Saturday and Sunday when absent),
    /// <c>holiday 2024-01-01</c> or <c>holiday 2024-02-10..2024-02-17</c> (both ends inclusive), and
    /// <c>makeup 2024-02-04</c> (a make-up working day).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="CalendarValidationException">The text has problems; every one is listed, with its line and column.</exception>
    public static BusinessCalendar Parse(string text)
        => TryParse(text, out var calendar, out var problems) ? calendar : throw new CalendarValidationException(problems);

    /// <summary>Reads a calendar from its text form (see <see cref="Parse"/>), reporting problems instead of throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="calendar">The calendar, or <see langword="null"/> when there are problems.</param>
    /// <param name="problems">Every problem found, with its line and column; empty on success.</param>
    /// <returns>Whether the text is a valid calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BusinessCalendar? calendar, out ImmutableArray<Problem> problems)
        => BusinessCalendarText.TryParse(Guard.NotNull(text), out calendar, out problems);

    /// <summary>Gets whether a day of the week is a weekend day.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns>Whether it is a weekend day.</returns>
    public bool IsWeekendDay(IsoDayOfWeek day) => weekend.Contains(day);

    /// <summary>Gets whether a date is a listed holiday.</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <returns>Whether it is a listed holiday.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not of the ISO calendar.</exception>
    public bool IsHoliday(LocalDate date) => holidays.Contains(Iso(date));

    /// <summary>Gets whether a date is a working day: a listed make-up working day, or neither a weekend day nor a listed holiday.</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <returns>Whether it is a working day.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not of the ISO calendar.</exception>
    public bool IsBusinessDay(LocalDate date)
    {
        Iso(date);
        return makeUpDays.Contains(date) || (!weekend.Contains(date.DayOfWeek) && !holidays.Contains(date));
    }

    /// <summary>
    /// Gets the <paramref name="days"/>th working day after <paramref name="start"/> (the start itself never counts, whether
    /// or not it is a working day); <paramref name="start"/> itself for 0. From Friday 2024-03-01 with Saturday and Sunday
    /// off, 3 working days later is Wednesday 2024-03-06.
    /// </summary>
    /// <param name="start">Day 0 (ISO calendar).</param>
    /// <param name="days">The number of working days, ≥ 0.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException"><paramref name="start"/> is not of the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, or the date would lie after 9999-12-31.</exception>
    public LocalDate AddBusinessDays(LocalDate start, int days)
    {
        Iso(start);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return TryAddBusinessDays(start, days, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(days), days, "The date would lie after 9999-12-31.");
    }

    /// <summary>
    /// Counts the working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when
    /// <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    /// <param name="from">The day after which counting starts (ISO calendar).</param>
    /// <param name="to">The last day counted (ISO calendar).</param>
    /// <returns>The number of working days in (<paramref name="from"/>, <paramref name="to"/>].</returns>
    /// <exception cref="ArgumentException">A date is not of the ISO calendar.</exception>
    public int BusinessDaysAfter(LocalDate from, LocalDate to)
    {
        Iso(from);
        Iso(to);
        var count = 0;
        for (var d = from; d < to;)
        {
            d = d.PlusDays(1);
            if (IsBusinessDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Writes the calendar's text form (see <see cref="Parse"/>): the weekend line, then holidays (consecutive dates
    /// joined into ranges) and make-up days in date order. <see cref="Parse"/> reads it back to an equal calendar.
    /// </summary>
    /// <returns>The text, lines ended by <c>\n</c>.</returns>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("weekend ").Append(WeekendDays.IsEmpty ? "none" : string.Join(' ', WeekendDays.Select(BusinessCalendarText.DayName))).Append('\n');
        for (var i = 0; i < Holidays.Length;)
        {
            var first = Holidays[i];
            var last = first;
            while (i + 1 < Holidays.Length && Holidays[i + 1] == last.PlusDays(1))
            {
                last = Holidays[++i];
            }

            i++;
            sb.Append("holiday ").Append(Format(first));
            if (last != first)
            {
                sb.Append("..").Append(Format(last));
            }

            sb.Append('\n');
        }

        foreach (var day in MakeUpDays)
        {
            sb.Append("makeup ").Append(Format(day)).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(BusinessCalendar? other)
        => other is not null && WeekendDays.SequenceEqual(other.WeekendDays) && Holidays.SequenceEqual(other.Holidays) && MakeUpDays.SequenceEqual(other.MakeUpDays);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BusinessCalendar);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var day in WeekendDays)
        {
            hash.Add(day);
        }

        foreach (var date in Holidays)
        {
            hash.Add(date);
        }

        hash.Add(-1);
        foreach (var date in MakeUpDays)
        {
            hash.Add(date);
        }

        return hash.ToHashCode();
    }

    internal static string Format(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    internal bool TryAddBusinessDays(LocalDate start, int days, out LocalDate result)
    {
        result = start;
        for (var counted = 0; counted < days;)
        {
            if (result == LocalDate.MaxIsoValue)
            {
                return false;
            }

            result = result.PlusDays(1);
            if (IsBusinessDay(result))
            {
                counted++;
            }
        }

        return true;
    }

    /// <summary>The first working day on or after a date, or false past 9999-12-31.</summary>
    internal bool TryNextBusinessDay(LocalDate date, out LocalDate result)
    {
        result = date;
        while (!IsBusinessDay(result))
        {
            if (result == LocalDate.MaxIsoValue)
            {
                return false;
            }

            result = result.PlusDays(1);
        }

        return true;
    }

    private static LocalDate Iso(LocalDate date, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(date))] string? name = null)
        => date.Calendar == CalendarSystem.Iso ? date : throw new ArgumentException("Business calendar dates must be of the ISO calendar.", name);
}
