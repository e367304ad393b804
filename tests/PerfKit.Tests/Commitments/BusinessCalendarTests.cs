using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.Commitments;
using PerfKit.Demo;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Commitments;

/// <summary>Tests of <see cref="BusinessCalendar"/>; the China dates are those of <see cref="SampleCalendars.ChinaMainland2024Text"/>.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar China = SampleCalendars.ChinaMainland2024();

    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(BusinessCalendar));

    [Fact]
    public void AddBusinessDays_FridayPlusThree_Wednesday()
    {
        // Fri 2024-03-01: Sat 2, Sun 3 off; Mon 4 (1), Tue 5 (2), Wed 6 (3).
        Assert.Equal(new LocalDate(2024, 3, 6), BusinessCalendar.SaturdaySunday.AddBusinessDays(new LocalDate(2024, 3, 1), 3));
    }

    [Fact]
    public void AddBusinessDays_Zero_TheStartEvenOnADayOff()
    {
        // Day 0 is the application date itself; Sat 2024-03-02 is not a working day but N = 0 asks for no working day.
        Assert.Equal(new LocalDate(2024, 3, 2), BusinessCalendar.SaturdaySunday.AddBusinessDays(new LocalDate(2024, 3, 2), 0));
    }

    [Fact]
    public void AddBusinessDays_QingmingHolidaysAndMakeUpSunday_SkipsHolidaysCountsSunday()
    {
        // Wed 2024-04-03: Thu 4, Fri 5, Sat 6 holidays; Sun 7 make-up working day (1); Mon 8 (2); Tue 9 (3).
        Assert.Equal(new LocalDate(2024, 4, 9), China.AddBusinessDays(new LocalDate(2024, 4, 3), 3));
    }

    [Fact]
    public void AddBusinessDays_MakeUpSaturday_CountsAsWorkingDay()
    {
        // Fri 2024-05-10: Sat 11 May is a make-up working day (1).
        Assert.Equal(new LocalDate(2024, 5, 11), China.AddBusinessDays(new LocalDate(2024, 5, 10), 1));
        // Without the make-up day: Sat 11, Sun 12 off; Mon 13 (1).
        Assert.Equal(new LocalDate(2024, 5, 13), BusinessCalendar.SaturdaySunday.AddBusinessDays(new LocalDate(2024, 5, 10), 1));
    }

    [Fact]
    public void AddBusinessDays_SpringFestival_WeekOffThenMakeUpSunday()
    {
        // Fri 2024-02-09: Sat 10 .. Sat 17 holidays; Sun 18 make-up (1); Mon 19 (2); Tue 20 (3).
        Assert.Equal(new LocalDate(2024, 2, 20), China.AddBusinessDays(new LocalDate(2024, 2, 9), 3));
    }

    [Fact]
    public void AddBusinessDays_AcrossYearEnd_SkipsNewYearsDay()
    {
        // Fri 2023-12-29: Sat 30, Sun 31 off; Mon 2024-01-01 holiday; Tue 2 (1); Wed 3 (2).
        Assert.Equal(new LocalDate(2024, 1, 3), China.AddBusinessDays(new LocalDate(2023, 12, 29), 2));
    }

    [Fact]
    public void AddBusinessDays_LeapDay_IsAWorkingDay()
    {
        // Wed 2024-02-28: Thu 29 Feb (1), Fri 1 Mar (2).
        Assert.Equal(new LocalDate(2024, 2, 29), China.AddBusinessDays(new LocalDate(2024, 2, 28), 1));
        Assert.Equal(new LocalDate(2024, 3, 1), China.AddBusinessDays(new LocalDate(2024, 2, 28), 2));
    }

    [Fact]
    public void AddBusinessDays_Negative_ArgumentOutOfRangeException()
        => Assert.Throws<ArgumentOutOfRangeException>(() => China.AddBusinessDays(new LocalDate(2024, 1, 1), -1));

    [Fact]
    public void AddBusinessDays_PastTheLastDate_ArgumentOutOfRangeException()
        => Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.EveryDay.AddBusinessDays(new LocalDate(9999, 12, 30), 2));

    [Fact]
    public void AddBusinessDays_NotIso_ArgumentException()
        => Assert.Throws<ArgumentException>(() => China.AddBusinessDays(new LocalDate(2024, 1, 1, CalendarSystem.Julian), 1));

    [Theory]
    [InlineData(2024, 2, 4, true)] // make-up Sunday
    [InlineData(2024, 5, 11, true)] // make-up Saturday
    [InlineData(2024, 1, 1, false)] // New Year's Day, a Monday
    [InlineData(2024, 2, 10, false)] // Spring Festival, a Saturday
    [InlineData(2024, 3, 2, false)] // an ordinary Saturday
    [InlineData(2024, 3, 6, true)] // an ordinary Wednesday
    public void IsBusinessDay_ChinaSample_MakeUpDaysWorkHolidaysDoNot(int year, int month, int day, bool expected)
        => Assert.Equal(expected, China.IsBusinessDay(new LocalDate(year, month, day)));

    [Fact]
    public void IsHolidayAndIsWeekendDay_ChinaSample_ListedDatesAndSaturdaySunday()
    {
        Assert.True(China.IsHoliday(new LocalDate(2024, 10, 7)));
        Assert.False(China.IsHoliday(new LocalDate(2024, 10, 12))); // a make-up day, not a holiday
        Assert.True(China.IsWeekendDay(IsoDayOfWeek.Sunday));
        Assert.False(China.IsWeekendDay(IsoDayOfWeek.Friday));
    }

    [Fact]
    public void BusinessDaysAfter_FridayToFriday_FiveWorkingDays()
    {
        // (Fri 2024-03-01, Fri 2024-03-08]: Mon 4, Tue 5, Wed 6, Thu 7, Fri 8.
        Assert.Equal(5, BusinessCalendar.SaturdaySunday.BusinessDaysAfter(new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 8)));
        Assert.Equal(0, BusinessCalendar.SaturdaySunday.BusinessDaysAfter(new LocalDate(2024, 3, 8), new LocalDate(2024, 3, 1)));
        Assert.Equal(0, BusinessCalendar.SaturdaySunday.BusinessDaysAfter(new LocalDate(2024, 3, 8), new LocalDate(2024, 3, 8)));
    }

    [Fact]
    public void BusinessDaysAfter_NationalDayWeek_CountsMakeUpDaysOnly()
    {
        // (Sat 2024-09-28, Sat 2024-10-12]: Sun 29 Sep make-up (1), Mon 30 (2), 1–7 Oct holidays,
        // Tue 8 (3), Wed 9 (4), Thu 10 (5), Fri 11 (6), Sat 12 make-up (7).
        Assert.Equal(7, China.BusinessDaysAfter(new LocalDate(2024, 9, 28), new LocalDate(2024, 10, 12)));
    }

    [Property(MaxTest = 300)]
    public Property AddBusinessDays_EveryDay_EqualsCalendarDays()
    {
        var gen = from start in Gen.Choose(0, 20000)
                  from n in Gen.Choose(0, 400)
                  select (Start: new LocalDate(1990, 1, 1).PlusDays(start), N: n);
        return Prop.ForAll(gen.ToArbitrary(), c =>
            BusinessCalendar.EveryDay.AddBusinessDays(c.Start, c.N) == c.Start.PlusDays(c.N)
            && BusinessCalendar.EveryDay.BusinessDaysAfter(c.Start, c.Start.PlusDays(c.N)) == c.N);
    }

    [Property(MaxTest = 300)]
    public Property AddBusinessDays_ChinaSample_StrictlyMonotoneInN()
    {
        var gen = from start in Gen.Choose(0, 400)
                  from n in Gen.Choose(0, 30)
                  from more in Gen.Choose(1, 30)
                  select (Start: new LocalDate(2023, 12, 1).PlusDays(start), N: n, More: more);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var earlier = China.AddBusinessDays(c.Start, c.N);
            var later = China.AddBusinessDays(c.Start, c.N + c.More);
            // More working days end later, and counting them back gives the difference.
            return earlier < later && China.BusinessDaysAfter(earlier, later) == c.More;
        });
    }

    [Fact]
    public void ToText_SmallCalendar_CanonicalLines()
    {
        var calendar = BusinessCalendar.CreateBuilder()
            .Weekend(IsoDayOfWeek.Sunday, IsoDayOfWeek.Saturday)
            .Holiday(new LocalDate(2024, 6, 10))
            .Holidays(new LocalDate(2024, 2, 10), new LocalDate(2024, 2, 12))
            .Holiday(new LocalDate(2024, 2, 14))
            .MakeUpDay(new LocalDate(2024, 2, 4))
            .Build();

        // Dates in order; 10–12 Feb joined into a range, 14 Feb alone.
        Assert.Equal(
            "weekend Sat Sun\nholiday 2024-02-10..2024-02-12\nholiday 2024-02-14\nholiday 2024-06-10\nmakeup 2024-02-04\n",
            calendar.ToText());
    }

    [Fact]
    public void ToText_NoWeekend_WeekendNone()
        => Assert.Equal("weekend none\n", BusinessCalendar.EveryDay.ToText());

    [Fact]
    public void ToText_ChinaSample_ParsesBackEqual()
    {
        using var _ = new CultureScope("tr-TR");
        var again = BusinessCalendar.Parse(China.ToText());

        Assert.Equal(China, again);
        Assert.Equal(China.GetHashCode(), again.GetHashCode());
        // 1 + 8 + 3 + 5 + 1 + 3 + 7 holidays; 2 + 1 + 2 + 1 + 2 make-up days.
        Assert.Equal(28, again.Holidays.Length);
        Assert.Equal(8, again.MakeUpDays.Length);
    }

    [Property(MaxTest = 200)]
    public Property Parse_ToTextOfAnyValidCalendar_Equal()
    {
        var gen = from weekend in Gen.SubListOf(Enumerable.Range(1, 6).Select(d => (IsoDayOfWeek)d).ToArray())
                  from holidays in Gen.ListOf(Gen.Choose(0, 60))
                  select (Weekend: weekend.ToArray(), Holidays: holidays.Distinct().Select(d => new LocalDate(2024, 1, 1).PlusDays(d)).ToArray());
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var builder = BusinessCalendar.CreateBuilder().Weekend(c.Weekend);
            foreach (var day in c.Holidays)
            {
                builder.Holiday(day);
            }

            var calendar = builder.Build();
            return BusinessCalendar.Parse(calendar.ToText()).Equals(calendar);
        });
    }

    [Fact]
    public void Parse_DayNamesInAnyCaseUnderTurkishCulture_Read()
    {
        // Under tr-TR a culture-sensitive upper-casing of "fri" would give "FRİ"; names compare ordinally.
        using var _ = new CultureScope("tr-TR");
        var calendar = BusinessCalendar.Parse("  weekend FRI sat  \r\n\n# comment\n\tholiday 2024-06-10\n");

        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], calendar.WeekendDays.ToArray());
        Assert.Equal([new LocalDate(2024, 6, 10)], calendar.Holidays.ToArray());
    }

    [Fact]
    public void Parse_NoWeekendLine_SaturdaySunday()
        => Assert.Equal(BusinessCalendar.SaturdaySunday, BusinessCalendar.Parse("# nothing listed\n"));

    [Theory]
    [InlineData("holidays 2024-01-01", "calendar", 1, 1, "holidays")]
    [InlineData("holiday 2024-1-1", "holidays", 1, 9, "2024-1-1")]
    [InlineData("holiday 2024-02-30", "holidays", 1, 9, "2024-02-30")]
    [InlineData("holiday", "holidays", 1, 1, "holiday")]
    [InlineData("holiday 2024-01-01 2024-01-02", "holidays", 1, 1, "holiday 2024-01-01 2024-01-02")]
    [InlineData("holiday 2024-02-17..2024-02-10", "holidays", 1, 9, "2024-02-17..2024-02-10")]
    [InlineData("holiday 2024-02-10..x", "holidays", 1, 21, "x")]
    [InlineData("holiday x..2024-02-10", "holidays", 1, 9, "x")]
    [InlineData("makeup 2024-02-04..2024-02-05", "makeUpDays", 1, 8, "2024-02-04..2024-02-05")]
    [InlineData("makeup", "makeUpDays", 1, 1, "makeup")]
    [InlineData("weekend Sat Sonntag", "weekend", 1, 13, "Sonntag")]
    [InlineData("weekend", "weekend", 1, 1, null)]
    [InlineData("weekend Sat\n\nweekend Sun", "weekend", 3, 1, "weekend")]
    public void TryParse_Malformed_SyntaxProblemLocated(string text, string path, int line, int column, string? value)
    {
        using var _ = new CultureScope("de-DE");
        Assert.False(BusinessCalendar.TryParse(text, out var calendar, out var problems));

        Assert.Null(calendar);
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemCodes.CalendarSyntax, problem.Code);
        Assert.Equal(path, problem.Path);
        Assert.Equal(line, problem.Line);
        Assert.Equal(column, problem.Column);
        Assert.Equal(value, problem.AttemptedValue);
    }

    [Fact]
    public void TryParse_ConflictAndSyntax_EveryProblemWithItsLine()
    {
        const string text = "holiday 2024-02-04\nmakeup 2024-02-04\nmakeup 2024-02-05\nholliday 2024-01-01\n";

        Assert.False(BusinessCalendar.TryParse(text, out _, out var problems));

        // Syntax first (line 4), then the calendar's own problems in listing order (lines 2 and 3).
        Assert.Equal(
            [(ProblemCodes.CalendarSyntax, 4), (ProblemCodes.CalendarConflict, 2), (ProblemCodes.CalendarMakeUpDay, 3)],
            problems.Select(p => (p.Code, p.Line ?? 0)).ToArray());
        Assert.Equal("2024-02-04", problems[1].AttemptedValue);
        Assert.Equal(8, problems[1].Column);
    }

    [Fact]
    public void Parse_Invalid_CalendarValidationExceptionListsProblems()
    {
        var error = Assert.Throws<CalendarValidationException>(() => BusinessCalendar.Parse("weekend none\nmakeup 2024-02-04\n"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(ProblemCodes.CalendarMakeUpDay, problem.Code);
        Assert.Contains("2024-02-04", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => BusinessCalendar.Parse(null!));

    [Fact]
    public void Equals_DifferentMakeUpDays_NotEqual()
    {
        var a = BusinessCalendar.CreateBuilder().MakeUpDay(new LocalDate(2024, 2, 4)).Build();
        var b = BusinessCalendar.CreateBuilder().MakeUpDay(new LocalDate(2024, 2, 18)).Build();

        Assert.NotEqual(a, b);
        Assert.False(a.Equals((object?)null));
        Assert.Equal(a, BusinessCalendar.Parse("makeup 2024-02-04"));
    }
}
