using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using PerfKit.Analysis;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Templates;
using Xunit;

namespace PerfKit.Tests.Templates;

public sealed class SchemeTemplatesTests
{
    private static readonly string[] ExpectedNames =
    [
        "a-bank-2023",
        "a-bank-bsc-okr",
        "role-customer-manager",
        "role-risk-control",
        "role-back-office",
        "securities-broker",
        "insurance-agent",
        "inclusive-loan-officer",
        "mof-commercial-bank",
    ];

    public static TheoryData<string> TemplateNames => [.. ExpectedNames];

    // ---------------------------------------------------------------- catalogue

    [Fact]
    public void Names_Always_ListsTheCatalogueInOrder()
    {
        Assert.Equal(ExpectedNames, SchemeTemplates.Names);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Load_EveryName_ReturnsSchemeWithThatIdAndStandardGrades(string name)
    {
        var scheme = SchemeTemplates.Load(name);

        Assert.Equal(name, scheme.Id);
        Assert.Equal(100m, scheme.Points);
        Assert.Equal(RoundingPolicy.Default, scheme.Rounding);
        // Grades: A ≥ 90 → 1.30, B ≥ 80 → 1.10, C ≥ 60 → 1.00, D otherwise → 0.70 (seed 002: A 130%, D 70%).
        Assert.Equal(["A", "B", "C", "D"], scheme.Grades.Select(g => g.Name));
        Assert.Equal(new decimal?[] { 90m, 80m, 60m, null }, scheme.Grades.Select(g => g.MinPoints));
        Assert.Equal([1.30m, 1.10m, 1.00m, 0.70m], scheme.Grades.Select(g => g.Coefficient));
    }

    [Fact]
    public void Load_UnknownName_ThrowsArgumentExceptionListingTheTemplates()
    {
        var ex = Assert.Throws<ArgumentException>(() => SchemeTemplates.Load("b-bank-2023"));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains("'b-bank-2023'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", ExpectedNames), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NameInOtherCase_ThrowsBecauseNamesAreCaseSensitive()
    {
        Assert.Throws<ArgumentException>(() => SchemeTemplates.Load("A-Bank-2023"));
    }

    [Fact]
    public void Load_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => SchemeTemplates.Load(null!));
        Assert.Throws<ArgumentNullException>(() => SchemeTemplates.TryLoad(null!, out _));
    }

