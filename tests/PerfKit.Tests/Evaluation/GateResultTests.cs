using PerfKit.Evaluation;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="GateResult"/> (behaviour is covered by the evaluator's gate tests).</summary>
public sealed class GateResultTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(GateResult));

    [Fact]
    public void GateResult_RefersToTheSchemesGate()
    {
        var scheme = ThreeIndicators(more: b => b.Gate("gate_a", g => g.OnValue("a", 8m).CancelPayout()));

        var gate = Assert.Single(Assess(scheme, Abc(8m, 10m, 10m)).Gates);

        Assert.Same(scheme.Gates[0], gate.Gate);
        Assert.True(gate.Passed);
        Assert.False(gate.IsMissing);
        Assert.Equal(8m, gate.Actual);
    }
}
