using System.Globalization;
using System.Linq;
using System.Threading;
using PerfKit.Analysis;
using PerfKit.Demo;
using Xunit;

namespace PerfKit.Tests.Analysis;

public class TagShareTests
{
    [Fact]
    public void ToString_CultureWithCommaDecimals_CanonicalShare()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
            var share = SchemeAnalyzer.Analyze(SampleSchemes.BscOkr()).TagShares.Single(t => t.Tag == "inclusive-finance");

            // 0.25 × 1 × 0.5 = 0.125
            Assert.Equal("inclusive-finance: 0.125", share.ToString());
            Assert.Equal<string>(["customer/reach/kr_first_loans"], share.IndicatorPaths);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
