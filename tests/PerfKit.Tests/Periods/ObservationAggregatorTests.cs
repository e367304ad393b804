using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
using static PerfKit.Tests.Periods.PeriodsFixtures;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="ObservationAggregator"/>, <see cref="PeriodValues"/> and <see cref="AggregatedMeasure"/> (spec §8).</summary>
public sealed class ObservationAggregatorTests
{
    private static readonly AssessmentPeriod March = AssessmentPeriod.Month(2024, 3);

    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(ObservationAggregator));
        Immutability.AssertImmutable(typeof(PeriodValues));
        Immutability.AssertImmutable(typeof(AggregatedMeasure));
    }

    [Fact]
    public void Aggregate_Sum_OnlyInPeriodCountsOutsideIgnoredAndCounted()
    {
        var set = ObservationSet.For("S1")
            .Add("m", D(2024, 2, 29), 7m)   // before March: ignored
            .Add("m", D(2024, 3, 1), 10m)
            .Add("m", D(2024, 3, 15), 20.5m)
            .Add("m", D(2024, 3, 31), 4.5m)
            .Add("m", D(2024, 4, 1), 100m)  // after March: ignored
            .Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.Sum), March).Aggregate(set);

        // 10 + 20.5 + 4.5 = 35.
        Assert.Equal(35m, result.Values["m"]);
        Assert.Equal(2, result.IgnoredObservations);
        var detail = Assert.Single(result.Measures);
        Assert.Equal((3, 2), (detail.Observations, detail.Ignored));
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(ValueAggregation.Sum)]
    [InlineData(ValueAggregation.Count)]
    public void Aggregate_EmptySumOrCount_Zero(ValueAggregation aggregation)
    {
        var result = ObservationAggregator.Create(One(aggregation), March).Aggregate(ObservationSet.For("S1").Build());

        Assert.Equal(0m, result.Values["m"]);
    }

    [Theory]
    [InlineData(ValueAggregation.Mean)]
    [InlineData(ValueAggregation.Min)]
    [InlineData(ValueAggregation.Max)]
    [InlineData(ValueAggregation.Latest)]
    [InlineData(ValueAggregation.EndOfPeriod)]
    [InlineData(ValueAggregation.DailyAverage)]
    public void Aggregate_OtherEmpty_MissingWithoutProblem(ValueAggregation aggregation)
    {
        // Only an observation outside the period: the period has none.
        var set = ObservationSet.For("S1").Add("m", D(2024, 4, 1), 5m).Build();

        var result = ObservationAggregator.Create(One(aggregation), March).Aggregate(set);

        Assert.False(result.Values.ContainsKey("m"));
        Assert.Null(Assert.Single(result.Measures).Value);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Aggregate_EmptyMean_IndicatorMissingPolicyApplies()
    {
        var scheme = EvaluationFixtures.Start().Root(WeightMode.Normalize, r => r
            .Indicator("avg", 1m, "m", Scorers.Linear(0m, 10m), i => i.AggregatedBy(ValueAggregation.Mean).WhenMissing(MissingValuePolicy.Minimum))).Build();

        var input = ObservationAggregator.Create(scheme, March).Aggregate(ObservationSet.For("S1").Build()).ToInputBuilder().Build();
        var assessment = SchemeEvaluator.Create(scheme).EvaluateOrThrow(input);

        Assert.True(assessment.Root.Children[0].IsMissing);
        Assert.Equal(0m, assessment.Root.Children[0].Score);
    }

    [Fact]
    public void Aggregate_Mean_SumOverCount()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 1), 10m).Add("m", D(2024, 3, 2), 20m).Add("m", D(2024, 3, 2), 45m).Build();

        // (10 + 20 + 45) ÷ 3 = 25; two events on one date are separate events.
        Assert.Equal(25m, ObservationAggregator.Create(One(ValueAggregation.Mean), March).Aggregate(set).Values["m"]);
    }

    [Fact]
    public void Aggregate_MinMaxCount_OverEvents()
    {
        var scheme = Measures(("lo", ValueAggregation.Min, []), ("hi", ValueAggregation.Max, []), ("n", ValueAggregation.Count, []));
        var set = ObservationSet.For("S1");
        foreach (var measure in new[] { "lo", "hi", "n" })
        {
            set.Add(measure, D(2024, 3, 3), -5m).Add(measure, D(2024, 3, 3), 12m).Add(measure, D(2024, 3, 9), 3m).Add(measure, D(2024, 5, 1), 99m);
        }

        var values = ObservationAggregator.Create(scheme, March).Aggregate(set.Build()).Values;

        Assert.Equal(-5m, values["lo"]);
        Assert.Equal(12m, values["hi"]);
        Assert.Equal(3m, values["n"]); // three events in March; the May one is ignored
    }

    [Fact]
    public void Aggregate_Latest_ByDateNotByOrderGiven()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 5), 7m).Add("m", D(2024, 3, 20), 9m).Add("m", D(2024, 3, 10), 8m).Build();

        Assert.Equal(9m, ObservationAggregator.Create(One(ValueAggregation.Latest), March).Aggregate(set).Values["m"]);
    }

    [Fact]
    public void Aggregate_EndOfPeriod_LastBalanceCarriedToTheLastDay()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 10), 100m).Add("m", D(2024, 3, 3), 50m).Build();

        Assert.Equal(100m, ObservationAggregator.Create(One(ValueAggregation.EndOfPeriod), March).Aggregate(set).Values["m"]);
    }

    [Fact]
    public void Aggregate_EndOfPeriodNoObservation_OpeningBalanceCarried()
    {
        var result = ObservationAggregator.Create(One(ValueAggregation.EndOfPeriod), March).Aggregate(ObservationSet.For("S1").OpeningBalance("m", 80m).Build());

        Assert.Equal(80m, result.Values["m"]);
        Assert.Equal(80m, result.Measures[0].OpeningBalance);
    }

    [Fact]
    public void Aggregate_DailyAverageLeapFebruary_29DaysEachOnce()
    {
        var february = AssessmentPeriod.Month(2024, 2);
        var set = ObservationSet.For("S1").OpeningBalance("m", 100m).Add("m", D(2024, 2, 10), 200m).Add("m", D(2024, 2, 29), 1100m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), february).Aggregate(set);

        // Feb 1–9: 9 × 100 = 900; Feb 10–28: 19 × 200 = 3800; Feb 29: 1100. (900 + 3800 + 1100) ÷ 29 = 5800 ÷ 29 = 200.
        Assert.Equal(200m, result.Values["m"]);
        Assert.Equal(100m, result.Measures[0].OpeningBalance);
    }

    [Fact]
    public void Aggregate_DailyAverageCommonFebruary_28Days()
    {
        var set = ObservationSet.For("S1").Add("m", D(2023, 2, 1), 280m).Add("m", D(2023, 2, 15), 0m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), AssessmentPeriod.Month(2023, 2)).Aggregate(set);

        // First observation on the first day, so no opening balance is needed: Feb 1–14: 14 × 280 = 3920; Feb 15–28: 0. 3920 ÷ 28 = 140.
        Assert.Equal(140m, result.Values["m"]);
        Assert.Null(result.Measures[0].OpeningBalance);
    }

    [Fact]
    public void Aggregate_DailyAverageLeapQuarter_91DaysAndEarlierObservationNotCarried()
    {
        var set = ObservationSet.For("S1")
            .Add("m", D(2023, 12, 31), 999m) // before the quarter: ignored, not an opening balance
            .Add("m", D(2024, 1, 1), 91m)
            .Add("m", D(2024, 3, 31), 182m)
            .Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), AssessmentPeriod.Quarter(2024, 1)).Aggregate(set);

        // 2024-Q1 has 31 + 29 + 31 = 91 days. Jan 1 – Mar 30: 90 × 91 = 8190; Mar 31: 182. (8190 + 182) ÷ 91 = 8372 ÷ 91 = 92.
        Assert.Equal(92m, result.Values["m"]);
        Assert.Equal(1, result.IgnoredObservations);
    }

    [Fact]
    public void Aggregate_DailyAverageMonthEndQuarterBoundary_NextQuarterStartsFresh()
    {
        // A balance observed on 2024-03-31 belongs to Q1; Q2 starts from its opening balance (Q1's closing).
        var set = ObservationSet.For("S1").OpeningBalance("m", 300m).Add("m", D(2024, 3, 31), 10m).Add("m", D(2024, 4, 1), 60m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), AssessmentPeriod.Month(2024, 4)).Aggregate(set);

        // April 1–30 all carry 60 (first observation on the first day): 30 × 60 ÷ 30 = 60; the opening 300 is not used.
        Assert.Equal(60m, result.Values["m"]);
        Assert.Null(result.Measures[0].OpeningBalance);
    }

    [Fact]
    public void Aggregate_DailyAverageYear9999_LastDayCountedWithoutStepPastIt()
    {
        var year = AssessmentPeriod.OfYear(9999);
        var set = ObservationSet.For("S1").OpeningBalance("m", 100m).Add("m", D(9999, 12, 31), 465m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage, "deposit"), year).Aggregate(set);

        // 9999 is not a leap year: 365 days. Jan 1 – Dec 30: 364 × 100 = 36400; Dec 31: 465. (36400 + 465) ÷ 365 = 36865 ÷ 365 = 101.
        Assert.Empty(result.Problems);
        Assert.Equal(101m, result.Values["m"]);
        var deviation = Assert.Single(result.Deviations);
        // (465 − 101) ÷ 101 = 364 ÷ 101, computed from the same carried balances.
        Assert.Equal(465m, deviation.LastDayBalance);
        Assert.Equal(364m / 101m, deviation.Deviation);
    }

    [Fact]
    public void Aggregate_DailyAverageNoObservationWithOpening_OpeningForEveryDay()
    {
        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), March).Aggregate(ObservationSet.For("S1").OpeningBalance("m", 50m).Build());

        // 31 × 50 ÷ 31 = 50.
        Assert.Equal(50m, result.Values["m"]);
    }

    [Fact]
    public void Aggregate_DailyAverageFirstObservationLateNoOpening_ErrorNamingMeasureAndDate()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 16), 300m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), March).Aggregate(set);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ObservationOpeningBalance, problem.Code);
        Assert.Equal("m", problem.Path);
        Assert.Equal("S1", problem.SubjectId);
        Assert.Equal("2024-03-16", problem.AttemptedValue);
        Assert.False(result.Values.ContainsKey("m"));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Aggregate_DailyAverageZeroFallbackForMeasure_ZeroBeforeFirstObservation()
    {
        var options = new AggregationOptions
        {
            MissingOpeningBalanceByMeasure = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("m", OpeningBalanceFallback.Zero)]),
        };
        var set = ObservationSet.For("S1").Add("m", D(2024, 4, 16), 300m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), AssessmentPeriod.Month(2024, 4), options).Aggregate(set);

        // April 1–15: 0; April 16–30: 15 × 300 = 4500. 4500 ÷ 30 = 150.
        Assert.Equal(150m, result.Values["m"]);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Aggregate_ZeroFallbackGloballyButOpeningGiven_OpeningWins()
    {
        var options = new AggregationOptions { MissingOpeningBalance = OpeningBalanceFallback.Zero };
        var set = ObservationSet.For("S1").OpeningBalance("m", 30m).Add("m", D(2024, 4, 16), 300m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), AssessmentPeriod.Month(2024, 4), options).Aggregate(set);

        // April 1–15: 15 × 30 = 450; April 16–30: 15 × 300 = 4500. 4950 ÷ 30 = 165.
        Assert.Equal(165m, result.Values["m"]);
    }

    [Theory]
    [MemberData(nameof(BalanceAggregations), MemberType = typeof(PeriodsFixtures))]
    public void Aggregate_BalanceTwiceOnOneDate_ErrorNamingSubjectMeasureAndDate(ValueAggregation aggregation)
    {
        var set = ObservationSet.For("S7").Add("m", D(2024, 3, 1), 1m).Add("m", D(2024, 3, 15), 2m).Add("m", D(2024, 3, 15), 3m).Build();

        var result = ObservationAggregator.Create(One(aggregation), March).Aggregate(set);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ObservationDuplicateDate, problem.Code);
        Assert.Equal(("S7", "m", "2024-03-15"), (problem.SubjectId, problem.Path, problem.AttemptedValue));
        Assert.Contains("2024-03-15", problem.Message, StringComparison.Ordinal);
        Assert.False(result.Values.ContainsKey("m"));
    }

    [Fact]
    public void Aggregate_BalanceTwiceOnOneDateOutsidePeriod_Ignored()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 1), 1m).Add("m", D(2024, 4, 2), 2m).Add("m", D(2024, 4, 2), 3m).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.Latest), March).Aggregate(set);

        Assert.Equal(1m, result.Values["m"]);
        Assert.Equal(2, result.IgnoredObservations);
    }

    [Fact]
    public void Aggregate_NoDeclaredAggregation_ProblemNotAGuess()
    {
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 1), 1m).Build();

        var result = ObservationAggregator.Create(One(null), March).Aggregate(set);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ObservationNoAggregation, problem.Code);
        Assert.Equal(("S1", "m"), (problem.SubjectId, problem.Path));
        Assert.Empty(result.Values);
    }

    [Fact]
    public void Aggregate_NoDeclaredAggregationNoObservations_NothingReported()
    {
        var result = ObservationAggregator.Create(One(null), March).Aggregate(ObservationSet.For("S1").Build());

        Assert.Empty(result.Problems);
        Assert.Empty(result.Values);
    }

    [Fact]
    public void Aggregate_IndicatorsDisagree_ConflictNamingBoth()
    {
        var scheme = EvaluationFixtures.Start().Root(WeightMode.Normalize, r => r
            .Indicator("total", 1m, "m", Scorers.Linear(0m, 10m), i => i.AggregatedBy(ValueAggregation.Sum))
            .Indicator("average", 1m, "m", Scorers.Linear(0m, 10m), i => i.AggregatedBy(ValueAggregation.Mean))).Build();

        var result = ObservationAggregator.Create(scheme, March).Aggregate(ObservationSet.For("S1").Add("m", D(2024, 3, 1), 1m).Build());

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.ObservationAggregationConflict, problem.Code);
        Assert.Contains("'total' (sum)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'average' (mean)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_AdjustmentUnitsByOptions_Counted()
    {
        var scheme = EvaluationFixtures.Start().Root(WeightMode.Normalize, r => r
            .Indicator("a", 1m, "m", Scorers.Linear(0m, 10m), i => i.AggregatedBy(ValueAggregation.Sum)))
            .Penalty("late", "late_loans", 1m, 10m).Build();
        var options = new AggregationOptions
        {
            Aggregations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("late_loans", ValueAggregation.Count)]),
        };
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 1), 8m).Add("late_loans", D(2024, 3, 4), 1m).Add("late_loans", D(2024, 3, 4), 1m).Build();

        var input = ObservationAggregator.Create(scheme, March, options).Aggregate(set).ToInputBuilder().Build();
        var assessment = SchemeEvaluator.Create(scheme).EvaluateOrThrow(input);

        // Base 8 ÷ 10 × 100 = 80; two late loans × 1 point = 2; total 78.
        Assert.Equal(2m, input.Values["late_loans"]);
        Assert.Equal(78m, assessment.RoundedTotal);
    }

    [Fact]
    public void Aggregate_OptionsAggregationDiffersFromIndicator_Conflict()
    {
        var options = new AggregationOptions
        {
            Aggregations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("m", ValueAggregation.Max)]),
        };

        var result = ObservationAggregator.Create(One(ValueAggregation.Sum), March, options).Aggregate(ObservationSet.For("S1").Add("m", D(2024, 3, 1), 1m).Build());

        Assert.Equal(ProblemCodes.ObservationAggregationConflict, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Aggregate_UnknownMeasure_RejectedByDefaultIgnoredOnRequest()
    {
        var set = ObservationSet.For("S1").Add("typo", D(2024, 3, 1), 1m).Build();

        var rejected = ObservationAggregator.Create(One(ValueAggregation.Sum), March).Aggregate(set);
        var ignored = ObservationAggregator.Create(One(ValueAggregation.Sum), March, new AggregationOptions { UnknownMeasures = UnknownMeasureHandling.Ignore }).Aggregate(set);

        var problem = Assert.Single(rejected.Problems);
        Assert.Equal((ProblemCodes.ValueUnknownMeasure, "typo"), (problem.Code, problem.Path));
        Assert.Empty(ignored.Problems);
    }

    [Fact]
    public void Aggregate_RatingMeasure_NotAggregated()
    {
        var scheme = EvaluationFixtures.Start().Root(WeightMode.Normalize, r => r
            .Indicator("review", 1m, "review", Scorers.Rating(1m, 5m, [KeyValuePair.Create("superior", 1m)]), i => i.AggregatedBy(ValueAggregation.Sum))).Build();

        var result = ObservationAggregator.Create(scheme, March).Aggregate(ObservationSet.For("S1").Build());

        Assert.Empty(result.Values);
        Assert.Empty(result.Measures);
    }

    [Fact]
    public void Aggregate_SumOverflows_ProblemNamingSubjectAndMeasure()
    {
        var set = ObservationSet.For("S9").Add("m", D(2024, 3, 1), decimal.MaxValue).Add("m", D(2024, 3, 2), decimal.MaxValue).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.Sum), March).Aggregate(set);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.ValueOverflow, "S9", "m"), (problem.Code, problem.SubjectId, problem.Path));
        Assert.False(result.Values.ContainsKey("m"));
    }

    [Fact]
    public void Aggregate_DailyAverageOverflows_Problem()
    {
        var set = ObservationSet.For("S9").Add("m", D(2024, 3, 1), decimal.MaxValue).Build();

        var result = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), March).Aggregate(set);

        Assert.Equal(ProblemCodes.ValueOverflow, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void ToInputBuilder_ProblemsCarried_EvaluationFailsWithThem()
    {
        var scheme = One(ValueAggregation.Latest);
        var set = ObservationSet.For("S1").Add("m", D(2024, 3, 2), 1m).Add("m", D(2024, 3, 2), 2m).Build();

        var input = ObservationAggregator.Create(scheme, March).Aggregate(set).ToInputBuilder().BasePay(1000m).Build();
        var result = SchemeEvaluator.Create(scheme).Evaluate(input);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Code == ProblemCodes.ObservationDuplicateDate && p.SubjectId == "S1");
    }

    [Fact]
    public void ToInputBuilder_ValuesScored()
    {
        var scheme = One(ValueAggregation.DailyAverage, "deposit");
        var set = ObservationSet.For("S1").OpeningBalance("m", 40m).Add("m", D(2024, 3, 17), 80m).Build();

        var input = ObservationAggregator.Create(scheme, March).Aggregate(set).ToInputBuilder().Build();
        var assessment = SchemeEvaluator.Create(scheme).EvaluateOrThrow(input);

        // March 1–16: 16 × 40 = 640; March 17–31: 15 × 80 = 1200. 1840 ÷ 31 = 59.354838709677419354838709677…;
        // score = value ÷ 100 (linear 0 → 100).
        Assert.Equal(1840m / 31m, input.Values["m"]);
        Assert.Equal(1840m / 31m / 100m, assessment.Root.Children[0].Score);
    }

    [Fact]
    public void Create_Misuse_Throws()
    {
        var scheme = One(ValueAggregation.Sum);
        Assert.Throws<ArgumentNullException>(() => ObservationAggregator.Create(null!, March));
        Assert.Throws<ArgumentNullException>(() => ObservationAggregator.Create(scheme, null!));
        Assert.Throws<ArgumentException>(() => ObservationAggregator.Create(scheme, March, new AggregationOptions { MonthEndDeviationCap = -0.01m }));
        Assert.Throws<ArgumentException>(() => ObservationAggregator.Create(scheme, March, new AggregationOptions { Aggregations = null! }));
        Assert.Throws<ArgumentException>(() => ObservationAggregator.Create(scheme, March, new AggregationOptions { MissingOpeningBalance = (OpeningBalanceFallback)7 }));
        Assert.Throws<ArgumentNullException>(() => ObservationAggregator.Create(scheme, March).Aggregate(null!));
    }

    [Fact]
    public void ToString_TrCulture_InvariantText()
    {
        using var _ = new CultureScope("tr-TR");
        var result = ObservationAggregator.Create(One(ValueAggregation.Sum), March).Aggregate(ObservationSet.For("S1").Add("m", D(2024, 3, 1), 1.5m).Add("m", D(2024, 4, 1), 1m).Build());

        Assert.Equal("m sum = 1.5 (1 observations, 1 ignored)", result.Measures[0].ToString());
    }

    [Property(MaxTest = 200)]
    public Property DailyAverage_ConstantBalance_EqualsIt()
    {
        var gen = from startDay in Gen.Choose(0, 4000)
                  from length in Gen.Choose(0, 400)
                  from cents in Gen.Choose(-10_000_000, 10_000_000)
                  from days in Gen.Choose(0, 400).ListOf()
                  select (Start: new LocalDate(2020, 1, 1).PlusDays(startDay), Length: length, Balance: cents / 100m, Days: days);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var period = AssessmentPeriod.Custom(c.Start, c.Start.PlusDays(c.Length));
            var set = ObservationSet.For("S1").OpeningBalance("m", c.Balance);
            foreach (var day in c.Days.Where(d => d <= c.Length).Distinct())
            {
                set.Add("m", c.Start.PlusDays(day), c.Balance);
            }

            return ObservationAggregator.Create(One(ValueAggregation.DailyAverage), period).Aggregate(set.Build()).Values["m"] == c.Balance;
        });
    }

    [Property(MaxTest = 200)]
    public Property DailyAverage_AnyBalances_WithinMinAndMaxOfCarriedBalances()
    {
        var gen = from length in Gen.Choose(0, 120)
                  from opening in Gen.Choose(-1_000_000, 1_000_000)
                  from points in Gen.Zip(Gen.Choose(0, 120), Gen.Choose(-1_000_000, 1_000_000)).ListOf()
                  select (Length: length, Opening: opening / 100m, Points: points);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var start = new LocalDate(2024, 2, 1);
            var period = AssessmentPeriod.Custom(start, start.PlusDays(c.Length));
            var points = c.Points.Where(p => p.Item1 <= c.Length).DistinctBy(p => p.Item1).ToList();
            var set = ObservationSet.For("S1").OpeningBalance("m", c.Opening);
            foreach (var (day, cents) in points)
            {
                set.Add("m", start.PlusDays(day), cents / 100m);
            }

            // The carried balances: the opening one unless the first day has an observation, and every observation.
            var carried = points.Select(p => p.Item2 / 100m).ToList();
            if (!points.Any(p => p.Item1 == 0))
            {
                carried.Add(c.Opening);
            }

            var average = ObservationAggregator.Create(One(ValueAggregation.DailyAverage), period).Aggregate(set.Build()).Values["m"];
            return average >= carried.Min() && average <= carried.Max();
        });
    }
}
