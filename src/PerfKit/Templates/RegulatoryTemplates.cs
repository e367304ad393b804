using System;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Templates;

/// <summary>
/// Institution-level evaluations modelled on regulation: the Ministry of Finance's commercial-bank performance
/// evaluation (商业银行绩效评价). See <c>docs/templates/mof-commercial-bank.md</c>; the targets are illustrative.
/// </summary>
internal static class RegulatoryTemplates
{
    /// <summary>The MoF commercial-bank template name.</summary>
    public const string MofCommercialBankName = "mof-commercial-bank";

    /// <summary>
    /// Four categories at 25% each. Serving the real economy (inclusive small-micro loan growth ÷ all-loan growth 30,
    /// small-micro and agricultural loan share 25, inclusive financing cost 20, green credit share 25); development
    /// quality (EVA ÷ average equity 40, RAROC 30, cost-income ratio 30); risk control (NPL ratio 30, provision
    /// coverage 20, capital adequacy 30, liquidity ratio 20); operating efficiency (ROE 35, ROA 25, state-capital
    /// preservation and appreciation 40).
    /// </summary>
    public static Scheme MofCommercialBank() => Scheme.CreateBuilder(MofCommercialBankName, "2021.1")
        .Named("Commercial bank performance evaluation (Ministry of Finance)", "商业银行绩效评价（财政部）")
        .Points(100m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .StandardGrades()
        .Root(WeightMode.Percent, root => root
            .TotalScore()
            .Group(GroupKind.Custom, "real_economy", 25m, WeightMode.Percent, g => g
                .Named("Serving national goals and the real economy", "服务国家发展目标和实体经济")
                .Indicator("inclusive_growth_ratio", 30m, "inclusive_growth_ratio", Scorers.Linear(0m, 1m), i => i
                    .Named("Inclusive small-micro loan growth relative to all-loan growth", "普惠型小微企业贷款增速与各项贷款增速之比（两增）").Tags("inclusive-finance").Unit("ratio"))
                .Indicator("small_micro_agri_share", 25m, "small_micro_agri_share", Scorers.Linear(0m, 35m), i => i
                    .Named("Small-micro and agricultural loans in all loans", "小微及涉农贷款占比").Tags("inclusive-finance", "agriculture").Unit("%"))
                .Indicator("inclusive_financing_cost", 20m, "inclusive_financing_cost", Scorers.Linear(6.5m, 4.5m), i => i
                    .Named("Inclusive small-micro loan financing cost", "普惠型小微企业贷款综合融资成本").Tags("inclusive-finance", "pricing").Unit("% p.a."))
                .Indicator("green_credit_share", 25m, "green_credit_share", Scorers.Linear(0m, 12m), i => i
                    .Named("Green credit share", "绿色信贷占比").Tags("green-finance", "esg").Unit("%")))
            .Group(GroupKind.Custom, "development_quality", 25m, WeightMode.Percent, g => g
                .Named("Development quality", "发展质量")
                .Indicator("eva_rate", 40m, "eva_rate", Scorers.Linear(0m, 3m), i => i
                    .Named("Economic value added over average equity", "经济增加值率（经济增加值/平均净资产）").Tags("profit").Unit("%"))
                .Indicator("raroc", 30m, "raroc", Scorers.Linear(8m, 15m), i => i
                    .Named("Risk-adjusted return on capital (RAROC)", "风险调整后资本收益率（RAROC）").Tags("profit", "risk").Unit("%"))
                .Indicator("cost_income_ratio", 30m, "cost_income_ratio", Scorers.Linear(45m, 30m), i => i
                    .Named("Cost-income ratio", "成本收入比").Tags("efficiency").Unit("%")))
            .Group(GroupKind.Custom, "risk_control", 25m, WeightMode.Percent, g => g
                .Named("Risk prevention and control", "风险防控")
                .Indicator("npl_ratio", 30m, "npl_ratio", Scorers.Linear(5m, 1.5m), i => i
                    .Named("NPL ratio", "不良贷款率").Tags("risk").Unit("%"))
                .Indicator("provision_coverage", 20m, "provision_coverage", Scorers.Linear(100m, 150m), i => i
                    .Named("Provision coverage", "拨备覆盖率").Tags("risk").Unit("%"))
                .Indicator("capital_adequacy", 30m, "capital_adequacy", Scorers.Linear(10.5m, 13.5m), i => i
                    .Named("Capital adequacy ratio", "资本充足率").Tags("risk", "capital").Unit("%"))
                .Indicator("liquidity_ratio", 20m, "liquidity_ratio", Scorers.Threshold(ScoreDirection.HigherIsBetter, 25m), i => i
                    .Named("Liquidity ratio", "流动性比例").Tags("risk", "liquidity").Unit("%")))
            .Group(GroupKind.Custom, "operating_efficiency", 25m, WeightMode.Percent, g => g
                .Named("Operating efficiency", "经营效益")
                .Indicator("roe", 35m, "roe", Scorers.Linear(0m, 10m), i => i
                    .Named("Return on equity (ROE)", "净资产收益率").Tags("profit").Unit("%"))
                .Indicator("roa", 25m, "roa", Scorers.Linear(0m, 0.8m), i => i
                    .Named("Return on assets (ROA)", "总资产收益率").Tags("profit").Unit("%"))
                .Indicator("capital_preservation", 40m, "capital_preservation", Scorers.Linear(100m, 110m), i => i
                    .Named("State-capital preservation and appreciation", "国有资本保值增值率").Tags("capital").Unit("%"))))
        .Build();
}
