using System;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="Override"/>.</summary>
public sealed class OverrideTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(Override));

    [Fact]
    public void OfValue_Arguments_KeptAsGiven()
    {
        var o = Override.OfValue("monthly/new_accounts", 10m, "appeal 2024-03", "branch.head");

        Assert.Equal(OverrideKind.Value, o.Kind);
        Assert.Equal("monthly/new_accounts", o.Path);
        Assert.Equal(10m, o.Replacement);
        Assert.Equal("appeal 2024-03", o.Reason);
        Assert.Equal("branch.head", o.Author);
    }

    [Fact]
    public void OfScore_Arguments_KeptAsGiven()
    {
        var o = Override.OfScore("quarterly/npl_rate", 0.8m, "write-off approved", "risk.committee");

        Assert.Equal(OverrideKind.Score, o.Kind);
        Assert.Equal(0.8m, o.Replacement);
    }

    [Theory]
    [InlineData("", "author")]
    [InlineData(" ", "author")]
    [InlineData("reason", "")]
    [InlineData("reason", "\t")]
    public void OfValueAndOfScore_BlankReasonOrAuthor_ArgumentException(string reason, string author)
    {
        Assert.Throws<ArgumentException>(() => Override.OfValue("a", 1m, reason, author));
        Assert.Throws<ArgumentException>(() => Override.OfScore("a", 1m, reason, author));
    }

    [Fact]
    public void OfValueAndOfScore_NullArguments_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Override.OfValue(null!, 1m, "r", "a"));
        Assert.Throws<ArgumentNullException>(() => Override.OfValue("a", 1m, null!, "a"));
        Assert.Throws<ArgumentNullException>(() => Override.OfScore("a", 1m, "r", null!));
    }

    [Fact]
    public void OfValueAndOfScore_WithoutInstant_DecidedAtNull()
    {
        Assert.Null(Override.OfValue("a", 1m, "r", "a").DecidedAt);
        Assert.Null(Override.OfScore("a", 1m, "r", "a").DecidedAt);
    }

    [Fact]
    public void OfValueAndOfScore_WithInstant_KeptAsGiven()
    {
        var at = NodaTime.Instant.FromUtc(2024, 4, 2, 8, 30);

        var value = Override.OfValue("monthly/new_accounts", 10m, "appeal 2024-03", "branch.head", at);
        var score = Override.OfScore("quarterly/npl_rate", 0.8m, "write-off approved", "risk.committee", at);

        Assert.Equal((OverrideKind.Value, "monthly/new_accounts", 10m, "appeal 2024-03", "branch.head", (NodaTime.Instant?)at), (value.Kind, value.Path, value.Replacement, value.Reason, value.Author, value.DecidedAt));
        Assert.Equal((OverrideKind.Score, 0.8m, (NodaTime.Instant?)at), (score.Kind, score.Replacement, score.DecidedAt));
    }

    [Fact]
    public void OfValueAndOfScore_WithInstantBlankOrNullArguments_Throw()
    {
        var at = NodaTime.Instant.FromUtc(2024, 4, 2, 8, 30);
        Assert.Throws<ArgumentException>(() => Override.OfValue("a", 1m, " ", "a", at));
        Assert.Throws<ArgumentException>(() => Override.OfScore("a", 1m, "r", "", at));
        Assert.Throws<ArgumentNullException>(() => Override.OfValue(null!, 1m, "r", "a", at));
        Assert.Throws<ArgumentNullException>(() => Override.OfScore("a", 1m, null!, "a", at));
    }
}
