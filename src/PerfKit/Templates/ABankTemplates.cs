using System;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;

namespace PerfKit.Templates;

/// <summary>
/// The A bank's inclusive-finance customer-manager schemes (seed 001): the current 105-point scheme and its BSC-OKR
/// redesign. See <c>docs/templates/a-bank-2023.md</c> and <c>docs/templates/a-bank-bsc-okr.md</c>.
/// </summary>
internal static class ABankTemplates
{
    /// <summary>The template name of the 105-point scheme.</summary>
    public const string ABank2023Name = "a-bank-2023";

    /// <summary>The template name of the BSC-OKR redesign.</summary>
    public const string BscOkrName = "a-bank-bsc-okr";

    /// <summary>New accounts per month; the gate on it cancels the month's pay when missed.</summary>
    public const decimal NewAccountsTarget = 10m;

    /// <summary>Net new accounts per month; gate as above.</summary>
    public const decimal NetNewAccountsTarget = 6m;

    /// <summary>Net balance growth per quarter, in CNY 10k; gate as above.</summary>
    public const decimal NetBalanceTarget = 500m;

    /// <summary>
    /// The 105-point scheme: monthly section 50% (new accounts 50, net new accounts 30, monthly exam 10, mentoring 6,
    /// activities 4), quarterly section 50% (customer visits 8, net balance growth 60, overdue rate 12, NPL rate 20),
    /// certificates bonus 2.5 each up to 5, and three pay-cancelling gates. The monthly section is assessed monthly and
    /// the quarterly section quarterly (<see cref="PeriodEvaluator"/>); evaluated for one period with one input, both
    /// sections are scored together as before.
    /// </summary>
    public static Scheme ABank2023() => Scheme.CreateBuilder(ABank2023Name, "2023.1")
        .Named("A Bank inclusive-finance customer manager 2023", "A银行普惠客户经理绩效考核方案（2023）")
        .Points(100m)
        .MaxBonus(5m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .Grade("A", 90m, 1.30m)
        .Grade("B", 80m, 1.10m)
        .Grade("C", 60m, 1.00m)
        .Grade("D", null, 0.70m)
        .Root(WeightMode.Percent, root => root
            .TotalScore()
            .Section("monthly", 50m, WeightMode.PointsOf(100m), m => m
                .Named("Monthly assessment", "月度考核")
                .Cadence(PeriodKind.Month)
                .Indicator("new_accounts", 50m, "new_accounts", Scorers.Linear(0m, NewAccountsTarget), i => i
                    .Named("New accounts", "新增户数").Tags("scale", "inclusive-finance").Unit("accounts").AggregatedBy(ValueAggregation.Count))
                .Indicator("net_new_accounts", 30m, "net_new_accounts", Scorers.Linear(0m, NetNewAccountsTarget), i => i
                    .Named("Net new accounts", "净增户数").Tags("scale", "inclusive-finance").Unit("accounts").AggregatedBy(ValueAggregation.Sum))
                .Indicator("monthly_exam", 10m, "monthly_exam", Scorers.Linear(0m, 100m), i => i
                    .Named("Monthly exam", "月考成绩").Tags("capability").Unit("points"))
                .Indicator("mentoring", 6m, "mentoring", Scorers.Linear(0m, 2m), i => i
                    .Named("Mentoring", "岗位带教").Tags("capability").Unit("mentees"))
                .Indicator("activity", 4m, "activity", Scorers.Linear(0m, 4m), i => i
                    .Named("Activities", "活动加分").Unit("activities")))
            .Section("quarterly", 50m, WeightMode.PointsOf(100m), q => q
                .Named("Quarterly assessment", "季度考核")
                .Cadence(PeriodKind.Quarter)
                .Indicator("customer_visits", 8m, "customer_visits", Scorers.Linear(0m, 60m), i => i
                    .Named("Customer visits", "走访客户数").Unit("visits").AggregatedBy(ValueAggregation.Count))
                .Indicator("net_balance_growth", 60m, "net_balance_growth", Scorers.Linear(0m, NetBalanceTarget), i => i
                    .Named("Net balance growth", "净增余额").Tags("scale", "inclusive-finance").Unit("CNY 10k").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("overdue_rate", 12m, "overdue_rate", Scorers.Linear(3m, 1m), i => i
                    .Named("Overdue rate", "逾期率").Tags("risk").Unit("%"))
                .Indicator("npl_rate", 20m, "npl_rate", Scorers.Linear(2m, 0.5m), i => i
                    .Named("NPL rate", "不良率").Tags("risk").Unit("%"))))
        .Bonus("certificates", "certificates", 2.5m, 5m, b => b.Named("Certificates", "附加考核（证书）"))
        .Gate("gate_new_accounts", g => g.Named("New accounts gate", "新增户数门槛").OnValue("monthly/new_accounts", NewAccountsTarget).CancelPayout())
        .Gate("gate_net_new_accounts", g => g.Named("Net new accounts gate", "净增户数门槛").OnValue("monthly/net_new_accounts", NetNewAccountsTarget).CancelPayout())
        .Gate("gate_net_balance", g => g.Named("Net balance gate", "净增余额门槛").OnValue("quarterly/net_balance_growth", NetBalanceTarget).CancelPayout())
        .Build();

    /// <summary>
    /// The BSC-OKR redesign: financial 0.40, customer 0.25, internal process 0.20, learning and growth 0.15; three
    /// objectives per dimension; key results scored 0–1 by the stretch table (financial, customer) or the requirement
    /// table (process, learning); O = Σ KR × weight; total = Σ weighted O × 100. No gates, no bonus.
    /// </summary>
    public static Scheme BscOkr() => Scheme.CreateBuilder(BscOkrName, "2024.1")
        .Named("A Bank inclusive-finance customer manager BSC-OKR", "A银行普惠客户经理BSC-OKR绩效考核方案")
        .Points(100m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .StandardGrades()
        .Root(WeightMode.Fraction, root => root
            .TotalScore()
            .Dimension("financial", 0.40m, WeightMode.Fraction, d => d
                .Named("Financial", "财务维度")
                .Objective("loan_scale", 0.40m, WeightMode.Fraction, o => o
                    .Named("Grow the inclusive loan book", "扩大普惠贷款规模（增量）")
                    .Indicator("kr_net_balance_growth", 0.6m, "net_balance_growth", Stretch(500m), k => k
                        .Named("Net loan balance growth (daily average)", "贷款净增余额（日均）").Tags("scale", "inclusive-finance").Unit("CNY 10k").AggregatedBy(ValueAggregation.DailyAverage))
                    .Indicator("kr_new_loan_customers", 0.4m, "new_loan_customers", Stretch(30m), k => k
                        .Named("New loan customers", "新增贷款户数").Tags("scale", "inclusive-finance").Unit("customers").AggregatedBy(ValueAggregation.Count)))
                .Objective("profit", 0.35m, WeightMode.Fraction, o => o
                    .Named("Raise the profit contribution", "提升利润贡献")
                    .Indicator("kr_interest_income", 0.6m, "interest_income", Stretch(60m), k => k
                        .Named("Net interest income after transfer pricing", "扣除内部资金转移价格后的利息净收入").Tags("profit").Unit("CNY 10k").AggregatedBy(ValueAggregation.Sum))
                    .Indicator("kr_eva", 0.4m, "eva", Stretch(20m), k => k
                        .Named("Economic value added of the loan book", "贷款经济增加值（EVA）").Tags("profit").Unit("CNY 10k")))
                .Objective("pricing", 0.25m, WeightMode.Fraction, o => o
                    .Named("Lower financing costs for small and micro firms", "降低小微企业融资成本（降价）")
                    .Indicator("kr_priced_within_guidance", 1m, "priced_within_guidance_rate", Stretch(95m), k => k
                        .Named("New loans priced within the rate guidance", "执行利率指导价的新发放贷款占比").Tags("inclusive-finance", "pricing").Unit("%"))))
            .Dimension("customer", 0.25m, WeightMode.Fraction, d => d
                .Named("Customer", "客户维度")
                .Objective("reach", 0.40m, WeightMode.Fraction, o => o
                    .Named("Widen the reach", "扩大服务覆盖面（扩面）")
                    .Indicator("kr_first_loan_customers", 0.6m, "first_loan_customers", Stretch(8m), k => k
                        .Named("First-loan customers", "首贷户数").Tags("inclusive-finance").Unit("customers").AggregatedBy(ValueAggregation.Count))
                    .Indicator("kr_customer_visits", 0.4m, "customer_visits", Stretch(60m), k => k
                        .Named("Customer visits", "走访客户数").Unit("visits").AggregatedBy(ValueAggregation.Count)))
                .Objective("retention", 0.30m, WeightMode.Fraction, o => o
                    .Named("Keep customers", "提升客户黏性")
                    .Indicator("kr_repeat_borrowing_rate", 1m, "repeat_borrowing_rate", Stretch(80m), k => k
                        .Named("Matured-loan customers who borrow again", "到期客户续贷率").Unit("%")))
                .Objective("service", 0.30m, WeightMode.Fraction, o => o
                    .Named("Serve customers well", "提升服务质量")
                    .Indicator("kr_satisfaction", 0.6m, "customer_satisfaction", Stretch(95m), k => k
                        .Named("Customer satisfaction survey score", "客户满意度调查得分").Tags("customer").Unit("points"))
                    .Indicator("kr_on_time_disbursement", 0.4m, "on_time_disbursement_rate", Stretch(95m), k => k
                        .Named("Loans disbursed within the promised days", "按承诺时限放款占比").Tags("customer").Unit("%"))))
            .Dimension("process", 0.20m, WeightMode.Fraction, d => d
                .Named("Internal process", "内部流程维度")
                .Objective("asset_quality", 0.40m, WeightMode.Fraction, o => o
                    .Named("Keep the loan book sound", "控制贷款质量")
                    .Indicator("kr_npl_rate", 0.6m, "npl_rate", RequirementCeiling(1.5m), k => k
                        .Named("NPL rate", "不良率").Tags("risk").Unit("%"))
                    .Indicator("kr_overdue_rate", 0.4m, "overdue_rate", RequirementCeiling(2.0m), k => k
                        .Named("Overdue rate", "逾期率").Tags("risk").Unit("%")))
                .Objective("loan_management", 0.35m, WeightMode.Fraction, o => o
                    .Named("Manage loans day to day", "规范日常贷款管理")
                    .Indicator("kr_post_loan_checks", 0.6m, "post_loan_check_rate", Requirement(100m), k => k
                        .Named("Post-loan checks done on time", "贷后检查按时完成率").Tags("risk").Unit("%"))
                    .Indicator("kr_file_completeness", 0.4m, "file_completeness_rate", Requirement(100m), k => k
                        .Named("Complete loan files", "信贷档案合格率").Unit("%")))
                .Objective("compliance", 0.25m, WeightMode.Fraction, o => o
                    .Named("Operate compliantly", "合规经营")
                    .Indicator("kr_compliance_checks", 1m, "compliance_check_pass_rate", Requirement(100m), k => k
                        .Named("Compliance checks passed", "合规检查通过率").Tags("risk", "compliance").Unit("%"))))
            .Dimension("learning", 0.15m, WeightMode.Fraction, d => d
                .Named("Learning and growth", "学习成长维度")
                .Objective("knowledge", 0.40m, WeightMode.Fraction, o => o
                    .Named("Master products and rules", "提升专业能力")
                    .Indicator("kr_exam_score", 1m, "exam_score", Requirement(90m), k => k
                        .Named("Quarterly exam score", "季度考试成绩").Tags("capability").Unit("points")))
                .Objective("training", 0.30m, WeightMode.Fraction, o => o
                    .Named("Keep learning", "持续学习")
                    .Indicator("kr_training_hours", 1m, "training_hours", Requirement(24m), k => k
                        .Named("Training hours", "培训学时").Tags("capability").Unit("hours").AggregatedBy(ValueAggregation.Sum)))
                .Objective("mentoring", 0.30m, WeightMode.Fraction, o => o
                    .Named("Develop colleagues", "传帮带")
                    .Indicator("kr_mentoring", 1m, "mentoring", Requirement(2m), k => k
                        .Named("Colleagues mentored", "岗位带教人数").Tags("capability").Unit("mentees")))))
        .Build();

    /// <summary>
    /// Score interpretation 1 (financial and customer KRs, stretch targets), on the completion ratio r = actual ÷ target,
    /// interpolated: r below 0.5 scores 0; 0.5 → 0.3; 0.8 → 0.6; 1.0 and above → 1.0; linear in between.
    /// </summary>
    internal static ScorerSpec Stretch(decimal target) => Scorers.Band(
        ScoreDirection.HigherIsBetter,
        [(0.5m, 0.3m), (0.8m, 0.6m), (1.0m, 1.0m)],
        BandMode.Interpolate,
        BandBasis.Ratio,
        target);

    /// <summary>
    /// Score interpretation 2 (process and learning KRs, requirements), in steps on r = actual ÷ target:
    /// r ≥ 1.0 → 1.0 (met); r ≥ 0.9 → 0.8 (largely met); r ≥ 0.7 → 0.5 (partly met); below → 0.
    /// </summary>
    internal static ScorerSpec Requirement(decimal target) => Scorers.Band(
        ScoreDirection.HigherIsBetter,
        [(0.7m, 0.5m), (0.9m, 0.8m), (1.0m, 1.0m)],
        BandMode.Step,
        BandBasis.Ratio,
        target);

    /// <summary>
    /// Score interpretation 2 for a ceiling (lower is better), in steps on r = actual ÷ ceiling:
    /// r ≤ 1.0 → 1.0; r ≤ 1.1 → 0.8; r ≤ 1.3 → 0.5; above → 0.
    /// </summary>
    internal static ScorerSpec RequirementCeiling(decimal ceiling) => Scorers.Band(
        ScoreDirection.LowerIsBetter,
        [(1.3m, 0.5m), (1.1m, 0.8m), (1.0m, 1.0m)],
        BandMode.Step,
        BandBasis.Ratio,
        ceiling);
}
