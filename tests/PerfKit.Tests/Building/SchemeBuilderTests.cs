using System;
using System.Linq;
using PerfKit.Building;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Building.BuilderTestKit;

namespace PerfKit.Tests.Building;

public sealed class SchemeBuilderTests
{
    [Fact]
    public void Validate_ValidScheme_ReportsNothing()
        => Assert.Empty(Valid().Validate());

    [Fact]
    public void TryBuild_ValidScheme_ReturnsTheSchemeAndNoProblems()
    {
        Assert.True(Valid().TryBuild(out var scheme, out var problems));
        Assert.NotNull(scheme);
        Assert.Empty(problems);
        Assert.Equal("unit-scheme@2024.1", scheme.ToString());
    }

    [Fact]
    public void TryBuild_InvalidScheme_ReturnsNullAndTheProblems()
    {
        Assert.False(Valid().Points(0m).TryBuild(out var scheme, out var problems));
        Assert.Null(scheme);
        Assert.NotEmpty(problems);
    }

    // ---- id, version, names ----

    [Theory]
    [InlineData("a bank")]
    [InlineData("_a")]
    [InlineData("银行")]
    [InlineData("")]
    public void Validate_InvalidSchemeId_ReportsIdInvalid(string id)
        => AssertSingle(Head(id).Tree(), ProblemCodes.IdInvalid, "id", id);

    [Fact]
    public void Validate_SchemeIdOf65Characters_ReportsIdInvalid()
    {
        var id = new string('a', 65);
        AssertSingle(Head(id).Tree(), ProblemCodes.IdInvalid, "id", id);
    }

    [Fact]
    public void Validate_SchemeIdOf64Characters_IsValid()
        => Assert.Empty(Head(new string('a', 64)).Tree().Validate());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankVersion_ReportsVersion(string version)
        => AssertSingle(Head(version: version).Tree(), ProblemCodes.VersionInvalid, "version", version);

    [Fact]
    public void Validate_VersionOf65Characters_ReportsVersion()
    {
        var version = new string('1', 65);
        AssertSingle(Head(version: version).Tree(), ProblemCodes.VersionInvalid, "version", version);
    }

    [Fact]
    public void Validate_NoSchemeName_ReportsNameMissing()
        => AssertSingle(
            Scheme.CreateBuilder("s", "1").Grade("D", null, 1m).Tree(),
            ProblemCodes.NameMissing, "scheme.name", null);

    [Fact]
    public void Validate_BlankSchemeName_ReportsNameMissing()
        => AssertSingle(Valid().Name("  "), ProblemCodes.NameMissing, "scheme.name", "  ");

    [Fact]
    public void Validate_BlankCultureName_ReportsNameMissing()
        => AssertSingle(Valid().Name("zh-CN", " "), ProblemCodes.NameMissing, "scheme.names.zh-CN", " ");

    [Theory]
    [InlineData("zh_CN")]
    [InlineData("-zh")]
    [InlineData("zh--CN")]
    [InlineData("")]
    public void Validate_MalformedCulture_ReportsNameCulture(string culture)
        => AssertSingle(Valid().Name(culture, "名称"), ProblemCodes.NameCulture, "scheme.names." + culture, culture);

    [Fact]
    public void Validate_CultureGivenTwiceInAnyCase_ReportsNameCulture()
        => AssertSingle(Valid().Name("zh-CN", "一").Name("zh-cn", "二"), ProblemCodes.NameCulture, "scheme.names.zh-cn", "zh-cn");

