using System;
using PerfKit.Analysis;
using Xunit;

namespace PerfKit.Tests.Analysis;

public class PolicyFindingTests
{
    [Fact]
    public void Constructor_NoPaths_EmptyNodePaths()
    {
        var finding = new PolicyFinding("host.rule", PolicySeverity.Info, "Something to know.");

        Assert.Equal("host.rule", finding.RuleId);
        Assert.Equal(PolicySeverity.Info, finding.Severity);
        Assert.Empty(finding.NodePaths);
        Assert.Null(finding.MemberPath);
        Assert.Null(finding.Actual);
        Assert.Null(finding.Limit);
    }

    [Fact]
    public void Constructor_BlankRuleId_Throws()
        => Assert.Throws<ArgumentException>(() => new PolicyFinding(" ", PolicySeverity.Info, "m"));

    [Fact]
    public void Constructor_NullMessage_Throws()
        => Assert.Throws<ArgumentNullException>(() => new PolicyFinding("r", PolicySeverity.Info, null!));

    [Fact]
    public void Constructor_UndefinedSeverity_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PolicyFinding("r", (PolicySeverity)7, "m"));

    [Fact]
    public void Constructor_NullPathItem_Throws()
        => Assert.Throws<ArgumentException>(() => new PolicyFinding("r", PolicySeverity.Info, "m", ["a", null!]));

    [Fact]
    public void ToString_MemberAndPaths_OneLine()
    {
        var finding = new PolicyFinding("gates.reachability", PolicySeverity.Warning, "Gate 'g' can never fail.", ["s1"], "gates.g", 0m, 0m);

        Assert.Equal("Warning [gates.reachability] at gates.g, s1: Gate 'g' can never fail.", finding.ToString());
    }

    [Fact]
    public void ToString_NoLocation_RuleAndMessage()
        => Assert.Equal("Error [r]: m", new PolicyFinding("r", PolicySeverity.Error, "m").ToString());
}
