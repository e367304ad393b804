using System;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Templates;

/// <summary>
/// Templates for front-line staff of financial intermediaries (seed 003, with seed 000 for the inclusive lender):
/// securities broker, insurance agent and inclusive-finance loan officer. See the pages under <c>docs/templates/</c>.
/// </summary>
internal static class IntermediaryTemplates
{
    /// <summary>The securities-broker template name.</summary>
    public const string SecuritiesBrokerName = "securities-broker";

    /// <summary>The insurance-agent template name.</summary>
    public const string InsuranceAgentName = "insurance-agent";

    /// <summary>The inclusive-loan-officer template name.</summary>
    public const string InclusiveLoanOfficerName = "inclusive-loan-officer";

    /// <summary>The inclusive loan officer's NPL tolerance in %: a 1.5% all-loan NPL ratio plus the 3-point tolerance.</summary>
    public const decimal NplTolerance = 4.5m;

    /// <summary>
    /// Securities broker, quarterly. Business 60 (effective accounts 30, client net assets daily average 40, product
    /// revenue 30), service 30 (advisory coverage 50, client satisfaction 50), compliance 10 (compliance events, lower is
    /// better).
    /// </summary>
    public static Scheme SecuritiesBroker() => Scheme.CreateBuilder(SecuritiesBrokerName, "2024.1")
        .Named("Securities broker", "证券经纪人考核模板")
        .Points(100m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .StandardGrades()
        .Root(WeightMode.Percent, root => root
            .TotalScore()
            .Section("business", 60m, WeightMode.Percent, b => b
                .Named("Business scale and revenue", "业务规模与效益")
                .Indicator("effective_accounts", 30m, "effective_accounts", Scorers.Linear(0m, 15m), i => i
                    .Named("New effective accounts", "新增有效户数").Tags("scale").Unit("accounts").AggregatedBy(ValueAggregation.Count))
                .Indicator("client_net_assets", 40m, "client_net_assets", Scorers.Linear(0m, 5000m), i => i
                    .Named("Client net assets (daily average)", "客户净资产（日均）").Tags("scale", "client-assets").Unit("CNY 10k").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("product_revenue", 30m, "product_revenue", Scorers.Linear(0m, 20m), i => i
                    .Named("Product revenue", "产品创收").Tags("revenue").Unit("CNY 10k").AggregatedBy(ValueAggregation.Sum)))
            .Section("service", 30m, WeightMode.Percent, s => s
                .Named("Client service", "客户服务")
                .Indicator("advisory_coverage", 50m, "advisory_coverage", Scorers.Linear(0m, 60m), i => i
                    .Named("Advisory service coverage", "投顾服务覆盖率").Tags("customer").Unit("%"))
                .Indicator("client_satisfaction", 50m, "client_satisfaction", Scorers.Linear(60m, 95m), i => i
                    .Named("Client satisfaction survey score", "客户满意度调查得分").Tags("customer").Unit("points")))
            .Section("compliance", 10m, WeightMode.Percent, c => c
                .Named("Compliance", "合规风控")
                .Indicator("compliance_events", 100m, "compliance_events", Scorers.Band(ScoreDirection.LowerIsBetter, [(1m, 0.5m), (0m, 1m)]), i => i
                    .Named("Compliance and operational-risk events", "合规及操作风险事件次数").Tags("risk", "compliance").Unit("events").AggregatedBy(ValueAggregation.Count))))
        .Build();

    /// <summary>
    /// Insurance agent, quarterly, as a balanced scorecard: financial 40 (first-year commission 60, regular-premium
    /// share 40), customer 30 (13-month persistency 60, complaint rate 40, lower is better), process 15 (sales
    /// compliance), learning and growth 15 (training hours 60, product exam 40 with a start line of 60).
    /// </summary>
    public static Scheme InsuranceAgent() => Scheme.CreateBuilder(InsuranceAgentName, "2024.1")
        .Named("Insurance agent", "保险代理人考核模板")
        .Points(100m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .StandardGrades()
        .Root(WeightMode.Percent, root => root
            .TotalScore()
            .Dimension("financial", 40m, WeightMode.Percent, d => d
                .Named("Financial", "财务维度")
                .Indicator("first_year_commission", 60m, "first_year_commission", Scorers.Linear(0m, 3m), i => i
                    .Named("First-year commission on new policies", "新单首年佣金").Tags("revenue").Unit("CNY 10k").AggregatedBy(ValueAggregation.Sum))
                .Indicator("regular_premium_share", 40m, "regular_premium_share", Scorers.Linear(40m, 80m), i => i
                    .Named("Regular-premium share of new premium", "期缴保费占比").Tags("business-quality").Unit("%")))
            .Dimension("customer", 30m, WeightMode.Percent, d => d
                .Named("Customer", "客户维度")
                .Indicator("renewal_rate", 60m, "renewal_rate", Scorers.Linear(70m, 90m), i => i
                    .Named("13-month persistency (renewal rate)", "13个月保单继续率（续保率）").Tags("customer").Unit("%"))
                .Indicator("complaint_rate", 40m, "complaint_rate", Scorers.Linear(5m, 1m), i => i
                    .Named("Complaints per 1,000 policies in force", "每千件有效保单投诉量").Tags("customer", "risk").Unit("per 1,000 policies")))
            .Dimension("process", 15m, WeightMode.Percent, d => d
                .Named("Internal process", "内部流程维度")
                .Indicator("sales_compliance_rate", 100m, "sales_compliance_rate", Scorers.Linear(90m, 100m), i => i
                    .Named("Sales passing dual-recording and return-visit checks", "双录及回访合格率").Tags("risk", "compliance").Unit("%")))
            .Dimension("learning", 15m, WeightMode.Percent, d => d
                .Named("Learning and growth", "学习成长维度")
                .Indicator("training_hours", 60m, "training_hours", Scorers.Linear(0m, 20m), i => i
                    .Named("Training hours", "培训学时").Tags("capability").Unit("hours").AggregatedBy(ValueAggregation.Sum))
                .Indicator("product_exam", 40m, "product_exam", Scorers.Linear(0m, 90m, startLine: 60m), i => i
                    .Named("Product knowledge exam", "产品知识考试成绩").Tags("capability").Unit("points"))))
        .Build();

    /// <summary>
    /// Inclusive-finance loan officer, quarterly. Inclusive lending 60 (small-micro loan growth, daily average, 60;
    /// first-loan customers 40), asset quality 30 (NPL within the tolerance 60, due-diligence flags 40, both lower is
    /// better), service 10 (net promoter score). An NPL above the tolerance caps the grade at C; each loan disbursed
    /// after the promised deadline deducts 1 point, at most 5.
    /// </summary>
    public static Scheme InclusiveLoanOfficer() => Scheme.CreateBuilder(InclusiveLoanOfficerName, "2024.1")
        .Named("Inclusive-finance loan officer", "普惠信贷客户经理考核模板")
        .Points(100m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .StandardGrades()
        .Root(WeightMode.Percent, root => root
            .TotalScore()
            .Section("inclusive", 60m, WeightMode.Percent, s => s
                .Named("Inclusive lending", "普惠业务")
                .Indicator("small_micro_loan_growth", 60m, "small_micro_loan_growth", Scorers.Linear(0m, 600m), i => i
                    .Named("Small-micro loan growth (daily average)", "小微贷款净增（日均）").Tags("scale", "inclusive-finance").Unit("CNY 10k").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("first_loan_customers", 40m, "first_loan_customers", Scorers.Linear(0m, 6m), i => i
                    .Named("First-loan customers", "首贷户数").Tags("inclusive-finance").Unit("customers").AggregatedBy(ValueAggregation.Count)))
            .Section("quality", 30m, WeightMode.Percent, s => s
                .Named("Asset quality", "资产质量")
                .Indicator("npl_tolerance", 60m, "small_micro_npl_ratio", Scorers.Band(ScoreDirection.LowerIsBetter, [(NplTolerance, 0.6m), (3.0m, 0.8m), (2.0m, 1.0m)]), i => i
                    .Named("Small-micro NPL ratio within the tolerance", "小微贷款不良率（容忍度内）").Tags("risk").Unit("%"))
                .Indicator("due_diligence_flags", 40m, "due_diligence_flags", Scorers.Band(ScoreDirection.LowerIsBetter, [(2m, 0.3m), (1m, 0.6m), (0m, 1m)]), i => i
                    .Named("Due-diligence flags", "尽职调查问题数").Tags("risk", "due-diligence").Unit("flags").AggregatedBy(ValueAggregation.Count)))
            .Section("service", 10m, WeightMode.Percent, s => s
                .Named("Customer service", "客户服务")
                .Indicator("customer_nps", 100m, "customer_nps", Scorers.Linear(0m, 50m), i => i
                    .Named("Customer net promoter score", "客户净推荐值（NPS）").Tags("customer").Unit("NPS"))))
        .Gate("gate_npl_tolerance", g => g
            .Named("NPL within the tolerance", "不良率容忍度门槛")
            .OnValue("quality/npl_tolerance", NplTolerance)
            .CapGrade("C"))
        .Penalty("late_disbursements", "late_disbursements", 1m, 5m, p => p
            .Named("Loans disbursed after the promised deadline", "超承诺时限放款扣分"))
        .Build();
}
