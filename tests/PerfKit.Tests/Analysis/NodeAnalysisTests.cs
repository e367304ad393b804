using System.Globalization;
using System.Threading;
using PerfKit.Analysis;
using PerfKit.Demo;
using Xunit;

namespace PerfKit.Tests.Analysis;

public class NodeAnalysisTests
{
    [Fact]
    public void ToString_Indicator_WeightScoreRangeAndStake()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo("tr-TR");
            var node = SchemeAnalyzer.Analyze(SampleSchemes.ABank2023()).FindNode("quarterly/net_balance_growth")!;

            // 0.5 × 60/100 = 0.3; linear 0 … 1; stake 0.3 × 1 × 100 = 30.
            Assert.Equal("quarterly/net_balance_growth: weight 0.3, score 0–1, stake 30", node.ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Path_Root_EmptyAndShownAsSlash()
    {
        var root = SchemeAnalyzer.Analyze(SampleSchemes.ABank2023()).Nodes[0];

        Assert.Equal(string.Empty, root.Path);
        Assert.False(root.IsIndicator);
        Assert.StartsWith("/: weight 1,", root.ToString(), System.StringComparison.Ordinal);
    }
}
