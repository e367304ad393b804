using System;
using System.Threading.Tasks;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Cli.Tests.Commands;

public sealed class SimulateCommandTests
{
    private const string Csv = "subject,attr:department,loans,npl_rate,certificates,base_pay\nCM001,retail,450,1.1,1,10000\nCM002,corporate,500,0.9,0,9000\n";

    [Fact]
    public async Task Simulate_WeightsMovedToNpl_GradeShiftPayoutChangeAndGroupImpact()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);
        var variant = run.File("variant.json", SchemeFile.WriteString(CliRun.BranchScheme(40m, 60m)));

        var result = await CliRun.RunAsync("de-DE", "simulate", "-s", run.SchemeFilePath(), "--vs", variant, "-i", input, "--group-by", "department");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        // CM001: baseline 60 × 0.9 + 40 × 0.6 = 78, + 2.5 = 80.5 (B, 10000 × 1.1 = 11000); variant 40 × 0.9 + 60 × 0.6 = 72, + 2.5 = 74.5 (C, 10000 × 1 = 10000).
        // CM002: baseline 60 + 40 × 0.7333… = 89.33 (B, 9900); variant 40 + 60 × 0.7333… = 84 (B, 9900). Payout 20900 → 19900.
        Assert.Matches(@"│ Payout total +│ +20900\.00 │ +19900\.00 │ +-1000\.00 │", result.Out);
        Assert.Matches(@"│ B +│ +2 │ +1 │ +-1 │", result.Out);
        Assert.Matches(@"│ C +│ +0 │ +1 │ +\+1 │", result.Out);
        Assert.Contains("1 subjects change grade:\n  CM001: B → C (80.5 → 74.5)", result.Out, StringComparison.Ordinal);
        // retail holds CM001 only: mean change 74.5 − 80.5 = −6, payout −1000, one grade change.
        Assert.Matches(@"│ retail +│ +1 │ +-6\.00 │ +-1000\.00 │ +1 │", result.Out);
    }

    [Fact]
    public async Task Simulate_DifferentGradeNames_Exit2()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", Csv);
        var other = Scheme.CreateBuilder("branch-cm", "2024.2").Name("Branch customer manager")
            .Grade("Excellent", 90m, 1.30m).Grade("Good", 70m, 1.00m).Grade("Poor", null, 0.70m)
            .Root(WeightMode.Percent, root => root
                .Indicator("loans", 50m, "loans", Scorers.Linear(baseline: 0m, target: 500m))
                .Indicator("npl_rate", 50m, "npl_rate", Scorers.Linear(baseline: 2m, target: 0.5m)))
            .MaxBonus(5m).Bonus("certificates", "certificates", pointsPerUnit: 2.5m)
            .Build();
        var variant = run.File("other.json", SchemeFile.WriteString(other));

        var result = await CliRun.RunAsync("de-DE", "simulate", "-s", run.SchemeFilePath(), "--vs", variant, "-i", input);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("The schemes cannot be compared:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ColumnOfNeitherScheme_Exit2NamingBoth()
    {
        using var run = new CliRun();
        var input = run.File("a.csv", "subject,loans,npl_rate,certificates,deposits\nCM001,450,1.1,1,3\n");

        var result = await CliRun.RunAsync("de-DE", "simulate", "-s", run.SchemeFilePath(), "--vs", "a-bank-2023", "-i", input);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{input}:1:5: column 'deposits' is not a measure of scheme branch-cm@2024.1 and a-bank-2023@2023.1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_MissingVs_Exit2()
    {
        var result = await CliRun.RunAsync("de-DE", "simulate", "-s", "a-bank-2023", "-i", "a.csv");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--vs", result.Error, StringComparison.Ordinal);
    }
}
