using PerfKit.Cli.Reports;
using Xunit;

namespace PerfKit.Cli.Tests.Reports;

public sealed class HtmlReportTests
{
    [Fact]
    public void Bins_TotalsSpanning74To103_TwoPointBinsFrom74()
    {
        // Width 1 would give 103 − 74 = 29 bins (over 20); width 2: ⌊103/2⌋ − ⌊74/2⌋ = 51 − 37 = 14 < 20, bins [74,76) … [102,104).
        var (low, width, counts) = HtmlReport.Bins([74m, 75.99m, 76m, 102.85m, 88.5m]);

        Assert.Equal(74m, low);
        Assert.Equal(2m, width);
        Assert.Equal(15, counts.Length);
        Assert.Equal(2, counts[0]);
        Assert.Equal(1, counts[1]);
        Assert.Equal(1, counts[7]);
        Assert.Equal(1, counts[14]);
    }

    [Fact]
    public void Bins_OneValue_OneBin()
    {
        var (low, width, counts) = HtmlReport.Bins([80.5m]);

        Assert.Equal(80m, low);
        Assert.Equal(1m, width);
        Assert.Equal([1], counts);
    }
}
