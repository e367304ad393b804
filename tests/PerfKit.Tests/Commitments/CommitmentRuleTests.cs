using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.Commitments;
using PerfKit.Demo;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Commitments;

/// <summary>Tests of <see cref="CommitmentRule"/>.</summary>
public sealed class CommitmentRuleTests
{
    private static readonly BusinessCalendar China = SampleCalendars.ChinaMainland2024();

    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(CommitmentRule));

    [Fact]
    public void CalendarDays_UnknownZone_ArgumentExceptionNamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() => CommitmentRule.CalendarDays("loan", 3, "Asia/Shangai"));

        Assert.Contains("'Asia/Shangai'", error.Message, StringComparison.Ordinal);
        Assert.Equal("timeZoneId", error.ParamName);
    }

    [Fact]
    public void BusinessDays_Misuse_Exceptions()
    {
        Assert.Throws<ArgumentException>(() => CommitmentRule.BusinessDays("loan disbursal", 3, "Asia/Shanghai", China));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommitmentRule.BusinessDays("loan", -1, "Asia/Shanghai", China));
        Assert.Throws<ArgumentNullException>(() => CommitmentRule.BusinessDays("loan", 3, "Asia/Shanghai", null!));
        Assert.Throws<ArgumentNullException>(() => CommitmentRule.BusinessDays(null!, 3, "Asia/Shanghai", China));
        Assert.Throws<ArgumentNullException>(() => CommitmentRule.CalendarDays("loan", 3, null!));
        Assert.Throws<ArgumentException>(() => CommitmentRule.CalendarDays("loan", 3, "UTC+8"));
    }

    [Fact]
    public void Create_Valid_PropertiesAsGiven()
    {
        var business = CommitmentRule.BusinessDays("loan-disbursal", 3, "Asia/Shanghai", China);
        var calendar = CommitmentRule.CalendarDays("complaint", 7, "Europe/Berlin");

        Assert.Equal(("loan-disbursal", 3, DayCounting.BusinessDays, "Asia/Shanghai"), (business.Id, business.Days, business.Counting, business.Zone.Id));
        Assert.Same(China, business.Calendar);
        Assert.Equal(DayCounting.CalendarDays, calendar.Counting);
        Assert.Same(BusinessCalendar.EveryDay, calendar.Calendar);
    }

    [Fact]
    public void DeadlineFor_FridayApplicationThreeBusinessDays_Wednesday()
    {
        var rule = CommitmentRule.BusinessDays("loan", 3, "Asia/Shanghai", BusinessCalendar.SaturdaySunday);

        // 2024-03-01T02:00Z is Fri 10:00 in Shanghai (UTC+8): Mon 4 (1), Tue 5 (2), Wed 6 (3).
        Assert.Equal(new LocalDate(2024, 3, 6), rule.DeadlineFor(Instant.FromUtc(2024, 3, 1, 2, 0)));
    }

    [Fact]
    public void DeadlineFor_2330LocalIsNextDayInUtc_CountsFromLocalDate()
    {
        var rule = CommitmentRule.BusinessDays("loan", 3, "America/New_York", BusinessCalendar.SaturdaySunday);
        var application = Instant.FromUtc(2024, 3, 8, 4, 30); // Thu 2024-03-07 23:30 EST (UTC−5)

        // Day 0 is Thu 7 (not Fri 8, the UTC date): Fri 8 (1), Mon 11 (2), Tue 12 (3). From Fri 8 it would be Wed 13.
        Assert.Equal(new LocalDate(2024, 3, 7), rule.LocalDateOf(application));
        Assert.Equal(new LocalDate(2024, 3, 12), rule.DeadlineFor(application));
    }

    [Fact]
    public void DeadlineFor_0030LocalIsPreviousDayInUtc_CountsFromLocalDate()
    {
        var rule = CommitmentRule.BusinessDays("loan", 3, "Asia/Shanghai", BusinessCalendar.SaturdaySunday);
        var application = Instant.FromUtc(2024, 3, 7, 16, 30); // Fri 2024-03-08 00:30 in Shanghai (UTC+8)

        // Day 0 is Fri 8 (not Thu 7, the UTC date): Mon 11 (1), Tue 12 (2), Wed 13 (3). From Thu 7 it would be Tue 12.
        Assert.Equal(new LocalDate(2024, 3, 13), rule.DeadlineFor(application));
    }

    [Fact]
    public void LateFrom_Shanghai_MidnightAfterTheDeadlineDay()
    {
        var rule = CommitmentRule.BusinessDays("loan", 3, "Asia/Shanghai", BusinessCalendar.SaturdaySunday);

        // Deadline Wed 2024-03-06; late from Thu 7 00:00 +08:00 = Wed 6 16:00Z.
        Assert.Equal(Instant.FromUtc(2024, 3, 6, 16, 0), rule.LateFrom(Instant.FromUtc(2024, 3, 1, 2, 0)));
    }

    [Fact]
    public void LateFrom_NewYorkSpringForward_MidnightInDaylightTime()
    {
        var rule = CommitmentRule.CalendarDays("loan", 2, "America/New_York");

        // Sat 2024-03-09 09:00 EST (14:00Z) + 2 calendar days = Mon 11; clocks went forward on Sun 10 at 02:00,
        // so Tue 12 00:00 is EDT (UTC−4) = 04:00Z, not 05:00Z as it would be in EST.
        Assert.Equal(new LocalDate(2024, 3, 11), rule.DeadlineFor(Instant.FromUtc(2024, 3, 9, 14, 0)));
        Assert.Equal(Instant.FromUtc(2024, 3, 12, 4, 0), rule.LateFrom(Instant.FromUtc(2024, 3, 9, 14, 0)));
    }

    [Fact]
    public void LateFrom_BerlinFallBack_MidnightInStandardTime()
    {
        var rule = CommitmentRule.CalendarDays("loan", 3, "Europe/Berlin");
        var application = Instant.FromUtc(2024, 10, 25, 21, 30); // Fri 2024-10-25 23:30 CEST (UTC+2)

        // Fri 25 + 3 = Mon 28 (Sun 27 has 25 hours, still one day); Tue 29 00:00 CET (UTC+1) = Mon 28 23:00Z.
        Assert.Equal(new LocalDate(2024, 10, 28), rule.DeadlineFor(application));
        Assert.Equal(Instant.FromUtc(2024, 10, 28, 23, 0), rule.LateFrom(application));
    }

    [Fact]
    public void LateFrom_SantiagoMidnightSkipped_FirstInstantOfTheDay()
    {
        var rule = CommitmentRule.CalendarDays("loan", 1, "America/Santiago");

        // Fri 2024-09-06 12:00 −04 (16:00Z) + 1 = Sat 7. Chile moved its clocks from Sat 7 24:00 to Sun 8 01:00 (−03),
        // so Sun 8 has no midnight and starts at 01:00 −03 = 04:00Z.
        Assert.Equal(new LocalDate(2024, 9, 7), rule.DeadlineFor(Instant.FromUtc(2024, 9, 6, 16, 0)));
        Assert.Equal(Instant.FromUtc(2024, 9, 8, 4, 0), rule.LateFrom(Instant.FromUtc(2024, 9, 6, 16, 0)));
    }

    [Fact]
    public void LateFrom_DeadlineOnTheLastDate_ArgumentOutOfRangeException()
    {
        var rule = CommitmentRule.CalendarDays("loan", 0, "UTC");

        Assert.Throws<ArgumentOutOfRangeException>(() => rule.LateFrom(Instant.FromUtc(9999, 12, 31, 12, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommitmentRule.CalendarDays("loan", 2, "UTC").DeadlineFor(new LocalDate(9999, 12, 30)));
    }

    [Theory]
    [InlineData(6, 0)] // the deadline day itself
    [InlineData(5, 0)]
    [InlineData(7, 1)]
    [InlineData(9, 3)] // Saturday: calendar days count weekends
    public void DaysLate_CalendarRule_CalendarDaysAfterDeadline(int day, int expected)
    {
        var rule = CommitmentRule.CalendarDays("loan", 3, "Asia/Shanghai");

        Assert.Equal(expected, rule.DaysLate(new LocalDate(2024, 3, 6), new LocalDate(2024, 3, day)));
    }

    [Theory]
    [InlineData(8, 0)] // Fri, the deadline day
    [InlineData(9, 1)] // Sat counts like Mon: Mon 11 is the 1st working day after Fri 8
    [InlineData(10, 1)] // Sun, likewise
    [InlineData(11, 1)] // Mon
    [InlineData(12, 2)] // Tue: Mon 11, Tue 12
    public void DaysLate_BusinessRuleFridayDeadline_WorkingDaysUpToNextWorkingDay(int day, int expected)
    {
        var rule = CommitmentRule.BusinessDays("loan", 3, "Asia/Shanghai", BusinessCalendar.SaturdaySunday);

        Assert.Equal(expected, rule.DaysLate(new LocalDate(2024, 3, 8), new LocalDate(2024, 3, day)));
    }

    [Theory]
    [InlineData(14, 1)] // Sat 14 Sep is a make-up working day (1)
    [InlineData(15, 2)] // Sun 15 is a holiday; the next working day is Wed 18: Sat 14 (1), Wed 18 (2)
    [InlineData(17, 2)] // Tue 17 holiday, likewise
    [InlineData(18, 2)]
    [InlineData(19, 3)]
    public void DaysLate_ChinaMidAutumn_HolidaysSkippedMakeUpCounted(int day, int expected)
    {
        var rule = CommitmentRule.BusinessDays("loan", 3, "Asia/Shanghai", China);

        // Deadline Fri 2024-09-13.
        Assert.Equal(expected, rule.DaysLate(new LocalDate(2024, 9, 13), new LocalDate(2024, 9, day)));
    }

    [Fact]
    public void DaysLate_NoWorkingDayLeft_ArgumentOutOfRangeException()
    {
        var calendar = BusinessCalendar.CreateBuilder().Holiday(new LocalDate(9999, 12, 31)).Build();
        var rule = CommitmentRule.BusinessDays("loan", 1, "UTC", calendar);

        // Fri 9999-12-31 is a holiday and the last date there is: no working day on or after it.
        Assert.Throws<ArgumentOutOfRangeException>(() => rule.DaysLate(new LocalDate(9999, 12, 30), new LocalDate(9999, 12, 31)));
    }

    [Fact]
    public void ToString_AnyCulture_Invariant()
    {
        using var _ = new CultureScope("tr-TR");

        Assert.Equal("loan-disbursal: 3 business days in Asia/Shanghai", CommitmentRule.BusinessDays("loan-disbursal", 3, "Asia/Shanghai", China).ToString());
        Assert.Equal("INTAKE: 1 calendar day in UTC", CommitmentRule.CalendarDays("INTAKE", 1, "UTC").ToString());
    }

    [Property(MaxTest = 300)]
    public Property BusinessDaysEveryDay_AnyApplicationAndFulfilment_SameAsCalendarDays()
    {
        var gen = from start in Gen.Choose(0, 3000)
                  from n in Gen.Choose(0, 60)
                  from after in Gen.Choose(0, 200)
                  select (Start: new LocalDate(2020, 1, 1).PlusDays(start), N: n, After: after);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var business = CommitmentRule.BusinessDays("b", c.N, "Europe/Berlin", BusinessCalendar.EveryDay);
            var calendar = CommitmentRule.CalendarDays("c", c.N, "Europe/Berlin");
            var deadline = calendar.DeadlineFor(c.Start);
            var fulfilled = c.Start.PlusDays(c.After);
            return business.DeadlineFor(c.Start) == deadline
                && business.DaysLate(deadline, fulfilled) == calendar.DaysLate(deadline, fulfilled);
        });
    }

    [Property(MaxTest = 300)]
    public Property DeadlineFor_AnyApplication_MonotoneInN()
    {
        var gen = from minute in Gen.Choose(0, 60 * 24 * 400)
                  from n in Gen.Choose(0, 20)
                  select (Application: Instant.FromUtc(2023, 12, 1, 0, 0).Plus(Duration.FromMinutes(minute)), N: n);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var shorter = CommitmentRule.BusinessDays("a", c.N, "Asia/Shanghai", China);
            var longer = CommitmentRule.BusinessDays("b", c.N + 1, "Asia/Shanghai", China);
            return shorter.DeadlineFor(c.Application) < longer.DeadlineFor(c.Application)
                && shorter.LateFrom(c.Application) < longer.LateFrom(c.Application);
        });
    }
}
