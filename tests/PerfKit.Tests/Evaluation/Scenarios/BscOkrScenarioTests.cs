using System.Linq;
using PerfKit.Demo;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation.Scenarios;

/// <summary>
/// The BSC-OKR sample (SampleSchemes.BscOkr), worked by hand. KRs on the completion ratio x ÷ target score by step
/// bands: ratio ≥ 0.6 → 0.3, ≥ 0.8 → 0.6, ≥ 1.0 → 1.0, else 0. O = Σ KR × weight; dimension = Σ O × weight;
/// total = Σ dimension × weight × 100 (all fraction groups, so every Σw is exactly 1).
/// financial 0.40 { grow_loans 0.6 { loan_balance 0.7 (t 1000), loan_customers 0.3 (t 40) }, income 0.4 { interest 1 (t 80) } }
/// customer 0.25 { reach 1 { first_loans 0.5 (t 15), visits 0.5 (t 60) } }
/// process 0.20 { quality 1 { npl 0.6 (lower is better, step: ≤ 2.0 → 0.3, ≤ 1.5 → 0.6, ≤ 1.0 → 1.0),
///                            on_time 0.4 (interpolate: 0.8 → 0.5, 0.95 → 1.0) } }
/// learning 0.15 { skills 1 { training_hours 1 (t 40) } }
/// </summary>
public sealed class BscOkrScenarioTests
{
    private static readonly SchemeEvaluator Evaluator = SchemeEvaluator.Create(SampleSchemes.BscOkr());

    private static SubjectInput Subject(
        decimal loanBalance = 1000m,
        decimal loanCustomers = 40m,
        decimal interest = 80m,
        decimal firstLoans = 15m,
        decimal visits = 60m,
        decimal npl = 1.0m,
        decimal onTime = 0.95m,
        decimal training = 40m)
        => SubjectInput.For("OKR-1")
            .Value("loan_balance", loanBalance)
            .Value("loan_customers", loanCustomers)
            .Value("interest_income", interest)
            .Value("first_loan_customers", firstLoans)
            .Value("customer_visits", visits)
            .Value("npl_rate", npl)
            .Value("on_time_rate", onTime)
            .Value("training_hours", training)
            .BasePay(6000m)
            .Build();

    // loan balance 850 → ratio 0.85 → band ≥ 0.8 → 0.6; loan customers 40 → 1.0 → 1.0; interest 60 → 0.75 → 0.3;
    // first loans 12 → 0.8 exactly on the bound → 0.6; visits 30 → 0.5 → below every band → 0;
    // npl 1.5 exactly on the bound → 0.6; on time 0.86 → (0.86 − 0.8) / (0.95 − 0.8) = 0.4 → 0.5 + 0.5 × 0.4 = 0.7;
    // training 48 → 1.2 → 1.0.
    private static Assessment Worked() => Evaluator.EvaluateOrThrow(Subject(850m, 40m, 60m, 12m, 30m, 1.5m, 0.86m, 48m));

    [Fact]
    public void Evaluate_WorkedSubject_KeyResultScoresByBands()
    {
        var a = Worked();

        Assert.Equal(0.6m, a.Node("financial/grow_loans/kr_loan_balance").Score);
        Assert.Equal(1.0m, a.Node("financial/grow_loans/kr_loan_customers").Score);
        Assert.Equal(0.3m, a.Node("financial/income/kr_interest_income").Score);
        Assert.Equal(0.6m, a.Node("customer/reach/kr_first_loans").Score);
        Assert.Equal(0m, a.Node("customer/reach/kr_visits").Score);
        Assert.Equal(0.6m, a.Node("process/quality/kr_npl").Score);
        Assert.Equal(0.7m, a.Node("process/quality/kr_on_time").Score);
        Assert.Equal(1.0m, a.Node("learning/skills/kr_training_hours").Score);
    }

    [Fact]
    public void Evaluate_WorkedSubject_ObjectivesAndDimensionsRollUp()
    {
        // grow_loans = 0.7×0.6 + 0.3×1.0 = 0.42 + 0.3 = 0.72; income = 0.3;
        // financial = 0.6×0.72 + 0.4×0.3 = 0.432 + 0.12 = 0.552.
        // reach = 0.5×0.6 + 0.5×0 = 0.3 = customer. quality = 0.6×0.6 + 0.4×0.7 = 0.36 + 0.28 = 0.64 = process.
        // skills = 1 = learning.
        var a = Worked();

        Assert.Equal(0.72m, a.Node("financial/grow_loans").Score);
        Assert.Equal(0.3m, a.Node("financial/income").Score);
        Assert.Equal(0.552m, a.Node("financial").Score);
        Assert.Equal(0.3m, a.Node("customer").Score);
        Assert.Equal(0.64m, a.Node("process/quality").Score);
        Assert.Equal(0.64m, a.Node("process").Score);
        Assert.Equal(1m, a.Node("learning").Score);
    }

