using System;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using PerfKit.Internal;

namespace PerfKit.Periods;

/// <summary>The kind of an <see cref="AssessmentPeriod"/>.</summary>
public enum PeriodKind
{
    /// <summary>A calendar month, written <c>2024-03</c>.</summary>
    Month,

    /// <summary>A calendar quarter, written <c>2024-Q1</c>.</summary>
    Quarter,

    /// <summary>A calendar half-year, written <c>2024-H1</c>.</summary>
    HalfYear,

    /// <summary>A calendar year, written <c>2024</c>.</summary>
    Year,

    /// <summary>Any inclusive date range, written <c>2024-01-15..2024-02-14</c>.</summary>
    Custom,
}

/// <summary>
/// An assessment window (spec §8): a calendar month, quarter, half-year or year of the ISO calendar, or a custom
/// inclusive <see cref="DateInterval"/>. Text forms are culture-invariant: <c>2024-03</c>, <c>2024-Q1</c>,
/// <c>2024-H1</c>, <c>2024</c>, <c>2024-01-15..2024-02-14</c>.
/// </summary>
/// <remarks>Immutable and thread-safe. Two periods are equal when they have the same kind and the same dates.</remarks>
public sealed class AssessmentPeriod : IEquatable<AssessmentPeriod>
{
    private AssessmentPeriod(PeriodKind kind, int year, int index, DateInterval interval)
    {
        Kind = kind;
        Year = year;
        Index = index;
        Interval = interval;
    }

    /// <summary>Gets the kind of period.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Gets the calendar year of a calendar period, or the start's year of a custom one.</summary>
    public int Year { get; }

    /// <summary>Gets the month (1–12), quarter (1–4), half (1–2) within <see cref="Year"/>; 1 for a year; 0 for a custom period.</summary>
    public int Index { get; }

    /// <summary>Gets the dates covered, both ends inclusive.</summary>
    public DateInterval Interval { get; }

    /// <summary>Gets the first day.</summary>
    public LocalDate Start => Interval.Start;

    /// <summary>Gets the last day (inclusive).</summary>
    public LocalDate End => Interval.End;

    /// <summary>Gets the number of days, both ends counted (March: 31; a leap year's Q1: 91).</summary>
    public int Days => Interval.Length;

    /// <summary>Gets whether this is a month, quarter, half-year or year (not a custom range).</summary>
    public bool IsCalendar => Kind != PeriodKind.Custom;

