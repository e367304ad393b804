using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PerfKit.Cli.Tests.Reports;

/// <summary>
/// Renders the demo's HTML report in headless Chromium (Debian packages chromium and chromium-driver, installed by
/// .ci/run). When CI=true a missing browser fails the test; elsewhere the test is skipped with the reason.
/// </summary>
public sealed class ReportBrowserTests
{
    [BrowserFact]
    public async Task Render_DemoReport_ChartsPresentNoPageErrorsScreenshotSaved()
    {
        RequireBrowser();
        using var run = new CliRun();
        var demo = await CliRun.RunAsync("de-DE", "demo", "--out", run.Folder);
        Assert.Equal(ExitCodes.Ok, demo.ExitCode);
        var report = Path.Combine(run.Folder, "report.html");

        var (dom, errors) = await Chromium.DumpDomAsync(report);

        Assert.Empty(errors);
        Assert.Contains("<svg", dom, StringComparison.Ordinal);
        foreach (var id in new[] { "chart-grades", "chart-histogram", "chart-dimensions", "chart-gates" })
        {
            Assert.Matches($"<svg [^>]*id=\"{id}\"", dom);
        }

        Assert.True(Regex.Matches(dom, "<rect class=\"bar\"").Count > 10, "Expected the charts' bars in the rendered page.");
        Assert.Equal(300, Regex.Matches(dom, "<details ").Count);

        var results = Path.Combine(Readme.RepoFile("TestResults"));
        Directory.CreateDirectory(results);
        var png = Path.Combine(results, "report.png");
        File.Delete(png);
        await Chromium.ScreenshotAsync(report, png);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000, "Expected a screenshot of the rendered report.");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
    }

    [BrowserFact]
    public async Task DumpDom_PageLoggingAnError_ErrorFound()
    {
        RequireBrowser();
        using var run = new CliRun();
        var page = run.File("bad.html", "<!DOCTYPE html><html><body><script>console.error('broken chart'); undefinedFunction();</script></body></html>");

        var (_, errors) = await Chromium.DumpDomAsync(page);

        Assert.Contains(errors, line => line.Contains("broken chart", StringComparison.Ordinal));
        Assert.Contains(errors, line => line.Contains("undefinedFunction", StringComparison.Ordinal));
    }

    private static void RequireBrowser()
    {
        if (Chromium.IsInstalled)
        {
            return;
        }

        // Only reached with CI=true (BrowserFact skips elsewhere): a missing browser is a failure.
        Assert.Fail($"CI=true and {Chromium.Path} is missing: install the Debian packages chromium and chromium-driver (.ci/run does).");
    }
}

/// <summary>A fact that needs Chromium: skipped with the reason when the browser is missing, unless CI=true, where it runs and fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!Chromium.IsInstalled && !ci)
        {
            Skip = $"{Chromium.Path} is not installed (Debian packages chromium and chromium-driver); the report was not rendered in a browser. With CI=true this is a failure.";
        }
    }
}
