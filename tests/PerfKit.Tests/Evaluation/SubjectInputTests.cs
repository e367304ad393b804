using System;
using System.Linq;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="SubjectInput"/>.</summary>
public sealed partial class SubjectInputTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(SubjectInput));

    [Fact]
    public void For_NullId_ArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => SubjectInput.For(null!));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void For_BlankId_ArgumentException(string id)
        => Assert.Throws<ArgumentException>(() => SubjectInput.For(id));

    [Fact]
    public void Build_Empty_EmptyNonDefaultCollections()
    {
        var input = SubjectInput.For("CM001").Build();

        Assert.Equal("CM001", input.SubjectId);
        Assert.Empty(input.Values);
        Assert.Empty(input.Ratings);
        Assert.Null(input.BasePay);
        Assert.False(input.Overrides.IsDefault);
        Assert.Empty(input.Overrides);
        Assert.False(input.Problems.IsDefault);
        Assert.Empty(input.Problems);
    }

    [Fact]
    public void Values_OrderedByMeasureKeyOrdinally()
    {
        var input = SubjectInput.For("S1").Value("b", 1m).Value("B", 2m).Value("a", 3m).Build();

        Assert.Equal(new[] { "B", "a", "b" }, input.Values.Keys);
    }

    [Fact]
    public void Overrides_KeptInGivenOrder()
    {
        var first = Override.OfScore("x", 1m, "r1", "a");
        var second = Override.OfValue("y", 2m, "r2", "b");

        var input = SubjectInput.For("S1").With(first).With(second).Build();

        Assert.Equal(new[] { first, second }, input.Overrides.ToArray());
    }

    [Fact]
    public void Values_DecimalKeptExactly()
    {
        // No rounding on the way in: 28 significant digits survive.
        var input = SubjectInput.For("S1").Value("m", 1.234567890123456789012345678m).Build();

        Assert.Equal(1.234567890123456789012345678m, input.Values["m"]);
    }
}
