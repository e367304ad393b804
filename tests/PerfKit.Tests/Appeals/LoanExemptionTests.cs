using System;
using NodaTime;
using PerfKit.Appeals;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Appeals;

/// <summary>Tests of <see cref="LoanExemption"/>.</summary>
public sealed class LoanExemptionTests
{
    private static readonly Instant At = Instant.FromUtc(2024, 4, 2, 8, 30);

    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(LoanExemption));

    [Fact]
    public void Create_KeptAsGiven()
    {
        var e = LoanExemption.Create("L4", "flood", "risk.committee", At);

        Assert.Equal(("L4", "flood", "risk.committee", At), (e.LoanId, e.Reason, e.Approver, e.ApprovedAt));
    }

    [Theory]
    [InlineData(" ", "r", "a")]
    [InlineData("L4", "", "a")]
    [InlineData("L4", "r", "\t")]
    public void Create_BlankText_ArgumentException(string loanId, string reason, string approver)
        => Assert.Throws<ArgumentException>(() => LoanExemption.Create(loanId, reason, approver, At));

    [Fact]
    public void Create_NullText_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => LoanExemption.Create(null!, "r", "a", At));
        Assert.Throws<ArgumentNullException>(() => LoanExemption.Create("L4", null!, "a", At));
        Assert.Throws<ArgumentNullException>(() => LoanExemption.Create("L4", "r", null!, At));
    }
}
