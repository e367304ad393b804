using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="PeriodEvaluator"/> (spec §8, cadences).</summary>
public sealed class PeriodEvaluatorTests
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);

    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(PeriodEvaluator));
        Immutability.AssertImmutable(typeof(PeriodAssessment));
        Immutability.AssertImmutable(typeof(SubPeriodAssessment));
        Immutability.AssertImmutable(typeof(PayShare));
        Immutability.AssertImmutable(typeof(SectionResult));
        Immutability.AssertImmutable(typeof(PeriodEvaluationResult));
    }

    internal static SubjectInput Month(decimal newAccounts, decimal netNew, decimal exam, decimal mentoring, decimal activity, string id = "cm-1")
        => SubjectInput.For(id)
            .Value("new_accounts", newAccounts).Value("net_new_accounts", netNew).Value("monthly_exam", exam)
            .Value("mentoring", mentoring).Value("activity", activity).Build();

    internal static SubjectInput Quarter(decimal visits, decimal netBalance, decimal overdue, decimal npl, decimal certificates = 0m, decimal? basePay = null, string id = "cm-1")
    {
        var input = SubjectInput.For(id)
            .Value("customer_visits", visits).Value("net_balance_growth", netBalance).Value("overdue_rate", overdue)
            .Value("npl_rate", npl).Value("certificates", certificates);
        if (basePay is { } pay)
        {
            input.BasePay(pay);
        }

        return input.Build();
    }

    private static KeyValuePair<AssessmentPeriod, SubjectInput> At(AssessmentPeriod period, SubjectInput input) => new(period, input);

    /// <summary>The hand-worked A-bank quarter: January on target, February misses the new-accounts gate, March mixed.</summary>
    private static List<KeyValuePair<AssessmentPeriod, SubjectInput>> ABankQuarter(decimal netBalance = 600m) =>
    [
        At(AssessmentPeriod.Month(2024, 1), Month(10m, 6m, 100m, 2m, 4m)),
        At(AssessmentPeriod.Month(2024, 2), Month(8m, 6m, 90m, 1m, 2m)),
        At(AssessmentPeriod.Month(2024, 3), Month(12m, 7m, 80m, 2m, 4m)),
        At(Q1, Quarter(45m, netBalance, 2m, 1.25m, certificates: 1m, basePay: 6000m)),
    ];

    [Fact]
    public void Evaluate_ABankQuarterWithFebruaryGateFailing_CombinesMonthsAndQuarterAndCancelsFebruaryShare()
    {
        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow("cm-1", Q1, ABankQuarter());

        // Monthly section (points 100: new 50, net new 30, exam 10, mentoring 6, activity 4), linear from 0, capped at 1:
        //   Jan: 10/10, 6/6, 100/100, 2/2, 4/4 → all 1 → 1
        //   Feb: 8/10 = 0.8, 6/6 = 1, 90/100 = 0.9, 1/2 = 0.5, 2/4 = 0.5 → (40 + 30 + 9 + 3 + 2) / 100 = 0.84
        //   Mar: 12/10 → 1 (cap), 7/6 → 1, 80/100 = 0.8, 1, 1 → (50 + 30 + 8 + 6 + 4) / 100 = 0.98
        //   mean = (1 + 0.84 + 0.98) / 3 = 2.82 / 3 = 0.94
        var monthly = result.Sections[0];
        Assert.Equal("monthly", monthly.Path);
        Assert.Equal(PeriodKind.Month, monthly.Cadence);
        Assert.Equal([1m, 0.84m, 0.98m], monthly.Scores.Select(s => s!.Value));
        Assert.Equal(0.94m, monthly.Score);

        // Quarterly section (visits 8, net balance 60, overdue 12, NPL 20):
        //   visits 45/60 = 0.75; net balance 600/500 → 1 (cap); overdue (2 − 3)/(1 − 3) = 0.5; NPL (1.25 − 2)/(0.5 − 2) = 0.5
        //   (8·0.75 + 60·1 + 12·0.5 + 20·0.5) / 100 = (6 + 60 + 6 + 10) / 100 = 0.82
        Assert.Equal(0.82m, result.Sections[1].Score);
        Assert.Equal(PeriodKind.Quarter, result.Sections[1].Cadence);

        // Root (percent 50/50): (50·0.94 + 50·0.82) / 100 = 0.88 → base 88; one certificate 2.5 → 90.5 → 90.50, grade A (≥ 90, × 1.30).
        Assert.Equal(0.88m, result.RootScore);
        Assert.Equal(88m, result.BasePoints);
        Assert.Equal(2.5m, result.BonusPoints);
        Assert.Equal(90.5m, result.ExactTotal);
        Assert.Equal(90.50m, result.RoundedTotal);
        Assert.Equal("A", result.Grade.Name);

        // Shares: each month 50/100 ÷ 3 = 1/6, the quarter 50/100 = 1/2. February's new accounts 8 < 10 fails its gate.
        // Pay 6000 × 1.30 = 7800; payable 1/6 + 1/6 + 1/2 = 5/6 → 7800 × 5/6 = 6500.00.
        Assert.Equal(["2024-01", "2024-02", "2024-03", "2024-Q1"], result.Shares.Select(s => s.Period.ToString()));
        Assert.Equal([false, true, false, false], result.Shares.Select(s => s.Cancelled));
        Assert.Equal("gate_new_accounts", Assert.Single(result.Shares[1].CancelledBy).Gate.Id);
        Assert.Equal(0.5m, result.Shares[3].Fraction);
        Assert.Equal(3900m, result.Shares[3].Amount);
        Assert.Equal(6500.00m, result.Payout);
        Assert.False(result.PayoutCancelled);

        // Each sub-period's assessment shows its own section and gates.
        Assert.Equal("monthly", Assert.Single(result.SubPeriods[1].Sections).Path);
        Assert.False(result.SubPeriods[1].Assessment.GateResult("gate_new_accounts").Passed);
        Assert.Equal("quarterly", Assert.Single(result.SubPeriods[3].Sections).Path);
    }

    [Fact]
    public void Evaluate_ABankQuarterlyGateFailing_CancelsTheQuarterShareOnly()
    {
        var inputs = ABankQuarter(netBalance: 400m);

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow("cm-1", Q1, inputs);

        // Net balance 400/500 = 0.8: quarterly (6 + 48 + 6 + 10) / 100 = 0.70; root (50·0.94 + 50·0.70)/100 = 0.82 → 82 + 2.5 = 84.50, B (× 1.10).
        // Pay 6000 × 1.10 = 6600; the quarter's half and February's sixth cancelled: 6600 × (1/6 + 1/6) = 2200.00.
        Assert.Equal(84.50m, result.RoundedTotal);
        Assert.Equal("B", result.Grade.Name);
        Assert.Equal([false, true, false, true], result.Shares.Select(s => s.Cancelled));
        Assert.Equal(2200.00m, result.Payout);
    }

    [Fact]
    public void Evaluate_EveryShareCancelled_PayoutZeroAndCancelled()
    {
        var inputs = new List<KeyValuePair<AssessmentPeriod, SubjectInput>>
        {
            At(AssessmentPeriod.Month(2024, 1), Month(1m, 6m, 100m, 2m, 4m)),
            At(AssessmentPeriod.Month(2024, 2), Month(1m, 6m, 100m, 2m, 4m)),
            At(AssessmentPeriod.Month(2024, 3), Month(1m, 6m, 100m, 2m, 4m)),
            At(Q1, Quarter(60m, 100m, 1m, 0.5m, basePay: 6000m)),
        };

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow("cm-1", Q1, inputs);

        Assert.True(result.PayoutCancelled);
        Assert.Equal(0m, result.Payout);
    }

    [Fact]
    public void Evaluate_ABankYear_IsTheMeanOfItsQuarters()
    {
        // Every month on target (monthly score 1). Q1's quarterly section scores 0.82 (as in the quarter test), Q2–Q4 score 1.
        // Quarter bases: Q1 (50·1 + 50·0.82) = 91, Q2–Q4 100; their mean (91 + 300) / 4 = 97.75.
        // The year: monthly mean of 12 ones = 1; quarterly mean (0.82 + 3) / 4 = 0.955; (50·1 + 50·0.955)/100 = 0.9775 → 97.75.
        var inputs = new List<KeyValuePair<AssessmentPeriod, SubjectInput>>();
        foreach (var month in AssessmentPeriod.OfYear(2024).Months())
        {
            inputs.Add(At(month, Month(10m, 6m, 100m, 2m, 4m)));
        }

        inputs.Add(At(AssessmentPeriod.Quarter(2024, 1), SubjectInput.For("cm-1").Value("customer_visits", 45m).Value("net_balance_growth", 600m).Value("overdue_rate", 2m).Value("npl_rate", 1.25m).Build()));
        for (var q = 2; q <= 4; q++)
        {
            inputs.Add(At(AssessmentPeriod.Quarter(2024, q), SubjectInput.For("cm-1").Value("customer_visits", 60m).Value("net_balance_growth", 500m).Value("overdue_rate", 1m).Value("npl_rate", 0.5m).Build()));
        }

        inputs.Add(At(AssessmentPeriod.OfYear(2024), SubjectInput.For("cm-1").Value("certificates", 0m).BasePay(12000m).Build()));

        var year = PeriodEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow("cm-1", AssessmentPeriod.OfYear(2024), inputs);

        Assert.Equal(97.75m, year.BasePoints);
        Assert.Equal(97.75m, year.RoundedTotal);
        Assert.Equal(16, year.SubPeriods.Length);

        // Shares: 12 months of 1/24 each, 4 quarters of 1/8 each; none cancelled: 12000 × 1.30 = 15600.00.
        Assert.All(year.Shares.Take(12), s => Assert.Equal(PeriodKind.Month, s.Cadence));
        Assert.Equal(15600.00m, year.Payout);
    }

    [Fact]
    public void Evaluate_YearWithAnnualSection_CombinesTheAnnualSectionOnce()
    {
        var scheme = AnnualScheme();
        var inputs = new List<KeyValuePair<AssessmentPeriod, SubjectInput>>();
        var q = 0;
        foreach (var quarter in AssessmentPeriod.OfYear(2024).SubPeriods(PeriodKind.Quarter))
        {
            // Quarter scores 0.4, 0.6, 0.8, 1.0 (values 4, 6, 8, 10 on linear 0 → 10): mean 2.8 / 4 = 0.7.
            inputs.Add(At(quarter, SubjectInput.For("s").Value("q", 4m + (2m * q++)).Build()));
        }

        inputs.Add(At(AssessmentPeriod.OfYear(2024), SubjectInput.For("s").Value("y", 5m).Build()));

        var year = PeriodEvaluator.Create(scheme).EvaluateOrThrow("s", AssessmentPeriod.OfYear(2024), inputs);

        // Root (percent): quarterly 40, annual 60; annual 5/10 = 0.5. (40·0.7 + 60·0.5) / 100 = (28 + 30) / 100 = 0.58 → 58.00.
        Assert.Equal(58.00m, year.RoundedTotal);
        Assert.Equal(PeriodKind.Year, year.Sections[1].Cadence);
    }

    [Fact]
    public void Evaluate_QuarterOfSchemeWithAnnualSection_ReportsCadencePeriod()
    {
        var result = PeriodEvaluator.Create(AnnualScheme()).Evaluate("s", Q1, [At(Q1, SubjectInput.For("s").Value("q", 5m).Build())]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.CadencePeriod, problem.Code);
        Assert.Equal("annual.cadence", problem.Path);
        Assert.Equal("s", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_MonthOfABank_ReportsTheQuarterlySection()
    {
        var month = AssessmentPeriod.Month(2024, 1);

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", month, [At(month, Month(10m, 6m, 100m, 2m, 4m))]);

        Assert.Equal(ProblemCodes.CadencePeriod, Assert.Single(result.Problems).Code);
        Assert.Equal("quarterly.cadence", result.Problems[0].Path);
    }

    [Fact]
    public void Evaluate_CustomPeriodOfWholeMonthsAndQuarter_ScoresLikeTheQuarter()
    {
        // A custom period covering exactly Q1: the months and Q1 are whole sub-periods; the custom period's own input
        // carries the bonus units and base pay. Same numbers as the hand-worked quarter: 90.50 and 6500.00.
        var custom = AssessmentPeriod.Custom(Q1.Start, Q1.End);
        var inputs = ABankQuarter().Take(3).ToList();
        inputs.Add(At(Q1, SubjectInput.For("cm-1").Value("customer_visits", 45m).Value("net_balance_growth", 600m).Value("overdue_rate", 2m).Value("npl_rate", 1.25m).Build()));
        inputs.Add(At(custom, SubjectInput.For("cm-1").Value("certificates", 1m).BasePay(6000m).Build()));

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow("cm-1", custom, inputs);

        Assert.Equal(90.50m, result.RoundedTotal);
        Assert.Equal(6500.00m, result.Payout);
    }

    [Fact]
    public void Evaluate_CustomPeriodCuttingAMonth_ReportsCadencePeriod()
    {
        var custom = AssessmentPeriod.Custom(new NodaTime.LocalDate(2024, 1, 15), new NodaTime.LocalDate(2024, 3, 31));

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", custom, []);

        // January is cut (monthly section) and no whole quarter lies in the range (quarterly section).
        Assert.Equal(["monthly.cadence", "quarterly.cadence"], result.Problems.Select(p => p.Path));
        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.CadencePeriod, p.Code));
    }

    [Fact]
    public void Evaluate_MissingMonth_ReportsInputMissing()
    {
        var inputs = ABankQuarter().Where(x => !x.Key.Equals(AssessmentPeriod.Month(2024, 2))).ToList();

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.CadenceInputMissing, problem.Code);
        Assert.Equal("inputs[2024-02]", problem.Path);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Evaluate_MissingWholePeriodInput_ReportsInputMissing()
    {
        var inputs = ABankQuarter().Where(x => !x.Key.Equals(Q1)).ToList();

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        Assert.Equal(ProblemCodes.CadenceInputMissing, Assert.Single(result.Problems).Code);
        Assert.Equal("inputs[2024-Q1]", result.Problems[0].Path);
    }

    [Fact]
    public void Evaluate_InputForAMonthOutsideThePeriod_ReportsInputUnexpected()
    {
        var inputs = ABankQuarter();
        inputs.Add(At(AssessmentPeriod.Month(2024, 4), Month(10m, 6m, 100m, 2m, 4m)));

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        Assert.Equal(ProblemCodes.CadenceInputUnexpected, Assert.Single(result.Problems).Code);
        Assert.Equal("inputs[2024-04]", result.Problems[0].Path);
    }

    [Fact]
    public void Evaluate_TwoInputsForOneMonth_ReportsInputDuplicate()
    {
        var inputs = ABankQuarter();
        inputs.Add(At(AssessmentPeriod.Month(2024, 1), Month(10m, 6m, 100m, 2m, 4m)));

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        Assert.Equal(ProblemCodes.CadenceInputDuplicate, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Evaluate_InputOfAnotherSubject_ReportsInputSubject()
    {
        var inputs = ABankQuarter();
        inputs[0] = At(AssessmentPeriod.Month(2024, 1), Month(10m, 6m, 100m, 2m, 4m, id: "cm-2"));

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.CadenceInputSubject, problem.Code);
        Assert.Equal("cm-2", problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_BasePayOnAMonth_ReportsCadenceBasePay()
    {
        var inputs = ABankQuarter();
        inputs[0] = At(AssessmentPeriod.Month(2024, 1), SubjectInput.For("cm-1")
            .Value("new_accounts", 10m).Value("net_new_accounts", 6m).Value("monthly_exam", 100m).Value("mentoring", 2m).Value("activity", 4m).BasePay(2000m).Build());

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        Assert.Equal(ProblemCodes.CadenceBasePay, Assert.Single(result.Problems).Code);
        Assert.Equal("inputs[2024-01].basePay", result.Problems[0].Path);
    }

    [Fact]
    public void Evaluate_QuarterlyMeasureInAMonth_ReportsUnknownMeasureUnlessIgnored()
    {
        var inputs = ABankQuarter();
        inputs[0] = At(AssessmentPeriod.Month(2024, 1), SubjectInput.For("cm-1")
            .Value("new_accounts", 10m).Value("net_new_accounts", 6m).Value("monthly_exam", 100m).Value("mentoring", 2m).Value("activity", 4m).Value("npl_rate", 1m).Build());

        var rejected = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);
        var ignored = PeriodEvaluator.Create(SampleSchemes.ABank2023(), new EvaluatorOptions { UnknownMeasures = UnknownMeasureHandling.Ignore }).Evaluate("cm-1", Q1, inputs);

        Assert.Equal(ProblemCodes.ValueUnknownMeasure, Assert.Single(rejected.Problems).Code);
        Assert.Equal("inputs[2024-01].npl_rate", rejected.Problems[0].Path);
        Assert.True(ignored.Succeeded);
    }

    [Fact]
    public void Evaluate_MissingValueInAMonth_ReportsItUnderThatMonth()
    {
        var inputs = ABankQuarter();
        inputs[1] = At(AssessmentPeriod.Month(2024, 2), SubjectInput.For("cm-1")
            .Value("net_new_accounts", 6m).Value("monthly_exam", 100m).Value("mentoring", 2m).Value("activity", 4m).Build());

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ValueMissing, problem.Code);
        Assert.Equal("inputs[2024-02].monthly/new_accounts", problem.Path);
    }

    [Fact]
    public void Evaluate_MissingBonusUnits_ReportsValueMissing()
    {
        var inputs = ABankQuarter();
        inputs[3] = At(Q1, SubjectInput.For("cm-1").Value("customer_visits", 45m).Value("net_balance_growth", 600m).Value("overdue_rate", 2m).Value("npl_rate", 1.25m).Build());

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        Assert.Equal(ProblemCodes.ValueMissing, Assert.Single(result.Problems).Code);
        Assert.Equal("inputs[2024-Q1].adjustments.certificates", result.Problems[0].Path);
    }

    [Fact]
    public void Evaluate_NegativeBonusUnits_ReportsAdjustmentUnits()
    {
        var inputs = ABankQuarter();
        inputs[3] = At(Q1, Quarter(45m, 600m, 2m, 1.25m, certificates: -1m));

        var result = PeriodEvaluator.Create(SampleSchemes.ABank2023()).Evaluate("cm-1", Q1, inputs);

        Assert.Equal(ProblemCodes.AdjustmentUnits, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void EvaluateOrThrow_Problems_ThrowsEvaluationException()
    {
        var evaluator = PeriodEvaluator.Create(SampleSchemes.ABank2023());

        var ex = Assert.Throws<EvaluationException>(() => evaluator.EvaluateOrThrow("cm-1", Q1, []));

        Assert.Equal(4, ex.Problems.Length); // three months and the quarter
    }

    [Fact]
    public void Evaluate_NullArguments_Throw()
    {
        var evaluator = PeriodEvaluator.Create(SampleSchemes.ABank2023());

        Assert.Throws<ArgumentNullException>(() => PeriodEvaluator.Create(null!));
        Assert.Throws<ArgumentException>(() => PeriodEvaluator.Create(SampleSchemes.ABank2023(), new EvaluatorOptions { PayRounding = null! }));
        Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate(null!, Q1, []));
        Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate("cm-1", null!, []));
        Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate("cm-1", Q1, null!));
        Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate("cm-1", Q1, [new KeyValuePair<AssessmentPeriod, SubjectInput>(Q1, null!)]));
    }

    [Fact]
    public void Evaluate_SchemeWithoutCadences_IsTheSingleEvaluation()
    {
        var scheme = EvaluationFixtures.ThreeIndicators();
        var input = EvaluationFixtures.Abc(7m, 3m, 9m, basePay: 1000m);
        var single = EvaluationFixtures.Assess(scheme, input);

        var result = PeriodEvaluator.Create(scheme).EvaluateOrThrow("S1", Q1, [At(Q1, input)]);

        Assert.False(PeriodEvaluator.Create(scheme).HasCadences);
        Assert.Equal(single.ExactTotal, result.ExactTotal);
        Assert.Equal(single.RoundedTotal, result.RoundedTotal);
        Assert.Equal(single.Payout, result.Payout);
        Assert.Equal(1m, Assert.Single(result.Shares).Fraction);
    }

    [Property(MaxTest = 60)]
    public Property Evaluate_InputsInAnyOrder_SameResult()
    {
        var gen = Gen.ArrayOf(Gen.Choose(0, 14), 3).SelectMany(m => Gen.Choose(0, 1000).SelectMany(b => Gen.Choose(0, int.MaxValue).Select(seed => (m, b, seed))));
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (months, balance, seed) = t;
            decimal a = months[0], b = months[1], c = months[2];
            var inputs = new List<KeyValuePair<AssessmentPeriod, SubjectInput>>
            {
                At(AssessmentPeriod.Month(2024, 1), Month(a, 6m, 90m, 1m, 3m)),
                At(AssessmentPeriod.Month(2024, 2), Month(b, 5m, 80m, 2m, 4m)),
                At(AssessmentPeriod.Month(2024, 3), Month(c, 7m, 70m, 0m, 1m)),
                At(Q1, Quarter(50m, balance, 1.5m, 1m, certificates: 1m, basePay: 5000m)),
            };
            var rng = new Random(seed);
            List<KeyValuePair<AssessmentPeriod, SubjectInput>> shuffled = [.. inputs.Select(x => (x, rng.Next())).OrderBy(x => x.Item2).Select(x => x.x)];
            var evaluator = PeriodEvaluator.Create(SampleSchemes.ABank2023());
            var first = evaluator.EvaluateOrThrow("cm-1", Q1, inputs);
            var second = evaluator.EvaluateOrThrow("cm-1", Q1, shuffled);
            return first.ExactTotal == second.ExactTotal && first.RoundedTotal == second.RoundedTotal && first.Payout == second.Payout
                && first.Shares.Select(s => s.Cancelled).SequenceEqual(second.Shares.Select(s => s.Cancelled));
        });
    }

    [Property(MaxTest = 40)]
    public Property Evaluate_YearOfQuarterScheme_BaseIsTheMeanOfTheQuarterBases()
    {
        var value = Gen.Choose(0, 12).Select(v => (decimal)v);
        return Prop.ForAll(Gen.ArrayOf(value, 16).ToArbitrary(), values =>
        {
            var evaluator = PeriodEvaluator.Create(SampleSchemes.ABank2023());
            var all = new List<KeyValuePair<AssessmentPeriod, SubjectInput>>();
            var quarterBases = 0m;
            for (var q = 1; q <= 4; q++)
            {
                var quarter = AssessmentPeriod.Quarter(2024, q);
                var inputs = quarter.Months().Select((m, k) => At(m, Month(values[(q - 1) * 3 + k], 6m, 90m, 2m, 4m))).ToList();
                var quarterly = At(quarter, SubjectInput.For("cm-1").Value("customer_visits", 60m).Value("net_balance_growth", 100m * values[12 + q - 1]).Value("overdue_rate", 2m).Value("npl_rate", 1m).Build());
                all.AddRange(inputs);
                all.Add(quarterly);
                inputs.Add(At(quarter, SubjectInput.For("cm-1").Value("customer_visits", 60m).Value("net_balance_growth", 100m * values[12 + q - 1]).Value("overdue_rate", 2m).Value("npl_rate", 1m).Value("certificates", 0m).Build()));
                quarterBases += evaluator.EvaluateOrThrow("cm-1", quarter, inputs).BasePoints;
            }

            all.Add(At(AssessmentPeriod.OfYear(2024), SubjectInput.For("cm-1").Value("certificates", 0m).Build()));
            var year = evaluator.EvaluateOrThrow("cm-1", AssessmentPeriod.OfYear(2024), all);
            return Math.Abs(year.BasePoints - (quarterBases / 4m)) < 1e-20m;
        });
    }

    /// <summary>Root (percent): quarterly 40 (quarter cadence, linear 0 → 10 on q), annual 60 (year cadence, linear 0 → 10 on y).</summary>
    private static Scheme AnnualScheme() => EvaluationFixtures.Start("annual-test")
        .Root(WeightMode.Percent, r => r
            .Section("quarterly", 40m, WeightMode.Percent, s => s.Cadence(PeriodKind.Quarter).Indicator("q", 100m, "q", Scorers.Linear(0m, 10m)))
            .Section("annual", 60m, WeightMode.Percent, s => s.Cadence(PeriodKind.Year).Indicator("y", 100m, "y", Scorers.Linear(0m, 10m))))
        .Build();
}
