using System;
using System.Collections.Generic;
using System.Linq;
using PerfKit.Analysis;
using PerfKit.Demo;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Analysis;

public class SchemePoliciesTests
{
    [Fact]
    public void Concentration_ABank2023AtDefault_ScaleSeventyPercentIsWarning()
    {
        var findings = SchemePolicies.Check(SampleSchemes.ABank2023(), [SchemePolicies.Concentration()]);

        // scale: 0.25 + 0.15 + 0.30 = 0.70 > 0.60
        var finding = Assert.Single(findings);
        Assert.Equal(PolicyIds.MaximumTagShare, finding.RuleId);
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Equal<string>(["monthly/new_accounts", "monthly/net_new_accounts", "quarterly/net_balance_growth"], finding.NodePaths);
        Assert.Equal(0.70m, finding.Actual);
        Assert.Equal(0.60m, finding.Limit);
        Assert.Contains("70%", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concentration_ShareEqualToLimit_NoFinding()
        => Assert.Empty(SchemePolicies.Check(SampleSchemes.ABank2023(), [SchemePolicies.Concentration(0.70m)]));

    [Fact]
    public void InclusiveFinanceShare_BscOkrAtFifteenPercent_Error()
    {
        var findings = SchemePolicies.Check(SampleSchemes.BscOkr(), [SchemePolicies.InclusiveFinanceShare()]);

        // kr_first_loans: 0.25 × 1 × 0.5 = 0.125 < 0.15
        var finding = Assert.Single(findings);
        Assert.Equal(PolicyIds.MinimumTagShare, finding.RuleId);
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal<string>(["customer/reach/kr_first_loans"], finding.NodePaths);
        Assert.Equal(0.125m, finding.Actual);
        Assert.Equal(0.15m, finding.Limit);
        Assert.Contains("12.5%", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InclusiveFinanceShare_BscOkrAtTenPercent_NoFinding()
        => Assert.Empty(SchemePolicies.Check(SampleSchemes.BscOkr(), [SchemePolicies.MinimumTagShare("inclusive-finance", 0.10m)]));

    [Fact]
    public void MinimumTagShare_NoIndicatorCarriesTag_ErrorWithoutPaths()
    {
        // The sample customer-manager role tags scale and deposit indicators only.
        var finding = Assert.Single(SchemePolicies.Check(SampleSchemes.CustomerManagerRole(), [SchemePolicies.InclusiveFinanceShare()]));

        Assert.Equal(PolicyIds.MinimumTagShare, finding.RuleId);
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Empty(finding.NodePaths);
        Assert.Equal(0m, finding.Actual);
    }

    [Fact]
    public void DepositNotPointInTime_PurposeBuiltScheme_PointInTimeErrorsUndeclaredWarning()
    {
        var findings = SchemePolicies.Check(DepositScheme(), [SchemePolicies.DepositNotPointInTime()]);

        // dep_eop (endOfPeriod) error, dep_none (undeclared) warning, dep_latest (latest) error;
        // dailyAverage ones and the loan ranking (not tagged deposit) pass.
        Assert.Equal(3, findings.Length);
        Assert.All(findings, f => Assert.Equal(PolicyIds.DepositPointInTime, f.RuleId));
        Assert.Equal([PolicySeverity.Error, PolicySeverity.Warning, PolicySeverity.Error], findings.Select(f => f.Severity));
        Assert.Equal<string>(["dep_eop"], findings[0].NodePaths);
        Assert.Equal<string>(["dep_none"], findings[1].NodePaths);
        Assert.Equal<string>(["dep_latest"], findings[2].NodePaths);
    }

    [Theory]
    [InlineData(ValueAggregation.EndOfPeriod, PolicySeverity.Error)]
    [InlineData(ValueAggregation.Latest, PolicySeverity.Error)]
    [InlineData(ValueAggregation.Min, PolicySeverity.Error)]
    [InlineData(ValueAggregation.Max, PolicySeverity.Error)]
    [InlineData(null, PolicySeverity.Warning)]
    public void DepositNotPointInTime_Aggregation_Flagged(ValueAggregation? aggregation, PolicySeverity severity)
    {
        var finding = Assert.Single(SchemePolicies.Check(OneDeposit(aggregation), [SchemePolicies.DepositNotPointInTime()]));

        Assert.Equal(PolicyIds.DepositPointInTime, finding.RuleId);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal<string>(["deposits"], finding.NodePaths);
    }

    [Theory]
    [InlineData(ValueAggregation.DailyAverage)]
    [InlineData(ValueAggregation.Mean)]
    [InlineData(ValueAggregation.Sum)]
    [InlineData(ValueAggregation.Count)]
    public void DepositNotPointInTime_PeriodAggregation_NoFinding(ValueAggregation aggregation)
        => Assert.Empty(SchemePolicies.Check(OneDeposit(aggregation), [SchemePolicies.DepositNotPointInTime()]));

    [Fact]
    public void DepositNotPointInTime_CustomerManagerRoleDailyAverage_NoFinding()
        => Assert.Empty(SchemePolicies.Check(SampleSchemes.CustomerManagerRole(), [SchemePolicies.DepositNotPointInTime()]));

    [Fact]
    public void DepositNotRankingOrMarketShare_PurposeBuiltScheme_DepositRankingAndShareAreErrors()
    {
        var findings = SchemePolicies.Check(DepositScheme(), [SchemePolicies.DepositNotRankingOrMarketShare()]);

        // dep_rank (deposit + ranking) and dep_share (deposit + market-share); loan_rank has no deposit tag.
        Assert.Equal(2, findings.Length);
        Assert.All(findings, f => Assert.Equal(PolicyIds.DepositRankingOrMarketShare, f.RuleId));
        Assert.All(findings, f => Assert.Equal(PolicySeverity.Error, f.Severity));
        Assert.Equal<string>(["dep_rank"], findings[0].NodePaths);
        Assert.Equal<string>(["dep_share"], findings[1].NodePaths);
    }

    [Fact]
    public void BranchVariant_TenPercentMovedWithinFifteen_NoFinding()
        => Assert.Empty(SchemePolicies.Check(SchemeAnalyzerTests.ABankVariant(), [SchemePolicies.BranchVariant(SampleSchemes.ABank2023())]));

    [Fact]
    public void BranchVariant_TenPercentMovedAboveFivePercentLimit_ErrorNamingParent()
    {
        var findings = SchemePolicies.Check(SchemeAnalyzerTests.ABankVariant(), [SchemePolicies.BranchVariant(SampleSchemes.ABank2023(), 0.05m)]);

        // ½ × (|0.04 − 0.14| + |0.30 − 0.20|) = 0.10 > 0.05
        var finding = Assert.Single(findings);
        Assert.Equal(PolicyIds.BranchVariant, finding.RuleId);
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal<string>(["quarterly/customer_visits", "quarterly/net_balance_growth"], finding.NodePaths);
        Assert.Equal(0.10m, finding.Actual);
        Assert.Equal(0.05m, finding.Limit);
        Assert.Contains("'a-bank-2023' version '2023.1'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BranchVariant_IndicatorsAddedAndRemoved_ErrorListsParentThenVariantOnlyPaths()
    {
        var parent = SchemeAnalyzerTests.Flat(("a", 50m), ("b", 30m), ("c", 20m));
        var variant = SchemeAnalyzerTests.Flat(("a", 50m), ("b", 20m), ("d", 30m));

        var finding = Assert.Single(SchemePolicies.Check(variant, [SchemePolicies.BranchVariant(parent)]));

        // ½ × (0 + 0.1 + 0.2 + 0.3) = 0.3 > 0.15; a is unchanged and not listed.
        Assert.Equal(PolicyIds.BranchVariant, finding.RuleId);
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal<string>(["b", "c", "d"], finding.NodePaths);
        Assert.Equal(0.3m, finding.Actual);
    }

    [Fact]
    public void UnreachableGrades_MinimumAboveReachableMax_Warning()
    {
        var scheme = Scheme.CreateBuilder("s", "1").Name("S")
            .Grade("S", 110m, 1.5m).Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r.Indicator("x", 100m, "x", Scorers.Linear(0m, 10m)))
            .Build();

        // P 100, no bonus: the rounded total reaches at most 100 < 110.
        var finding = Assert.Single(SchemePolicies.Check(scheme, [SchemePolicies.UnreachableGrades()]));
        Assert.Equal(PolicyIds.UnreachableGrade, finding.RuleId);
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Empty(finding.NodePaths);
        Assert.Equal("grades.S", finding.MemberPath);
    }

    [Fact]
    public void UnreachableGrades_BandBelowReachableMin_Warning()
    {
        // Both indicators score at least 0.5, so every total is ≥ 50 and D (< 40) is never earned.
        var finding = Assert.Single(SchemePolicies.Check(SchemeAnalyzerTests.FloorScheme(), [SchemePolicies.UnreachableGrades()]));

        Assert.Equal(PolicyIds.UnreachableGrade, finding.RuleId);
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Empty(finding.NodePaths);
        Assert.Equal("grades.D", finding.MemberPath);
    }

    [Fact]
    public void BonusCaps_MaxBonusAboveRoomAndRuleCapAboveMaxBonus_TwoWarnings()
    {
        var scheme = SchemeAnalyzerTests.OneIndicator(b => b.MaxBonus(10m).MaxPoints(105m).Bonus("certs", "certs", 2.5m, 12m));

        var findings = SchemePolicies.Check(scheme, [SchemePolicies.BonusCaps()]);

        // maxBonus 10 > maxPoints − P = 105 − 100 = 5; the rule's cap 12 > maxBonus 10.
        Assert.Equal(2, findings.Length);
        Assert.All(findings, f => Assert.Equal(PolicyIds.BonusCaps, f.RuleId));
        Assert.All(findings, f => Assert.Equal(PolicySeverity.Warning, f.Severity));
        Assert.All(findings, f => Assert.Empty(f.NodePaths));
        Assert.Equal(("maxBonus", 10m, 5m), (findings[0].MemberPath, findings[0].Actual, findings[0].Limit));
        Assert.Equal(("adjustments.certs", 12m, 10m), (findings[1].MemberPath, findings[1].Actual, findings[1].Limit));
    }

    [Fact]
    public void BonusCaps_ABank2023_NoFinding()
        => Assert.Empty(SchemePolicies.Check(SampleSchemes.ABank2023(), [SchemePolicies.BonusCaps()])); // 5 = 105 − 100; cap 5 = maxBonus

    [Fact]
    public void GateReachability_GatesThatCannotFailOrPass_Reported()
    {
        var findings = SchemePolicies.Check(GateScheme(), [SchemePolicies.GateReachability()]);

        // g_base: base 0 … 100 never reaches 110 → never passes (error).
        // g_sec: score of sec 0 … 1 is always ≥ 0 → never fails (warning).
        // g_total: rounded total 0 … 100 against 60 → both possible, not reported.
        // g_low: lower-is-better, total ≥ 0 is never ≤ −1 → never passes (error).
        // g_q_fail: q can be excluded and the gate fails when missing → can fail, not reported.
        // g_q_pass: q's score is always ≥ 0 and a missing q passes → never fails (warning).
        // g_value: values have no declared range → not checked.
        Assert.Equal(["gates.g_base", "gates.g_sec", "gates.g_low", "gates.g_q_pass"], findings.Select(f => f.MemberPath));
        Assert.All(findings, f => Assert.Equal(PolicyIds.GateReachability, f.RuleId));
        Assert.Equal([PolicySeverity.Error, PolicySeverity.Warning, PolicySeverity.Error, PolicySeverity.Warning], findings.Select(f => f.Severity));
        Assert.Empty(findings[0].NodePaths);
        Assert.Equal<string>(["sec"], findings[1].NodePaths);
        Assert.Empty(findings[2].NodePaths);
        Assert.Equal<string>(["q"], findings[3].NodePaths);
    }

    [Fact]
    public void Check_DefaultOnABank2023_OnlyConcentrationWarning()
    {
        var findings = SchemePolicies.Check(SampleSchemes.ABank2023());

        // inclusive-finance share 0.25 + 0.15 + 0.30 = 0.70 ≥ 0.15 passes; scale 0.70 > 0.60 is the one finding;
        // no deposit tags; grades, bonus caps and value gates fine.
        var finding = Assert.Single(findings);
        Assert.Equal(PolicyIds.MaximumTagShare, finding.RuleId);
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Equal<string>(["monthly/new_accounts", "monthly/net_new_accounts", "quarterly/net_balance_growth"], finding.NodePaths);
    }

    [Fact]
    public void Check_HostRule_RunsAfterBuiltInsInOrder()
    {
        var findings = SchemePolicies.Check(SampleSchemes.ABank2023(), [SchemePolicies.Concentration(), new AtMostIndicators(8), SchemePolicies.BonusCaps()]);

        // A bank has 9 indicators > 8.
        Assert.Equal([PolicyIds.MaximumTagShare, "host.indicatorCount"], findings.Select(f => f.RuleId));
        Assert.Equal(PolicySeverity.Info, findings[1].Severity);
        Assert.Equal(9, findings[1].NodePaths.Length);
        Assert.Equal("monthly/new_accounts", findings[1].NodePaths[0]);
        Assert.Equal("quarterly/npl_rate", findings[1].NodePaths[^1]);
    }

    [Fact]
    public void Check_ExistingAnalysis_SameFindingsAsScheme()
    {
        var analysis = SchemeAnalyzer.Analyze(SampleSchemes.BscOkr());

        var finding = Assert.Single(SchemePolicies.Check(analysis, SchemePolicies.Default));

        Assert.Equal(PolicyIds.MinimumTagShare, finding.RuleId);
        Assert.Equal(PolicySeverity.Error, finding.Severity);
        Assert.Equal<string>(["customer/reach/kr_first_loans"], finding.NodePaths);
    }

    [Fact]
    public void Check_PolicyReturnsNull_Throws()
        => Assert.Throws<InvalidOperationException>(() => SchemePolicies.Check(SampleSchemes.BscOkr(), [new ReturnsNull()]));

    [Fact]
    public void Check_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SchemePolicies.Check((Scheme)null!, SchemePolicies.Default));
        Assert.Throws<ArgumentNullException>(() => SchemePolicies.Check(SampleSchemes.BscOkr(), null!));
        Assert.Throws<ArgumentException>(() => SchemePolicies.Check(SampleSchemes.BscOkr(), [null!]));
    }

    [Fact]
    public void Default_BuiltInRulesInDocumentedOrder()
        => Assert.Equal(
            [PolicyIds.MinimumTagShare, PolicyIds.DepositPointInTime, PolicyIds.DepositRankingOrMarketShare, PolicyIds.MaximumTagShare, PolicyIds.UnreachableGrade, PolicyIds.BonusCaps, PolicyIds.GateReachability],
            SchemePolicies.Default.Select(p => p.Id));

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void MinimumTagShare_ShareOutsideZeroToOne_Throws(double share)
        => Assert.Throws<ArgumentOutOfRangeException>(() => SchemePolicies.MinimumTagShare("scale", (decimal)share));

    [Fact]
    public void MaximumTagShare_InvalidTag_Throws()
    {
        Assert.Throws<ArgumentException>(() => SchemePolicies.MaximumTagShare("two words", 0.5m));
        Assert.Throws<ArgumentNullException>(() => SchemePolicies.MaximumTagShare(null!, 0.5m));
    }

    [Fact]
    public void BranchVariant_NullParentOrBadShare_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SchemePolicies.BranchVariant(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemePolicies.BranchVariant(SampleSchemes.ABank2023(), 2m));
    }

    private static Scheme DepositScheme()
        => Scheme.CreateBuilder("deposits", "1").Name("Deposits")
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r
                .Indicator("dep_eop", 20m, "dep_eop", Scorers.Linear(0m, 100m), i => i.Tags("deposit").AggregatedBy(ValueAggregation.EndOfPeriod))
                .Indicator("dep_avg", 20m, "dep_avg", Scorers.Linear(0m, 100m), i => i.Tags("deposit").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("dep_none", 20m, "dep_none", Scorers.Linear(0m, 100m), i => i.Tags("deposit"))
                .Indicator("dep_latest", 10m, "dep_latest", Scorers.Linear(0m, 100m), i => i.Tags("deposit").AggregatedBy(ValueAggregation.Latest))
                .Indicator("dep_rank", 10m, "dep_rank", Scorers.Linear(20m, 1m), i => i.Tags("deposit", "ranking").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("dep_share", 10m, "dep_share", Scorers.Linear(0m, 0.2m), i => i.Tags("deposit", "market-share").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("loan_rank", 10m, "loan_rank", Scorers.Linear(20m, 1m), i => i.Tags("ranking").AggregatedBy(ValueAggregation.EndOfPeriod)))
            .Build();

    private static Scheme OneDeposit(ValueAggregation? aggregation)
        => Scheme.CreateBuilder("deposit", "1").Name("Deposit")
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r.Indicator("deposits", 100m, "deposits", Scorers.Linear(0m, 100m), i =>
            {
                i.Tags("deposit", "scale");
                if (aggregation is { } a)
                {
                    i.AggregatedBy(a);
                }
            }))
            .Build();

    private static Scheme GateScheme()
        => Scheme.CreateBuilder("gates", "1").Name("Gates")
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r
                .Section("sec", 60m, WeightMode.Percent, s => s.Indicator("p", 100m, "p", Scorers.Linear(0m, 10m)))
                .Indicator("q", 40m, "q", Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Exclude)))
            .Gate("g_base", g => g.OnBase(110m).CancelPayout())
            .Gate("g_sec", g => g.OnScore("sec", 0m).CancelPayout())
            .Gate("g_total", g => g.OnTotal(60m).CapGrade("D"))
            .Gate("g_low", g => g.OnTotal(-1m).Direction(ScoreDirection.LowerIsBetter).CancelPayout())
            .Gate("g_q_fail", g => g.OnScore("q", 0m).CancelPayout())
            .Gate("g_q_pass", g => g.OnScore("q", 0m).PassWhenMissing().CancelPayout())
            .Gate("g_value", g => g.OnValue("sec/p", 1000m).CancelPayout())
            .Build();

    /// <summary>A host's own rule: more than n indicators is worth knowing.</summary>
    private sealed class AtMostIndicators(int max) : ISchemePolicy
    {
        public string Id => "host.indicatorCount";

        public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis)
        {
            if (analysis.Indicators.Length > max)
            {
                yield return new PolicyFinding(Id, PolicySeverity.Info, $"The scheme has {analysis.Indicators.Length} indicators; at most {max} keep it readable.", analysis.Indicators.Select(i => i.Path));
            }
        }
    }

    private sealed class ReturnsNull : ISchemePolicy
    {
        public string Id => "host.null";

        public IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis) => null!;
    }
}
