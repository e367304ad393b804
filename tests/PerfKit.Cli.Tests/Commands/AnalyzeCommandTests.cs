using System;
using System.Threading.Tasks;
using Xunit;

namespace PerfKit.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public async Task Analyze_SchemeFileWithoutInclusiveFinance_WeightsStakesAndPolicyErrorExit1()
    {
        using var run = new CliRun();

        var result = await CliRun.RunAsync("de-DE", "analyze", run.SchemeFilePath());

        // No indicator is tagged inclusive-finance: 0% is below the default policy's 15% minimum, an error.
        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Matches(@"│ error +│ tag\.minimumShare", result.Out);
        // loans: weight 60 of 100 → effective 0.6 = 60.0%; score 0–1, stake 0.6 × (1 − 0) × 100 = 60.00 points.
        Assert.Matches(@"│ +loans +│ loans +│ +60 │ +60\.0% │ +0–1 │ +60\.00 │", result.Out);
        // npl_rate: weight 40 → 40.0%, stake 40.00; bonus up to 5, so rounded totals 0–105.
        Assert.Matches(@"│ +npl_rate +│ npl_rate +│ +40 │ +40\.0% │ +0–1 │ +40\.00 │", result.Out);
        Assert.Contains("rounded totals 0–105.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_Template_TagSharesAndConcentrationWarningExit0()
    {
        var result = await CliRun.RunAsync("tr-TR", "analyze", "a-bank-2023");

        Assert.Contains("a-bank-2023@2023.1", result.Out, StringComparison.Ordinal);
        // The A-bank scheme puts 70% of its weight on indicators tagged 'scale' (docs/analysis.md).
        Assert.Matches(@"│ scale +│ +70\.0% │", result.Out);
        // 70% is above the default 60% concentration limit: a warning, which does not fail the command.
        Assert.Matches(@"│ warning +│ tag\.maximumShare", result.Out);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    [Fact]
    public async Task Analyze_UnknownTemplate_Exit2ListingTemplates()
    {
        var result = await CliRun.RunAsync("de-DE", "analyze", "no-such-template");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("'no-such-template' is neither an existing scheme file nor a template name. Templates: a-bank-2023,", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_BrokenSchemeFile_Exit2WithLocatedProblems()
    {
        using var run = new CliRun();
        var path = run.File("broken.json", "{ \"id\": 1 }");

        var result = await CliRun.RunAsync("de-DE", "analyze", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"Scheme file '{path}' does not load", result.Error, StringComparison.Ordinal);
        Assert.Contains(path + ":1:9: [json.type] at $.id", result.Error, StringComparison.Ordinal);
    }
}
