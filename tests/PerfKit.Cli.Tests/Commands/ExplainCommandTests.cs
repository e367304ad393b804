using System;
using System.Threading.Tasks;
using Xunit;

namespace PerfKit.Cli.Tests.Commands;

public sealed class ExplainCommandTests
{
    private const string Csv = "subject,attr:department,loans,npl_rate,certificates,base_pay\nCM001,retail,450,1.1,1,10000\nCM002,retail,500,\"1,5\",0,9000\n";

    [Fact]
    public async Task Explain_Tree_ShowsContributionsGateAndPayout()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        var result = await CliRun.RunAsync("de-DE", "explain", "-s", run.SchemeFilePath(), "-i", input, "--subject", "CM001");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        // 450 → 0.9 × 60% × 100 = 54 points; 1.1 → 0.6 × 40% × 100 = 24 points; total 78 + 2.5 = 80.5, B × 1.1, payout 11000.
        Assert.Contains("Total 80.5 = base 78 + bonus 2.5 − penalty 0; grade B × 1.1; payout 11000", result.Out, StringComparison.Ordinal);
        Assert.Contains("loans loans (weight 60, effective 60.0%): 450 → score 0.9 → 54 points", result.Out, StringComparison.Ordinal);
        Assert.Contains("npl_rate npl_rate (weight 40, effective 40.0%): 1.1 → score 0.6 → 24 points", result.Out, StringComparison.Ordinal);
        Assert.Contains("Gate npl_gate (npl_gate): passed, actual 1.1, threshold 1.5", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_TextFormatInChinese_IsTheLibraryExplanation()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        var result = await CliRun.RunAsync("tr-TR", "explain", "-s", run.SchemeFilePath(), "-i", input, "--subject", "CM001", "--format", "text", "--culture", "zh-CN");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("Subject CM001 — 支行客户经理 (branch-cm@2024.1)\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("Total 80.5 (exact 80.5) = base 78 + bonus 2.5 − penalty 0", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_JsonFormat_PrintsJson()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        var result = await CliRun.RunAsync("de-DE", "explain", "-s", run.SchemeFilePath(), "-i", input, "--subject", "CM001", "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("{\n  \"subject\": \"CM001\",", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_SubjectWithBadValue_Exit1WithLocatedError()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        var result = await CliRun.RunAsync("de-DE", "explain", "-s", run.SchemeFilePath(), "-i", input, "--subject", "CM002");

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Contains($"{input}:3:4: subject 'CM002', column 'npl_rate', value '1,5': [value.unparsable]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownSubject_Exit2()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        var result = await CliRun.RunAsync("de-DE", "explain", "-s", run.SchemeFilePath(), "-i", input, "--subject", "CM404");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"Subject 'CM404' is not in '{input}'.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownFormat_Exit2()
    {
        var result = await CliRun.RunAsync("de-DE", "explain", "-s", "a-bank-2023", "-i", "a.csv", "--subject", "CM001", "--format", "xml");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }
}
