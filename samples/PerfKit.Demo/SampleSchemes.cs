using System.Collections.Generic;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Templates;

namespace PerfKit.Demo;

/// <summary>The schemes the demo and the tests share, built from the source practice.</summary>
public static class SampleSchemes
{
    /// <summary>
    /// New accounts per month in the A-bank scheme (the embedded template <c>a-bank-2023</c>); the gate on it cancels
    /// the month's pay when missed. The template's parameters are listed in <c>docs/templates/a-bank-2023.md</c>.
    /// </summary>
    public const decimal NewAccountsTarget = 10m;

    /// <summary>Net new accounts per month in the A-bank scheme; gated like <see cref="NewAccountsTarget"/>.</summary>
    public const decimal NetNewAccountsTarget = 6m;

    /// <summary>Net balance growth per quarter, in CNY 10k, in the A-bank scheme; gated like <see cref="NewAccountsTarget"/>.</summary>
    public const decimal NetBalanceTarget = 500m;

    /// <summary>
    /// The A bank's current 105-point scheme for inclusive-finance customer managers, loaded from the embedded template
    /// <c>a-bank-2023</c>: monthly section 50% (new accounts 50, net new accounts 30, monthly exam 10, mentoring 6,
    /// activity 4), quarterly section 50% (customer visits 8, net balance growth 60, overdue rate 12, NPL rate 20),
    /// certificates bonus up to 5, and gates on new accounts, net new accounts and net balance growth that cancel the
    /// period's pay (targets <see cref="NewAccountsTarget"/>, <see cref="NetNewAccountsTarget"/>, <see cref="NetBalanceTarget"/>).
    /// </summary>
    /// <returns>The scheme (the same cached instance on every call).</returns>
    public static Scheme ABank2023() => SchemeTemplates.Load("a-bank-2023");

    /// <summary>
    /// A BSC-OKR scheme: four dimensions (financial 40, customer 25, internal process 20, learning and growth 15),
    /// objectives with key results scored 0–1 by bands; O = Σ KR × weight, total = Σ weighted O × 100.
    /// </summary>
    /// <returns>The scheme.</returns>
    public static Scheme BscOkr()
    {
        static ScorerSpec Okr(decimal target) => Scorers.Band(
            ScoreDirection.HigherIsBetter,
            [(0.6m, 0.3m), (0.8m, 0.6m), (1.0m, 1.0m)],
            BandMode.Step,
            BandBasis.Ratio,
            target);

        return Scheme.CreateBuilder("a-bank-bsc-okr-sample", "2024.1")
            .Name("A Bank BSC-OKR sample").Name("zh-CN", "A银行BSC-OKR考核样例")
            .Grade("A", 90m, 1.30m).Grade("B", 80m, 1.10m).Grade("C", 60m, 1.00m).Grade("D", null, 0.70m)
            .Root(WeightMode.Fraction, root => root
                .Dimension("financial", 0.40m, WeightMode.Fraction, d => d
                    .Name("Financial").Name("zh-CN", "财务")
                    .Objective("grow_loans", 0.6m, WeightMode.Fraction, o => o
                        .Indicator("kr_loan_balance", 0.7m, "loan_balance", Okr(1000m), k => k.Tags("scale"))
                        .Indicator("kr_loan_customers", 0.3m, "loan_customers", Okr(40m)))
                    .Objective("income", 0.4m, WeightMode.Fraction, o => o
                        .Indicator("kr_interest_income", 1m, "interest_income", Okr(80m))))
                .Dimension("customer", 0.25m, WeightMode.Fraction, d => d
                    .Name("Customer").Name("zh-CN", "客户")
                    .Objective("reach", 1m, WeightMode.Fraction, o => o
                        .Indicator("kr_first_loans", 0.5m, "first_loan_customers", Okr(15m), k => k.Tags("inclusive-finance"))
                        .Indicator("kr_visits", 0.5m, "customer_visits", Okr(60m))))
                .Dimension("process", 0.20m, WeightMode.Fraction, d => d
                    .Name("Internal process").Name("zh-CN", "内部流程")
                    .Objective("quality", 1m, WeightMode.Fraction, o => o
                        .Indicator("kr_npl", 0.6m, "npl_rate", Scorers.Band(ScoreDirection.LowerIsBetter, [(2.0m, 0.3m), (1.5m, 0.6m), (1.0m, 1.0m)]), k => k.Tags("risk"))
                        .Indicator("kr_on_time", 0.4m, "on_time_rate", Scorers.Band(ScoreDirection.HigherIsBetter, [(0.8m, 0.5m), (0.95m, 1.0m)], BandMode.Interpolate))))
                .Dimension("learning", 0.15m, WeightMode.Fraction, d => d
                    .Name("Learning and growth").Name("zh-CN", "学习与成长")
                    .Objective("skills", 1m, WeightMode.Fraction, o => o
                        .Indicator("kr_training_hours", 1m, "training_hours", Okr(40m)))))
            .Build();
    }

    /// <summary>Rater role weights of the 360 ratings used by the role templates.</summary>
    public static IEnumerable<KeyValuePair<string, decimal>> RaterWeights =>
    [
        new("superior", 50m),
        new("peer", 30m),
        new("subordinate", 20m),
    ];

    /// <summary>
    /// The customer-manager role template: task performance 60, capability 25, attitude 15, with capability and
    /// attitude from 360 ratings on a 1–5 scale (superior 50, peer 30, subordinate 20).
    /// </summary>
    /// <returns>The scheme.</returns>
    public static Scheme CustomerManagerRole() => Scheme.CreateBuilder("sample-customer-manager-role", "2024.1")
        .Name("Customer manager role template").Name("zh-CN", "客户经理岗位模板")
        .Grade("A", 90m, 1.30m).Grade("B", 80m, 1.10m).Grade("C", 60m, 1.00m).Grade("D", null, 0.70m)
        .Root(WeightMode.Percent, root => root
            .Section("task", 60m, WeightMode.Percent, t => t
                .Name("Task performance").Name("zh-CN", "任务绩效")
                .Indicator("deposit_daily_avg_growth", 40m, "deposit_daily_avg_growth", Scorers.Linear(0m, 2000m), i => i.Tags("scale", "deposit").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("loan_volume", 40m, "loan_volume", Scorers.Linear(0m, 3000m), i => i.Tags("scale"))
                .Indicator("intermediate_income", 20m, "intermediate_income", Scorers.Linear(0m, 50m)))
            .Section("capability", 25m, WeightMode.Percent, c => c
                .Name("Capability").Name("zh-CN", "能力")
                .Indicator("capability_360", 100m, "capability_360", Scorers.Rating(1m, 5m, RaterWeights)))
            .Section("attitude", 15m, WeightMode.Percent, a => a
                .Name("Attitude").Name("zh-CN", "态度")
                .Indicator("attitude_360", 100m, "attitude_360", Scorers.Rating(1m, 5m, RaterWeights))))
        .Build();
}
