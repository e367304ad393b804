using System;
using System.Linq;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Scoring;

public sealed class ScorerRegistryTests
{
    [Fact]
    public void Default_HoldsTheBuiltInKindsSortedByName()
        => Assert.Equal(["band", "linear", "rating", "threshold"], ScorerRegistry.Default.Kinds.Select(k => k.Name).ToArray());

    [Fact]
    public void With_NewKind_ReturnsANewRegistryAndLeavesTheDefaultAlone()
    {
        var registry = ScorerRegistry.Default.With(new ClosenessScorerKind());

        Assert.True(registry.TryGet("closeness", out var kind));
        Assert.Equal("closeness", kind.Name);
        Assert.False(ScorerRegistry.Default.TryGet("closeness", out _));
        Assert.Equal(5, registry.Kinds.Count());
    }

    [Fact]
    public void With_DuplicateName_Throws()
    {
        var registry = ScorerRegistry.Default.With(new ClosenessScorerKind());

        var ex = Assert.Throws<ArgumentException>(() => registry.With(new ClosenessScorerKind()));
        Assert.Contains("already registered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_BuiltInName_Throws()
        => Assert.Throws<ArgumentException>(() => ScorerRegistry.Default.With(new ClosenessScorerKind("linear")));

    [Theory]
    [InlineData("close ness")]
    [InlineData("")]
    [InlineData("-closeness")]
    [InlineData("closeness.v2")]
    public void With_InvalidName_Throws(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => ScorerRegistry.Default.With(new ClosenessScorerKind(name)));
        Assert.Equal("kind", ex.ParamName);
    }

    [Fact]
    public void With_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => ScorerRegistry.Default.With(null!));

    [Fact]
    public void TryGet_UnknownName_ReturnsFalse()
        => Assert.False(ScorerRegistry.Default.TryGet("closeness", out _));

    [Fact]
    public void TryGet_NamesAreCaseSensitive()
        => Assert.False(ScorerRegistry.Default.TryGet("Linear", out _));
}
