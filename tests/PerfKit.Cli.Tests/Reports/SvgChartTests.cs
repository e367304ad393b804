using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Cli.Reports;
using Xunit;

namespace PerfKit.Cli.Tests.Reports;

public sealed class SvgChartTests
{
    [Theory]
    [InlineData("37", "50")]
    [InlineData("162", "200")]
    [InlineData("0.85", "1")]
    [InlineData("100", "100")]
    [InlineData("21", "25")]
    public void NiceCeiling_Value_SmallestRoundStepAbove(string value, string expected)
        => Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SvgChart.NiceCeiling(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Property]
    public Property NiceCeiling_AnyPositiveValue_AtLeastTheValueAndBelowTwoAndAHalfTimesIt(PositiveInt n)
    {
        var value = n.Get / 100m;
        var ceiling = SvgChart.NiceCeiling(value);
        return (ceiling >= value && ceiling < value * 2.5m).ToProperty();
    }

    [Fact]
    public void Bars_TextWithMarkup_EscapedInLabelsAndTitles()
    {
        var svg = SvgChart.Bars("c", "<t>", ["a&b"], [new ChartSeries("s", [3m])], v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains("<title>&lt;t&gt;</title>", svg, StringComparison.Ordinal);
        Assert.Contains(">a&amp;b</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("a&b", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_OneBarAtTheAxisMaximum_FillsThePlotHeight()
    {
        // Plot height 300 − 16 (top) − 56 (bottom) = 228; a value of 5 on a 0–5 axis is 228 high, from y = 16.
        var svg = SvgChart.Bars("c", "t", ["x"], [new ChartSeries("s", [5m])], v => "v");

        Assert.Contains("y=\"16.0\"", svg, StringComparison.Ordinal);
        Assert.Contains("height=\"228.0\"", svg, StringComparison.Ordinal);
    }
}
