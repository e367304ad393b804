using System;
using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Building.BuilderTestKit;

namespace PerfKit.Tests.Building;

public sealed partial class GroupBuilderTests
{
    private static readonly ScorerSpec L = Scorers.Linear(0m, 10m);

    [Fact]
    public void Validate_EmptySection_ReportsGroupEmpty()
        => AssertSingle(
            WithRoot(WeightMode.Percent, r => r
                .Section("monthly", 60m, WeightMode.Fraction, _ => { })
                .Indicator("c", 40m, "c", L)),
            ProblemCodes.GroupEmpty, "monthly", null);

    [Fact]
    public void Validate_EmptyRoot_ReportsGroupEmptyAtTheRoot()
        => AssertSingle(WithRoot(WeightMode.Fraction, _ => { }), ProblemCodes.GroupEmpty, "/", null);

    [Fact]
    public void Validate_IndicatorIdBreakingTheIdRule_ReportsIdInvalidAtItsPath()
        => AssertSingle(
            WithRoot(WeightMode.Percent, r => r.Section("monthly", 100m, WeightMode.Fraction, m => m.Indicator("new accounts", 1m, "new_accounts", L))),
            ProblemCodes.IdInvalid, "monthly/new accounts", "new accounts");

    [Fact]
    public void Validate_EmptyIdUnderTheRoot_ReportsIdInvalidAtItsPositionNotAtTheRoot()
        => AssertSingle(
            WithRoot(WeightMode.Percent, r => r.Indicator("a", 60m, "a", L).Indicator("", 40m, "b", L)),
            ProblemCodes.IdInvalid, "children[1]", "");

