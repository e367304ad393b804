using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="OverrideRecord"/> (behaviour is covered by the evaluator's override tests).</summary>
public sealed class OverrideRecordTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(OverrideRecord));
}
