using System;
using System.Linq;
using PerfKit.Model;
using Xunit;
using static PerfKit.Tests.Building.BuilderTestKit;

namespace PerfKit.Tests.Building;

public sealed class IndicatorBuilderTests
{
    [Theory]
    [InlineData("new accounts")]
    [InlineData(".daily")]
    [InlineData("余额")]
    public void Validate_MeasureBreakingTheKeyRule_ReportsMeasureInvalid(string measure)
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Section("monthly", 1m, WeightMode.Fraction, m => m.Indicator("a", 1m, measure, PerfKit.Scoring.Scorers.Linear(0m, 10m)))),
            ProblemCodes.MeasureInvalid, "monthly/a.measure", measure);

    [Fact]
    public void Validate_EmptyMeasure_ReportsMeasureInvalid()
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Indicator("a", 1m, "", PerfKit.Scoring.Scorers.Linear(0m, 10m))),
            ProblemCodes.MeasureInvalid, "a.measure", "");

    [Fact]
    public void Validate_NamespacedMeasure_IsValid()
    {
        var scheme = WithRoot(WeightMode.Normalize, r => r
            .Indicator("a", 1m, "deposit.daily_avg", PerfKit.Scoring.Scorers.Linear(0m, 10m))
            .Indicator("b", 1m, "crm:visits-2024", PerfKit.Scoring.Scorers.Linear(0m, 10m)))
            .Build();

        Assert.Equal(["deposit.daily_avg", "crm:visits-2024"], scheme.Measures.ToArray());
    }

    [Fact]
    public void Validate_TagBreakingTheIdRule_ReportsTagInvalid()
        => AssertSingle(Head().Tree(a => a.Tags("scale", "big scale")), ProblemCodes.TagInvalid, "monthly/a.tags", "big scale");

    [Fact]
    public void Validate_TagGivenTwice_ReportsTagInvalid()
        => AssertSingle(Head().Tree(a => a.Tags("scale", "risk").Tags("scale")), ProblemCodes.TagInvalid, "monthly/a.tags", "scale");

    [Fact]
    public void Build_Tags_AreSortedAndDistinct()
        => Assert.Equal(["deposit", "inclusive-finance", "scale"], Head().Tree(a => a.Tags("scale", "inclusive-finance").Tags("deposit")).Build().Indicators[0].Tags.ToArray());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 characters
    public void Validate_BlankOrLongUnit_ReportsUnitInvalid(string unit)
        => AssertSingle(Head().Tree(a => a.Unit(unit)), ProblemCodes.UnitInvalid, "monthly/a.unit", unit);

    [Fact]
    public void Build_UnitOf32Characters_IsKept()
        => Assert.Equal("abcdefghijklmnopqrstuvwxyz012345", Head().Tree(a => a.Unit("abcdefghijklmnopqrstuvwxyz012345")).Build().Indicators[0].Unit);

    [Fact]
    public void Validate_BlankIndicatorName_ReportsNameMissing()
        => AssertSingle(Head().Tree(a => a.Name("")), ProblemCodes.NameMissing, "monthly/a.name", "");

    [Fact]
    public void Validate_MalformedIndicatorCulture_ReportsNameCulture()
        => AssertSingle(Head().Tree(a => a.Name("zh CN", "新增户数")), ProblemCodes.NameCulture, "monthly/a.names.zh CN", "zh CN");

    [Fact]
    public void Build_Settings_AreKept()
    {
        var a = Head().Tree(i => i
            .Name("New accounts").Name("zh-CN", "新增户数")
            .WhenMissing(MissingValuePolicy.Exclude)
            .AggregatedBy(ValueAggregation.Count))
            .Build().Indicators[0];

        Assert.Equal("New accounts", a.Names.Default);
        Assert.Equal("新增户数", a.Names.Get("zh-CN"));
        Assert.Equal(MissingValuePolicy.Exclude, a.Missing);
        Assert.Equal(ValueAggregation.Count, a.Aggregation);
        Assert.Equal("monthly/a", a.Path);
        Assert.True(a.IsIndicator);
    }

    [Fact]
    public void Build_Defaults_AreErrorPolicyAndIdAsName()
    {
        var a = Valid().Build().Indicators[0];

        Assert.Equal("a", a.Names.Default);
        Assert.Equal(MissingValuePolicy.Error, a.Missing);
        Assert.Null(a.Aggregation);
        Assert.Null(a.Unit);
        Assert.Empty(a.Tags);
    }

    [Fact]
    public void Members_NullOrUndefinedArguments_Throw()
    {
        Head().Tree(a =>
        {
            Assert.Throws<ArgumentNullException>(() => a.Name(null!));
            Assert.Throws<ArgumentNullException>(() => a.Name("zh-CN", null!));
            Assert.Throws<ArgumentNullException>(() => a.Tags(null!));
            Assert.Throws<ArgumentException>(() => a.Tags("scale", null!));
            Assert.Throws<ArgumentNullException>(() => a.Unit(null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => a.WhenMissing((MissingValuePolicy)7));
            Assert.Throws<ArgumentOutOfRangeException>(() => a.AggregatedBy((ValueAggregation)99));
        });
    }
}
