using System;
using System.Globalization;
using System.Threading;
using PerfKit.Analysis;
using PerfKit.Demo;
using Xunit;

namespace PerfKit.Tests.Analysis;

public class SchemeAnalysisTests
{
    [Fact]
    public void ShareOf_TagNoIndicatorCarries_Zero()
        => Assert.Equal(0m, SchemeAnalyzer.Analyze(SampleSchemes.ABank2023()).ShareOf("green-credit"));

    [Fact]
    public void ShareOf_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => SchemeAnalyzer.Analyze(SampleSchemes.ABank2023()).ShareOf(null!));

    [Fact]
    public void FindNode_SlashOrEmpty_Root()
    {
        var analysis = SchemeAnalyzer.Analyze(SampleSchemes.ABank2023());

        Assert.Same(analysis.Nodes[0], analysis.FindNode("/"));
        Assert.Same(analysis.Nodes[0], analysis.FindNode(string.Empty));
        Assert.Equal("root", analysis.FindNode("/")!.Node.Id);
    }

    [Fact]
    public void FindNode_UnknownPath_Null()
        => Assert.Null(SchemeAnalyzer.Analyze(SampleSchemes.ABank2023()).FindNode("monthly/deposits"));

    [Fact]
    public void FindNode_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => SchemeAnalyzer.Analyze(SampleSchemes.ABank2023()).FindNode(null!));

    [Fact]
    public void Indicators_OnlyLeavesInDeclaredOrder()
    {
        var analysis = SchemeAnalyzer.Analyze(SampleSchemes.ABank2023());

        // 5 monthly + 4 quarterly indicators; nodes add the root and two sections.
        Assert.Equal(9, analysis.Indicators.Length);
        Assert.Equal(12, analysis.Nodes.Length);
        Assert.Equal("monthly/new_accounts", analysis.Indicators[0].Path);
        Assert.Equal("quarterly/npl_rate", analysis.Indicators[^1].Path);
        Assert.All(analysis.Indicators, i => Assert.True(i.IsIndicator));
    }

    [Fact]
    public void ToString_CultureWithCommaDecimals_CanonicalText()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
            var analysis = SchemeAnalyzer.Analyze(SampleSchemes.BscOkr());

            Assert.Equal("a-bank-bsc-okr-sample@2024.1: total 0–100, base 0–100", analysis.ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