    [Fact]
    public void Evaluate_WorkedSubject_TotalIsWeightedObjectivesTimesHundred()
    {
        // root = 0.4×0.552 + 0.25×0.3 + 0.2×0.64 + 0.15×1 = 0.2208 + 0.075 + 0.128 + 0.15 = 0.5738 → 57.38 → D (< 60) → 0.70;
        // payout 6000 × 0.70 = 4200.00 (the scheme has no gates).
        var a = Worked();

        Assert.Equal(0.5738m, a.Root.Score);
        Assert.Equal(57.38m, a.BasePoints);
        Assert.Equal(57.38m, a.RoundedTotal);
        Assert.Equal("D", a.Grade.Name);
        Assert.Equal(4200m, a.Payout);
        Assert.Empty(a.Gates);
        Assert.Empty(a.Adjustments);
    }

    [Fact]
    public void Evaluate_WorkedSubject_EffectiveWeightsAndContributions()
    {
        var a = Worked();

        // loan balance: 0.4 × 0.6 × 0.7 = 0.168; contribution 0.168 × 0.6 × 100 = 10.08.
        Assert.Equal(0.168m, a.Node("financial/grow_loans/kr_loan_balance").EffectiveWeight);
        Assert.Equal(10.08m, a.Node("financial/grow_loans/kr_loan_balance").Contribution);

        // visits: 0.25 × 1 × 0.5 = 0.125; score 0 → contribution 0.
        Assert.Equal(0.125m, a.Node("customer/reach/kr_visits").EffectiveWeight);
        Assert.Equal(0m, a.Node("customer/reach/kr_visits").Contribution);

        // on time: 0.2 × 1 × 0.4 = 0.08; contribution 0.08 × 0.7 × 100 = 5.6.
        Assert.Equal(0.08m, a.Node("process/quality/kr_on_time").EffectiveWeight);
        Assert.Equal(5.6m, a.Node("process/quality/kr_on_time").Contribution);

        // financial: 0.4 × 0.552 × 100 = 22.08; income objective: 0.4 × 0.4 = 0.16, × 0.3 × 100 = 4.8.
        Assert.Equal(22.08m, a.Node("financial").Contribution);
        Assert.Equal(0.16m, a.Node("financial/income").EffectiveWeight);
        Assert.Equal(4.8m, a.Node("financial/income").Contribution);

        // Indicator effective weights sum to 1: 0.168 + 0.072 + 0.16 + 0.125 + 0.125 + 0.12 + 0.08 + 0.15 = 1.
        var leaves = a.Scheme.Indicators.Select(i => a.Node(i.Path).EffectiveWeight).ToList();
        Assert.Equal(1m, leaves.Sum());
    }

    [Fact]
    public void Evaluate_WorkedSubject_ExplainsRatiosAndBandFraction()
    {
        var a = Worked();

        Assert.Contains(a.Node("financial/grow_loans/kr_loan_balance").Intermediates, kv => kv.Key == "ratio" && kv.Value == 0.85m);
        Assert.Contains(a.Node("process/quality/kr_on_time").Intermediates, kv => kv.Key == "bandFraction" && kv.Value == 0.4m);
        Assert.Contains(a.Node("customer/reach/kr_visits").Notes, n => n.Contains("below", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_EveryKeyResultMet_HundredGradeA()
    {
        // Every ratio 1 → 1.0; npl 1.0 → 1.0; on time 0.95 → last bound → 1.0 → every O and dimension 1 → 100 → A.
        var a = Evaluator.EvaluateOrThrow(Subject());

        Assert.Equal(100m, a.RoundedTotal);
        Assert.Equal("A", a.Grade.Name);
        Assert.Equal(7800m, a.Payout);
    }

    [Fact]
    public void Evaluate_LowerIsBetterKrJustOutsideBound_FallsToWorseBand()
    {
        // npl 1.51 is not ≤ 1.5 but ≤ 2.0 → 0.3; npl 2.01 → below → 0.
        // process/quality with on time 0.95 (1.0): 0.6 × 0.3 + 0.4 = 0.58; root = 1 − 0.2 × (1 − 0.58) = 0.916 → 91.6.
        var a = Evaluator.EvaluateOrThrow(Subject(npl: 1.51m));
        Assert.Equal(0.3m, a.Node("process/quality/kr_npl").Score);
        Assert.Equal(91.6m, a.RoundedTotal);

        var b = Evaluator.EvaluateOrThrow(Subject(npl: 2.01m));
        Assert.Equal(0m, b.Node("process/quality/kr_npl").Score);
    }
}