    [Fact]
    public void TryLoad_UnknownName_ReturnsFalseAndNull()
    {
        Assert.False(SchemeTemplates.TryLoad("no-such-template", out var scheme));
        Assert.Null(scheme);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void TryLoad_KnownName_ReturnsTheSameInstanceAsLoad(string name)
    {
        Assert.True(SchemeTemplates.TryLoad(name, out var scheme));
        Assert.Same(SchemeTemplates.Load(name), scheme);
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Load_Twice_ReturnsTheCachedInstance(string name)
    {
        Assert.Same(SchemeTemplates.Load(name), SchemeTemplates.Load(name));
    }

    [Fact]
    public void Load_FromManyThreadsAtOnce_EveryThreadGetsTheSameInstances()
    {
        const int threadCount = 16;
        var loaded = new Scheme[threadCount][];
        var failures = new Exception?[threadCount];
        using var barrier = new Barrier(threadCount);
        var threads = Enumerable.Range(0, threadCount).Select(t => new Thread(() =>
        {
            try
            {
                barrier.SignalAndWait();
                loaded[t] = [.. SchemeTemplates.Names.Select(SchemeTemplates.Load)];
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or BarrierPostPhaseException)
            {
                failures[t] = ex;
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(failures, Assert.Null);
        for (var i = 0; i < ExpectedNames.Length; i++)
        {
            var expected = SchemeTemplates.Load(ExpectedNames[i]);
            Assert.All(loaded, row => Assert.Same(expected, row[i]));
        }
    }

    // ---------------------------------------------------------------- names

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Load_EveryTemplate_NamesSchemeNodesGatesAndAdjustmentsInZhCnAndEn(string name)
    {
        var scheme = SchemeTemplates.Load(name);
        var named = new List<(string What, LocalizedText Names)> { ("scheme", scheme.Names) };
        named.AddRange(scheme.Root.DescendantsAndSelf().Select(n => ("node " + n, n.Names)));
        named.AddRange(scheme.Gates.Select(g => ("gate " + g.Id, g.Names)));
        named.AddRange(scheme.Adjustments.Select(a => ("adjustment " + a.Id, a.Names)));

        Assert.All(named, x =>
        {
            Assert.True(x.Names.ByCulture.TryGetValue("en", out var en), x.What + " has no en name");
            Assert.True(x.Names.ByCulture.TryGetValue("zh-CN", out var zh), x.What + " has no zh-CN name");
            Assert.Equal(x.Names.Default, en);
            Assert.False(string.IsNullOrWhiteSpace(en), x.What);
            Assert.True(zh!.Any(c => c is >= '\u4e00' and <= '\u9fff'), x.What + " zh-CN name has no Chinese characters: " + zh);
            Assert.DoesNotContain(en!, c => c is >= '\u4e00' and <= '\u9fff');
        });
    }

    // ---------------------------------------------------------------- weights

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Load_EveryTemplate_IndicatorEffectiveWeightsSumToOne(string name)
    {
        var scheme = SchemeTemplates.Load(name);

        Assert.Equal(1m, scheme.Indicators.Sum(i => i.EffectiveWeight));
    }

    public static TheoryData<string, string, decimal> EffectiveWeights => new()
    {
        // a-bank-2023: root percent 50/50; sections points(100). new accounts 0.5 × 50/100 = 0.25,
        // net new accounts 0.5 × 30/100 = 0.15, net balance growth 0.5 × 60/100 = 0.30, NPL 0.5 × 20/100 = 0.10.
        { "a-bank-2023", "monthly", 0.5m },
        { "a-bank-2023", "monthly/new_accounts", 0.25m },
        { "a-bank-2023", "monthly/net_new_accounts", 0.15m },
        { "a-bank-2023", "monthly/monthly_exam", 0.05m },
        { "a-bank-2023", "monthly/mentoring", 0.03m },
        { "a-bank-2023", "monthly/activity", 0.02m },
        { "a-bank-2023", "quarterly/customer_visits", 0.04m },
        { "a-bank-2023", "quarterly/net_balance_growth", 0.30m },
        { "a-bank-2023", "quarterly/overdue_rate", 0.06m },
        { "a-bank-2023", "quarterly/npl_rate", 0.10m },

        // a-bank-bsc-okr: 0.40/0.25/0.20/0.15; loan scale 0.40 × 0.40 = 0.16, its net balance KR 0.16 × 0.6 = 0.096;
        // pricing 0.40 × 0.25 = 0.10; first-loan customers 0.25 × 0.40 × 0.6 = 0.06; NPL 0.20 × 0.40 × 0.6 = 0.048;
        // training hours 0.15 × 0.30 × 1 = 0.045.
        { "a-bank-bsc-okr", "financial", 0.40m },
        { "a-bank-bsc-okr", "customer", 0.25m },
        { "a-bank-bsc-okr", "process", 0.20m },
        { "a-bank-bsc-okr", "learning", 0.15m },
        { "a-bank-bsc-okr", "financial/loan_scale", 0.16m },
        { "a-bank-bsc-okr", "financial/loan_scale/kr_net_balance_growth", 0.096m },
        { "a-bank-bsc-okr", "financial/loan_scale/kr_new_loan_customers", 0.064m },
        { "a-bank-bsc-okr", "financial/pricing/kr_priced_within_guidance", 0.10m },
        { "a-bank-bsc-okr", "customer/reach/kr_first_loan_customers", 0.06m },
        { "a-bank-bsc-okr", "process/asset_quality/kr_npl_rate", 0.048m },
        { "a-bank-bsc-okr", "learning/training/kr_training_hours", 0.045m },

        // role-customer-manager: 60/25/15; development 0.60 × 0.50 = 0.30, inclusive loan growth 0.30 × 0.50 = 0.15;
        // financial 0.60 × 0.35 = 0.21, deposit 0.21 × 0.40 = 0.084; NPL 0.60 × 0.15 = 0.09;
        // professional skills 0.25 × 0.60 = 0.15; innovation 0.15 × 0.20 = 0.03.
        { "role-customer-manager", "task", 0.60m },
        { "role-customer-manager", "capability", 0.25m },
        { "role-customer-manager", "attitude", 0.15m },
        { "role-customer-manager", "task/development/inclusive_loan_growth", 0.15m },
        { "role-customer-manager", "task/financial/deposit_daily_avg_growth", 0.084m },
        { "role-customer-manager", "task/risk/npl_ratio", 0.09m },
        { "role-customer-manager", "capability/professional_skills", 0.15m },
        { "role-customer-manager", "attitude/innovation", 0.03m },

        // role-risk-control: 50/35/15; NPL 0.50 × 0.30 = 0.15; violations 0.50 × 0.25 = 0.125;
        // professional skills 0.35 × 0.60 = 0.21; collaboration 0.15 × 0.40 = 0.06.
        { "role-risk-control", "task", 0.50m },
        { "role-risk-control", "capability", 0.35m },
        { "role-risk-control", "attitude", 0.15m },
        { "role-risk-control", "task/npl_ratio", 0.15m },
        { "role-risk-control", "task/compliance_violations", 0.125m },
        { "role-risk-control", "capability/professional_skills", 0.21m },
        { "role-risk-control", "attitude/collaboration", 0.06m },

        // role-back-office: 40/30/30; on-time 0.40 × 0.35 = 0.14; core qualities 0.30 × 0.40 = 0.12;
        // compliance conduct 0.30 × 0.40 = 0.12.
        { "role-back-office", "task", 0.40m },
        { "role-back-office", "capability", 0.30m },
        { "role-back-office", "attitude", 0.30m },
        { "role-back-office", "task/on_time_rate", 0.14m },
        { "role-back-office", "capability/core_qualities", 0.12m },
        { "role-back-office", "attitude/compliance_conduct", 0.12m },

        // securities-broker: 60/30/10; net assets 0.60 × 0.40 = 0.24; effective accounts 0.60 × 0.30 = 0.18;
        // satisfaction 0.30 × 0.50 = 0.15.
        { "securities-broker", "business", 0.60m },
        { "securities-broker", "service", 0.30m },
        { "securities-broker", "compliance", 0.10m },
        { "securities-broker", "business/effective_accounts", 0.18m },
        { "securities-broker", "business/client_net_assets", 0.24m },
        { "securities-broker", "service/client_satisfaction", 0.15m },

        // insurance-agent: 40/30/15/15; commission 0.40 × 0.60 = 0.24; complaints 0.30 × 0.40 = 0.12;
        // product exam 0.15 × 0.40 = 0.06.
        { "insurance-agent", "financial", 0.40m },
        { "insurance-agent", "customer", 0.30m },
        { "insurance-agent", "process", 0.15m },
        { "insurance-agent", "learning", 0.15m },
        { "insurance-agent", "financial/first_year_commission", 0.24m },
        { "insurance-agent", "customer/complaint_rate", 0.12m },
        { "insurance-agent", "learning/product_exam", 0.06m },

        // inclusive-loan-officer: 60/30/10; small-micro growth 0.60 × 0.60 = 0.36; first loans 0.60 × 0.40 = 0.24;
        // NPL 0.30 × 0.60 = 0.18; due diligence 0.30 × 0.40 = 0.12.
        { "inclusive-loan-officer", "inclusive", 0.60m },
        { "inclusive-loan-officer", "quality", 0.30m },
        { "inclusive-loan-officer", "service", 0.10m },
        { "inclusive-loan-officer", "inclusive/small_micro_loan_growth", 0.36m },
        { "inclusive-loan-officer", "inclusive/first_loan_customers", 0.24m },
        { "inclusive-loan-officer", "quality/npl_tolerance", 0.18m },
        { "inclusive-loan-officer", "quality/due_diligence_flags", 0.12m },

        // mof-commercial-bank: 25% each; two increases 0.25 × 0.30 = 0.075; EVA 0.25 × 0.40 = 0.10;
        // capital adequacy 0.25 × 0.30 = 0.075; ROE 0.25 × 0.35 = 0.0875.
        { "mof-commercial-bank", "real_economy", 0.25m },
        { "mof-commercial-bank", "development_quality", 0.25m },
        { "mof-commercial-bank", "risk_control", 0.25m },
        { "mof-commercial-bank", "operating_efficiency", 0.25m },
        { "mof-commercial-bank", "real_economy/inclusive_growth_ratio", 0.075m },
        { "mof-commercial-bank", "development_quality/eva_rate", 0.10m },
        { "mof-commercial-bank", "risk_control/capital_adequacy", 0.075m },
        { "mof-commercial-bank", "operating_efficiency/roe", 0.0875m },
    };

    [Theory]
    [MemberData(nameof(EffectiveWeights))]
    public void Load_Template_NodeHasTheEffectiveWeightWorkedByHand(string name, string path, decimal expected)
    {
        var scheme = SchemeTemplates.Load(name);

        Assert.True(scheme.TryFindNode(path, out var node), $"{name} has no node {path}");
        Assert.Equal(expected, node.EffectiveWeight);
    }

    public static TheoryData<string, string, decimal> TagShares => new()
    {
        // The 105-point scheme's scale indicators: 0.25 + 0.15 + 0.30 = 0.70 (seed 001: "合计占比过高，达到70%").
        { "a-bank-2023", "scale", 0.70m },
        // The redesign: scale 0.096 + 0.064 = 0.16; inclusive finance 0.16 + 0.10 (pricing) + 0.06 (first loans) = 0.32.
        { "a-bank-bsc-okr", "scale", 0.16m },
        { "a-bank-bsc-okr", "inclusive-finance", 0.32m },
        { "a-bank-bsc-okr", "deposit", 0m },
        // risk: asset quality 0.08 + post-loan checks 0.042 + compliance checks 0.05 = 0.172.
        { "a-bank-bsc-okr", "risk", 0.172m },
        // Customer manager: inclusive 0.60 × 0.50 × 0.50 = 0.15, exactly the regulatory floor (seed 002);
        // scale = deposit 0.084 + loans 0.21 × 0.30 = 0.063 → 0.147.
        { "role-customer-manager", "inclusive-finance", 0.15m },
        { "role-customer-manager", "scale", 0.147m },
        { "role-customer-manager", "deposit", 0.084m },
        // Back office: no deposit or loan targets (seed 002, 全员营销争议).
        { "role-back-office", "deposit", 0m },
        { "role-back-office", "scale", 0m },
        // Broker: effective accounts 0.18 + net assets 0.24 = 0.42.
        { "securities-broker", "scale", 0.42m },
        // Loan officer: 0.36 + 0.24 = 0.60.
        { "inclusive-loan-officer", "inclusive-finance", 0.60m },
        // MoF: 0.25 × (0.30 + 0.25 + 0.20) = 0.1875.
        { "mof-commercial-bank", "inclusive-finance", 0.1875m },
    };

    [Theory]
    [MemberData(nameof(TagShares))]
    public void Load_Template_TagShareIsTheOneWorkedByHand(string name, string tag, decimal expected)
    {
        var scheme = SchemeTemplates.Load(name);

        Assert.Equal(expected, SchemeAnalyzer.Analyze(scheme).ShareOf(tag));
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Load_EveryTemplate_DepositIndicatorsUseDailyAverages(string name)
    {
        // Seed 002: no point-in-time deposit indicators (设立时点性存款考核指标 is forbidden).
        var scheme = SchemeTemplates.Load(name);

        Assert.All(scheme.Indicators.Where(i => i.Tags.Contains("deposit")), i => Assert.Equal(ValueAggregation.DailyAverage, i.Aggregation));
    }

    // ---------------------------------------------------------------- policy checks

    public static TheoryData<string, string[]> DefaultPolicyFindings => new()
    {
        // The 2023 scheme's three lending indicators are inclusive finance (0.70 ≥ 0.15 passes) and scale: 0.70 > 0.60
        // → warning, the concentration seed 001 criticises.
        { "a-bank-2023", [PolicyIds.MaximumTagShare] },
        // Inclusive finance 0.32, scale 0.16, no deposit indicators, no gates, no bonus: nothing to report.
        { "a-bank-bsc-okr", [] },
        // Inclusive finance exactly 0.15 (a share on the limit passes); deposits by daily average; scale 0.147.
        { "role-customer-manager", [] },
        // Templates outside the bank's business lines carry no small-micro lending: the floor reports share 0.
        { "role-risk-control", [PolicyIds.MinimumTagShare] },
        { "role-back-office", [PolicyIds.MinimumTagShare] },
        { "securities-broker", [PolicyIds.MinimumTagShare] },
        { "insurance-agent", [PolicyIds.MinimumTagShare] },
        // Inclusive finance 0.60, scale 0.36; the gate reads an indicator value, which the checks leave alone.
        { "inclusive-loan-officer", [] },
        // Inclusive finance 0.1875, no scale indicators.
        { "mof-commercial-bank", [] },
    };

    [Theory]
    [MemberData(nameof(DefaultPolicyFindings))]
    public void Check_DefaultPolicies_ReportOnlyTheFindingsTheTemplateIsMeantToShow(string name, string[] expectedRules)
    {
        var findings = SchemePolicies.Check(SchemeTemplates.Load(name));

        Assert.Equal(expectedRules, findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Check_ABank2023_ShowsTheSeventyPercentScaleConcentration()
    {
        var finding = Assert.Single(SchemePolicies.Check(SchemeTemplates.Load("a-bank-2023"), [SchemePolicies.Concentration()]));

        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.Equal(0.70m, finding.Actual); // 0.25 + 0.15 + 0.30
        Assert.Equal(0.60m, finding.Limit);
        Assert.Equal(["monthly/new_accounts", "monthly/net_new_accounts", "quarterly/net_balance_growth"], finding.NodePaths.AsEnumerable());
    }

    [Fact]
    public void Check_ABank2023WithTheInclusiveFloor_PassesOnItsLendingIndicators()
    {
        // new_accounts 0.25 + net_new_accounts 0.15 + net_balance_growth 0.30 = 0.70 ≥ 0.15 (also ≥ a stricter 0.60).
        Assert.Empty(SchemePolicies.Check(SchemeTemplates.Load("a-bank-2023"), [SchemePolicies.InclusiveFinanceShare()]));
        Assert.Equal(0.70m, SchemeAnalyzer.Analyze(SchemeTemplates.Load("a-bank-2023")).ShareOf("inclusive-finance"));
        Assert.Single(SchemePolicies.Check(SchemeTemplates.Load("a-bank-2023"), [SchemePolicies.MinimumTagShare("inclusive-finance", 0.71m)]));
    }

    [Fact]
    public void Check_BscOkrRedesign_ClearsTheConcentrationThe2023SchemeFails()
    {
        // scale 0.16 ≤ 0.60, against 0.70 in a-bank-2023.
        Assert.Empty(SchemePolicies.Check(SchemeTemplates.Load("a-bank-bsc-okr"), [SchemePolicies.Concentration()]));
        Assert.Single(SchemePolicies.Check(SchemeTemplates.Load("a-bank-2023"), [SchemePolicies.Concentration()]));
    }

    [Fact]
    public void Check_CustomerManager_SitsExactlyOnTheInclusiveFinanceFloor()
    {
        // 0.15 passes a floor of 0.15 and fails one of 0.16.
        var scheme = SchemeTemplates.Load("role-customer-manager");

        Assert.Empty(SchemePolicies.Check(scheme, [SchemePolicies.InclusiveFinanceShare(0.15m)]));
        var finding = Assert.Single(SchemePolicies.Check(scheme, [SchemePolicies.InclusiveFinanceShare(0.16m)]));
        Assert.Equal(0.15m, finding.Actual);
        Assert.Equal(["task/development/inclusive_loan_growth"], finding.NodePaths.AsEnumerable());
    }

    [Theory]
    [InlineData("role-risk-control")]
    [InlineData("role-back-office")]
    [InlineData("securities-broker")]
    [InlineData("insurance-agent")]
    public void Check_DefaultPoliciesWithoutTheInclusiveFloor_PassTemplatesOutsideTheBusinessLines(string name)
    {
        var policies = SchemePolicies.Default.Where(p => p.Id != PolicyIds.MinimumTagShare);

        Assert.Empty(SchemePolicies.Check(SchemeTemplates.Load(name), policies));
    }

    // ---------------------------------------------------------------- at target

    public static TheoryData<string> AtTargetNames => [.. ExpectedNames];

    [Theory]
    [MemberData(nameof(AtTargetNames))]
    public void Evaluate_SubjectExactlyOnEveryTarget_ScoresPExactly(string name)
    {
        // Every indicator's value is its target (ratings all 5 on a target of 5), every penalty and bonus count is 0,
        // so every score is 1, every group's weighted mean is 1, root = 1, base = 1 × 100 = 100, total 100.00 → A.
        var scheme = SchemeTemplates.Load(name);

        var a = SchemeEvaluator.Create(scheme).EvaluateOrThrow(Input(name));

        Assert.All(scheme.Indicators, i => Assert.Equal(1m, Find(a, i.Path).Score));
        Assert.Equal(1m, a.Root.Score);
        Assert.Equal(100m, a.BasePoints);
        Assert.Equal(0m, a.BonusPoints);
        Assert.Equal(0m, a.PenaltyPoints);
        Assert.Equal(100m, a.RoundedTotal);
        Assert.Equal("A", a.Grade.Name);
        Assert.Empty(a.FailedGates);
        Assert.Equal(13000m, a.Payout); // 10000 × 1.30
    }

    /// <summary>The values of a subject exactly on every target of a template, and 0 for every adjustment count.</summary>
    private static Dictionary<string, decimal> AtTargetValues(string name) => name switch
    {
        "a-bank-2023" => new()
        {
            ["new_accounts"] = 10m, ["net_new_accounts"] = 6m, ["monthly_exam"] = 100m, ["mentoring"] = 2m, ["activity"] = 4m,
            ["customer_visits"] = 60m, ["net_balance_growth"] = 500m, ["overdue_rate"] = 1m, ["npl_rate"] = 0.5m, ["certificates"] = 0m,
        },
        "a-bank-bsc-okr" => new()
        {
            ["net_balance_growth"] = 500m, ["new_loan_customers"] = 30m, ["interest_income"] = 60m, ["eva"] = 20m,
            ["priced_within_guidance_rate"] = 95m, ["first_loan_customers"] = 8m, ["customer_visits"] = 60m,
            ["repeat_borrowing_rate"] = 80m, ["customer_satisfaction"] = 95m, ["on_time_disbursement_rate"] = 95m,
            ["npl_rate"] = 1.5m, ["overdue_rate"] = 2.0m, ["post_loan_check_rate"] = 100m, ["file_completeness_rate"] = 100m,
            ["compliance_check_pass_rate"] = 100m, ["exam_score"] = 90m, ["training_hours"] = 24m, ["mentoring"] = 2m,
        },
        "role-customer-manager" => new()
        {
            ["deposit_daily_avg_growth"] = 500m, ["loan_volume"] = 1500m, ["intermediate_income"] = 15m, ["eva"] = 30m,
            ["inclusive_loan_growth"] = 15m, ["green_credit_share"] = 10m, ["customer_coverage"] = 90m, ["npl_ratio"] = 1m,
            ["compliance_violations"] = 0m,
        },
        "role-risk-control" => new()
        {
            ["npl_ratio"] = 1.5m, ["provision_coverage"] = 150m, ["classification_accuracy"] = 100m, ["compliance_violations"] = 0m,
        },
        "role-back-office" => new()
        {
            ["on_time_rate"] = 98m, ["error_rate"] = 0.2m, ["compliance_check_pass_rate"] = 100m, ["compliance_violations"] = 0m,
        },
        "securities-broker" => new()
        {
            ["effective_accounts"] = 15m, ["client_net_assets"] = 5000m, ["product_revenue"] = 20m, ["advisory_coverage"] = 60m,
            ["client_satisfaction"] = 95m, ["compliance_events"] = 0m,
        },
        "insurance-agent" => new()
        {
            ["first_year_commission"] = 3m, ["regular_premium_share"] = 80m, ["renewal_rate"] = 90m, ["complaint_rate"] = 1m,
            ["sales_compliance_rate"] = 100m, ["training_hours"] = 20m, ["product_exam"] = 90m,
        },
        "inclusive-loan-officer" => new()
        {
            ["small_micro_loan_growth"] = 600m, ["first_loan_customers"] = 6m, ["small_micro_npl_ratio"] = 2.0m,
            ["due_diligence_flags"] = 0m, ["customer_nps"] = 50m, ["late_disbursements"] = 0m,
        },
        "mof-commercial-bank" => new()
        {
            ["inclusive_growth_ratio"] = 1m, ["small_micro_agri_share"] = 35m, ["inclusive_financing_cost"] = 4.5m,
            ["green_credit_share"] = 12m, ["eva_rate"] = 3m, ["raroc"] = 15m, ["cost_income_ratio"] = 30m, ["npl_ratio"] = 1.5m,
            ["provision_coverage"] = 150m, ["capital_adequacy"] = 13.5m, ["liquidity_ratio"] = 25m, ["roe"] = 10m, ["roa"] = 0.8m,
            ["capital_preservation"] = 110m,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No at-target subject for this template."),
    };

    private static readonly string[] RatingMeasures = ["capability_professional", "capability_core", "attitude_collaboration", "attitude_compliance", "attitude_innovation"];

    /// <summary>An at-target subject of a template with some values changed; base pay 10000. Role templates get 5s from every rater.</summary>
    private static SubjectInput Input(string name, params (string Measure, decimal Value)[] changes)
    {
        var values = AtTargetValues(name);
        foreach (var (measure, value) in changes)
        {
            Assert.True(values.ContainsKey(measure), $"{name} reads no measure {measure}");
            values[measure] = value;
        }

        var input = SubjectInput.For("S001").BasePay(10000m);
        foreach (var (measure, value) in values)
        {
            input.Value(measure, value);
        }

        if (name.StartsWith("role-", StringComparison.Ordinal))
        {
            foreach (var measure in RatingMeasures)
            {
                input.Ratings(measure, "superior", 5m).Ratings(measure, "peer", 5m, 5m).Ratings(measure, "subordinate", 5m);
            }
        }

        return input.Build();
    }

    private static Assessment Evaluate(string name, params (string Measure, decimal Value)[] changes)
        => SchemeEvaluator.Create(SchemeTemplates.Load(name)).EvaluateOrThrow(Input(name, changes));

    private static decimal M(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- worked examples off target

    [Fact]
    public void Evaluate_BscOkrWithStretchAndRequirementKrsMissed_ScoresTheWorkedTotal()
    {
        // Net balance 450 of 500: r = 0.9, stretch table interpolates 0.6 + (1.0 − 0.6) × (0.9 − 0.8) / 0.2 = 0.8.
        // NPL 1.62 on a ceiling of 1.5: r = 1.08 ≤ 1.1 → requirement table 0.8.
        // Training 22 of 24 hours: r = 0.9166… ≥ 0.9 → 0.8.
        // financial: loan_scale = 0.6 × 0.8 + 0.4 × 1 = 0.88; financial = 0.4 × 0.88 + 0.35 + 0.25 = 0.952.
        // process: asset_quality = 0.6 × 0.8 + 0.4 = 0.88; process = 0.4 × 0.88 + 0.35 + 0.25 = 0.952.
        // learning = 0.4 + 0.3 × 0.8 + 0.3 = 0.94.
        // root = 0.4 × 0.952 + 0.25 × 1 + 0.2 × 0.952 + 0.15 × 0.94 = 0.3808 + 0.25 + 0.1904 + 0.141 = 0.9622 → 96.22.
        var a = Evaluate("a-bank-bsc-okr", ("net_balance_growth", 450m), ("npl_rate", 1.62m), ("training_hours", 22m));

        Assert.Equal(0.8m, Find(a, "financial/loan_scale/kr_net_balance_growth").Score);
        Assert.Equal(0.8m, Find(a, "process/asset_quality/kr_npl_rate").Score);
        Assert.Equal(0.8m, Find(a, "learning/training/kr_training_hours").Score);
        Assert.Equal(0.9622m, a.Root.Score);
        Assert.Equal(96.22m, a.RoundedTotal);
        Assert.Equal("A", a.Grade.Name);
    }

    [Theory]
    [InlineData("250", "0.3")] // r = 0.5 → 0.3 exactly on the first point
    [InlineData("240", "0")] // r = 0.48 → below the first point: 0 (a cliff, no extrapolation)
    [InlineData("325", "0.45")] // r = 0.65 → 0.3 + (0.6 − 0.3) × (0.65 − 0.5) / (0.8 − 0.5) = 0.45
    [InlineData("400", "0.6")] // r = 0.8 → 0.6
    [InlineData("475", "0.9")] // r = 0.95 → 0.6 + 0.4 × 0.15 / 0.2 = 0.9
    [InlineData("600", "1")] // r = 1.2 → 1.0 past the last point
    public void Evaluate_BscOkrStretchKr_ScoresByInterpretationOne(string netBalance, string expected)
    {
        var a = Evaluate("a-bank-bsc-okr", ("net_balance_growth", M(netBalance)));

        Assert.Equal(M(expected), Find(a, "financial/loan_scale/kr_net_balance_growth").Score);
    }

    [Theory]
    [InlineData("100", "1")] // r = 1 → met
    [InlineData("90", "0.8")] // r = 0.9 → largely met
    [InlineData("89", "0.5")] // r = 0.89 → partly met (≥ 0.7)
    [InlineData("70", "0.5")] // r = 0.7 → partly met
    [InlineData("69", "0")] // r = 0.69 → not met
    public void Evaluate_BscOkrRequirementKr_ScoresByInterpretationTwo(string postLoanCheckRate, string expected)
    {
        var a = Evaluate("a-bank-bsc-okr", ("post_loan_check_rate", M(postLoanCheckRate)));

        Assert.Equal(M(expected), Find(a, "process/loan_management/kr_post_loan_checks").Score);
    }

    [Theory]
    [InlineData("1.5", "1")] // r = 1.0 → met
    [InlineData("1.65", "0.8")] // r = 1.1 → largely met
    [InlineData("1.95", "0.5")] // r = 1.3 → partly met
    [InlineData("1.96", "0")] // r = 1.3066… → not met
    public void Evaluate_BscOkrCeilingKr_ScoresByInterpretationTwoMirrored(string npl, string expected)
    {
        var a = Evaluate("a-bank-bsc-okr", ("npl_rate", M(npl)));

        Assert.Equal(M(expected), Find(a, "process/asset_quality/kr_npl_rate").Score);
    }

    [Fact]
    public void Evaluate_CustomerManagerWithMissingSubordinatesAndViolations_ScoresTheWorkedTotal()
    {
        // Professional skills: superior 4, peers 4 and 5 (mean 4.5), no subordinate (dropped, re-weighted):
        // (50 × 4 + 30 × 4.5) / 80 = 335 / 80 = 4.1875; s = 4.1875 / 5 = 0.8375.
        // capability = (60 × 0.8375 + 40 × 1) / 100 = 0.9025; root = (60 + 25 × 0.9025 + 15) / 100 = 0.975625.
        // base 97.5625; 2 violations × 2 = 4 points (cap 10) → 93.5625 → 93.56 → A.
        var scheme = SchemeTemplates.Load("role-customer-manager");
        var input = SubjectInput.For("CM")
            .Value("deposit_daily_avg_growth", 500m).Value("loan_volume", 1500m).Value("intermediate_income", 15m).Value("eva", 30m)
            .Value("inclusive_loan_growth", 15m).Value("green_credit_share", 10m).Value("customer_coverage", 90m)
            .Value("npl_ratio", 1m).Value("compliance_violations", 2m)
            .Ratings("capability_professional", "superior", 4m).Ratings("capability_professional", "peer", 4m, 5m);
        foreach (var measure in new[] { "capability_core", "attitude_collaboration", "attitude_compliance", "attitude_innovation" })
        {
            input.Ratings(measure, "superior", 5m).Ratings(measure, "peer", 5m).Ratings(measure, "subordinate", 5m);
        }

        var a = SchemeEvaluator.Create(scheme).EvaluateOrThrow(input.Build());

        Assert.Equal(0.8375m, Find(a, "capability/professional_skills").Score);
        Assert.Equal(0.975625m, a.Root.Score);
        Assert.Equal(4m, a.PenaltyPoints);
        Assert.Equal(93.56m, a.RoundedTotal);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("1", "0.6")]
    [InlineData("2", "0.3")]
    [InlineData("3", "0")]
    public void Evaluate_RiskControlViolations_ScoreByTheLowerIsBetterBand(string violations, string expected)
    {
        var a = Evaluate("role-risk-control", ("compliance_violations", M(violations)));

        Assert.Equal(M(expected), Find(a, "task/compliance_violations").Score);
    }

    [Fact]
    public void Evaluate_RiskControlWithOneViolation_ScoresTheWorkedTotal()
    {
        // task = (30 + 25 + 20 + 25 × 0.6) / 100 = 0.9; root = (50 × 0.9 + 35 + 15) / 100 = 0.95 → 95.00.
        var a = Evaluate("role-risk-control", ("compliance_violations", 1m));

        Assert.Equal(95m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_BackOfficeWithErrorsAndViolations_ScoresTheWorkedTotal()
    {
        // error rate 0.6 on linear(1 → 0.2): (0.6 − 1) / (0.2 − 1) = 0.5; task = (35 + 35 × 0.5 + 30) / 100 = 0.825;
        // root = (40 × 0.825 + 30 + 30) / 100 = 0.93 → base 93; 3 violations × 2 = 6 → 87.00 → B.
        var a = Evaluate("role-back-office", ("error_rate", 0.6m), ("compliance_violations", 3m));

        Assert.Equal(0.93m, a.Root.Score);
        Assert.Equal(87m, a.RoundedTotal);
        Assert.Equal("B", a.Grade.Name);
    }

    [Fact]
    public void Evaluate_BackOfficeWithManyViolations_DeductsAtMostTen()
    {
        // 7 violations × 2 = 14, capped at 10 → 100 − 10 = 90.00.
        var a = Evaluate("role-back-office", ("compliance_violations", 7m));

        Assert.Equal(10m, a.PenaltyPoints);
        Assert.Equal(90m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_BrokerWithOneComplianceEvent_ScoresTheWorkedTotal()
    {
        // compliance band: 1 event → 0.5; root = (60 + 30 + 10 × 0.5) / 100 = 0.95 → 95.00.
        var a = Evaluate("securities-broker", ("compliance_events", 1m));

        Assert.Equal(0.5m, Find(a, "compliance/compliance_events").Score);
        Assert.Equal(95m, a.RoundedTotal);
    }

    [Fact]
    public void Evaluate_InsuranceAgentBelowTheExamStartLine_ScoresTheWorkedTotal()
    {
        // exam 55 < start line 60 → 0; learning = (60 × 1 + 40 × 0) / 100 = 0.6;
        // complaints 3 per 1,000 on linear(5 → 1): (3 − 5) / (1 − 5) = 0.5; customer = (60 + 40 × 0.5) / 100 = 0.8;
        // root = (40 + 30 × 0.8 + 15 + 15 × 0.6) / 100 = (40 + 24 + 15 + 9) / 100 = 0.88 → 88.00 → B.
        var a = Evaluate("insurance-agent", ("product_exam", 55m), ("complaint_rate", 3m));

        Assert.Equal(0m, Find(a, "learning/product_exam").Score);
        Assert.Equal(0.5m, Find(a, "customer/complaint_rate").Score);
        Assert.Equal(88m, a.RoundedTotal);
        Assert.Equal("B", a.Grade.Name);
    }

    [Theory]
    [InlineData("2.0", "1")]
    [InlineData("2.5", "0.8")]
    [InlineData("3.0", "0.8")]
    [InlineData("4.5", "0.6")]
    [InlineData("4.6", "0")]
    public void Evaluate_LoanOfficerNpl_ScoresByTheToleranceBand(string npl, string expected)
    {
        var a = Evaluate("inclusive-loan-officer", ("small_micro_npl_ratio", M(npl)));

        Assert.Equal(M(expected), Find(a, "quality/npl_tolerance").Score);
    }

    [Fact]
    public void Evaluate_LoanOfficerAboveTheNplToleranceWithLateLoans_IsCappedAtGradeC()
    {
        // NPL 5.0 > 4.5 → 0; quality = (60 × 0 + 40 × 1) / 100 = 0.4; root = (60 + 30 × 0.4 + 10) / 100 = 0.82 → 82;
        // 2 late disbursements × 1 = 2 → 80.00 → earns B; the tolerance gate fails → capped at C (coefficient 1.00).
        var a = Evaluate("inclusive-loan-officer", ("small_micro_npl_ratio", 5.0m), ("late_disbursements", 2m));

        Assert.Equal(80m, a.RoundedTotal);
        Assert.Equal("B", a.EarnedGrade.Name);
        Assert.Equal("C", a.Grade.Name);
        Assert.Equal("gate_npl_tolerance", Assert.Single(a.FailedGates).Gate.Id);
        Assert.Equal(10000m, a.Payout);
    }

    [Fact]
    public void Evaluate_LoanOfficerExactlyOnTheNplTolerance_PassesTheGate()
    {
        // 4.5 ≤ 4.5 passes; score 0.6; quality = (60 × 0.6 + 40) / 100 = 0.76; root = (60 + 22.8 + 10) / 100 = 0.928 → 92.80.
        var a = Evaluate("inclusive-loan-officer", ("small_micro_npl_ratio", 4.5m));

        Assert.Empty(a.FailedGates);
        Assert.Equal(92.8m, a.RoundedTotal);
        Assert.Equal("A", a.Grade.Name);
    }

    [Fact]
    public void Evaluate_MofBankBelowTheLiquidityFloor_ScoresTheWorkedTotal()
    {
        // liquidity 24 < 25 → threshold fails → 0; risk = (30 + 20 + 30 + 20 × 0) / 100 = 0.8;
        // cost-income 37.5 on linear(45 → 30): (37.5 − 45) / (30 − 45) = 0.5; quality = (40 + 30 + 30 × 0.5) / 100 = 0.85;
        // root = (25 + 25 × 0.85 + 25 × 0.8 + 25) / 100 = (25 + 21.25 + 20 + 25) / 100 = 0.9125 → 91.25.
        var a = Evaluate("mof-commercial-bank", ("liquidity_ratio", 24m), ("cost_income_ratio", 37.5m));

        Assert.Equal(0m, Find(a, "risk_control/liquidity_ratio").Score);
        Assert.Equal(0.5m, Find(a, "development_quality/cost_income_ratio").Score);
        Assert.Equal(91.25m, a.RoundedTotal);
    }

    // ---------------------------------------------------------------- a-bank-2023 is the sample scheme

    [Fact]
    public void Load_ABank2023_IsTheSampleSchemeOfTheDemo()
    {
        Assert.Same(SchemeTemplates.Load("a-bank-2023"), SampleSchemes.ABank2023());
    }

    [Fact]
    public void Load_ABank2023_GatesAndScorersUseTheSampleTargets()
    {
        var scheme = SchemeTemplates.Load("a-bank-2023");

        Assert.Equal([SampleSchemes.NewAccountsTarget, SampleSchemes.NetNewAccountsTarget, SampleSchemes.NetBalanceTarget], scheme.Gates.Select(g => g.Threshold));
        Assert.Equal(Scorers.Linear(0m, SampleSchemes.NewAccountsTarget), Indicator(scheme, "monthly/new_accounts").ScorerSpec);
        Assert.Equal(Scorers.Linear(0m, SampleSchemes.NetNewAccountsTarget), Indicator(scheme, "monthly/net_new_accounts").ScorerSpec);
        Assert.Equal(Scorers.Linear(0m, SampleSchemes.NetBalanceTarget), Indicator(scheme, "quarterly/net_balance_growth").ScorerSpec);
    }

    [Fact]
    public void Load_ABank2023_MatchesTheOriginalSampleDefinitionInEveryParameter()
    {
        // The original definition adds no 'en' names and leaves the root unnamed; everything else must be identical.
        var original = Describe(OriginalSampleABank2023(), ignoreEnglishAndRootNames: true);
        var template = Describe(SchemeTemplates.Load("a-bank-2023"), ignoreEnglishAndRootNames: true);

        Assert.Equal(original, template);
    }

    [Fact]
    public void Describe_SchemesThatDifferInOneTarget_Differ()
    {
        // The comparison above must be able to fail: a copy with the NPL baseline moved is told apart.
        var original = Describe(OriginalSampleABank2023(), ignoreEnglishAndRootNames: true);
        var changed = Describe(OriginalSampleABank2023(nplBaseline: 2.5m), ignoreEnglishAndRootNames: true);

        Assert.NotEqual(original, changed);
    }

    /// <summary>The definition of <c>SampleSchemes.ABank2023()</c> before it loaded the template, kept verbatim.</summary>
    private static Scheme OriginalSampleABank2023(decimal nplBaseline = 2m) => Scheme.CreateBuilder("a-bank-2023", "2023.1")
        .Name("A Bank inclusive-finance customer manager 2023")
        .Name("zh-CN", "A银行普惠客户经理绩效考核方案（2023）")
        .Points(100m)
        .MaxBonus(5m)
        .Rounding(2, MidpointRounding.AwayFromZero)
        .Grade("A", 90m, 1.30m)
        .Grade("B", 80m, 1.10m)
        .Grade("C", 60m, 1.00m)
        .Grade("D", null, 0.70m)
        .Root(WeightMode.Percent, root => root
            .Section("monthly", 50m, WeightMode.PointsOf(100m), m => m
                .Name("Monthly assessment").Name("zh-CN", "月度考核")
                .Indicator("new_accounts", 50m, "new_accounts", Scorers.Linear(0m, 10m), i => i
                    .Name("New accounts").Name("zh-CN", "新增户数").Tags("scale", "inclusive-finance").Unit("accounts").AggregatedBy(ValueAggregation.Count))
                .Indicator("net_new_accounts", 30m, "net_new_accounts", Scorers.Linear(0m, 6m), i => i
                    .Name("Net new accounts").Name("zh-CN", "净增户数").Tags("scale", "inclusive-finance").Unit("accounts").AggregatedBy(ValueAggregation.Sum))
                .Indicator("monthly_exam", 10m, "monthly_exam", Scorers.Linear(0m, 100m), i => i
                    .Name("Monthly exam").Name("zh-CN", "月考成绩").Tags("capability").Unit("points"))
                .Indicator("mentoring", 6m, "mentoring", Scorers.Linear(0m, 2m), i => i
                    .Name("Mentoring").Name("zh-CN", "岗位带教").Tags("capability").Unit("mentees"))
                .Indicator("activity", 4m, "activity", Scorers.Linear(0m, 4m), i => i
                    .Name("Activities").Name("zh-CN", "活动加分").Unit("activities")))
            .Section("quarterly", 50m, WeightMode.PointsOf(100m), q => q
                .Name("Quarterly assessment").Name("zh-CN", "季度考核")
                .Indicator("customer_visits", 8m, "customer_visits", Scorers.Linear(0m, 60m), i => i
                    .Name("Customer visits").Name("zh-CN", "走访客户数").Unit("visits").AggregatedBy(ValueAggregation.Count))
                .Indicator("net_balance_growth", 60m, "net_balance_growth", Scorers.Linear(0m, 500m), i => i
                    .Name("Net balance growth").Name("zh-CN", "净增余额").Tags("scale", "inclusive-finance").Unit("CNY 10k").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("overdue_rate", 12m, "overdue_rate", Scorers.Linear(3m, 1m), i => i
                    .Name("Overdue rate").Name("zh-CN", "逾期率").Tags("risk").Unit("%"))
                .Indicator("npl_rate", 20m, "npl_rate", Scorers.Linear(nplBaseline, 0.5m), i => i
                    .Name("NPL rate").Name("zh-CN", "不良率").Tags("risk").Unit("%"))))
        .Bonus("certificates", "certificates", 2.5m, 5m, b => b.Name("Certificates").Name("zh-CN", "附加考核（证书）"))
        .Gate("gate_new_accounts", g => g.Name("New accounts gate").Name("zh-CN", "新增户数门槛").OnValue("monthly/new_accounts", 10m).CancelPayout())
        .Gate("gate_net_new_accounts", g => g.Name("Net new accounts gate").Name("zh-CN", "净增户数门槛").OnValue("monthly/net_new_accounts", 6m).CancelPayout())
        .Gate("gate_net_balance", g => g.Name("Net balance gate").Name("zh-CN", "净增余额门槛").OnValue("quarterly/net_balance_growth", 500m).CancelPayout())
        .Build();

    /// <summary>Lists every parameter of a scheme, one line each, in a culture-independent form.</summary>
    private static List<string> Describe(Scheme s, bool ignoreEnglishAndRootNames)
    {
        string Names(LocalizedText names, bool isRoot = false)
        {
            if (isRoot && ignoreEnglishAndRootNames)
            {
                return "(root names ignored)";
            }

            var cultures = names.ByCulture.Where(p => !(ignoreEnglishAndRootNames && p.Key == "en")).Select(p => p.Key + "=" + p.Value);
            return names.Default + " | " + string.Join(" | ", cultures);
        }

        static string D(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

        var lines = new List<string>
        {
            $"scheme {s.Id}@{s.Version} {Names(s.Names)}",
            $"points {D(s.Points)} rounding {s.Rounding} maxBonus {D(s.MaxBonus)} min {D(s.DeclaredMinPoints)} max {D(s.DeclaredMaxPoints)}",
        };
        lines.AddRange(s.Grades.Select(g => $"grade {g.Name} {D(g.MinPoints)} {D(g.Coefficient)} {g.Rank} {Names(g.Names)}"));
        lines.AddRange(s.Gates.Select(g =>
            $"gate {g.Id} {Names(g.Names)} {g.Subject} {g.NodePath} {D(g.Threshold)} {g.Direction} {g.DeclaredDirection} {g.Consequence} {g.ConsequenceTarget} {g.OnMissing}"));
        lines.AddRange(s.Adjustments.Select(a =>
            $"adjustment {a.Id} {Names(a.Names)} {a.Kind} {a.Measure} {D(a.PointsPerUnit)} {D(a.Cap)} {a.ScopePath} {a.Missing}"));
        foreach (var node in s.Root.DescendantsAndSelf())
        {
            var common = $"node '{node.Path}' {node.Id} {Names(node.Names, node.Path.Length == 0)} w={D(node.Weight)} ew={D(node.EffectiveWeight)}";
            lines.Add(node switch
            {
                GroupNode g => $"{common} group {g.Kind} {g.ChildWeights} [{string.Join(",", g.Children.Select(c => c.Id))}]",
                IndicatorNode i => $"{common} indicator {i.Measure} {i.ScorerSpec} v{i.ScorerVersion} {i.Missing} [{string.Join(",", i.Tags)}] {i.Unit} {i.Aggregation}",
                _ => common,
            });
        }

        return lines;
    }

    private static IndicatorNode Indicator(Scheme scheme, string path)
        => scheme.TryFindNode(path, out var node) && node is IndicatorNode indicator ? indicator : throw new InvalidOperationException("No indicator " + path);

    private static NodeResult Find(Assessment a, string path)
        => FindIn(a.Root, path) ?? throw new InvalidOperationException("No node " + path);

    private static NodeResult? FindIn(NodeResult node, string path)
        => node.Path == path ? node : node.Children.Select(c => FindIn(c, path)).FirstOrDefault(r => r is not null);
}
