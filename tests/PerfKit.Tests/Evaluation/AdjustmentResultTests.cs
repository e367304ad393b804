using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="AdjustmentResult"/> (behaviour is covered by the evaluator's adjustment tests).</summary>
public sealed class AdjustmentResultTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(AdjustmentResult));
}
