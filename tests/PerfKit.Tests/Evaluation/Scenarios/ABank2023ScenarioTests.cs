using System.Linq;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Model;
using Xunit;

namespace PerfKit.Tests.Evaluation.Scenarios;

/// <summary>
/// The A bank's 105-point scheme (SampleSchemes.ABank2023), worked by hand from the spec.
/// Root (percent): monthly 50, quarterly 50, so each section weighs 0.5 and each indicator's share of base points is
/// 0.5 × its points:
///   monthly points(100):  new_accounts 50 (0→10) = 25 pts, net_new_accounts 30 (0→6) = 15, monthly_exam 10 (0→100) = 5,
///                         mentoring 6 (0→2) = 3, activity 4 (0→4) = 2;
///   quarterly points(100): customer_visits 8 (0→60) = 4, net_balance_growth 60 (0→500) = 30,
///                         overdue_rate 12 (3→1, lower is better) = 6, npl_rate 20 (2→0.5, lower is better) = 10.
/// Bonus: certificates 2.5 each, rule cap 5, maxBonus 5; maxPoints = 100 + 5 = 105.
/// Gates (cancelPayout): new_accounts ≥ 10, net_new_accounts ≥ 6, net_balance_growth ≥ 500.
/// </summary>
public sealed class ABank2023ScenarioTests
{
    private static readonly SchemeEvaluator Evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());

    /// <summary>A subject; every value defaults to its target (and the risk rates to their best-score value).</summary>
    internal static SubjectInput Subject(
        decimal newAccounts = 10m,
        decimal netNewAccounts = 6m,
        decimal exam = 100m,
        decimal mentoring = 2m,
        decimal activity = 4m,
        decimal visits = 60m,
        decimal netBalance = 500m,
        decimal overdue = 1m,
        decimal npl = 0.5m,
        decimal certificates = 0m,
        decimal? basePay = 10000m,
        string id = "CM-A")
    {
        var b = SubjectInput.For(id)
            .Value("new_accounts", newAccounts)
            .Value("net_new_accounts", netNewAccounts)
            .Value("monthly_exam", exam)
            .Value("mentoring", mentoring)
            .Value("activity", activity)
            .Value("customer_visits", visits)
            .Value("net_balance_growth", netBalance)
            .Value("overdue_rate", overdue)
            .Value("npl_rate", npl)
            .Value("certificates", certificates);
        if (basePay is { } pay)
        {
            b.BasePay(pay);
        }

        return b.Build();
    }

    private static Assessment Run(SubjectInput input) => Evaluator.EvaluateOrThrow(input);

    [Fact]
    public void Evaluate_EveryTargetAndTwoCertificates_Scores105GradeA()
    {
        // Every indicator scores 1 → both sections 1 → root 1 → base 1 × 100 = 100.
        // Bonus: min(2 × 2.5, 5) = 5, within maxBonus 5 → total 105 (= maxPoints, the clamp does not bite).
        // Grade A (105 ≥ 90) → coefficient 1.30; payout = 8765.43 × 1.30 = 11395.059 → 11395.06.
        var a = Run(Subject(certificates: 2m, basePay: 8765.43m));

        Assert.Equal(100m, a.BasePoints);
        Assert.Equal(5m, a.BonusPoints);
        Assert.Equal(0m, a.PenaltyPoints);
        Assert.Equal(105m, a.UnclampedTotal);
        Assert.Equal(105m, a.ExactTotal);
        Assert.Equal(105m, a.RoundedTotal);
        Assert.Equal("A", a.Grade.Name);
        Assert.Equal(1.30m, a.Coefficient);
        Assert.Equal(11395.06m, a.Payout);
        Assert.False(a.PayoutCancelled);
        Assert.All(a.Gates, g => Assert.True(g.Passed));
        Assert.Empty(a.FailedGates);
    }

    [Fact]
    public void Evaluate_EveryTarget_EachIndicatorContributesItsShare()
    {
        // Contribution = effective weight × score × 100 with score 1: new_accounts 0.5 × 0.5 × 100 = 25,
        // npl_rate 0.5 × 0.2 × 100 = 10, monthly 0.5 × 100 = 50.
        var a = Run(Subject());

        Assert.Equal(0.25m, a.Node("monthly/new_accounts").EffectiveWeight);
        Assert.Equal(25m, a.Node("monthly/new_accounts").Contribution);
        Assert.Equal(0.1m, a.Node("quarterly/npl_rate").EffectiveWeight);
        Assert.Equal(10m, a.Node("quarterly/npl_rate").Contribution);
        Assert.Equal(50m, a.Node("monthly").Contribution);
        Assert.Equal(100m, a.Root.Contribution);
        Assert.Equal(1m, a.Root.EffectiveWeight);
    }

    [Fact]
    public void Evaluate_NewAccountsJustUnderGate_KeepsPointsButPayoutCancelled()
    {
        // new_accounts 9 → 9 / 10 = 0.9; monthly = (50×0.9 + 30 + 10 + 6 + 4) / 100 = (45 + 50) / 100 = 0.95;
        // quarterly = 1; root = (50×0.95 + 50×1) / 100 = 97.5 / 100 = 0.975 → base 97.5, no certificates → total 97.50.
        // Grade A (97.50 ≥ 90, coefficient 1.30), but gate_new_accounts (9 ≥ 10) fails → payout 0.
        var a = Run(Subject(newAccounts: 9m, basePay: 10000m));

        Assert.Equal(0.9m, a.Node("monthly/new_accounts").Score);
        Assert.Equal(0.95m, a.Node("monthly").Score);
        Assert.Equal(97.5m, a.BasePoints);
        Assert.Equal(97.5m, a.RoundedTotal);
        Assert.Equal("A", a.Grade.Name);
        Assert.Equal(1.30m, a.Coefficient);
        Assert.True(a.PayoutCancelled);
        Assert.Equal(0m, a.Payout);
        Assert.Equal(10000m, a.BasePay);

        var failed = Assert.Single(a.FailedGates);
        Assert.Equal("gate_new_accounts", failed.Gate.Id);
        Assert.Equal(9m, failed.Actual);
        Assert.False(failed.IsMissing);
    }

    [Fact]
    public void Evaluate_ValuesExactlyOnGateThresholds_AllGatesPass()
    {
        // The gates compare ≥ (the scorers are higher-is-better): 10 ≥ 10, 6 ≥ 6, 500 ≥ 500 all pass.
        var a = Run(Subject(basePay: 100m));

        Assert.Equal(3, a.Gates.Length);
        Assert.All(a.Gates, g => Assert.True(g.Passed));
        Assert.Equal(new decimal?[] { 10m, 6m, 500m }, a.Gates.Select(g => g.Actual));
        Assert.Equal(130m, a.Payout);
    }

    [Fact]
    public void Evaluate_AllThreeGatesMissed_EveryFailedGateReported()
    {
        // new 9 (0.9), net new 3 (0.5), balance 400 (0.8):
        // monthly = (45 + 15 + 10 + 6 + 4) / 100 = 0.8; quarterly = (8 + 48 + 12 + 20) / 100 = 0.88;
        // root = (40 + 44) / 100 = 0.84 → 84.00 → B; all three gates fail, all reported in scheme order.
        var a = Run(Subject(newAccounts: 9m, netNewAccounts: 3m, netBalance: 400m));

        Assert.Equal(84m, a.RoundedTotal);
        Assert.Equal("B", a.Grade.Name);
        Assert.Equal(new[] { "gate_new_accounts", "gate_net_new_accounts", "gate_net_balance" }, a.FailedGates.Select(g => g.Gate.Id));
        Assert.Equal(0m, a.Payout);
    }

    [Fact]
    public void Evaluate_ThreeCertificates_BonusCappedAtFive()
    {
        // raw = min(3 × 2.5 = 7.5, rule cap 5) = 5; maxBonus 5 leaves room for 5 → applied 5, dropped 0.
        var a = Run(Subject(certificates: 3m));
        var bonus = a.Adjustment("certificates");

        Assert.Equal(3m, bonus.Units);
        Assert.Equal(5m, bonus.Raw);
        Assert.Equal(5m, bonus.Applied);
        Assert.Equal(0m, bonus.Dropped);
        Assert.Equal(5m, a.BonusPoints);
        Assert.Equal(105m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_OneCertificate_HalfTheBonus()
    {
        // 1 × 2.5 = 2.5; base 100 → 102.5.
        var a = Run(Subject(certificates: 1m));

        Assert.Equal(2.5m, a.BonusPoints);
        Assert.Equal(102.5m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_ValuesAboveTargets_LinearCapKeepsScoreAtOne()
    {
        // new 15 → ratio 1.5 but cap 1 → score 1; balance 800 → ratio 1.6 → 1; overdue 0.5 → (0.5 − 3)/(1 − 3) = 1.25 → 1.
        var a = Run(Subject(newAccounts: 15m, netBalance: 800m, overdue: 0.5m));

        var node = a.Node("monthly/new_accounts");
        Assert.Equal(1m, node.ScorerScore);
        Assert.Equal(1m, node.Score);
        Assert.Contains(node.Intermediates, kv => kv.Key == "ratio" && kv.Value == 1.5m);
        Assert.Equal(1m, a.Node("quarterly/net_balance_growth").Score);
        Assert.Equal(1m, a.Node("quarterly/overdue_rate").Score);
        Assert.Equal(100m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_LowerIsBetterRates_ScoredTowardsTheirTargets()
    {
        // overdue 2: (2 − 3) / (1 − 3) = 0.5; npl 1.1: (1.1 − 2) / (0.5 − 2) = −0.9 / −1.5 = 0.6.
        // quarterly = (8 + 60 + 12×0.5 + 20×0.6) / 100 = (8 + 60 + 6 + 12) / 100 = 0.86;
        // root = (50 + 50×0.86) / 100 = 0.93 → 93.
        var a = Run(Subject(overdue: 2m, npl: 1.1m));

        Assert.Equal(0.5m, a.Node("quarterly/overdue_rate").Score);
        Assert.Equal(0.6m, a.Node("quarterly/npl_rate").Score);
        Assert.Equal(0.86m, a.Node("quarterly").Score);
        Assert.Equal(93m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_RatesWorseThanBaseline_FloorAtZero()
    {
        // overdue 3.5: (3.5 − 3) / (−2) = −0.25 → floor 0; npl 2: (2 − 2) / (−1.5) = 0.
        // quarterly = (8 + 60) / 100 = 0.68; root = (50 + 34) / 100 = 0.84 → 84.
        var a = Run(Subject(overdue: 3.5m, npl: 2m));

        Assert.Equal(0m, a.Node("quarterly/overdue_rate").Score);
        Assert.Contains(a.Node("quarterly/overdue_rate").Intermediates, kv => kv.Key == "ratio" && kv.Value == -0.25m);
        Assert.Equal(0m, a.Node("quarterly/npl_rate").Score);
        Assert.Equal(84m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_FullSubject_WorkedByHand()
    {
        // new 12 → 1 (capped); net new 6 → 1; exam 86 → 0.86; mentoring 1 → 0.5; activity 3 → 0.75;
        // monthly = (50 + 30 + 8.6 + 3 + 3) / 100 = 0.946.
        // visits 45 → 0.75; balance 520 → 1 (capped); overdue 1.6 → (1.6 − 3)/(−2) = 0.7; npl 0.8 → (0.8 − 2)/(−1.5) = 0.8;
        // quarterly = (6 + 60 + 8.4 + 16) / 100 = 0.904.
        // root = (50×0.946 + 50×0.904) / 100 = (47.3 + 45.2) / 100 = 0.925 → base 92.5; 1 certificate → +2.5 → 95.00.
        // Grade A → 1.30; all gates pass → payout 9000 × 1.30 = 11700.00.
        var a = Run(Subject(newAccounts: 12m, exam: 86m, mentoring: 1m, activity: 3m, visits: 45m, netBalance: 520m, overdue: 1.6m, npl: 0.8m, certificates: 1m, basePay: 9000m));

        Assert.Equal(0.946m, a.Node("monthly").Score);
        Assert.Equal(0.904m, a.Node("quarterly").Score);
        Assert.Equal(0.925m, a.Root.Score);
        Assert.Equal(92.5m, a.BasePoints);
        Assert.Equal(2.5m, a.BonusPoints);
        Assert.Equal(95m, a.RoundedTotal);
        Assert.Equal("A", a.Grade.Name);
        Assert.Equal(11700m, a.Payout);

        // Contributions (report only): monthly 0.5 × 0.946 × 100 = 47.3; npl 0.1 × 0.8 × 100 = 8;
        // overdue 0.06 × 0.7 × 100 = 4.2.
        Assert.Equal(47.3m, a.Node("monthly").Contribution);
        Assert.Equal(8m, a.Node("quarterly/npl_rate").Contribution);
        Assert.Equal(0.06m, a.Node("quarterly/overdue_rate").EffectiveWeight);
        Assert.Equal(4.2m, a.Node("quarterly/overdue_rate").Contribution);
    }

    public static TheoryData<decimal, decimal, decimal, decimal, decimal, decimal, decimal, string, decimal> GradeBoundaries => new()
    {
        // Shares of base points: npl 10, overdue 6, exam 5, new accounts 25. Everything else at target, no bonus.
        // npl 2 (0) → −10; exam e → −5 × (1 − e/100).
        // exam 100: 100 − 10 = 90.00 → A 1.30.
        { 100m, 2m, 1m, 10m, 90m, 90m, 90m, "A", 1.30m },

        // exam 99.9: 90 − 5 × 0.001 = 89.995 → rounds half away from zero to 90.00 → A (the rounded total grades).
        { 99.9m, 2m, 1m, 10m, 89.995m, 89.995m, 90m, "A", 1.30m },

        // exam 99.89: 90 − 5 × 0.0011 = 89.9945 → 89.99 → B 1.10.
        { 99.89m, 2m, 1m, 10m, 89.9945m, 89.9945m, 89.99m, "B", 1.10m },

        // exam 99.8: 90 − 0.01 = 89.99 → B.
        { 99.8m, 2m, 1m, 10m, 89.99m, 89.99m, 89.99m, "B", 1.10m },

        // npl 2 (−10), overdue 3 (−6), exam 20 (−5 × 0.8 = −4) → 80.00 → B.
        { 20m, 2m, 3m, 10m, 80m, 80m, 80m, "B", 1.10m },

        // exam 19.8 → −5 × 0.802 = −4.01 → 79.99 → C 1.00.
        { 19.8m, 2m, 3m, 10m, 79.99m, 79.99m, 79.99m, "C", 1.00m },

        // npl 2 (−10), overdue 3 (−6), exam 20 (−4), new accounts 6 → −25 × 0.4 = −10 → 70.00 → C 1.00.
        { 20m, 2m, 3m, 6m, 70m, 70m, 70m, "C", 1.00m },
    };

    [Theory]
    [MemberData(nameof(GradeBoundaries))]
    public void Evaluate_TotalsAtGradeBoundaries_GradeFromRoundedTotal(decimal exam, decimal npl, decimal overdue, decimal newAccounts, decimal expectedBase, decimal expectedExact, decimal expectedRounded, string grade, decimal coefficient)
    {
        var a = Run(Subject(exam: exam, npl: npl, overdue: overdue, newAccounts: newAccounts, basePay: 1000m));

        Assert.Equal(expectedBase, a.BasePoints);
        Assert.Equal(expectedExact, a.ExactTotal);
        Assert.Equal(expectedRounded, a.RoundedTotal);
        Assert.Equal(grade, a.Grade.Name);
        Assert.Equal(coefficient, a.Coefficient);
    }

    [Fact]
    public void Evaluate_TotalSixty_GradeC()
    {
        // npl 2 (−10), overdue 3 (−6), exam 0 (−5), mentoring 0 (−3), activity 0 (−2), visits 0 (−4) = −30;
        // new accounts 6 → −25 × (1 − 0.6) = −10 → base 60.00 → C 1.00 (the new-accounts gate cancels pay).
        var a = Run(Subject(npl: 2m, overdue: 3m, exam: 0m, mentoring: 0m, activity: 0m, visits: 0m, newAccounts: 6m, basePay: 5000m));

        Assert.Equal(60m, a.RoundedTotal);
        Assert.Equal("C", a.Grade.Name);
        Assert.Equal(1.00m, a.Coefficient);
        Assert.Equal(0m, a.Payout);
    }

    [Fact]
    public void Evaluate_TotalJustUnderSixty_GradeD()
    {
        // As above with new accounts 5.996 → −25 × (1 − 0.5996) = −25 × 0.4004 = −10.01 → 59.99 → D 0.70.
        var a = Run(Subject(npl: 2m, overdue: 3m, exam: 0m, mentoring: 0m, activity: 0m, visits: 0m, newAccounts: 5.996m));

        Assert.Equal(59.99m, a.RoundedTotal);
        Assert.Equal("D", a.Grade.Name);
        Assert.Equal(0.70m, a.Coefficient);
    }

    [Fact]
    public void Evaluate_GradeBWithPayout_BasePayTimesOnePointOne()
    {
        // npl 2 (−10), overdue 3 (−6), exam 20 (−4) → 80.00 → B 1.10; gates pass; 7777.77 × 1.10 = 8555.547 → 8555.55.
        var a = Run(Subject(npl: 2m, overdue: 3m, exam: 20m, basePay: 7777.77m));

        Assert.Equal("B", a.Grade.Name);
        Assert.Equal(8555.55m, a.Payout);
    }

    [Fact]
    public void Evaluate_NoBasePay_PayoutNull()
    {
        var a = Run(Subject(basePay: null));

        Assert.Null(a.BasePay);
        Assert.Null(a.Payout);
    }

    [Fact]
    public void Evaluate_CertificatesMissing_ValueMissingOnTheRule()
    {
        // The bonus rule has the default missing policy (error): no certificates value is a data problem.
        var input = SubjectInput.For("CM-X")
            .Value("new_accounts", 10m).Value("net_new_accounts", 6m).Value("monthly_exam", 100m).Value("mentoring", 2m)
            .Value("activity", 4m).Value("customer_visits", 60m).Value("net_balance_growth", 500m)
            .Value("overdue_rate", 1m).Value("npl_rate", 0.5m)
            .Build();

        var result = Evaluator.Evaluate(input);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ValueMissing, problem.Code);
        Assert.Equal("adjustments.certificates", problem.Path);
        Assert.Equal("CM-X", problem.SubjectId);
        Assert.Null(problem.AttemptedValue);
    }

    [Fact]
    public void Scheme_ABank2023_DeclaresTheNumbersTheScenariosRelyOn()
    {
        // Guards the hand computations above against a change of the sample scheme.
        var scheme = SampleSchemes.ABank2023();

        Assert.Equal(100m, scheme.Points);
        Assert.Equal(5m, scheme.MaxBonus);
        Assert.Equal(105m, scheme.MaxPoints);
        Assert.Equal(0m, scheme.MinPoints);
        Assert.Equal(new RoundingPolicy(2, System.MidpointRounding.AwayFromZero), scheme.Rounding);
        Assert.Equal(new[] { "A", "B", "C", "D" }, scheme.Grades.Select(g => g.Name));
        Assert.All(scheme.Gates, g => Assert.Equal(GateConsequence.CancelPayout, g.Consequence));
    }
}
