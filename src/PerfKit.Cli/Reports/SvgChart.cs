using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PerfKit.Cli.Reports;

/// <summary>One bar series of a chart: a name (legend) and one value per category.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>
/// A small renderer of bar charts as inline SVG (vertical bars, one or more series per category, a value axis from 0,
/// value labels on the bars). Output depends only on its arguments: coordinates are decimals written with one
/// decimal place, invariantly, so the same data gives the same bytes on every machine and culture.
/// </summary>
internal static class SvgChart
{
    private const decimal Width = 720m;
    private const decimal Height = 300m;
    private const decimal Left = 48m;
    private const decimal Right = 12m;
    private const decimal Top = 16m;
    private const decimal Bottom = 56m;
    private static readonly string[] Palette = ["#2f6db3", "#e08a2c", "#3a9d5d", "#c4453c", "#7b5ea7", "#8c6d46", "#d46ab0", "#6f7f8f"];

    /// <summary>Renders a bar chart. <paramref name="format"/> writes the value labels (e.g. counts or percentages).</summary>
    public static string Bars(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, Func<decimal, string> format, decimal? axisMax = null)
    {
        var max = axisMax ?? series.SelectMany(s => s.Values).DefaultIfEmpty(0m).Max();
        max = max <= 0m ? 1m : NiceCeiling(max);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var legend = series.Count > 1;
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").Append(Html.Escape(id)).Append("\" role=\"img\" viewBox=\"0 0 ")
          .Append(N(Width)).Append(' ').Append(N(Height + (legend ? 22m : 0m))).Append("\" aria-label=\"").Append(Html.Escape(title)).Append("\">");
        sb.Append("<title>").Append(Html.Escape(title)).Append("</title>");

        // Value axis: five grid lines from 0 to max.
        for (var i = 0; i <= 4; i++)
        {
            var value = max * i / 4m;
            var y = Top + plotHeight - (plotHeight * i / 4m);
            sb.Append("<line class=\"grid\" x1=\"").Append(N(Left)).Append("\" y1=\"").Append(N(y)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y2=\"").Append(N(y)).Append("\"/>");
            sb.Append("<text class=\"axis\" x=\"").Append(N(Left - 6m)).Append("\" y=\"").Append(N(y + 4m)).Append("\" text-anchor=\"end\">").Append(Html.Escape(format(value))).Append("</text>");
        }

        var slot = categories.Count == 0 ? plotWidth : plotWidth / categories.Count;
        var groupWidth = slot * 0.8m;
        var barWidth = series.Count == 0 ? groupWidth : groupWidth / series.Count;
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + (slot * c) + ((slot - groupWidth) / 2m);
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                var h = max == 0m ? 0m : plotHeight * Math.Max(0m, value) / max;
                var x = x0 + (barWidth * s);
                var y = Top + plotHeight - h;
                sb.Append("<rect class=\"bar\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(1m, barWidth - 2m)))
                  .Append("\" height=\"").Append(N(h)).Append("\" fill=\"").Append(Palette[s % Palette.Length]).Append("\"><title>")
                  .Append(Html.Escape($"{categories[c]}{(legend ? " · " + series[s].Name : string.Empty)}: {format(value)}")).Append("</title></rect>");
                if (barWidth >= 18m)
                {
                    sb.Append("<text class=\"value\" x=\"").Append(N(x + ((barWidth - 2m) / 2m))).Append("\" y=\"").Append(N(y - 3m)).Append("\" text-anchor=\"middle\">")
                      .Append(Html.Escape(format(value))).Append("</text>");
                }
            }

            sb.Append("<text class=\"axis\" x=\"").Append(N(x0 + (groupWidth / 2m))).Append("\" y=\"").Append(N(Top + plotHeight + 16m)).Append("\" text-anchor=\"middle\">")
              .Append(Html.Escape(categories[c])).Append("</text>");
        }

        sb.Append("<line class=\"baseline\" x1=\"").Append(N(Left)).Append("\" y1=\"").Append(N(Top + plotHeight)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y2=\"").Append(N(Top + plotHeight)).Append("\"/>");
        if (legend)
        {
            var x = Left;
            for (var s = 0; s < series.Count; s++)
            {
                sb.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(Height + 4m)).Append("\" width=\"12\" height=\"12\" fill=\"").Append(Palette[s % Palette.Length]).Append("\"/>");
                sb.Append("<text class=\"legend\" x=\"").Append(N(x + 16m)).Append("\" y=\"").Append(N(Height + 14m)).Append("\">").Append(Html.Escape(series[s].Name)).Append("</text>");
                x += 24m + (7m * series[s].Name.Length);
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10^k at or above the value, so the axis has round numbers.</summary>
    internal static decimal NiceCeiling(decimal value)
    {
        var magnitude = 1m;
        while (magnitude * 10m <= value)
        {
            magnitude *= 10m;
        }

        while (magnitude > value && magnitude > 0.0001m)
        {
            magnitude /= 10m;
        }

        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (magnitude * step >= value)
            {
                return magnitude * step;
            }
        }

        return magnitude * 10m;
    }

    private static string N(decimal value) => Text.Fixed(value, 1);
}
