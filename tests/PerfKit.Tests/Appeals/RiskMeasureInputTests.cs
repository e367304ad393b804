using System;
using NodaTime;
using PerfKit.Appeals;
using PerfKit.Evaluation;
using PerfKit.Templates;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Appeals;

/// <summary>Tests of <see cref="RiskMeasureInput"/>.</summary>
public sealed class RiskMeasureInputTests
{
    private static readonly Instant At = Instant.FromUtc(2024, 4, 2, 8, 30);

    /// <summary>Book of 10,000 with L4 100 and L5 50 non-performing: NPL 150 × 100 ÷ 10000 = 1.5 (%).</summary>
    private static RiskMeasure Book() => RiskMeasure.NonPerformingRatio(
        "npl_rate",
        [LoanLine.Create("L1", 9850m, false), LoanLine.Create("L4", 100m, true), LoanLine.Create("L5", 50m, true)],
        100m);

    [Fact]
    public void Value_Succeeded_FeedsAfterValue()
    {
        var result = Book().Apply([LoanExemption.Create("L4", "flood", "risk.committee", At)]);

        var input = SubjectInput.For("CM1").Value(result).Build();

        // (150 − 100) × 100 ÷ 10000 = 0.5 (%).
        Assert.Equal(0.5m, input.Values["npl_rate"]);
    }

    [Fact]
    public void Value_ABankNplRate_ScoreBeforeAndAfterByHand()
    {
        // A-bank npl_rate: linear 2 → 0.5 (lower is better), weight 20 of the quarterly section's 100, which is 50% of
        // the root: effective 0.1. Before 1.5%: s = (1.5 − 2) ÷ (0.5 − 2) = 1/3. After exempting L4: 0.5% → s = 1.
        var scheme = SchemeTemplates.Load("a-bank-2023");
        var evaluator = SchemeEvaluator.Create(scheme);
        var before = Book().Apply([]);
        var after = Book().Apply([LoanExemption.Create("L4", "flood", "risk.committee", At)]);

        var b = evaluator.Evaluate(Full().Value(before).Build());
        var a = evaluator.Evaluate(Full().Value(after).Build());

        Assert.Equal(1m / 3m, b.Assessment!.Node("quarterly/npl_rate").Score!.Value, 20);
        Assert.Equal(1m, a.Assessment!.Node("quarterly/npl_rate").Score);

        // Every other score is 1 (values at target): base before = 90 + 0.1 × 100 × 1/3 = 93.33…, rounded 93.33; after 100.
        Assert.Equal(93.33m, b.Assessment!.RoundedTotal);
        Assert.Equal(100m, a.Assessment!.RoundedTotal);
    }

    [Fact]
    public void Value_FailedResult_InvalidOperationExceptionNamingMeasure()
    {
        var failed = Book().Apply([LoanExemption.Create("L9", "r", "a", At)]);

        var ex = Assert.Throws<InvalidOperationException>(() => SubjectInput.For("CM1").Value(failed));
        Assert.Contains("npl_rate", ex.Message, StringComparison.Ordinal);
        Assert.Contains("L9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_Nulls_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => RiskMeasureInput.Value(null!, Book().Apply([])));
        Assert.Throws<ArgumentNullException>(() => SubjectInput.For("CM1").Value((RiskMeasureResult)null!));
    }

    private static SubjectInputBuilder Full() => SubjectInput.For("CM1")
        .Value("new_accounts", 10m).Value("net_new_accounts", 6m).Value("monthly_exam", 100m).Value("mentoring", 2m)
        .Value("activity", 4m).Value("customer_visits", 60m).Value("net_balance_growth", 500m).Value("overdue_rate", 1m).Value("certificates", 0m);
}
