using System;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Periods.PeriodsFixtures;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="ObservationSet"/>, <see cref="ObservationSetBuilder"/> and <see cref="Observation"/>.</summary>
public sealed class ObservationSetTests
{
    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(ObservationSet));
        Immutability.AssertImmutable(typeof(Observation));
    }

    [Fact]
    public void Add_LocalDate_KeptAsGivenInOrder()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 5), 2m).Add("m", D(2024, 3, 1), 1m).Build();

        Assert.Equal("S1", set.SubjectId);
        Assert.Equal([D(2024, 3, 5), D(2024, 3, 1)], set.Items.Select(o => o.Date));
        Assert.Null(set.Items[0].At);
        Assert.Empty(set.Problems);
    }

    [Fact]
    public void Add_InstantAt2330LocalNextDayInUtc_CountsOnTheLocalDate()
    {
        // 2024-03-31 23:30 in New York is EDT (UTC−4), so the instant is 2024-04-01T03:30Z: the next day in UTC.
        var at = InstantPattern.ExtendedIso.Parse("2024-04-01T03:30:00Z").Value;

        var set = ObservationSet.For("S1").Add("m", at, "America/New_York", 5m).Build();

        Assert.Equal(D(2024, 3, 31), set.Items[0].Date);
        Assert.Equal(at, set.Items[0].At);
        Assert.Equal("America/New_York", set.Items[0].ZoneId);
    }

    [Fact]
    public void Add_InstantAfterSpringForward_UsesDaylightOffset()
    {
        // New York moves from EST (UTC−5) to EDT (UTC−4) on 2024-03-10 at 02:00. 2024-03-11T04:30Z is 00:30 EDT on
        // 03-11; read with the winter offset it would wrongly be 23:30 on 03-10.
        var at = InstantPattern.ExtendedIso.Parse("2024-03-11T04:30:00Z").Value;
        // 2024-03-10T06:30Z is before the change: 01:30 EST on 03-10.
        var before = InstantPattern.ExtendedIso.Parse("2024-03-10T06:30:00Z").Value;

        var set = ObservationSet.For("S1").Add("m", at, "America/New_York", 1m).Add("m", before, "America/New_York", 1m).Build();

        Assert.Equal(D(2024, 3, 11), set.Items[0].Date);
        Assert.Equal(D(2024, 3, 10), set.Items[1].Date);
    }

    [Fact]
    public void Add_InstantInShanghai_EightHoursAhead()
    {
        // 2024-02-29T16:30Z is 2024-03-01 00:30 in Shanghai (UTC+8, no daylight saving).
        var at = InstantPattern.ExtendedIso.Parse("2024-02-29T16:30:00Z").Value;

        var set = ObservationSet.For("S1").Add("m", at, "Asia/Shanghai", 1m).Build();

        Assert.Equal(D(2024, 3, 1), set.Items[0].Date);
    }

    [Fact]
    public void Add_UnknownZone_ProblemNamingZoneSubjectAndMeasure()
    {
        var set = ObservationSet.For("S1").Add("deposits", Instant.FromUnixTimeSeconds(0), "Mars/Olympus_Mons", 1m).Build();

        var problem = Assert.Single(set.Problems);
        Assert.Equal(ProblemCodes.ObservationZone, problem.Code);
        Assert.Equal("deposits", problem.Path);
        Assert.Equal("Mars/Olympus_Mons", problem.AttemptedValue);
        Assert.Equal("S1", problem.SubjectId);
        Assert.Contains("'Mars/Olympus_Mons'", problem.Message, StringComparison.Ordinal);
        Assert.Empty(set.Items);
    }

    [Fact]
    public void OpeningBalance_GivenTwice_ProblemAndFirstKept()
    {
        var set = ObservationSet.For("S1").OpeningBalance("m", 10m).OpeningBalance("m", 20m).Build();

        var problem = Assert.Single(set.Problems);
        Assert.Equal(ProblemCodes.ValueDuplicate, problem.Code);
        Assert.Equal("openingBalances.m", problem.Path);
        Assert.Equal(10m, set.OpeningBalances["m"]);
    }

    [Fact]
    public void Builder_Misuse_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ObservationSet.For(null!));
        Assert.Throws<ArgumentException>(() => ObservationSet.For(" "));
        var builder = ObservationSet.For("S1");
        Assert.Throws<ArgumentNullException>(() => builder.Add(null!, D(2024, 1, 1), 1m));
        Assert.Throws<ArgumentNullException>(() => builder.Add("m", Instant.FromUnixTimeSeconds(0), null!, 1m));
        Assert.Throws<ArgumentNullException>(() => builder.OpeningBalance(null!, 1m));
        Assert.Throws<ArgumentException>(() => builder.Add("m", new LocalDate(2024, 1, 1, CalendarSystem.Julian), 1m));
    }

    [Fact]
    public void ToString_DeDeCulture_InvariantText()
    {
        using var _ = new CultureScope("de-DE");
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 5), 1234.5m).Build();

        Assert.Equal("m 2024-03-05 = 1234.5", set.Items[0].ToString());
    }
}
