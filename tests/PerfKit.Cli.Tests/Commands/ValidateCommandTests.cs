using System.Threading.Tasks;
using Xunit;

namespace PerfKit.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ValidFile_Exit0WithIdAndFingerprint()
    {
        using var run = new CliRun();
        var path = run.SchemeFilePath();

        var result = await CliRun.RunAsync("de-DE", "validate", path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(": valid. branch-cm@2024.1 \"Branch customer manager\": 2 indicators, 1 gates, 1 adjustments, grades A B C D.", result.Out, System.StringComparison.Ordinal);
        Assert.Contains("Fingerprint: " + CliRun.BranchScheme().Fingerprint, result.Out, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FileWithProblems_Exit1EveryProblemWithLineAndColumn()
    {
        using var run = new CliRun();
        // Line 2 holds "version": 3 — the number starts at column 13 (1-based, after two spaces, the key, ':' and a space).
        var path = run.File("bad.json", "{\"id\": \"x\",\n  \"version\": 3 }\n");

        var result = await CliRun.RunAsync("tr-TR", "validate", path);

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Contains(path + ":2:14: [json.type] at $.version: 'version' must be a text, not a number. (value: 3)", result.Out, System.StringComparison.Ordinal);
        Assert.Contains("[name.missing] at $.name", result.Out, System.StringComparison.Ordinal);
        Assert.Contains("[root.missing] at $.root", result.Out, System.StringComparison.Ordinal);
        Assert.EndsWith(path + ": 4 problems.\n", result.Out, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_Exit2NamingTheFile()
    {
        using var run = new CliRun();
        var path = run.PathOf("nowhere.json");

        var result = await CliRun.RunAsync("de-DE", "validate", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"Cannot read '{path}': the file does not exist.", result.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NoArgument_Exit2WithUsageHint()
    {
        var result = await CliRun.RunAsync("de-DE", "validate");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("Run 'perfkit --help'", result.Error, System.StringComparison.Ordinal);
    }
}
