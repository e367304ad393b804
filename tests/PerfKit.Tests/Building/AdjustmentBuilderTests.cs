using System;
using System.Linq;
using PerfKit.Model;
using Xunit;
using static PerfKit.Tests.Building.BuilderTestKit;

namespace PerfKit.Tests.Building;

public sealed class AdjustmentBuilderTests
{
    [Fact]
    public void Validate_NegativePointsPerUnit_ReportsAdjustmentSize()
        => AssertSingle(Valid().Penalty("violations", "violations", -2m), ProblemCodes.AdjustmentSize, "adjustments[0].pointsPerUnit", "-2");

    [Fact]
    public void Validate_NegativeCap_ReportsAdjustmentSize()
        => AssertSingle(Valid().MaxBonus(5m).Bonus("certificates", "certificates", 2.5m, -1m), ProblemCodes.AdjustmentSize, "adjustments[0].cap", "-1");

    [Fact]
    public void Validate_ZeroSizes_AreValid()
        => Assert.Empty(Valid().Penalty("violations", "violations", 0m, 0m).Validate());

    [Fact]
    public void Validate_ScopedBonus_ReportsAdjustmentScope()
        => AssertSingle(
            Valid().MaxBonus(5m).Bonus("certificates", "certificates", 2.5m, 5m, a => a.ScopedTo("monthly")),
            ProblemCodes.AdjustmentScope, "adjustments[0].scope", "monthly");

    [Fact]
    public void Validate_PenaltyScopedToAnIndicator_ReportsAdjustmentScope()
        => AssertSingle(
            Valid().Penalty("late_loans", "late_loans", 1m, null, a => a.ScopedTo("monthly/a")),
            ProblemCodes.AdjustmentScope, "adjustments[0].scope", "monthly/a");

    [Fact]
    public void Validate_PenaltyScopedToNoNode_ReportsUnknownNode()
        => AssertSingle(
            Valid().Penalty("late_loans", "late_loans", 1m, null, a => a.ScopedTo("nowhere")),
            ProblemCodes.UnknownNode, "adjustments[0].scope", "nowhere");

    [Fact]
    public void Validate_AdjustmentsWithTheSameId_ReportsIdDuplicate()
        => AssertSingle(
            Valid().Penalty("p", "violations", 2m, 10m).Penalty("p", "late_loans", 1m),
            ProblemCodes.IdDuplicate, "adjustments[1]", "p");

    [Fact]
    public void Validate_AdjustmentIdBreakingTheIdRule_ReportsIdInvalid()
        => AssertSingle(Valid().Penalty("p p", "violations", 2m), ProblemCodes.IdInvalid, "adjustments[0]", "p p");

    [Fact]
    public void Validate_AdjustmentMeasureBreakingTheKeyRule_ReportsMeasureInvalid()
        => AssertSingle(Valid().Penalty("p", "compliance violations", 2m), ProblemCodes.MeasureInvalid, "adjustments[0].measure", "compliance violations");

    [Fact]
    public void Build_ScopedPenalty_KeepsTheNormalizedScope()
    {
        var scheme = Valid()
            .Penalty("late_loans", "late_loans", 1m, null, a => a.ScopedTo("/quarterly/").ZeroWhenMissing().Name("Late loans"))
            .Build();

        var rule = scheme.Adjustments.Single();
        Assert.Equal("quarterly", rule.ScopePath);
        Assert.Equal(AdjustmentKind.Penalty, rule.Kind);
        Assert.Equal(AdjustmentMissingPolicy.Zero, rule.Missing);
        Assert.Null(rule.Cap);
        Assert.Equal("Late loans", rule.Names.Default);
        Assert.Equal(["a", "b", "c", "late_loans"], scheme.Measures.ToArray());
    }

    [Fact]
    public void Members_NullArguments_Throw()
    {
        Valid().Penalty("p", "m", 1m, null, a =>
        {
            Assert.Throws<ArgumentNullException>(() => a.ScopedTo(null!));
            Assert.Throws<ArgumentNullException>(() => a.Name(null!));
            Assert.Throws<ArgumentNullException>(() => a.Name("zh-CN", null!));
        });
    }
}