    // ---- points, bounds, rounding ----

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    public void Validate_PointsNotPositive_ReportsPointsRange(string points)
        => AssertSingle(Valid().Points(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture)), ProblemCodes.PointsRange, "points", points);

    [Fact]
    public void Validate_MinPointsAtTheDefaultMaximum_ReportsPointsBoundsAtMinPoints()
        => AssertSingle(Valid().MinPoints(100m), ProblemCodes.PointsBounds, "minPoints", "100"); // max = P + 0 = 100

    [Fact]
    public void Validate_MaxPointsBelowMinPoints_ReportsPointsBoundsAtMaxPoints()
        => AssertSingle(Valid().MinPoints(60m).MaxPoints(50m), ProblemCodes.PointsBounds, "maxPoints", "50");

    [Fact]
    public void Validate_MaxPointsEqualToMinPoints_ReportsPointsBounds()
        => AssertSingle(Valid().MinPoints(50m).MaxPoints(50m), ProblemCodes.PointsBounds, "maxPoints", "50");

    [Fact]
    public void Validate_NegativeMinPointsWithCoveringGrade_IsValid()
        => Assert.Empty(Valid().MinPoints(-20m).Validate());

    [Fact]
    public void Validate_BonusWithoutMaxBonus_ReportsMaxBonusRequired()
        => AssertSingle(Valid().Bonus("certificates", "certificates", 2.5m, 5m), ProblemCodes.MaxBonusRequired, "maxBonus", null);

    [Fact]
    public void Validate_NegativeMaxBonus_ReportsMaxBonusRange()
        => AssertSingle(Valid().MaxBonus(-1m), ProblemCodes.MaxBonusRange, "maxBonus", "-1");

    [Fact]
    public void Validate_MaxBonusCancellingP_ReportsOnlyMaxBonusRange()
        => AssertSingle(Valid().MaxBonus(-100m), ProblemCodes.MaxBonusRange, "maxBonus", "-100"); // not also "minPoints 0 ≥ maxPoints 0"

    [Fact]
    public void Validate_PointsNotPositiveWithDeclaredBounds_StillChecksTheBounds()
    {
        var problems = Valid().Points(0m).MinPoints(50m).MaxPoints(40m).Validate();

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.PointsRange, "points", "0"),
            p => AssertProblem(p, ProblemCodes.PointsBounds, "maxPoints", "40"));
    }

    [Fact]
    public void Validate_PPlusMaxBonusBeyondTheDecimalRange_ReportsMaxPointsRequiredInsteadOfThrowing()
        => AssertSingle(Valid().Points(7e28m).MaxBonus(5e28m), ProblemCodes.MaxPointsRequired, "maxPoints", null);

    [Fact]
    public void Validate_PPlusMaxBonusBeyondTheDecimalRangeWithDeclaredMaxPoints_IsValid()
        => Assert.Empty(Valid().Points(7e28m).MaxBonus(5e28m).MaxPoints(7.5e28m).Validate());

    [Fact]
    public void Validate_MaxBonusZero_IsValid()
        => Assert.Empty(Valid().MaxBonus(0m).Validate());

    [Fact]
    public void Validate_ScorerAboveOneWithoutMaxPoints_ReportsMaxPointsRequired()
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Indicator("a", 1m, "a", Scorers.Linear(0m, 10m, cap: 1.2m))),
            ProblemCodes.MaxPointsRequired, "maxPoints", null);

    [Fact]
    public void Validate_ScorerAboveOneWithMaxPoints_IsValid()
        => Assert.Empty(WithRoot(WeightMode.Fraction, r => r.Indicator("a", 1m, "a", Scorers.Linear(0m, 10m, cap: 1.2m))).MaxPoints(120m).Validate());

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void Validate_RoundingDecimalsOutOfRange_ReportsRoundingInvalid(int decimals)
        => AssertSingle(Valid().Rounding(decimals, MidpointRounding.AwayFromZero), ProblemCodes.RoundingInvalid, "rounding.decimals", decimals.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Validate_UndefinedRoundingMode_ReportsRoundingInvalid()
        => AssertSingle(Valid().Rounding(2, (MidpointRounding)99), ProblemCodes.RoundingInvalid, "rounding.mode", "99");

    [Fact]
    public void Build_Rounding_IsKept()
        => Assert.Equal(new RoundingPolicy(0, MidpointRounding.ToEven), Valid().Rounding(0, MidpointRounding.ToEven).Build().Rounding);

    // ---- root ----

    [Fact]
    public void Validate_NoRoot_ReportsRootMissing()
        => AssertSingle(Head(), ProblemCodes.RootMissing, "/", null);

    // ---- grades ----

    [Fact]
    public void Validate_NoGrades_ReportsGradesEmpty()
        => AssertSingle(Scheme.CreateBuilder("s", "1").Name("S").Tree(), ProblemCodes.GradesEmpty, "grades", null);

    [Fact]
    public void Validate_GradeNameRepeated_ReportsGradesDuplicate()
        => AssertSingle(
            Scheme.CreateBuilder("s", "1").Name("S").Grade("A", 90m, 1.3m).Grade("A", 80m, 1.1m).Grade("D", null, 0.7m).Tree(),
            ProblemCodes.GradeDuplicate, "grades[1]", "A");

    [Fact]
    public void Validate_GradeNameBreakingTheIdRule_ReportsIdInvalid()
        => AssertSingle(
            Scheme.CreateBuilder("s", "1").Name("S").Grade("A+", 95m, 1.5m).Grade("D", null, 0.7m).Tree(),
            ProblemCodes.IdInvalid, "grades[0]", "A+");

    [Fact]
    public void Validate_NegativeCoefficient_ReportsGradesCoefficient()
        => AssertSingle(
            Scheme.CreateBuilder("s", "1").Name("S").Grade("A", 90m, 1.3m).Grade("D", null, -0.1m).Tree(),
            ProblemCodes.GradeCoefficient, "grades[1].coefficient", "-0.1");

    [Fact]
    public void Validate_ZeroCoefficient_IsValid()
        => Assert.Empty(Scheme.CreateBuilder("s", "1").Name("S").Grade("A", 90m, 1.3m).Grade("D", null, 0m).Tree().Validate());

    [Fact]
    public void Validate_TwoCatchAllGrades_ReportsGradesOrderAtTheSecond()
        => AssertSingle(
            Scheme.CreateBuilder("s", "1").Name("S").Grade("A", 90m, 1.3m).Grade("C", null, 1m).Grade("D", null, 0.7m).Tree(),
            ProblemCodes.GradeOrder, "grades[2].minPoints", null);

    [Fact]
    public void Validate_TwoGradesWithTheSameMinimum_ReportsGradesOrder()
        => AssertSingle(
            Scheme.CreateBuilder("s", "1").Name("S").Grade("A", 90m, 1.3m).Grade("B", 90m, 1.1m).Grade("D", null, 0.7m).Tree(),
            ProblemCodes.GradeOrder, "grades[1].minPoints", "90");

    [Fact]
    public void Validate_LowestGradeAboveZero_ReportsGradesCoverage()
        => AssertSingle(
            Scheme.CreateBuilder("s", "1").Name("S").Grade("A", 90m, 1.3m).Grade("C", 60m, 1m).Tree(),
            ProblemCodes.GradeCoverage, "grades[1].minPoints", "60");

    [Fact]
    public void Validate_LowestGradeAboveNegativeMinPoints_ReportsGradesCoverage()
        => AssertSingle(
            Scheme.CreateBuilder("s", "1").Name("S").Grade("A", 90m, 1.3m).Grade("D", 0m, 0.7m).MinPoints(-20m).Tree(),
            ProblemCodes.GradeCoverage, "grades[1].minPoints", "0");

    [Fact]
    public void Validate_LowestGradeAtZero_CoversEveryTotal()
        => Assert.Empty(Scheme.CreateBuilder("s", "1").Name("S").Grade("A", 90m, 1.3m).Grade("D", 0m, 0.7m).Tree().Validate());

    [Fact]
    public void Build_GradesInAnyOrder_AreSortedBestToWorst()
    {
        var scheme = Scheme.CreateBuilder("s", "1").Name("S")
            .Grade("D", null, 0.7m).Grade("B", 80m, 1.1m).Grade("A", 90m, 1.3m).Grade("C", 60m, 1.0m)
            .Tree().Build();

        Assert.Equal(["A", "B", "C", "D"], scheme.Grades.Select(g => g.Name).ToArray());
        Assert.Equal([0, 1, 2, 3], scheme.Grades.Select(g => g.Rank).ToArray());
        Assert.Equal("C (≥ 60, × 1)", scheme.Grades[2].ToString());
        Assert.Equal("D (otherwise, × 0.7)", scheme.Grades[3].ToString());
    }

    // ---- all problems at once ----

    private static SchemeBuilder ManyProblems()
        => Scheme.CreateBuilder("bad id", "1")
            .Name("Broken")
            .Grade("A", 90m, 1.3m).Grade("A", 80m, 1.1m)
            .Root(WeightMode.Percent, r => r
                .Section("monthly", 60m, WeightMode.PointsOf(100m), m => m
                    .Indicator("a", 60m, "a", Scorers.Linear(5m, 5m))
                    .Indicator("b", 30m, "b b", Scorers.Linear(0m, 10m)))
                .Section("quarterly", 40m, WeightMode.Fraction, q => q
                    .Indicator("c", 0m, "c", Scorers.Linear(0m, 10m))))
            .Bonus("certificates", "certificates", 2.5m, 5m)
            .Gate("g", g => g.OnValue("monthly/zzz", 1m).CancelPayout());

    [Fact]
    public void Validate_ProblemsInManyPlaces_ReportsAllOfThemInOrder()
    {
        var problems = ValidateUnderTurkishCulture(ManyProblems());

        Assert.Collection(
            problems,
            p => AssertProblem(p, ProblemCodes.IdInvalid, "id", "bad id"),
            p => AssertProblem(p, ProblemCodes.WeightSum, "monthly", "90"),                       // 60 + 30 ≠ 100
            p => AssertProblem(p, ProblemCodes.LinearBaselineEqualsTarget, "monthly/a.scorer.target", "5"),
            p => AssertProblem(p, ProblemCodes.MeasureInvalid, "monthly/b.measure", "b b"),
            p => AssertProblem(p, ProblemCodes.WeightNonPositive, "quarterly/c", "0"),
            p => AssertProblem(p, ProblemCodes.GradeDuplicate, "grades[1]", "A"),
            p => AssertProblem(p, ProblemCodes.GradeCoverage, "grades[1].minPoints", "80"),       // no grade below 80
            p => AssertProblem(p, ProblemCodes.MaxBonusRequired, "maxBonus", null),
            p => AssertProblem(p, ProblemCodes.UnknownNode, "gates[0].node", "monthly/zzz"));
    }

    [Fact]
    public void Build_ProblemsInManyPlaces_ThrowsWithEveryProblemInTheMessage()
    {
        var ex = Assert.Throws<SchemeValidationException>(() => ManyProblems().Build());

        Assert.Equal(9, ex.Problems.Length);
        Assert.Equal(ManyProblems().Validate(), ex.Problems, (a, b) => a.ToString() == b.ToString());
        Assert.Contains("9 problem(s)", ex.Message, StringComparison.Ordinal);
        foreach (var problem in ex.Problems)
        {
            Assert.Contains(problem.ToString(), ex.Message, StringComparison.Ordinal);
        }

        Assert.Contains("[id.invalid] at id:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(value: monthly/zzz)", ex.Message, StringComparison.Ordinal);
    }

    // ---- builds and misuse ----

    [Fact]
    public void Build_Twice_ReturnsIndependentSchemes()
    {
        var builder = Valid();
        var first = builder.Build();

        builder.Gate("late", g => g.OnTotal(60m).CancelPayout());
        var second = builder.Build();

        Assert.NotSame(first, second);
        Assert.Empty(first.Gates);
        Assert.Single(second.Gates);
    }

    [Fact]
    public void Root_Twice_ThrowsInvalidOperation()
    {
        var builder = Valid();

        var ex = Assert.Throws<InvalidOperationException>(() => builder.Root(WeightMode.Fraction, r => r.Indicator("x", 1m, "x", Scorers.Linear(0m, 1m))));
        Assert.Contains("already defined", ex.Message, StringComparison.Ordinal);
        Assert.Contains("one Root(", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Scheme.CreateBuilder(null!, "1"));
        Assert.Throws<ArgumentNullException>(() => Scheme.CreateBuilder("s", null!));
    }

    [Fact]
    public void Members_NullArguments_Throw()
    {
        var builder = Head();

        Assert.Throws<ArgumentNullException>(() => builder.Name(null!));
        Assert.Throws<ArgumentNullException>(() => builder.Name(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => builder.Name("zh-CN", null!));
        Assert.Throws<ArgumentNullException>(() => builder.Grade(null!, 90m, 1m));
        Assert.Throws<ArgumentNullException>(() => builder.Root(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.Root(WeightMode.Fraction, null!));
        Assert.Throws<ArgumentNullException>(() => builder.Root(null!, WeightMode.Fraction, _ => { }));
        Assert.Throws<ArgumentNullException>(() => builder.Gate(null!, g => g.OnTotal(1m).CancelPayout()));
        Assert.Throws<ArgumentNullException>(() => builder.Gate("g", null!));
        Assert.Throws<ArgumentNullException>(() => builder.Bonus(null!, "m", 1m));
        Assert.Throws<ArgumentNullException>(() => builder.Bonus("b", null!, 1m));
        Assert.Throws<ArgumentNullException>(() => builder.Penalty(null!, "m", 1m));
        Assert.Throws<ArgumentNullException>(() => builder.Penalty("p", null!, 1m));
    }

    [Fact]
    public void SchemeValidationException_NoProblems_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SchemeValidationException([]));
        Assert.Throws<ArgumentNullException>(() => new SchemeValidationException(null!));
    }
}