    /// <summary>Creates a calendar month.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static AssessmentPeriod Month(int year, int month)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return Calendar(PeriodKind.Month, year, month, month, month);
    }

    /// <summary>Creates a calendar quarter.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="quarter">The quarter, 1–4.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static AssessmentPeriod Quarter(int year, int quarter)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return Calendar(PeriodKind.Quarter, year, quarter, (quarter * 3) - 2, quarter * 3);
    }

    /// <summary>Creates a calendar half-year.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="half">The half, 1–2.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static AssessmentPeriod HalfYear(int year, int half)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return Calendar(PeriodKind.HalfYear, year, half, (half * 6) - 5, half * 6);
    }

    /// <summary>Creates a calendar year.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public static AssessmentPeriod OfYear(int year)
    {
        CheckYear(year);
        return Calendar(PeriodKind.Year, year, 1, 1, 12);
    }

    /// <summary>Creates a custom period over an inclusive date range of the ISO calendar.</summary>
    /// <param name="start">The first day.</param>
    /// <param name="end">The last day (inclusive), not before <paramref name="start"/>.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentException">The dates are not in the ISO calendar, or <paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is before year 1 (periods span years 1–9999, as their text form does).</exception>
    public static AssessmentPeriod Custom(LocalDate start, LocalDate end)
    {
        if (start.Calendar != CalendarSystem.Iso || end.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Period dates must be in the ISO calendar.", nameof(start));
        }

        if (start.Year < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"The period's start {Format(start)} is before year 1; periods span years 1–9999.");
        }

        if (end < start)
        {
            throw new ArgumentException($"The period's end {Format(end)} is before its start {Format(start)}.", nameof(end));
        }

        return new AssessmentPeriod(PeriodKind.Custom, start.Year, 0, new DateInterval(start, end));
    }

    /// <summary>Creates a custom period over an inclusive date interval of the ISO calendar.</summary>
    /// <param name="interval">The interval.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentException">The dates are not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval starts before year 1.</exception>
    public static AssessmentPeriod Custom(DateInterval interval)
    {
        Guard.NotNull(interval);
        return Custom(interval.Start, interval.End);
    }

    /// <summary>Gets the calendar period of a kind that contains a date (e.g. the quarter of 2024-02-29 is 2024-Q1).</summary>
    /// <param name="date">The date (ISO calendar).</param>
    /// <param name="kind">A calendar kind (not <see cref="PeriodKind.Custom"/>).</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="PeriodKind.Custom"/> or the date is not ISO.</exception>
    public static AssessmentPeriod Containing(LocalDate date, PeriodKind kind)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("The date must be in the ISO calendar.", nameof(date));
        }

        return kind switch
        {
            PeriodKind.Month => Month(date.Year, date.Month),
            PeriodKind.Quarter => Quarter(date.Year, ((date.Month - 1) / 3) + 1),
            PeriodKind.HalfYear => HalfYear(date.Year, date.Month <= 6 ? 1 : 2),
            PeriodKind.Year => OfYear(date.Year),
            _ => throw new ArgumentException("A custom period cannot be derived from a date; use Custom(start, end).", nameof(kind)),
        };
    }

    /// <summary>Reads a period from its invariant text form; see <see cref="TryParse"/> for the forms.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a period; the message names the text and the accepted forms.</exception>
    public static AssessmentPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var period, out var error) ? period : throw new FormatException(error);
    }

    /// <summary>
    /// Reads a period strictly and culture-invariantly: <c>yyyy-MM</c> (month), <c>yyyy-Qn</c> (quarter 1–4),
    /// <c>yyyy-Hn</c> (half 1–2), <c>yyyy</c> (year), <c>yyyy-MM-dd..yyyy-MM-dd</c> (custom, both ends inclusive).
    /// Years have four digits; letters are upper case; no white space.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="period">The period, when the text is valid.</param>
    /// <param name="error">Why the text is not a period, naming it; <see langword="null"/> on success.</param>
    /// <returns>Whether the text is a period.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AssessmentPeriod? period, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        period = null;
        error = null;
        if (text is null)
        {
            error = "A period is required; none was given.";
            return false;
        }

        var separator = text.IndexOf("..", StringComparison.Ordinal);
        if (separator >= 0)
        {
            if (TryDate(text.AsSpan(0, separator), out var start) && TryDate(text.AsSpan(separator + 2), out var end))
            {
                if (end < start)
                {
                    error = $"The period '{text}' ends before it starts.";
                    return false;
                }

                period = Custom(start, end);
                return true;
            }
        }
        else if (text.Length == 4 && TryDigits(text.AsSpan(), out var y) && y >= 1)
        {
            period = OfYear(y);
            return true;
        }
        else if (text.Length == 7 && text[4] == '-' && TryDigits(text.AsSpan(0, 4), out var year) && year >= 1)
        {
            var rest = text.AsSpan(5);
            if (rest[0] == 'Q' && rest[1] is >= '1' and <= '4')
            {
                period = Quarter(year, rest[1] - '0');
                return true;
            }

            if (rest[0] == 'H' && rest[1] is '1' or '2')
            {
                period = HalfYear(year, rest[1] - '0');
                return true;
            }

            if (TryDigits(rest, out var month) && month is >= 1 and <= 12)
            {
                period = Month(year, month);
                return true;
            }
        }

        error = $"'{text}' is not a period; write 2024-03 (month), 2024-Q1 (quarter), 2024-H1 (half-year), 2024 (year) or 2024-01-15..2024-02-14 (custom, both ends inclusive).";
        return false;
    }

    /// <summary>Gets the months this period covers, in order; a custom period gives the calendar months it touches, clipped to it.</summary>
    /// <returns>The months.</returns>
    public ImmutableArray<AssessmentPeriod> Months() => SubPeriods(PeriodKind.Month);

    /// <summary>
    /// Gets the periods of a finer (or the same) kind that make up this one, in order: the months of a quarter, the
    /// quarters of a year. For a custom period, or a kind that does not tile this one, the calendar periods it
    /// touches are clipped to it and returned as custom periods where clipped.
    /// </summary>
    /// <param name="kind">A calendar kind.</param>
    /// <returns>The sub-periods, covering this period exactly, without overlap.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="PeriodKind.Custom"/>.</exception>
    public ImmutableArray<AssessmentPeriod> SubPeriods(PeriodKind kind)
    {
        if (kind == PeriodKind.Custom)
        {
            throw new ArgumentException("Sub-periods are calendar periods; pass Month, Quarter, HalfYear or Year.", nameof(kind));
        }

        var result = ImmutableArray.CreateBuilder<AssessmentPeriod>();
        var day = Start;
        while (day <= End)
        {
            var whole = Containing(day, kind);
            if (whole.Start >= Start && whole.End <= End)
            {
                result.Add(whole);
            }
            else
            {
                result.Add(Custom(Max(whole.Start, Start), Min(whole.End, End)));
            }

            if (whole.End >= End)
            {
                break;
            }

            day = whole.End.PlusDays(1);
        }

        return result.ToImmutable();
    }

    /// <summary>Gets whether a date falls within the period (both ends inclusive).</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether the period contains it.</returns>
    public bool Contains(LocalDate date) => Interval.Contains(date);

    /// <summary>Gets the overlap of this period with a date range, or <see langword="null"/> when they do not meet.</summary>
    /// <param name="start">The range's first day.</param>
    /// <param name="end">The range's last day (inclusive).</param>
    /// <returns>The overlapping dates, or <see langword="null"/>.</returns>
    public DateInterval? Overlap(LocalDate start, LocalDate end)
    {
        var from = Max(start, Start);
        var to = Min(end, End);
        return from <= to ? new DateInterval(from, to) : null;
    }

    /// <summary>Gets the calendar period of the same kind just before this one (2024-Q1 → 2023-Q4).</summary>
    /// <returns>The previous period.</returns>
    /// <exception cref="InvalidOperationException">This is a custom period, or the first period of year 1.</exception>
    public AssessmentPeriod Previous()
    {
        Guard.State(IsCalendar, "A custom period has no previous period; build the range you need with Custom(start, end).");
        Guard.State(Start.Year > 1 || Index > 1, "Year 1's first period has no previous period.");
        return Containing(Start.PlusDays(-1), Kind);
    }

    /// <summary>Gets the calendar period of the same kind just after this one (2024-Q4 → 2025-Q1).</summary>
    /// <returns>The next period.</returns>
    /// <exception cref="InvalidOperationException">This is a custom period, or the last period of year 9999.</exception>
    public AssessmentPeriod Next()
    {
        Guard.State(IsCalendar, "A custom period has no next period; build the range you need with Custom(start, end).");
        Guard.State(End.Year < 9999 || End.Month < 12, "Year 9999's last period has no next period.");
        return Containing(End.PlusDays(1), Kind);
    }

    /// <summary>Gets the invariant text form (<c>2024-03</c>, <c>2024-Q1</c>, <c>2024-H1</c>, <c>2024</c>, <c>2024-01-15..2024-02-14</c>).</summary>
    /// <returns>The text; <see cref="Parse"/> reads it back.</returns>
    public override string ToString()
    {
        var year = Year.ToString("D4", CultureInfo.InvariantCulture);
        return Kind switch
        {
            PeriodKind.Month => year + "-" + Index.ToString("D2", CultureInfo.InvariantCulture),
            PeriodKind.Quarter => year + "-Q" + Index.ToString(CultureInfo.InvariantCulture),
            PeriodKind.HalfYear => year + "-H" + Index.ToString(CultureInfo.InvariantCulture),
            PeriodKind.Year => year,
            _ => Format(Start) + ".." + Format(End),
        };
    }

    /// <inheritdoc/>
    public bool Equals(AssessmentPeriod? other)
        => other is not null && Kind == other.Kind && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AssessmentPeriod);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Start, End);

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>, culture-invariantly.</summary>
    internal static string Format(LocalDate date)
        => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    private static AssessmentPeriod Calendar(PeriodKind kind, int year, int index, int firstMonth, int lastMonth)
    {
        var start = new LocalDate(year, firstMonth, 1);
        var end = new LocalDate(year, lastMonth, CalendarSystem.Iso.GetDaysInMonth(year, lastMonth));
        return new AssessmentPeriod(kind, year, index, new DateInterval(start, end));
    }

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
    }

    private static bool TryDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a >= b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a <= b ? a : b;
}
