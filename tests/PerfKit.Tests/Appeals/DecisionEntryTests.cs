using System;
using NodaTime;
using PerfKit.Appeals;
using PerfKit.Evaluation;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Appeals;

/// <summary>Tests of <see cref="DecisionEntry"/>.</summary>
public sealed class DecisionEntryTests
{
    private static readonly Instant At = Instant.FromUtc(2024, 4, 2, 8, 30);

    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(DecisionEntry));

    [Fact]
    public void ForOverride_TakesAuthorInstantReasonFromOverride()
    {
        var o = Override.OfValue("a", 10m, "accounts confirmed", "branch.hr", At);

        var entry = DecisionEntry.ForOverride(o, "AP-7");

        Assert.Equal((DecisionKind.Override, "branch.hr", At, "accounts confirmed", "AP-7"), (entry.Kind, entry.Author, entry.DecidedAt, entry.Reason, entry.Reference));
        Assert.Same(o, entry.Override);
        Assert.Null(entry.Exemption);
        Assert.Null(entry.Measure);
    }

    [Fact]
    public void ForOverride_WithoutInstant_ArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => DecisionEntry.ForOverride(Override.OfValue("a", 10m, "r", "hr")));
        Assert.Contains("decidedAt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForExemption_TakesApproverInstantReasonFromExemption()
    {
        var e = LoanExemption.Create("L1", "flood damage, diligence shown", "risk.committee", At);

        var entry = DecisionEntry.ForExemption("npl_rate", e, "RC-2024-04");

        Assert.Equal((DecisionKind.Exemption, "risk.committee", At, "flood damage, diligence shown", "RC-2024-04", "npl_rate"), (entry.Kind, entry.Author, entry.DecidedAt, entry.Reason, entry.Reference, entry.Measure));
        Assert.Same(e, entry.Exemption);
        Assert.Null(entry.Override);
    }

    [Fact]
    public void ForExemption_BadMeasureOrNulls_Throw()
    {
        var e = LoanExemption.Create("L1", "r", "a", At);
        Assert.Throws<ArgumentException>(() => DecisionEntry.ForExemption("npl rate", e));
        Assert.Throws<ArgumentNullException>(() => DecisionEntry.ForExemption(null!, e));
        Assert.Throws<ArgumentNullException>(() => DecisionEntry.ForExemption("npl_rate", null!));
    }

    [Fact]
    public void PlainKinds_KeptAsGiven()
    {
        Assert.Equal(DecisionKind.Appeal, DecisionEntry.Appeal("CM1", At, "r").Kind);
        Assert.Equal(DecisionKind.Resolution, DecisionEntry.Resolution("hr", At, "r").Kind);
        var c = DecisionEntry.Confirmation("CM1", At, "agreed");
        Assert.Equal((DecisionKind.Confirmation, "CM1", At, "agreed", (string?)null), (c.Kind, c.Author, c.DecidedAt, c.Reason, c.Reference));
    }

    [Fact]
    public void Factories_BlankOrNullTexts_Throw()
    {
        Assert.Throws<ArgumentException>(() => DecisionEntry.Appeal(" ", At, "r"));
        Assert.Throws<ArgumentException>(() => DecisionEntry.Resolution("hr", At, ""));
        Assert.Throws<ArgumentException>(() => DecisionEntry.Confirmation("CM1", At, "r", " "));
        Assert.Throws<ArgumentException>(() => DecisionEntry.ForOverride(Override.OfScore("a", 1m, "r", "hr", At), ""));
        Assert.Throws<ArgumentNullException>(() => DecisionEntry.Appeal(null!, At, "r"));
        Assert.Throws<ArgumentNullException>(() => DecisionEntry.Confirmation("CM1", At, null!));
        Assert.Throws<ArgumentNullException>(() => DecisionEntry.ForOverride(null!));
    }

    [Fact]
    public void ToString_AnyCulture_InvariantLine()
    {
        using var _ = new CultureScope("tr-TR");

        Assert.Equal("2024-04-02T08:30:00Z appeal by CM1: accounts missing (ref AP-7)", DecisionEntry.Appeal("CM1", At, "accounts missing", "AP-7").ToString());
        Assert.Equal("2024-04-02T08:30:00Z confirmation by CM1: ok", DecisionEntry.Confirmation("CM1", At, "ok").ToString());
    }
}
