using System;
using System.Linq;
using NodaTime;
using PerfKit.Commitments;
using Xunit;

namespace PerfKit.Tests.Commitments;

/// <summary>Tests of <see cref="BusinessCalendarBuilder"/>.</summary>
public sealed class BusinessCalendarBuilderTests
{
    [Fact]
    public void Build_Defaults_SaturdaySundayNoHolidays()
    {
        var calendar = BusinessCalendar.CreateBuilder().Build();

        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], calendar.WeekendDays.ToArray());
        Assert.Empty(calendar.Holidays.ToArray());
        Assert.Empty(calendar.MakeUpDays);
        Assert.Equal(BusinessCalendar.SaturdaySunday, calendar);
    }

    [Fact]
    public void Weekend_FridaySaturday_SundayIsAWorkingDay()
    {
        var calendar = BusinessCalendar.CreateBuilder().Weekend(IsoDayOfWeek.Saturday, IsoDayOfWeek.Friday).Build();

        // Listed Monday first; Thu 2024-03-07: Fri 8, Sat 9 off; Sun 10 (1).
        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], calendar.WeekendDays.ToArray());
        Assert.Equal(new LocalDate(2024, 3, 10), calendar.AddBusinessDays(new LocalDate(2024, 3, 7), 1));
    }

    [Fact]
    public void Weekend_NoDays_EveryDayWorks()
        => Assert.Equal(BusinessCalendar.EveryDay, BusinessCalendar.CreateBuilder().Weekend().Build());

    [Fact]
    public void Holiday_OnAWeekendDay_Allowed()
    {
        // Sat 2024-02-10 is both a weekend day and a Spring Festival holiday: nothing to report.
        var calendar = BusinessCalendar.CreateBuilder().Holidays(new LocalDate(2024, 2, 10), new LocalDate(2024, 2, 17)).Build();

        Assert.Equal(8, calendar.Holidays.Length); // 10..17 inclusive
        Assert.False(calendar.IsBusinessDay(new LocalDate(2024, 2, 10)));
    }

    [Fact]
    public void Validate_HolidayAlsoMakeUpDay_ConflictNamesTheDate()
    {
        var problems = BusinessCalendar.CreateBuilder()
            .Holiday(new LocalDate(2024, 2, 4))
            .MakeUpDay(new LocalDate(2024, 2, 4))
            .Validate();

        var problem = Assert.Single(problems);
        Assert.Equal(ProblemCodes.CalendarConflict, problem.Code);
        Assert.Equal("makeUpDays", problem.Path);
        Assert.Equal("2024-02-04", problem.AttemptedValue);
        Assert.Contains("2024-02-04", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.Line);
    }

    [Fact]
    public void Validate_MakeUpDayOnAWeekday_MakeUpDayProblem()
    {
        // Mon 2024-02-05 is a working day anyway: most likely a wrong date (4 Feb was meant).
        var problem = Assert.Single(BusinessCalendar.CreateBuilder().MakeUpDay(new LocalDate(2024, 2, 5)).Validate());

        Assert.Equal(ProblemCodes.CalendarMakeUpDay, problem.Code);
        Assert.Equal("2024-02-05", problem.AttemptedValue);
        Assert.Contains("Monday", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MakeUpDayOnACustomWeekendDay_Allowed()
    {
        // With Friday and Saturday off, Fri 2024-02-09 can be worked.
        var calendar = BusinessCalendar.CreateBuilder().Weekend(IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday).MakeUpDay(new LocalDate(2024, 2, 9)).Build();

        Assert.True(calendar.IsBusinessDay(new LocalDate(2024, 2, 9)));
    }

    [Fact]
    public void Validate_DatesAndDaysListedTwice_DuplicateEach()
    {
        var problems = BusinessCalendar.CreateBuilder()
            .Weekend(IsoDayOfWeek.Sunday, IsoDayOfWeek.Sunday)
            .Holiday(new LocalDate(2024, 6, 10))
            .Holidays(new LocalDate(2024, 6, 9), new LocalDate(2024, 6, 10))
            .MakeUpDay(new LocalDate(2024, 2, 4))
            .MakeUpDay(new LocalDate(2024, 2, 4))
            .Validate();

        Assert.Equal(
            [("weekend", "Sun"), ("holidays", "2024-06-10"), ("makeUpDays", "2024-02-04")],
            problems.Select(p => (p.Path, p.AttemptedValue!)).ToArray());
        Assert.All(problems, p => Assert.Equal(ProblemCodes.CalendarDuplicate, p.Code));
    }

    [Fact]
    public void Validate_SevenWeekendDays_WeekendProblem()
    {
        var problem = Assert.Single(BusinessCalendar.CreateBuilder()
            .Weekend(IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday)
            .Validate());

        Assert.Equal(ProblemCodes.CalendarWeekend, problem.Code);
        Assert.Equal("Mon Tue Wed Thu Fri Sat Sun", problem.AttemptedValue);
    }

    [Fact]
    public void Build_Problems_CalendarValidationExceptionWithAll()
    {
        var builder = BusinessCalendar.CreateBuilder()
            .Holiday(new LocalDate(2024, 2, 4))
            .MakeUpDay(new LocalDate(2024, 2, 4))
            .MakeUpDay(new LocalDate(2024, 2, 5));

        var error = Assert.Throws<CalendarValidationException>(builder.Build);

        Assert.Equal([ProblemCodes.CalendarConflict, ProblemCodes.CalendarMakeUpDay], error.Problems.Select(p => p.Code).ToArray());
        Assert.False(builder.TryBuild(out var calendar, out var problems));
        Assert.Null(calendar);
        Assert.Equal(2, problems.Length);
    }

    [Fact]
    public void Holidays_LastBeforeFirst_ArgumentExceptionNamesBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder().Holidays(new LocalDate(2024, 2, 17), new LocalDate(2024, 2, 10)));

        Assert.Contains("2024-02-10", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-02-17", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekend_NoneOrUndefinedDay_ArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.CreateBuilder().Weekend(IsoDayOfWeek.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.CreateBuilder().Weekend((IsoDayOfWeek)8));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.CreateBuilder().Weekend(null!));
    }

    [Fact]
    public void HolidayAndMakeUpDay_NotIso_ArgumentException()
    {
        var julian = new LocalDate(2024, 1, 1, CalendarSystem.Julian);

        Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder().Holiday(julian));
        Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder().MakeUpDay(julian));
        Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder().Holidays(julian, julian));
    }

    [Fact]
    public void CalendarValidationException_NoProblems_ArgumentException()
        => Assert.Throws<ArgumentException>(() => new CalendarValidationException([]));
}
