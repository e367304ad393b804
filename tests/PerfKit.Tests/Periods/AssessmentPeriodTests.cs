using System;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="AssessmentPeriod"/>.</summary>
public sealed class AssessmentPeriodTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(AssessmentPeriod));

    [Theory]
    [InlineData(2024, 2, 29)] // leap February
    [InlineData(2023, 2, 28)]
    [InlineData(2024, 4, 30)]
    [InlineData(2024, 12, 31)]
    public void Month_Calendar_FirstToLastDayInclusive(int year, int month, int days)
    {
        var period = AssessmentPeriod.Month(year, month);

        Assert.Equal(new LocalDate(year, month, 1), period.Start);
        Assert.Equal(new LocalDate(year, month, days), period.End);
        Assert.Equal(days, period.Days);
    }

    [Fact]
    public void Quarter_LeapYearQ1_91Days()
    {
        // 31 (Jan) + 29 (Feb 2024) + 31 (Mar) = 91.
        Assert.Equal(91, AssessmentPeriod.Quarter(2024, 1).Days);
        Assert.Equal(90, AssessmentPeriod.Quarter(2023, 1).Days);
    }

    [Fact]
    public void OfYear_LeapAndCommon_366And365Days()
    {
        Assert.Equal(366, AssessmentPeriod.OfYear(2024).Days);
        Assert.Equal(365, AssessmentPeriod.OfYear(2100).Days); // divisible by 100, not by 400
    }

    [Fact]
    public void HalfYear_Second_JulyToDecember()
    {
        var period = AssessmentPeriod.HalfYear(2024, 2);

        Assert.Equal(new LocalDate(2024, 7, 1), period.Start);
        Assert.Equal(new LocalDate(2024, 12, 31), period.End);
        Assert.Equal(184, period.Days); // 31+31+30+31+30+31
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    [InlineData(2024, 0)]
    [InlineData(2024, 13)]
    public void Month_OutOfRange_ArgumentOutOfRangeException(int year, int month)
        => Assert.Throws<ArgumentOutOfRangeException>(() => AssessmentPeriod.Month(year, month));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Quarter_OutOfRange_ArgumentOutOfRangeException(int quarter)
        => Assert.Throws<ArgumentOutOfRangeException>(() => AssessmentPeriod.Quarter(2024, quarter));

    [Fact]
    public void Custom_EndBeforeStart_ArgumentExceptionNamesBothDates()
    {
        var error = Assert.Throws<ArgumentException>(() => AssessmentPeriod.Custom(new LocalDate(2024, 2, 1), new LocalDate(2024, 1, 31)));

        Assert.Contains("2024-01-31", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-02-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_StartBeforeYearOne_ArgumentOutOfRangeException()
    {
        // Year 0 has no text form that Parse reads back (years are four digits, 0001–9999), and its months cannot be
        // built (Month(0, 1) is out of range), so such a period is refused when created.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AssessmentPeriod.Custom(new LocalDate(0, 12, 1), new LocalDate(1, 1, 31)));

        Assert.Equal("start", error.ParamName);
        Assert.Equal(31, AssessmentPeriod.Custom(new LocalDate(1, 1, 1), new LocalDate(1, 1, 31)).Days);
    }

    [Fact]
    public void Custom_OneDay_OneDay() => Assert.Equal(1, AssessmentPeriod.Custom(new LocalDate(2024, 3, 31), new LocalDate(2024, 3, 31)).Days);

    [Fact]
    public void Custom_NonIsoDate_ArgumentException()
    {
        var julian = new LocalDate(2024, 1, 1, CalendarSystem.Julian);

        Assert.Throws<ArgumentException>(() => AssessmentPeriod.Custom(julian, julian));
    }

    [Theory]
    [InlineData("2024-03", PeriodKind.Month, "2024-03-01", "2024-03-31")]
    [InlineData("2024-Q1", PeriodKind.Quarter, "2024-01-01", "2024-03-31")]
    [InlineData("2024-Q4", PeriodKind.Quarter, "2024-10-01", "2024-12-31")]
    [InlineData("2024-H1", PeriodKind.HalfYear, "2024-01-01", "2024-06-30")]
    [InlineData("2024", PeriodKind.Year, "2024-01-01", "2024-12-31")]
    [InlineData("2024-01-15..2024-02-14", PeriodKind.Custom, "2024-01-15", "2024-02-14")]
    [InlineData("0001-01", PeriodKind.Month, "0001-01-01", "0001-01-31")]
    public void Parse_EachForm_KindAndDatesAndRoundTrip(string text, PeriodKind kind, string start, string end)
    {
        using var culture = new CultureScope("tr-TR");

        var period = AssessmentPeriod.Parse(text);

        Assert.Equal(kind, period.Kind);
        Assert.Equal(start, period.Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(end, period.End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-3")]
    [InlineData("24-03")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-q1")]
    [InlineData("2024-Q5")]
    [InlineData("2024-Q0")]
    [InlineData("2024-H3")]
    [InlineData(" 2024")]
    [InlineData("2024 ")]
    [InlineData("0000")]
    [InlineData("２０２４")] // full-width digits
    [InlineData("2024-02-30..2024-03-01")]
    [InlineData("2024-03-01..2024-02-01")]
    [InlineData("2024-03-01..")]
    [InlineData("2024-03-01...2024-03-02")]
    [InlineData("2024/03")]
    public void TryParse_Malformed_FalseWithMessageNamingText(string text)
    {
        Assert.False(AssessmentPeriod.TryParse(text, out var period, out var error));
        Assert.Null(period);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_FalseWithMessage()
    {
        Assert.False(AssessmentPeriod.TryParse(null, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_Malformed_FormatExceptionListsForms()
    {
        var error = Assert.Throws<FormatException>(() => AssessmentPeriod.Parse("2024-Q9"));

        Assert.Contains("'2024-Q9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-Q1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Months_Quarter_ThreeMonthsInOrder()
        => Assert.Equal(["2024-04", "2024-05", "2024-06"], AssessmentPeriod.Quarter(2024, 2).Months().Select(m => m.ToString()));

    [Fact]
    public void SubPeriods_YearIntoQuarters_FourQuarters()
        => Assert.Equal(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], AssessmentPeriod.OfYear(2024).SubPeriods(PeriodKind.Quarter).Select(m => m.ToString()));

    [Fact]
    public void Months_CustomAcrossMonthEnd_ClippedPieces()
    {
        var months = AssessmentPeriod.Parse("2024-01-15..2024-03-10").Months();

        Assert.Equal(["2024-01-15..2024-01-31", "2024-02", "2024-03-01..2024-03-10"], months.Select(m => m.ToString()));
        Assert.Equal(17 + 29 + 10, months.Sum(m => m.Days));
    }

    [Fact]
    public void SubPeriods_Custom_ArgumentException()
        => Assert.Throws<ArgumentException>(() => AssessmentPeriod.Month(2024, 1).SubPeriods(PeriodKind.Custom));

    [Theory]
    [InlineData("2024-02-29", PeriodKind.Quarter, "2024-Q1")]
    [InlineData("2024-07-01", PeriodKind.HalfYear, "2024-H2")]
    [InlineData("2024-06-30", PeriodKind.HalfYear, "2024-H1")]
    [InlineData("2024-12-31", PeriodKind.Month, "2024-12")]
    [InlineData("2024-10-01", PeriodKind.Year, "2024")]
    public void Containing_Date_CalendarPeriod(string date, PeriodKind kind, string expected)
    {
        var day = AssessmentPeriod.Parse(date + ".." + date).Start;

        Assert.Equal(expected, AssessmentPeriod.Containing(day, kind).ToString());
    }

    [Fact]
    public void Containing_Custom_ArgumentException()
        => Assert.Throws<ArgumentException>(() => AssessmentPeriod.Containing(new LocalDate(2024, 1, 1), PeriodKind.Custom));

    [Theory]
    [InlineData("2024-Q1", "2023-Q4", "2024-Q2")]
    [InlineData("2024-01", "2023-12", "2024-02")]
    [InlineData("2024-H2", "2024-H1", "2025-H1")]
    [InlineData("2024", "2023", "2025")]
    public void PreviousNext_CrossYear_Neighbours(string text, string previous, string next)
    {
        var period = AssessmentPeriod.Parse(text);

        Assert.Equal(previous, period.Previous().ToString());
        Assert.Equal(next, period.Next().ToString());
    }

    [Fact]
    public void Previous_Custom_InvalidOperationException()
        => Assert.Throws<InvalidOperationException>(() => AssessmentPeriod.Parse("2024-01-01..2024-01-10").Previous());

    [Fact]
    public void PreviousNext_CalendarEdges_InvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => AssessmentPeriod.Month(1, 1).Previous());
        Assert.Throws<InvalidOperationException>(() => AssessmentPeriod.OfYear(9999).Next());
    }

    [Fact]
    public void Equals_MonthAndCustomOverSameDates_NotEqual()
    {
        var month = AssessmentPeriod.Month(2024, 2);
        var custom = AssessmentPeriod.Custom(month.Interval);

        Assert.NotEqual(month, custom);
        Assert.Equal(month, AssessmentPeriod.Parse("2024-02"));
        Assert.Equal(month.GetHashCode(), AssessmentPeriod.Parse("2024-02").GetHashCode());
    }

    [Fact]
    public void Overlap_PartialAndDisjoint_ClippedOrNull()
    {
        var march = AssessmentPeriod.Month(2024, 3);

        Assert.Equal(new DateInterval(new LocalDate(2024, 3, 20), new LocalDate(2024, 3, 31)), march.Overlap(new LocalDate(2024, 3, 20), new LocalDate(2024, 5, 1)));
        Assert.Null(march.Overlap(new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 2)));
    }

    [Property(MaxTest = 300)]
    public Property SubPeriods_AnyCustomRange_TileItExactly()
    {
        var gen = from startDay in Gen.Choose(0, 3000)
                  from length in Gen.Choose(0, 800)
                  from kind in Gen.Elements(PeriodKind.Month, PeriodKind.Quarter, PeriodKind.HalfYear, PeriodKind.Year)
                  select (Start: new LocalDate(2020, 1, 1).PlusDays(startDay), Length: length, Kind: kind);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var period = AssessmentPeriod.Custom(c.Start, c.Start.PlusDays(c.Length));
            var parts = period.SubPeriods(c.Kind);
            var contiguous = parts.Zip(parts.Skip(1)).All(p => p.First.End.PlusDays(1) == p.Second.Start);
            return parts[0].Start == period.Start && parts[^1].End == period.End && contiguous && parts.Sum(p => p.Days) == period.Days;
        });
    }

    [Property(MaxTest = 300)]
    public Property ToString_AnyCalendarPeriod_ParsesBack()
    {
        var gen = from year in Gen.Choose(1, 9999)
                  from kind in Gen.Elements(PeriodKind.Month, PeriodKind.Quarter, PeriodKind.HalfYear, PeriodKind.Year)
                  from month in Gen.Choose(1, 12)
                  select AssessmentPeriod.Containing(new LocalDate(year, month, 1), kind);
        return Prop.ForAll(gen.ToArbitrary(), p => AssessmentPeriod.Parse(p.ToString()).Equals(p));
    }
}
