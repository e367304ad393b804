using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="SegmentEvaluator"/> (spec §8, mid-period transfers).</summary>
public sealed class SegmentEvaluatorTests
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);
    private static readonly DateInterval January = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31));
    private static readonly DateInterval FebruaryMarch = new(new LocalDate(2024, 2, 1), new LocalDate(2024, 3, 31));

    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(Segment));
        Immutability.AssertImmutable(typeof(SegmentResult));
        Immutability.AssertImmutable(typeof(SegmentedAssessment));
        Immutability.AssertImmutable(typeof(SegmentedEvaluationResult));
        Immutability.AssertImmutable(typeof(SegmentEvaluator));
    }

    /// <summary>One indicator, linear 0 → 100 on <c>m</c>, so the total is the value; a gate cancels pay below 50.</summary>
    private static Scheme Role(string id, decimal points = 100m, int decimals = 2) => EvaluationFixtures.Start(id)
        .Points(points)
        .Rounding(decimals, MidpointRounding.AwayFromZero)
        .Root(WeightMode.Percent, r => r.Indicator("m", 100m, "m", Scorers.Linear(0m, 100m)))
        .Gate("floor", g => g.OnValue("m", 50m).CancelPayout())
        .Build();

    private static SubjectInput Value(decimal m, decimal? basePay = null, string id = "s")
    {
        var input = SubjectInput.For(id).Value("m", m);
        if (basePay is { } pay)
        {
            input.BasePay(pay);
        }

        return input.Build();
    }

    [Fact]
    public void Evaluate_TransferAfterJanuary_CombinesByDaysAndRoundsOnce()
    {
        var segments = new[]
        {
            Segment.Of(FebruaryMarch, Role("branch"), Value(95m, 9100m)),
            Segment.Of(January, Role("head-office"), Value(80m, 9100m)),
        };

        var result = SegmentEvaluator.Create().EvaluateOrThrow("s", Q1, segments);

        // Days: January 31, February (leap) 29 + March 31 = 60; total 91.
        // (31·80 + 60·95) / 91 = (2480 + 5700) / 91 = 8180 / 91 = 89.8901… → 89.89, grade B (≥ 80, × 1.10).
        Assert.Equal(8180m / 91m, result.ExactTotal);
        Assert.Equal(89.89m, result.RoundedTotal);
        Assert.Equal("B", result.Grade.Name);
        Assert.Equal(91, result.CoveredDays);
        Assert.Equal([31, 60], result.Segments.Select(s => s.Days));
        Assert.Equal("branch", result.Scheme.Id);

        // Pay: 1.10 × (9100·31 + 9100·60) / 91 = 1.10 × 9100 = 10010.00.
        Assert.Equal(10010.00m, result.Payout);
    }

    [Fact]
    public void Evaluate_GateFailsInOneSegment_CancelsThatSegmentsShareOnly()
    {
        var segments = new[]
        {
            Segment.Of(January, Role("head-office"), Value(40m, 9100m)),
            Segment.Of(FebruaryMarch, Role("branch"), Value(95m, 9100m)),
        };

        var result = SegmentEvaluator.Create().EvaluateOrThrow("s", Q1, segments);

        // (31·40 + 60·95) / 91 = (1240 + 5700) / 91 = 6940 / 91 = 76.2637… → 76.26, C (× 1.00).
        // January's gate (40 < 50) cancels its share: 1.00 × 9100 × 60 / 91 = 6000.00.
        Assert.Equal(76.26m, result.RoundedTotal);
        Assert.True(result.Segments[0].PayCancelled);
        Assert.False(result.PayoutCancelled);
        Assert.Equal(6000.00m, result.Payout);
        Assert.Equal(3100m, result.Segments[0].PayAmount);
    }

    [Fact]
    public void Evaluate_GapBetweenSegments_DaysNotCoveredDoNotCount()
    {
        var segments = new[]
        {
            Segment.Of(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 10)), Role("a"), Value(70m)),
            Segment.Of(new DateInterval(new LocalDate(2024, 3, 22), new LocalDate(2024, 3, 31)), Role("a"), Value(90m)),
        };

        var result = SegmentEvaluator.Create().EvaluateOrThrow("s", Q1, segments);

        // 10 days each: (10·70 + 10·90) / 20 = 80.00; no base pay, no payout.
        Assert.Equal(80.00m, result.RoundedTotal);
        Assert.Equal(20, result.CoveredDays);
        Assert.Null(result.Payout);
    }

    [Fact]
    public void Evaluate_CapGradeInASegment_CapsTheCombinedGrade()
    {
        var capped = EvaluationFixtures.Start("capped")
            .Root(WeightMode.Percent, r => r.Indicator("m", 100m, "m", Scorers.Linear(0m, 100m)))
            .Gate("cap", g => g.OnValue("m", 99m).CapGrade("C"))
            .Build();

        var result = SegmentEvaluator.Create().EvaluateOrThrow("s", Q1, [Segment.Of(January, capped, Value(95m)), Segment.Of(FebruaryMarch, Role("plain"), Value(95m))]);

        // 95.00 earns A; January's gate (95 < 99) caps at C.
        Assert.Equal("A", result.EarnedGrade.Name);
        Assert.Equal("C", result.Grade.Name);
    }

    [Fact]
    public void Evaluate_CapGradeNamingAGradeTheLastSchemeLacks_ReportsGradeUnknown()
    {
        var capped = EvaluationFixtures.Start("capped")
            .Grade("E", 10m, 0.5m)
            .Root(WeightMode.Percent, r => r.Indicator("m", 100m, "m", Scorers.Linear(0m, 100m)))
            .Gate("cap", g => g.OnValue("m", 99m).CapGrade("E"))
            .Build();

        var result = SegmentEvaluator.Create().Evaluate("s", Q1, [Segment.Of(January, capped, Value(95m)), Segment.Of(FebruaryMarch, Role("plain"), Value(95m))]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.SegmentGradeUnknown, problem.Code);
        Assert.Equal("segments[0].gates.cap", problem.Path);
    }

    [Fact]
    public void Evaluate_NoSegments_ReportsEmpty()
        => Assert.Equal(ProblemCodes.SegmentEmpty, Assert.Single(SegmentEvaluator.Create().Evaluate("s", Q1, []).Problems).Code);

    [Fact]
    public void Evaluate_OverlappingSegments_ReportsTheSharedDates()
    {
        var result = SegmentEvaluator.Create().Evaluate("s", Q1,
            [Segment.Of(January, Role("a"), Value(1m)), Segment.Of(new DateInterval(new LocalDate(2024, 1, 20), new LocalDate(2024, 2, 5)), Role("a"), Value(1m))]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.SegmentOverlap, problem.Code);
        Assert.Equal("2024-01-20..2024-01-31", problem.AttemptedValue);
        Assert.Equal("segments[1].dates", problem.Path);
    }

    [Fact]
    public void Evaluate_SegmentOutsideThePeriod_ReportsOutsidePeriod()
    {
        var result = SegmentEvaluator.Create().Evaluate("s", Q1,
            [Segment.Of(new DateInterval(new LocalDate(2023, 12, 20), new LocalDate(2024, 1, 31)), Role("a"), Value(1m))]);

        Assert.Equal(ProblemCodes.SegmentOutsidePeriod, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Evaluate_InputOfAnotherSubject_ReportsSegmentSubject()
    {
        var result = SegmentEvaluator.Create().Evaluate("s", Q1, [Segment.Of(January, Role("a"), Value(1m, id: "t"))]);

        Assert.Equal(ProblemCodes.SegmentSubject, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Evaluate_DifferentPointsOrRounding_ReportsIncompatible()
    {
        var result = SegmentEvaluator.Create().Evaluate("s", Q1,
        [
            Segment.Of(January, Role("p-120", points: 120m), Value(1m)),
            Segment.Of(new DateInterval(new LocalDate(2024, 2, 1), new LocalDate(2024, 2, 29)), Role("r-1", decimals: 1), Value(1m)),
            Segment.Of(new DateInterval(new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 31)), Role("last"), Value(1m)),
        ]);

        Assert.Equal(["segments[0].scheme", "segments[1].scheme"], result.Problems.Select(p => p.Path));
        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.SegmentIncompatible, p.Code));
    }

    [Fact]
    public void Evaluate_SchemeWithSectionCadences_ReportsSegmentCadence()
    {
        // The A bank's scheme assesses its monthly section per month; a segment has one input for its dates, so the
        // monthly gate would decide the whole segment. Refused, naming the segment and the section.
        var aBank = PerfKit.Demo.SampleSchemes.ABank2023();
        var segments = new[]
        {
            Segment.Of(January, Role("head-office"), Value(80m)),
            Segment.Of(FebruaryMarch, aBank, PeriodEvaluatorTests.Month(10m, 6m, 100m, 2m, 4m, id: "s")),
        };

        var result = SegmentEvaluator.Create().Evaluate("s", Q1, segments);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.Code == ProblemCodes.SegmentCadence);
        Assert.Equal("segments[1].scheme", problem.Path);
        Assert.Equal(aBank.ToString(), problem.AttemptedValue);
        Assert.Contains("'monthly' per month", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BasePayOnSomeSegmentsOnly_ReportsSegmentBasePay()
    {
        var result = SegmentEvaluator.Create().Evaluate("s", Q1, [Segment.Of(January, Role("a"), Value(1m, 100m)), Segment.Of(FebruaryMarch, Role("a"), Value(1m))]);

        Assert.Equal(ProblemCodes.SegmentBasePay, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Evaluate_SegmentDataProblem_IsReportedUnderTheSegment()
    {
        var result = SegmentEvaluator.Create().Evaluate("s", Q1, [Segment.Of(January, Role("a"), SubjectInput.For("s").Build())]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ValueMissing, problem.Code);
        Assert.Equal("segments[0].m", problem.Path);
        Assert.Throws<EvaluationException>(() => SegmentEvaluator.Create().EvaluateOrThrow("s", Q1, [Segment.Of(January, Role("a"), SubjectInput.For("s").Build())]));
    }

    [Fact]
    public void Of_AndEvaluate_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Segment.Of(null!, Role("a"), Value(1m)));
        Assert.Throws<ArgumentNullException>(() => Segment.Of(January, null!, Value(1m)));
        Assert.Throws<ArgumentNullException>(() => Segment.Of(January, Role("a"), null!));
        Assert.Throws<ArgumentNullException>(() => Segment.Of((SchemeVersionSpan)null!, Value(1m)));
        Assert.Throws<ArgumentNullException>(() => SegmentEvaluator.Create().Evaluate("s", Q1, null!));
        Assert.Throws<ArgumentException>(() => SegmentEvaluator.Create().Evaluate("s", Q1, [null!]));
        Assert.Throws<ArgumentException>(() => SegmentEvaluator.Create(new EvaluatorOptions { PayRounding = null! }));
    }

    [Property(MaxTest = 100)]
    public Property Evaluate_OneSegmentCoveringThePeriod_EqualsUnsegmentedScoring()
        => Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(1, 99_999).ToArbitrary(), (value, pay) =>
        {
            var scheme = EvaluationFixtures.ThreeIndicators();
            var input = EvaluationFixtures.Abc(value / 7919m, value / 1000m, 10m - (value / 10_000m), basePay: pay / 7m);
            var single = EvaluationFixtures.Assess(scheme, input);

            var segmented = SegmentEvaluator.Create().EvaluateOrThrow("S1", Q1, [Segment.Of(Q1.Interval, scheme, input)]);

            return segmented.ExactTotal == single.ExactTotal && segmented.RoundedTotal == single.RoundedTotal
                && segmented.Grade == single.Grade && segmented.Payout == single.Payout;
        });

    [Property(MaxTest = 100)]
    public Property Evaluate_TwoSegmentsWithTheSameSchemeAndValues_SameScoreAsOne()
        => Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(1, 90).ToArbitrary(), (value, split) =>
        {
            var scheme = EvaluationFixtures.ThreeIndicators();
            var input = EvaluationFixtures.Abc(value / 7919m, value / 1000m, 10m - (value / 10_000m), basePay: 1000m);
            var cut = Q1.Start.PlusDays(split - 1);
            var one = SegmentEvaluator.Create().EvaluateOrThrow("S1", Q1, [Segment.Of(Q1.Interval, scheme, input)]);

            var two = SegmentEvaluator.Create().EvaluateOrThrow("S1", Q1,
                [Segment.Of(new DateInterval(Q1.Start, cut), scheme, input), Segment.Of(new DateInterval(cut.PlusDays(1), Q1.End), scheme, input)]);

            return Math.Abs(two.ExactTotal - one.ExactTotal) < 1e-20m && two.RoundedTotal == one.RoundedTotal && two.Grade == one.Grade && two.Payout == one.Payout;
        });
}
