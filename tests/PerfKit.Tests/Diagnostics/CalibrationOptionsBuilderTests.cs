using System;
using System.Linq;
using PerfKit.Diagnostics;
using PerfKit.Model;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Diagnostics;

public class CalibrationOptionsBuilderTests
{
    [Fact]
    public void Build_Defaults_FollowTheSpec()
    {
        var options = CalibrationOptions.Default;

        Assert.Equal([GroupKind.Dimension, GroupKind.Objective], options.Kinds.ToArray());
        Assert.Equal(0.6m, options.CategoryThresholds[DimensionCategory.Financial].TooHard);
        Assert.Equal(0.9m, options.CategoryThresholds[DimensionCategory.Customer].TooEasy);
        Assert.Equal(0.7m, options.CategoryThresholds[DimensionCategory.InternalProcess].BelowRequirement);
        Assert.Null(options.CategoryThresholds[DimensionCategory.LearningAndGrowth].TooHard);
        Assert.Same(CalibrationThresholds.Stretch, options.UncategorizedThresholds);
        Assert.Equal(0.5m, options.AdviceShare);
        Assert.Empty(options.Categories);
    }

    [Fact]
    public void Build_EveryProblem_IsReportedAtOnce()
    {
        var builder = CalibrationOptions.CreateBuilder()
            .Category("financial", DimensionCategory.Financial)
            .Category("financial", DimensionCategory.Customer)
            .Category("fin//x", DimensionCategory.Customer)
            .Thresholds(DimensionCategory.Customer, CalibrationThresholds.Create(0.9m, 0.9m))
            .UncategorizedThresholds(CalibrationThresholds.Create(0.8m, 0.7m))
            .Thresholds("a", CalibrationThresholds.Stretch)
            .Thresholds("a", CalibrationThresholds.Requirement)
            .Thresholds("b", CalibrationThresholds.Create(1m, 0.5m))
            .AdviceShare(0m);

        var e = Assert.Throws<RuleValidationException>(builder.Build);

        Assert.Equal(
            [
                (ProblemCodes.CalibrationPath, "categories[1]"),
                (ProblemCodes.CalibrationPath, "categories[2]"),
                (ProblemCodes.CalibrationThreshold, "categoryThresholds.Customer"),
                (ProblemCodes.CalibrationThreshold, "uncategorizedThresholds"),
                (ProblemCodes.CalibrationPath, "pathThresholds[1]"),
                (ProblemCodes.CalibrationThreshold, "pathThresholds[2]"),
                (ProblemCodes.CalibrationAdviceShare, "adviceShare"),
            ],
            e.Problems.Select(p => (p.Code, p.Path)));
    }

    [Theory]
    [InlineData("1.01")]
    [InlineData("-0.5")]
    public void Build_AdviceShareOutsideRange_IsAProblem(string share)
    {
        using var _ = new CultureScope("de-DE");
        var e = Assert.Throws<RuleValidationException>(() => CalibrationOptions.CreateBuilder().AdviceShare(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)).Build());

        var problem = Assert.Single(e.Problems);
        Assert.Equal(ProblemCodes.CalibrationAdviceShare, problem.Code);
        Assert.Equal(share, problem.AttemptedValue);
    }

    [Fact]
    public void Build_AdviceShareOne_IsAccepted()
        => Assert.Equal(1m, CalibrationOptions.CreateBuilder().AdviceShare(1m).Build().AdviceShare);

    [Fact]
    public void Methods_Misuse_Throws()
    {
        var builder = CalibrationOptions.CreateBuilder();
        Assert.Throws<ArgumentNullException>(() => builder.Category(null!, DimensionCategory.Financial));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Category("a", (DimensionCategory)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Thresholds((DimensionCategory)9, CalibrationThresholds.None));
        Assert.Throws<ArgumentNullException>(() => builder.Thresholds("a", null!));
        Assert.Throws<ArgumentNullException>(() => builder.UncategorizedThresholds(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Check((GroupKind)9));
        Assert.Throws<ArgumentNullException>(() => builder.Check(null!));
    }

    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(CalibrationOptions));
        Immutability.AssertImmutable(typeof(CalibrationThresholds));
        Immutability.AssertImmutable(typeof(CalibrationFinding));
        Immutability.AssertImmutable(typeof(CalibrationShare));
    }
}
