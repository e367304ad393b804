using System;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Templates;

/// <summary>
/// Role weight templates (seed 002): task performance, capability and attitude at 60/25/15 for customer managers,
/// 50/35/15 for risk control and 40/30/30 for back-office support; capability and attitude from 360 ratings.
/// See <c>docs/templates/role-customer-manager.md</c>, <c>role-risk-control.md</c> and <c>role-back-office.md</c>.
/// </summary>
internal static class RoleTemplates
{
    /// <summary>The customer-manager template name.</summary>
    public const string CustomerManagerName = "role-customer-manager";

    /// <summary>The risk-control template name.</summary>
    public const string RiskControlName = "role-risk-control";

    /// <summary>The back-office template name.</summary>
    public const string BackOfficeName = "role-back-office";

    /// <summary>
    /// Customer manager, 60/25/15. Task performance (percent): financial 35 (deposit daily-average growth 40, loan
    /// volume 30, intermediate business income 15, EVA 15), business development 50 (inclusive small-micro loan growth
    /// 50, green credit share 25, customer coverage 25), risk 15 (NPL ratio). Compliance violations deduct 2 points each,
    /// at most 10. Inclusive finance: 0.60 × 0.50 × 0.50 = 0.15 of the total weight, the regulatory floor.
    /// </summary>
    public static Scheme CustomerManager() => Scheme.CreateBuilder(CustomerManagerName, "2024.1")
        .Named("Customer manager role template", "客户经理岗位考核模板")
        .Points(100m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .StandardGrades()
        .Root(WeightMode.Percent, root => root
            .TotalScore()
            .Section("task", 60m, WeightMode.Percent, t => t
                .Named("Task performance", "任务绩效")
                .Group(GroupKind.Custom, "financial", 35m, WeightMode.Percent, f => f
                    .Named("Financial indicators", "财务指标")
                    .Indicator("deposit_daily_avg_growth", 40m, "deposit_daily_avg_growth", Scorers.Linear(0m, 500m), i => i
                        .Named("Deposit daily-average growth", "存款日均增量").Tags("scale", "deposit").Unit("CNY 10k").AggregatedBy(ValueAggregation.DailyAverage))
                    .Indicator("loan_volume", 30m, "loan_volume", Scorers.Linear(0m, 1500m), i => i
                        .Named("Loans disbursed", "贷款投放量").Tags("scale").Unit("CNY 10k").AggregatedBy(ValueAggregation.Sum))
                    .Indicator("intermediate_income", 15m, "intermediate_income", Scorers.Linear(0m, 15m), i => i
                        .Named("Intermediate business income", "中间业务收入").Tags("fee-income").Unit("CNY 10k").AggregatedBy(ValueAggregation.Sum))
                    .Indicator("eva", 15m, "eva", Scorers.Linear(0m, 30m), i => i
                        .Named("Economic value added (EVA)", "经济增加值（EVA）").Tags("profit").Unit("CNY 10k")))
                .Group(GroupKind.Custom, "development", 50m, WeightMode.Percent, d => d
                    .Named("Business development indicators", "业务发展指标")
                    .Indicator("inclusive_loan_growth", 50m, "inclusive_loan_growth", Scorers.Linear(0m, 15m), i => i
                        .Named("Inclusive small-micro loan growth", "普惠小微贷款增速").Tags("inclusive-finance").Unit("%"))
                    .Indicator("green_credit_share", 25m, "green_credit_share", Scorers.Linear(0m, 10m), i => i
                        .Named("Green credit share", "绿色信贷占比").Tags("green-finance", "esg").Unit("%"))
                    .Indicator("customer_coverage", 25m, "customer_coverage", Scorers.Linear(0m, 90m), i => i
                        .Named("Customer coverage", "客户覆盖率").Tags("customer").Unit("%")))
                .Group(GroupKind.Custom, "risk", 15m, WeightMode.Percent, r => r
                    .Named("Risk control indicators", "风险控制指标")
                    .Indicator("npl_ratio", 100m, "npl_ratio", Scorers.Linear(3m, 1m), i => i
                        .Named("NPL ratio of the managed loans", "管户贷款不良率").Tags("risk").Unit("%"))))
            .CapabilitySection(25m, "Professional skills (products, risk, digital tools)", "专业能力（产品知识、风控技能、数字化工具应用）")
            .AttitudeSection(15m))
        .Penalty("compliance_violations", "compliance_violations", 2m, 10m, p => p
            .Named("Compliance violations", "合规操作违规扣分"))
        .Build();

    /// <summary>
    /// Risk control, 50/35/15. Task performance (percent): NPL ratio 30, provision coverage 25, loan classification
    /// accuracy 20, compliance violations 25 (a lower-is-better band: 0 → 1, 1 → 0.6, 2 → 0.3, more → 0).
    /// </summary>
    public static Scheme RiskControl() => Scheme.CreateBuilder(RiskControlName, "2024.1")
        .Named("Risk control role template", "风险控制岗考核模板")
        .Points(100m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .StandardGrades()
        .Root(WeightMode.Percent, root => root
            .TotalScore()
            .Section("task", 50m, WeightMode.Percent, t => t
                .Named("Task performance", "任务绩效")
                .Indicator("npl_ratio", 30m, "npl_ratio", Scorers.Linear(3m, 1.5m), i => i
                    .Named("NPL ratio of the supervised portfolio", "所辖贷款不良率").Tags("risk").Unit("%"))
                .Indicator("provision_coverage", 25m, "provision_coverage", Scorers.Linear(100m, 150m), i => i
                    .Named("Provision coverage", "拨备覆盖率").Tags("risk").Unit("%"))
                .Indicator("classification_accuracy", 20m, "classification_accuracy", Scorers.Linear(85m, 100m), i => i
                    .Named("Loan risk classification accuracy", "贷款风险分类准确率").Tags("risk").Unit("%"))
                .Indicator("compliance_violations", 25m, "compliance_violations", Scorers.Band(ScoreDirection.LowerIsBetter, [(2m, 0.3m), (1m, 0.6m), (0m, 1m)]), i => i
                    .Named("Compliance violations", "合规操作违规次数").Tags("risk", "compliance").Unit("violations").AggregatedBy(ValueAggregation.Count)))
            .CapabilitySection(35m, "Professional skills (risk assessment, rules, digital tools)", "专业能力（风险识别与评估、制度掌握、数字化工具应用）")
            .AttitudeSection(15m))
        .Build();

    /// <summary>
    /// Back-office support, 40/30/30. Task performance (percent): on-time processing 35, error rate 35 (lower is
    /// better), compliance-check pass rate 30; no deposit or loan targets. Compliance violations deduct 2 points each,
    /// at most 10.
    /// </summary>
    public static Scheme BackOffice() => Scheme.CreateBuilder(BackOfficeName, "2024.1")
        .Named("Back-office support role template", "后台支持岗考核模板")
        .Points(100m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .StandardGrades()
        .Root(WeightMode.Percent, root => root
            .TotalScore()
            .Section("task", 40m, WeightMode.Percent, t => t
                .Named("Task performance", "任务绩效")
                .Indicator("on_time_rate", 35m, "on_time_rate", Scorers.Linear(80m, 98m), i => i
                    .Named("Transactions processed on time", "业务处理及时率").Tags("process").Unit("%"))
                .Indicator("error_rate", 35m, "error_rate", Scorers.Linear(1m, 0.2m), i => i
                    .Named("Processing error rate", "业务差错率").Tags("process", "risk").Unit("%"))
                .Indicator("compliance_check_pass_rate", 30m, "compliance_check_pass_rate", Scorers.Linear(90m, 100m), i => i
                    .Named("Compliance checks passed", "合规检查通过率").Tags("risk", "compliance").Unit("%")))
            .CapabilitySection(30m, "Professional skills (operations, systems, digital tools)", "专业能力（业务操作、系统应用、数字化工具应用）")
            .AttitudeSection(30m))
        .Penalty("compliance_violations", "compliance_violations", 2m, 10m, p => p
            .Named("Compliance violations", "合规操作违规扣分"))
        .Build();
}
