using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PerfKit.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    private const string Csv = "subject,attr:department,loans,npl_rate,certificates,base_pay\n"
        + "CM001,retail,450,1.1,1,10000\n"
        + "CM002,corporate,500,0.9,0,9000\n"
        + "CM003,<b>retail</b>,250,1.8,0,8000\n";

    [Fact]
    public async Task Report_Csv_WritesSelfContainedPageWithChartsAndEscapedText()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);
        var html = run.PathOf("report.html");

        var result = await CliRun.RunAsync("de-DE", "report", "-s", run.SchemeFilePath(), "-i", input, "--html", html);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.True(Regex.Matches(page, "<svg ").Count >= 3, "Expected the grade, histogram and dimension charts.");
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>retail</b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;retail&lt;/b&gt;", page, StringComparison.Ordinal);
        // CM003: loans 250/500 = 0.5; npl (1.8 − 2)/(0.5 − 2) = 0.1333…; base 30 + 5.333… = 35.33 → grade D; gate 1.8 > 1.5 fails.
        Assert.Contains("<td class=\"num\">35.33</td><td>D</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Chinese_LabelsAndSchemeNamesInChinese()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);
        var html = run.PathOf("report.html");

        var result = await CliRun.RunAsync("tr-TR", "report", "-s", run.SchemeFilePath(), "-i", input, "--html", html, "--lang", "zh-CN");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var page = File.ReadAllText(html);
        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        Assert.Contains("等级分布", page, StringComparison.Ordinal);
        Assert.Contains("支行客户经理", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SameInputInTwoCultures_SameBytes()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        await CliRun.RunAsync("de-DE", "report", "-s", run.SchemeFilePath(), "-i", input, "--html", run.PathOf("1.html"));
        await CliRun.RunAsync("tr-TR", "report", "-s", run.SchemeFilePath(), "-i", input, "--html", run.PathOf("2.html"));

        Assert.Equal(File.ReadAllBytes(run.PathOf("1.html")), File.ReadAllBytes(run.PathOf("2.html")));
    }

    [Fact]
    public async Task Report_BadRow_Exit1ReportStillWritten()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv + "CM004,retail,1e3,1,0,1\n");
        var html = run.PathOf("report.html");

        var result = await CliRun.RunAsync("de-DE", "report", "-s", run.SchemeFilePath(), "-i", input, "--html", html);

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Contains($"{input}:5:3: subject 'CM004', column 'loans', value '1e3'", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(html));
    }

    [Fact]
    public async Task Report_UnknownLanguage_Exit2()
    {
        var result = await CliRun.RunAsync("de-DE", "report", "-s", "a-bank-2023", "-i", "a.csv", "--html", "r.html", "--lang", "fr");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }

    [Fact]
    public async Task Report_OutputFolderMissing_Exit2()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        var result = await CliRun.RunAsync("de-DE", "report", "-s", run.SchemeFilePath(), "-i", input, "--html", run.PathOf(Path.Combine("no", "r.html")));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }
}
