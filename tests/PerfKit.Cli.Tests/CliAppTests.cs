using System;
using System.Threading.Tasks;
using Xunit;

namespace PerfKit.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_NoCommand_Exit2()
    {
        var result = await CliRun.RunAsync("de-DE");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("Run 'perfkit --help'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_Exit2NamingIt()
    {
        var result = await CliRun.RunAsync("de-DE", "frobnicate");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_Exit0ListingEveryCommand()
    {
        var result = await CliRun.RunAsync("tr-TR", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        foreach (var command in new[] { "validate", "analyze", "score", "explain", "diagnose", "simulate", "report", "demo" })
        {
            Assert.Contains("  " + command, result.Out, StringComparison.Ordinal);
        }
    }
}
