using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PerfKit.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_OutFolder_WritesActualsResultsAndReport()
    {
        using var run = new CliRun();
        var folder = run.PathOf("demo");

        var result = await CliRun.RunAsync("tr-TR", "demo", "--out", folder);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var actuals = File.ReadAllLines(Path.Combine(folder, "actuals.csv"));
        Assert.Equal(1 + 300, actuals.Length);
        // The first sample subject has the same values as the library's tests use (samples/PerfKit.Demo), plus a department and branch.
        Assert.StartsWith("CM001,", actuals[1], StringComparison.Ordinal);
        Assert.Equal(1 + 300, File.ReadAllLines(Path.Combine(folder, "results.csv")).Length);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
        Assert.Contains("300 of 300 rows scored, 0 failed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_TwoRunsInDifferentCultures_SameBytes()
    {
        using var run = new CliRun();

        var first = await CliRun.RunAsync("de-DE", "demo", "--out", run.PathOf("a"));
        var second = await CliRun.RunAsync("tr-TR", "demo", "--out", run.PathOf("b"));

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        foreach (var file in new[] { "actuals.csv", "results.csv", "report.html" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(run.PathOf("a"), file)), File.ReadAllBytes(Path.Combine(run.PathOf("b"), file)));
        }
    }

    [Fact]
    public async Task Demo_ReadmeExcerpt_EveryLineShownIsPrintedInOrder()
    {
        using var run = new CliRun();
        var previous = Directory.GetCurrentDirectory();

        // The README shows the output of the command run from the repository root with the default folder; run it in a
        // temp folder instead so the test writes nothing into the repository.
        Directory.SetCurrentDirectory(run.Folder);
        CliResult result;
        try
        {
            result = await CliRun.RunAsync("tr-TR", "demo");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var printed = result.Out.Split('\n');
        var shown = Readme.FencedBlock(Readme.Section("The demo"), "text").Split('\n').Where(line => line.Trim() != "…").ToList();
        var next = 0;
        foreach (var line in shown)
        {
            var found = Array.IndexOf(printed, line, next);
            Assert.True(found >= 0, $"README.md shows the demo line '{line}', which the demo does not print (in this order).");
            next = found + 1;
        }
    }

    [Fact]
    public async Task Demo_OutIsAFile_Exit2()
    {
        using var run = new CliRun();
        var file = run.File("taken", "x");

        var result = await CliRun.RunAsync("de-DE", "demo", "--out", file);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"Cannot create the folder '{file}'", result.Error, StringComparison.Ordinal);
    }
}
