using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PerfKit.Cli.Tests.Commands;

public sealed class ScoreCommandTests
{
    private const string Header = "subject,attr:department,loans,npl_rate,certificates,base_pay\n";

    [Fact]
    public async Task Score_GoodRows_Exit0AndResultsWithHandWorkedTotals()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", Header + "CM001,retail,450,1.1,1,10000\nCM002,corporate,500,0.9,0,9000\n");
        var output = run.PathOf("results.csv");

        var result = await CliRun.RunAsync("de-DE", "score", "--scheme", run.SchemeFilePath(), "--input", input, "--out", output);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("2 of 2 rows scored, 0 failed", result.Out, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("subject,attr:department,total,exact_total,grade,earned_grade,coefficient,base_points,bonus_points,penalty_points,base_pay,payout,payout_cancelled,failed_gates,score:loans,score:npl_rate,fingerprint", lines[0]);
        // CM001: loans 450/500 = 0.9, npl (1.1 − 2)/(0.5 − 2) = 0.6; base 60 × 0.9 + 40 × 0.6 = 78; bonus 1 × 2.5 = 2.5 → 80.5, B × 1.1, payout 11000.
        Assert.StartsWith("CM001,retail,80.5,80.5,B,B,1.1,78,2.5,0,10000,11000,false,,0.9,0.6,", lines[1], StringComparison.Ordinal);
        // CM002: loans 1; npl (0.9 − 2)/(0.5 − 2) = 1.1/1.5 = 0.7333…; base 60 + 40 × 0.7333… = 89.333… → rounded 89.33, B, payout 9000 × 1.1 = 9900.
        Assert.StartsWith("CM002,corporate,89.33,89.33333333333333333333333333,B,B,1.1,89.33333333333333333333333333,0,0,9000,9900,false,,1,0.7333333333333333333333333333,", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Score_CommaDecimalOnLine4_ReportedWithLineColumnSubjectMeasureAndValueRestScoredExit1()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", Header + "CM001,retail,450,1.1,1,10000\nCM002,retail,500,0.9,0,9000\nCM003,retail,300,\"1,5\",2,9000\n");
        var output = run.PathOf("results.csv");

        var result = await CliRun.RunAsync("de-DE", "score", "--scheme", run.SchemeFilePath(), "--input", input, "--out", output);

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        // Line 4 is the third data row; npl_rate is the 4th column.
        Assert.Contains($"{input}:4:4: subject 'CM003', column 'npl_rate', value '1,5': [value.unparsable]", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 of 3 rows scored, 1 failed", result.Out, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(output).Length);
    }

    [Fact]
    public async Task Score_AllowErrors_Exit0WithErrorsStillReported()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", Header + "CM001,retail,450,1.1,1,10000\nCM002,retail,abc,0.9,0,9000\n");

        var result = await CliRun.RunAsync("tr-TR", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"), "--allow-errors");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"{input}:3:3: subject 'CM002', column 'loans', value 'abc'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_DuplicateSubject_SecondRowReportedWithFirstLine()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", Header + "CM001,retail,450,1.1,1,10000\nCM002,retail,500,0.9,0,9000\nCM001,retail,100,1,0,1\n");

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Contains($"{input}:4:1: subject 'CM001', column 'subject', value 'CM001': subject 'CM001' appears again; it was first on line 2.", result.Error, StringComparison.Ordinal);
        Assert.Contains("2 of 3 rows scored, 1 failed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_MissingMeasureColumn_Exit2NamingTheMeasure()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", "subject,loans,certificates\nCM001,450,1\n");

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{input}:1: missing column for measure 'npl_rate' of scheme branch-cm@2024.1", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(run.PathOf("r.csv")));
    }

    [Fact]
    public async Task Score_MissingSubjectColumnAndUnknownColumn_Exit2WithBoth()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", "id,loans,npl_rate,certificates\nCM001,450,1.1,1\n");

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{input}:1: missing column 'subject' (the subject id).", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{input}:1:1: column 'id' is not a measure of scheme branch-cm@2024.1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_EmptyCell_FollowsTheMissingPolicyAndNamesTheNode()
    {
        using var run = new CliRun();
        // The indicators' missing-value policy is the default, Error: an empty loans cell fails the row.
        var input = run.File("actuals.csv", Header + "CM001,retail,,1.1,1,10000\n");

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Contains($"{input}:2:3: subject 'CM001', column 'loans'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_RowWithTooFewFields_ReportedWithCounts()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", Header + "CM001,retail,450\n");

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Contains($"{input}:2: subject 'CM001': the row has 3 fields, the header 6.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_BadBasePay_ReportedWithColumn()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", Header + "CM001,retail,450,1.1,1,\"10,000\"\n");

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Contains($"{input}:2:6: subject 'CM001', column 'base_pay', value '10,000': the base pay is not a number", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_JsonOut_ArrayOfExplanations()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", Header + "CM001,retail,450,1.1,1,10000\nCM002,corporate,500,0.9,0,9000\n");
        var output = run.PathOf("results.json");

        var result = await CliRun.RunAsync("tr-TR", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", output);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["CM001", "CM002"], items.Select(i => i.GetProperty("subject").GetString()));
        Assert.Equal(80.5m, items[0].GetProperty("roundedTotal").GetDecimal());
    }

    [Fact]
    public async Task Score_PeriodWithPresenceColumns_PeriodColumnWritten()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", "subject,loans,npl_rate,certificates,joined\nCM001,450,1.1,1,2024-02-01\n");
        var output = run.PathOf("r.csv");

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", output, "--period", "2024-Q1");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("CM001,2024-Q1,80.5,", File.ReadAllLines(output)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_PresenceColumnWithoutPeriod_Exit2()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", "subject,loans,npl_rate,certificates,joined\nCM001,450,1.1,1,2024-02-01\n");

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{input}:1:5: column 'joined' (a presence date) needs the assessment period", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_BadPeriod_Exit2()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", Header);

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"), "--period", "2024-Q5");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--period '2024-Q5' is not a period", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_MissingInputFile_Exit2()
    {
        using var run = new CliRun();

        var result = await CliRun.RunAsync("de-DE", "score", "-s", "a-bank-2023", "-i", run.PathOf("none.csv"), "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"Cannot read '{run.PathOf("none.csv")}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_MissingOutOption_Exit2()
    {
        var result = await CliRun.RunAsync("de-DE", "score", "-s", "a-bank-2023", "-i", "x.csv");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_EmptyFile_Exit2()
    {
        using var run = new CliRun();
        var input = run.File("actuals.csv", string.Empty);

        var result = await CliRun.RunAsync("de-DE", "score", "-s", run.SchemeFilePath(), "-i", input, "-o", run.PathOf("r.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{input}:1: the file is empty", result.Error, StringComparison.Ordinal);
    }
}
