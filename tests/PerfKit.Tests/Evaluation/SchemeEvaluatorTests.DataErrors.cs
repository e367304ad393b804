using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Data problems come back as values naming code, path, subject and value; never as runtime exceptions.</summary>
public sealed partial class SchemeEvaluatorTests
{
    private const string Huge = "79000000000000000000000000000";

    [Theory]
    [InlineData("de-DE", "1,5")]
    [InlineData("tr-TR", "1,5")]
    [InlineData("de-DE", "1.234,5")]
    [InlineData("tr-TR", "1 000")]
    [InlineData("de-DE", "1e3")]
    public void Evaluate_UnparsableText_ValueUnparsableNamingMeasureSubjectAndText(string culture, string text)
    {
        using var scope = new CultureScope(culture);
        var input = SubjectInput.For("S-de").Value("m_a", text).Value("m_b", 10m).Value("m_c", 10m).Build();

        var problem = SingleProblem(ThreeIndicators(), input);

        Assert.Equal(ProblemCodes.ValueUnparsable, problem.Code);
        Assert.Equal("m_a", problem.Path);
        Assert.Equal(text, problem.AttemptedValue);
        Assert.Equal("S-de", problem.SubjectId);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    public void Evaluate_NonFiniteText_ValueNonFinite(string text)
    {
        using var scope = new CultureScope("tr-TR");
        var input = SubjectInput.For("S-nan").Value("m_a", text).Value("m_b", 10m).Value("m_c", 10m).Build();

        var problem = SingleProblem(ThreeIndicators(), input);

        Assert.Equal(ProblemCodes.ValueNonFinite, problem.Code);
        Assert.Equal("m_a", problem.Path);
        Assert.Equal(text, problem.AttemptedValue);
        Assert.Equal("S-nan", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_ParsedTextUnderForeignCulture_SameAsDecimal()
    {
        // Texts are read invariantly whatever the culture ("7.5" is seven and a half, not 75).
        using var scope = new CultureScope("de-DE");
        var input = SubjectInput.For("S1").Value("m_a", "7.5").Value("m_b", "10").Value("m_c", "-0").Build();

        var a = Assess(ThreeIndicators(), input);

        // a 7.5 → 0.75; b 1; c 0 → root = (37.5 + 30) / 100 = 0.675 → 67.5.
        Assert.Equal(0.75m, a.Node("a").Score);
        Assert.Equal(67.5m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_NumberForRatingIndicator_ValueKind()
    {
        var input = SubjectInput.For("RM-2")
            .Value("deposit_daily_avg_growth", 1500m).Value("loan_volume", 3000m).Value("intermediate_income", 40m)
            .Value("capability_360", 4m)
            .Ratings("attitude_360", "superior", 4m)
            .Build();

        var problem = SingleProblem(SampleSchemes.CustomerManagerRole(), input);

        Assert.Equal(ProblemCodes.ValueKind, problem.Code);
        Assert.Equal("capability/capability_360", problem.Path);
        Assert.Equal("4", problem.AttemptedValue);
        Assert.Equal("RM-2", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_RatingsForNumberIndicator_ValueKind()
    {
        var input = SubjectInput.For("S-k").Ratings("m_a", "superior", 4m).Value("m_b", 10m).Value("m_c", 10m).Build();

        var problem = SingleProblem(ThreeIndicators(), input);

        Assert.Equal(ProblemCodes.ValueKind, problem.Code);
        Assert.Equal("a", problem.Path);
        Assert.Equal("{superior: [4]}", problem.AttemptedValue);
        Assert.Equal("S-k", problem.SubjectId);
    }

    [Fact]
    public void Evaluate_MeasureGivenTwice_ValueDuplicate()
    {
        var input = SubjectInput.For("S-d").Value("m_a", 1m).Value("m_a", 2m).Value("m_b", 10m).Value("m_c", 10m).Build();

        var problem = SingleProblem(ThreeIndicators(), input);

        Assert.Equal(ProblemCodes.ValueDuplicate, problem.Code);
        Assert.Equal("m_a", problem.Path);
        Assert.Equal("2", problem.AttemptedValue);
        Assert.Equal("S-d", problem.SubjectId);
    }

    /// <summary>a: ratio scoring against 0.5 (x ÷ 0.5), which overflows for x near the decimal maximum.</summary>
    private static Scheme HalfTarget() => Start().Root(WeightMode.Percent, r => r
            .Indicator("a", 50m, "m_a", Scorers.Ratio(0.5m))
            .Indicator("b", 50m, "m_b", Scorers.Linear(0m, 10m)))
        .Build();

    [Fact]
    public void Evaluate_ValueOverflowingTheScorer_ValueOverflowNamingNodeSubjectAndValue()
    {
        // 7.9e28 ÷ 0.5 = 1.58e29 > decimal.MaxValue ≈ 7.92e28.
        var input = SubjectInput.For("S-big").Value("m_a", Huge).Value("m_b", 10m).Build();

        var problem = SingleProblem(HalfTarget(), input);

        Assert.Equal(ProblemCodes.ValueOverflow, problem.Code);
        Assert.Equal("a", problem.Path);
        Assert.Equal("S-big", problem.SubjectId);
        Assert.Equal(Huge, problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_OverflowInOneIndicatorAndMissingValueInAnother_BothReported()
    {
        var input = SubjectInput.For("S-big").Value("m_a", Huge).Build();

        var result = SchemeEvaluator.Create(HalfTarget()).Evaluate(input);

        Assert.Equal(new[] { (ProblemCodes.ValueOverflow, "a"), (ProblemCodes.ValueMissing, "b") }, result.Problems.Select(p => (p.Code, p.Path)));
    }

    [Fact]
    public void Evaluate_UnitsOverflowingTheAdjustment_ValueOverflowOnTheRule()
    {
        // 7.9e28 certificates × 2.5 points overflows.
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m));
        var input = SubjectInput.For("S-big").Value("m_a", 5m).Value("certs", Huge).Build();

        var problem = SingleProblem(scheme, input);

        Assert.Equal(ProblemCodes.ValueOverflow, problem.Code);
        Assert.Equal("adjustments.certs", problem.Path);
        Assert.Equal("S-big", problem.SubjectId);
        Assert.Equal(Huge, problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_BasePayOverflowingThePayout_ValueOverflowOnBasePay()
    {
        // 7.9e28 × 1.30 overflows.
        var input = SubjectInput.For("S-big").Value("m_a", 1000m).BasePay(decimal.Parse(Huge, System.Globalization.CultureInfo.InvariantCulture)).Build();

        var problem = SingleProblem(OneIndicator(), input);

        Assert.Equal(ProblemCodes.ValueOverflow, problem.Code);
        Assert.Equal("basePay", problem.Path);
        Assert.Equal("S-big", problem.SubjectId);
        Assert.Equal(Huge, problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_HugeValueWithinRange_ScoredWithoutOverflow()
    {
        // Linear 0 → 10: 7.9e28 / 10 fits and is capped to 1; nothing overflows.
        var a = Assess(ThreeIndicators(), SubjectInput.For("S1").Value("m_a", Huge).Value("m_b", 10m).Value("m_c", 10m).Build());

        Assert.Equal(1m, a.Node("a").Score);
        Assert.Equal(100m, a.BasePoints);
    }

    [Fact]
    public void Evaluate_TextBeyondDecimalRange_ValueUnparsable()
    {
        var input = SubjectInput.For("S1").Value("m_a", "79228162514264337593543950336").Value("m_b", 10m).Value("m_c", 10m).Build();

        var problem = SingleProblem(ThreeIndicators(), input);

        Assert.Equal(ProblemCodes.ValueUnparsable, problem.Code);
        Assert.Equal("79228162514264337593543950336", problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_SeveralProblemsInOneSubject_AllReportedTogether()
    {
        // a unparsable, b given twice, c missing, base pay negative, an unknown override: five problems at once.
        var input = SubjectInput.For("S-many")
            .Value("m_a", "1,5")
            .Value("m_b", 10m).Value("m_b", 11m)
            .BasePay(-5m)
            .With(Override.OfValue("nope", 1m, "r", "x"))
            .Build();

        var result = SchemeEvaluator.Create(ThreeIndicators()).Evaluate(input);

        Assert.False(result.Succeeded);
        Assert.Equal(
            new[]
            {
                (ProblemCodes.ValueUnparsable, "m_a"),
                (ProblemCodes.ValueDuplicate, "m_b"),
                (ProblemCodes.BasePayInvalid, "basePay"),
                (ProblemCodes.OverrideUnknownNode, "nope"),
                (ProblemCodes.ValueMissing, "c"),
            },
            result.Problems.Select(p => (p.Code, p.Path)));
        Assert.All(result.Problems, p => Assert.Equal("S-many", p.SubjectId));
    }

    [Fact]
    public void Evaluate_IndicatorAndAdjustmentProblems_ReportedTogether()
    {
        // m_a missing (indicator a), certs negative, violations missing: the adjustments' units are read with the values.
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m).Penalty("violations", "violations", 2m, 10m));

        var result = SchemeEvaluator.Create(scheme).Evaluate(SubjectInput.For("S-9").Value("certs", -1m).Build());

        Assert.Equal(
            new[]
            {
                (ProblemCodes.ValueMissing, "a", (string?)null),
                (ProblemCodes.AdjustmentUnits, "adjustments.certs", "-1"),
                (ProblemCodes.ValueMissing, "adjustments.violations", null),
            },
            result.Problems.Select(p => (p.Code, p.Path, p.AttemptedValue)));
    }

    [Fact]
    public void Evaluate_UnparsableUnits_ReportedOnceNotAlsoAsMissing()
    {
        var scheme = WithRules(b => b.Bonus("certs", "certs", 2.5m, 5m));

        var problem = SingleProblem(scheme, SubjectInput.For("S-9").Value("m_a", 5m).Value("certs", "2,5").Build());

        Assert.Equal(ProblemCodes.ValueUnparsable, problem.Code);
        Assert.Equal("certs", problem.Path);
        Assert.Equal("2,5", problem.AttemptedValue);
    }

    [Fact]
    public void Evaluate_UnparsableTextUnderExcludePolicy_StillAProblem()
    {
        // An unreadable value is a data error whatever the missing-value policy: it is not silently excluded.
        var input = SubjectInput.For("S-x").Value("m_a", "1,5").Value("m_b", 10m).Value("m_c", 10m).Build();

        var problem = SingleProblem(ThreeIndicators(MissingValuePolicy.Exclude), input);

        Assert.Equal(ProblemCodes.ValueUnparsable, problem.Code);
    }

    [Fact]
    public void EvaluateOrThrow_DataProblems_ThrowsEvaluationExceptionWithEveryProblem()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        var input = Abc(null, null, 5m, id: "S-throw");

        var ex = Assert.Throws<EvaluationException>(() => evaluator.EvaluateOrThrow(input));

        Assert.Equal("S-throw", ex.SubjectId);
        Assert.Equal(new[] { "a", "b" }, ex.Problems.Select(p => p.Path));
        Assert.All(ex.Problems, p => Assert.Equal(ProblemCodes.ValueMissing, p.Code));
        Assert.Contains("value.missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("S-throw", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateOrThrow_GoodData_ReturnsTheSameNumbersAsEvaluate()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());
        var input = Abc(8m, 10m, 5m);

        var thrown = evaluator.EvaluateOrThrow(input);
        var result = evaluator.Evaluate(input);

        // (40 + 30 + 10) / 100 → 80.
        Assert.Equal(80m, thrown.RoundedTotal);
        Assert.Equal(result.Assessment!.ExactTotal, thrown.ExactTotal);
    }

    [Fact]
    public void Evaluate_HostScorerOutsideItsDeclaredRange_InvalidOperationException()
    {
        // A defect in a host scorer is misuse, not data: it throws.
        var registry = ScorerRegistry.Default.With(new LyingScorerKind());
        var scheme = Scheme.CreateBuilder("host", "1", registry).Name("Host").Grade("A", null, 1m)
            .Root(WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", Scorers.Custom("lying", [])))
            .Build();

        var ex = Assert.Throws<InvalidOperationException>(() => SchemeEvaluator.Create(scheme).Evaluate(SubjectInput.For("S1").Value("m_a", 1m).Build()));

        Assert.Contains("lying", ex.Message, StringComparison.Ordinal);
    }

    private sealed class LyingScorerKind : IScorerKind
    {
        public string Name => "lying";

        public string Version => "1";

        public IScorer? Create(ScorerParameterReader parameters) => new LyingScorer();
    }

    private sealed class LyingScorer : IScorer
    {
        public MeasureKind InputKind => MeasureKind.Number;

        public ScoreDirection Direction => ScoreDirection.HigherIsBetter;

        public decimal MinimumScore => 0m;

        public decimal MaximumScore => 1m;

        public ScoreOutcome Score(MeasureValue value) => ScoreOutcome.Scored(2m);
    }

    private static readonly string[] Texts =
    [
        "0", "-0", "1", "9.99", "10", "-10", "1,5", "NaN", "Infinity", "-Infinity", "", " ", "1e5", "abc", "12.", ".5",
        Huge, "-" + Huge, "79228162514264337593543950335", "-79228162514264337593543950335", "79228162514264337593543950336",
        "0.0000000000000000000000000001", "0.00000000000000000000000000001",
    ];

    private static Arbitrary<(string? A, string? Net, string? Balance, string? Npl, string? Certs, decimal? Pay)> AnyABankValues()
    {
        var text = Gen.OneOf(
            Gen.Elements(Texts).Select(t => (string?)t),
            Gen.Constant((string?)null),
            Gen.Choose(-1_000_000, 1_000_000).Select(i => (string?)(i / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var pay = Gen.OneOf(
            Gen.Constant((decimal?)null),
            Gen.Elements(0m, 1m, 8000m, -1m, decimal.MaxValue, 79000000000000000000000000000m).Select(p => (decimal?)p));
        return (from a in text
                from net in text
                from balance in text
                from npl in text
                from certs in text
                from p in pay
                select (a, net, balance, npl, certs, p)).ToArbitrary();
    }

    [Property(MaxTest = 300)]
    public Property Evaluate_AnyValuesIncludingHugeAndInvalid_NeverThrowsAndReportsOrAssesses()
    {
        var evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());
        return Prop.ForAll(AnyABankValues(), v =>
        {
            var b = SubjectInput.For("P1")
                .Value("monthly_exam", 90m).Value("mentoring", 1m).Value("activity", 2m).Value("customer_visits", 40m).Value("overdue_rate", 1.5m);
            void Put(string measure, string? text)
            {
                if (text is not null)
                {
                    b.Value(measure, text);
                }
            }

            Put("new_accounts", v.A);
            Put("net_new_accounts", v.Net);
            Put("net_balance_growth", v.Balance);
            Put("npl_rate", v.Npl);
            Put("certificates", v.Certs);
            if (v.Pay is { } pay)
            {
                b.BasePay(pay);
            }

            var result = evaluator.Evaluate(b.Build());

            return result.Succeeded
                ? result.Problems.IsEmpty && result.Assessment.RoundedTotal >= 0m && result.Assessment.RoundedTotal <= 105m
                : !result.Problems.IsEmpty && result.Problems.All(p => p.SubjectId == "P1");
        });
    }
}
