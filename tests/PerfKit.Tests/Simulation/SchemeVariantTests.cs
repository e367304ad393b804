using System;
using PerfKit.Evaluation;
using PerfKit.Simulation;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Simulation;

/// <summary>Tests of <see cref="SchemeVariant"/> and the immutability of the report types.</summary>
public sealed class SchemeVariantTests
{
    [Theory]
    [InlineData(typeof(SchemeVariant))]
    [InlineData(typeof(SimulationReport))]
    [InlineData(typeof(VariantOutcome))]
    [InlineData(typeof(VariantComparison))]
    [InlineData(typeof(PopulationFigures))]
    [InlineData(typeof(GroupFigures))]
    [InlineData(typeof(GradeCount))]
    [InlineData(typeof(GatePassRate))]
    [InlineData(typeof(GradeShift))]
    [InlineData(typeof(SubjectGradeChange))]
    [InlineData(typeof(GatePassRateChange))]
    [InlineData(typeof(GroupImpact))]
    public void Types_AreImmutable(Type type) => Immutability.AssertImmutable(type);

    [Fact]
    public void Of_WithoutOptions_Default()
    {
        var scheme = EvaluationFixtures.ThreeIndicators();

        var variant = SchemeVariant.Of("current", scheme);

        Assert.Equal("current", variant.Name);
        Assert.Same(scheme, variant.Scheme);
        Assert.Same(EvaluatorOptions.Default, variant.Options);
    }

    [Fact]
    public void Of_WithOptions_Kept()
    {
        var options = new EvaluatorOptions { UnknownMeasures = UnknownMeasureHandling.Ignore };

        Assert.Same(options, SchemeVariant.Of("v", EvaluationFixtures.ThreeIndicators(), options).Options);
    }

    [Fact]
    public void Of_Misuse_Throws()
    {
        Assert.Throws<ArgumentException>(() => SchemeVariant.Of(" ", EvaluationFixtures.ThreeIndicators()));
        Assert.Throws<ArgumentNullException>(() => SchemeVariant.Of(null!, EvaluationFixtures.ThreeIndicators()));
        Assert.Throws<ArgumentNullException>(() => SchemeVariant.Of("v", null!));
    }
}
