using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="Exclusion"/> (behaviour is covered by the evaluator's missing-value tests).</summary>
public sealed class ExclusionTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(Exclusion));
}
