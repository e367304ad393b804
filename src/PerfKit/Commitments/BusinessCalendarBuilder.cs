using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace PerfKit.Commitments;

/// <summary>
/// Assembles a <see cref="BusinessCalendar"/>. Mistakes in the dates are reported as problems, all at once, by
/// <see cref="Validate"/>, <see cref="TryBuild"/> and <see cref="Build"/>: a date listed both as a holiday and as a
/// make-up working day (<see cref="ProblemCodes.CalendarConflict"/>), a make-up working day that is not a weekend day
/// (<see cref="ProblemCodes.CalendarMakeUpDay"/>: it is a working day anyway, so listing it is most likely a wrong
/// date), a date or weekend day listed twice (<see cref="ProblemCodes.CalendarDuplicate"/>), and a weekend of all
/// seven days (<see cref="ProblemCodes.CalendarWeekend"/>). A holiday on a weekend day is allowed.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class BusinessCalendarBuilder
{
    private readonly List<Entry> holidays = [];
    private readonly List<Entry> makeUpDays = [];
    private List<IsoDayOfWeek> weekend = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
    private (int Line, int Column)? weekendAt;

    internal BusinessCalendarBuilder()
    {
    }

    /// <summary>Sets the weekend days, replacing the default Saturday and Sunday; no days means no weekend.</summary>
    /// <param name="days">The weekend days, e.g. Friday and Saturday.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day is <see cref="IsoDayOfWeek.None"/> or undefined.</exception>
    public BusinessCalendarBuilder Weekend(params IsoDayOfWeek[] days)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentOutOfRangeException(nameof(days), day, "A weekend day must be Monday to Sunday.");
            }
        }

        weekend = [.. days];
        weekendAt = null;
        return this;
    }

    /// <summary>Lists a holiday (a day off, whatever day of the week it is).</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not of the ISO calendar.</exception>
    public BusinessCalendarBuilder Holiday(LocalDate date)
    {
        holidays.Add(new Entry(Iso(date), null));
        return this;
    }

    /// <summary>Lists every date from <paramref name="first"/> to <paramref name="last"/>, both inclusive, as holidays.</summary>
    /// <param name="first">The first day off.</param>
    /// <param name="last">The last day off, not before <paramref name="first"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A date is not of the ISO calendar, or <paramref name="last"/> is before <paramref name="first"/>.</exception>
    public BusinessCalendarBuilder Holidays(LocalDate first, LocalDate last)
    {
        AddRange(Iso(first), Iso(last), null);
        return this;
    }

    /// <summary>Lists a make-up working day (调休): a weekend date that is worked.</summary>
    /// <param name="date">The date (ISO calendar); it must fall on a weekend day.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not of the ISO calendar.</exception>
    public BusinessCalendarBuilder MakeUpDay(LocalDate date)
    {
        makeUpDays.Add(new Entry(Iso(date), null));
        return this;
    }

    /// <summary>Validates the calendar and returns every problem found (empty when it would build).</summary>
    /// <returns>The problems: the weekend first, then holidays and make-up days in the order listed.</returns>
    public ImmutableArray<Problem> Validate()
    {
        var problems = ImmutableArray.CreateBuilder<Problem>();
        var weekendSet = new HashSet<IsoDayOfWeek>();
        foreach (var day in weekend)
        {
            if (!weekendSet.Add(day))
            {
                problems.Add(Locate(new Problem(ProblemCodes.CalendarDuplicate, "weekend", BusinessCalendarText.DayName(day), $"Weekend day {BusinessCalendarText.DayName(day)} is listed twice; list each day once."), weekendAt));
            }
        }

        if (weekendSet.Count == 7)
        {
            problems.Add(Locate(new Problem(ProblemCodes.CalendarWeekend, "weekend", string.Join(' ', weekendSet.Order().Select(BusinessCalendarText.DayName)), "Every day of the week is a weekend day, so the calendar has no regular working day; leave at least one day out of the weekend."), weekendAt));
        }

        var holidaySet = new HashSet<LocalDate>();
        foreach (var entry in holidays)
        {
            if (!holidaySet.Add(entry.Date))
            {
                problems.Add(Locate(new Problem(ProblemCodes.CalendarDuplicate, "holidays", BusinessCalendar.Format(entry.Date), $"Holiday {BusinessCalendar.Format(entry.Date)} is listed twice; list each date once."), entry.At));
            }
        }

        var makeUpSet = new HashSet<LocalDate>();
        foreach (var entry in makeUpDays)
        {
            var text = BusinessCalendar.Format(entry.Date);
            if (!makeUpSet.Add(entry.Date))
            {
                problems.Add(Locate(new Problem(ProblemCodes.CalendarDuplicate, "makeUpDays", text, $"Make-up working day {text} is listed twice; list each date once."), entry.At));
                continue;
            }

            if (holidaySet.Contains(entry.Date))
            {
                problems.Add(Locate(new Problem(ProblemCodes.CalendarConflict, "makeUpDays", text, $"{text} is listed both as a holiday and as a make-up working day; a date is one or the other."), entry.At));
            }
            else if (!weekendSet.Contains(entry.Date.DayOfWeek))
            {
                problems.Add(Locate(new Problem(ProblemCodes.CalendarMakeUpDay, "makeUpDays", text, $"Make-up working day {text} is a {entry.Date.DayOfWeek}, which is not a weekend day and so is a working day anyway; list only weekend dates that are worked."), entry.At));
            }
        }

        return problems.ToImmutable();
    }

    /// <summary>Builds the calendar, or reports why it cannot be built.</summary>
    /// <param name="calendar">The calendar, or <see langword="null"/> when there are problems.</param>
    /// <param name="problems">Every problem found; empty on success.</param>
    /// <returns>Whether the calendar was built.</returns>
    public bool TryBuild([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BusinessCalendar? calendar, out ImmutableArray<Problem> problems)
    {
        problems = Validate();
        calendar = problems.IsEmpty ? new BusinessCalendar(weekend, holidays.Select(e => e.Date), makeUpDays.Select(e => e.Date)) : null;
        return calendar is not null;
    }

    /// <summary>Builds the calendar.</summary>
    /// <returns>The immutable calendar.</returns>
    /// <exception cref="CalendarValidationException">The calendar has problems; every one is listed.</exception>
    public BusinessCalendar Build()
        => TryBuild(out var calendar, out var problems) ? calendar : throw new CalendarValidationException(problems);

    internal void WeekendAt(IEnumerable<IsoDayOfWeek> days, int line, int column)
    {
        weekend = [.. days];
        weekendAt = (line, column);
    }

    internal void HolidaysAt(LocalDate first, LocalDate last, int line, int column) => AddRange(first, last, (line, column));

    internal void MakeUpDayAt(LocalDate date, int line, int column) => makeUpDays.Add(new Entry(date, (line, column)));

    private static Problem Locate(Problem problem, (int Line, int Column)? at)
        => at is { } position ? problem.At(position.Line, position.Column) : problem;

    private static LocalDate Iso(LocalDate date, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(date))] string? name = null)
        => date.Calendar == CalendarSystem.Iso ? date : throw new ArgumentException("Business calendar dates must be of the ISO calendar.", name);

    private void AddRange(LocalDate first, LocalDate last, (int Line, int Column)? at)
    {
        if (last < first)
        {
            throw new ArgumentException($"The last holiday {BusinessCalendar.Format(last)} is before the first {BusinessCalendar.Format(first)}.", nameof(last));
        }

        for (var date = first; ; date = date.PlusDays(1))
        {
            holidays.Add(new Entry(date, at));
            if (date == last)
            {
                break;
            }
        }
    }

    private readonly record struct Entry(LocalDate Date, (int Line, int Column)? At);
}
