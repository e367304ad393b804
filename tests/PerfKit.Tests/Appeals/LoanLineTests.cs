using System;
using PerfKit.Appeals;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Appeals;

/// <summary>Tests of <see cref="LoanLine"/>.</summary>
public sealed class LoanLineTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(LoanLine));

    [Fact]
    public void Create_KeptAsGiven()
    {
        var line = LoanLine.Create("L-2024-001", 1500.50m, true);

        Assert.Equal(("L-2024-001", 1500.50m, true), (line.LoanId, line.Balance, line.IsNonPerforming));
    }

    [Fact]
    public void Create_BlankOrNullId_Throws()
    {
        Assert.Throws<ArgumentException>(() => LoanLine.Create(" ", 1m, false));
        Assert.Throws<ArgumentNullException>(() => LoanLine.Create(null!, 1m, false));
    }
}
