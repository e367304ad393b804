using System;
using System.Threading.Tasks;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Cli.Tests.Commands;

public sealed class DiagnoseCommandTests
{
    private const string Csv = "subject,attr:department,loans,npl_rate,certificates,base_pay\nCM001,retail,450,1.1,1,10000\nCM002,corporate,500,0.9,0,9000\n";

    /// <summary>Two BSC dimensions of one indicator each: growth (loans, linear 0 → 500) and risk (npl_rate, linear 2 → 0.5).</summary>
    private static Scheme Dimensions() => Scheme.CreateBuilder("branch-bsc", "2024.1").Name("Branch BSC")
        .Grade("A", 90m, 1.30m).Grade("B", 80m, 1.10m).Grade("C", 60m, 1.00m).Grade("D", null, 0.70m)
        .Root(WeightMode.Percent, root => root
            .Dimension("growth", 50m, WeightMode.Fraction, g => g.Indicator("loans", 1m, "loans", Scorers.Linear(baseline: 0m, target: 500m)))
            .Dimension("risk", 50m, WeightMode.Fraction, g => g.Indicator("npl_rate", 1m, "npl_rate", Scorers.Linear(baseline: 2m, target: 0.5m))))
        .MaxBonus(5m).Bonus("certificates", "certificates", pointsPerUnit: 2.5m)
        .Gate("npl_gate", g => g.OnValue("risk/npl_rate", 1.0m).CancelPayout())
        .Build();

    [Fact]
    public async Task Diagnose_Dimensions_CalibrationSharesAndGatePassRates()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);
        var scheme = run.File("bsc.json", SchemeFile.WriteString(Dimensions()));

        var result = await CliRun.RunAsync("de-DE", "diagnose", "-s", scheme, "-i", input);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        // npl_gate passes at ≤ 1.0: CM001 (1.1) fails, CM002 (0.9) passes → 1 of 2 = 50.0%.
        Assert.Matches(@"│ npl_gate +│ +1 │ +1 │ +0 │ +50\.0% │", result.Out);
        // Stretch thresholds: too hard at ≤ 0.6, too easy at ≥ 0.9. growth scores 0.9 and 1 → both too easy (2 of 2);
        // risk scores 0.6 (too hard) and 0.7333… (neither) → 1 of 2 too hard. Three findings.
        Assert.Contains("Calibration of 2 subjects: 3 findings.", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ growth +│ target-too-easy +│ +0\.9 │ +2 │ +2 │ +100\.0% │", result.Out);
        Assert.Matches(@"│ risk +│ target-too-hard +│ +0\.6 │ +2 │ +1 │ +50\.0% │", result.Out);
    }

    [Fact]
    public async Task Diagnose_PreviousPeriod_ContradictionWhenOutputMetAndQualityWorse()
    {
        using var run = new CliRun();
        var scheme = run.SchemeFilePath();
        // CM002 met the loans target (500 → score 1) while its NPL rate rose from 0.7 to 0.9: a contradiction.
        // CM001 did not meet the loans target (0.9 < 1), so it is compared but not flagged.
        var previous = run.File("q1.csv", "subject,loans,npl_rate,certificates\nCM001,400,1.0,0\nCM002,450,0.7,0\n");
        var current = run.File("q2.csv", Csv);

        var result = await CliRun.RunAsync("tr-TR", "diagnose", "-s", scheme, "-i", current, "--period", "2024-Q2", "--previous", previous, "--previous-period", "2024-Q1", "--pair", "loans-vs-npl=loans:npl_rate");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Contradictions 2024-Q1 → 2024-Q2: 1 of 2 comparisons", result.Out, StringComparison.Ordinal);
        Assert.Contains("CM002", result.Out[result.Out.IndexOf("Contradictions", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_PairWithoutPreviousPeriod_Exit2()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        var result = await CliRun.RunAsync("de-DE", "diagnose", "-s", run.SchemeFilePath(), "-i", input, "--pair", "p=loans:npl_rate");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("Contradictions need --previous, --period, --previous-period and at least one --pair.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_MalformedPair_Exit2()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);

        var result = await CliRun.RunAsync("de-DE", "diagnose", "-s", run.SchemeFilePath(), "-i", input, "--period", "2024-Q2", "--previous", input, "--previous-period", "2024-Q1", "--pair", "loans");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--pair 'loans' is not of the form id=output-path:quality-path", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_BadRow_Exit1()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv + "CM003,retail,450,\"1,5\",0,1\n");

        var result = await CliRun.RunAsync("de-DE", "diagnose", "-s", run.SchemeFilePath(), "-i", input);

        Assert.Equal(ExitCodes.DataErrors, result.ExitCode);
        Assert.Contains($"{input}:4:4: subject 'CM003', column 'npl_rate', value '1,5': [value.unparsable]", result.Error, StringComparison.Ordinal);
    }
}