    [Fact]
    public void Validate_EmptyIdInASection_ReportsIdInvalidAtItsPosition()
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Section("monthly", 1m, WeightMode.Fraction, m => m.Indicator("", 1m, "a", L))),
            ProblemCodes.IdInvalid, "monthly/children[0]", "");

    [Fact]
    public void Validate_GroupIdBreakingTheIdRule_ReportsIdInvalidAtItsPath()
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Section("month/ly", 1m, WeightMode.Fraction, m => m.Indicator("a", 1m, "a", L))),
            ProblemCodes.IdInvalid, "month/ly", "month/ly");

    [Fact]
    public void Validate_RootIdBreakingTheIdRule_ReportsIdInvalidAtTheRoot()
        => AssertSingle(
            Head().Root("the root", WeightMode.Fraction, r => r.Indicator("a", 1m, "a", L)),
            ProblemCodes.IdInvalid, "/", "the root");

    [Fact]
    public void Validate_SiblingsWithTheSameId_ReportsIdDuplicateAtTheSecond()
        => AssertSingle(
            WithRoot(WeightMode.Percent, r => r.Section("monthly", 100m, WeightMode.PointsOf(100m), m => m
                .Indicator("a", 60m, "a", L)
                .Indicator("a", 40m, "a2", L))),
            ProblemCodes.IdDuplicate, "monthly/a", "a");

    [Fact]
    public void Validate_SameIdInDifferentGroups_IsValid()
        => Assert.Empty(WithRoot(WeightMode.Percent, r => r
            .Section("monthly", 50m, WeightMode.Fraction, m => m.Indicator("a", 1m, "a", L))
            .Section("quarterly", 50m, WeightMode.Fraction, q => q.Indicator("a", 1m, "a", L)))
            .Validate());

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void Validate_IndicatorWeightNotPositive_ReportsWeightNonPositive(string weight)
        => AssertSingle(
            WithRoot(WeightMode.Normalize, r => r
                .Indicator("a", decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), "a", L)
                .Indicator("b", 1m, "b", L)),
            ProblemCodes.WeightNonPositive, "a", weight);

    [Fact]
    public void Validate_GroupWeightZero_ReportsWeightNonPositiveAtTheGroup()
        => AssertSingle(
            WithRoot(WeightMode.Normalize, r => r
                .Section("monthly", 0m, WeightMode.Fraction, m => m.Indicator("a", 1m, "a", L))
                .Indicator("b", 1m, "b", L)),
            ProblemCodes.WeightNonPositive, "monthly", "0");

    [Fact]
    public void Validate_FractionWeightsNotSummingToOne_ReportsWeightSum()
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r
                .Section("quarterly", 1m, WeightMode.Fraction, q => q
                    .Indicator("a", 0.5m, "a", L)
                    .Indicator("b", 0.4m, "b", L))),
            ProblemCodes.WeightSum, "quarterly", "0.9");

    [Fact]
    public void Validate_PercentWeightsNotSummingToHundred_ReportsWeightSumAtTheRoot()
        => AssertSingle(
            WithRoot(WeightMode.Percent, r => r
                .Indicator("a", 60m, "a", L)
                .Indicator("b", 30m, "b", L)),
            ProblemCodes.WeightSum, "/", "90");

    [Fact]
    public void Validate_PercentWeightsAboveHundred_ReportsWeightSum()
        => AssertSingle(
            WithRoot(WeightMode.Percent, r => r
                .Indicator("a", 60m, "a", L)
                .Indicator("b", 40.01m, "b", L)),
            ProblemCodes.WeightSum, "/", "100.01");

    [Fact]
    public void Validate_PointsWeightsNotSummingToN_ReportsWeightSum()
    {
        // The A bank's monthly section with the activity indicator at 3 instead of 4: 50 + 30 + 10 + 6 + 3 = 99 ≠ 100.
        var problem = AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Section("monthly", 1m, WeightMode.PointsOf(100m), m => m
                .Indicator("new_accounts", 50m, "new_accounts", L)
                .Indicator("net_new_accounts", 30m, "net_new_accounts", L)
                .Indicator("monthly_exam", 10m, "monthly_exam", L)
                .Indicator("mentoring", 6m, "mentoring", L)
                .Indicator("activity", 3m, "activity", L))),
            ProblemCodes.WeightSum, "monthly", "99");
        Assert.Contains("points(100)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NormalizeWithAnyPositiveWeights_IsValid()
        => Assert.Empty(WithRoot(WeightMode.Normalize, r => r
            .Indicator("a", 1m, "a", L)
            .Indicator("b", 1m, "b", L)
            .Indicator("c", 7.5m, "c", L)).Validate());

    [Fact]
    public void Validate_WeightsSummingBeyondTheDecimalRange_ReportsWeightSumInsteadOfThrowing()
        => AssertSingle(
            WithRoot(WeightMode.Normalize, r => r
                .Indicator("a", 5e28m, "a", L)
                .Indicator("b", 5e28m, "b", L)),
            ProblemCodes.WeightSum, "/", "50000000000000000000000000000"); // 5e28 + 5e28 > 7.9e28

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void Validate_PointsModeWithNonPositiveN_ReportsWeightPointsOnly(string n)
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Section("monthly", 1m, WeightMode.PointsOf(decimal.Parse(n, System.Globalization.CultureInfo.InvariantCulture)), m => m
                .Indicator("a", 1m, "a", L))),
            ProblemCodes.WeightPoints, "monthly", n);

    [Fact]
    public void Validate_BlankGroupName_ReportsNameMissing()
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Section("monthly", 1m, WeightMode.Fraction, m => m.Name(" ").Indicator("a", 1m, "a", L))),
            ProblemCodes.NameMissing, "monthly.name", " ");

    [Fact]
    public void Build_GroupKinds_AreKept()
    {
        var scheme = WithRoot(WeightMode.Normalize, r => r
            .OfKind(GroupKind.Section)
            .Dimension("financial", 1m, WeightMode.Fraction, d => d
                .Objective("grow", 1m, WeightMode.Fraction, o => o.Indicator("kr", 1m, "kr", L)))
            .Group(GroupKind.Custom, "other", 1m, WeightMode.Fraction, g => g.Indicator("x", 1m, "x", L)))
            .Build();

        Assert.Equal(GroupKind.Section, scheme.Root.Kind);
        Assert.True(scheme.TryFindNode("financial", out var financial));
        Assert.Equal(GroupKind.Dimension, ((GroupNode)financial).Kind);
        Assert.True(scheme.TryFindNode("financial/grow", out var grow));
        Assert.Equal(GroupKind.Objective, ((GroupNode)grow).Kind);
        Assert.Equal(["financial", "financial/grow", "financial/grow/kr", "other", "other/x"], scheme.Root.DescendantsAndSelf().Skip(1).Select(n => n.Path).ToArray());
    }

    [Fact]
    public void Members_NullArgumentsOrUndefinedKind_Throw()
    {
        Head().Root(WeightMode.Fraction, r =>
        {
            Assert.Throws<ArgumentNullException>(() => r.Name(null!));
            Assert.Throws<ArgumentNullException>(() => r.Section(null!, 1m, WeightMode.Fraction, _ => { }));
            Assert.Throws<ArgumentNullException>(() => r.Section("s", 1m, null!, _ => { }));
            Assert.Throws<ArgumentNullException>(() => r.Section("s", 1m, WeightMode.Fraction, null!));
            Assert.Throws<ArgumentNullException>(() => r.Indicator(null!, 1m, "m", L));
            Assert.Throws<ArgumentNullException>(() => r.Indicator("i", 1m, null!, L));
            Assert.Throws<ArgumentNullException>(() => r.Indicator("i", 1m, "m", null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => r.OfKind((GroupKind)42));
        });
    }
}
