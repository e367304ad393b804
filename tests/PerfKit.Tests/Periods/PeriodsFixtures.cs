using System.Collections.Generic;
using NodaTime;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;

namespace PerfKit.Tests.Periods;

/// <summary>Small schemes and dates shared by the period tests.</summary>
internal static class PeriodsFixtures
{
    /// <summary>One indicator per measure (linear 0 → 100, missing policy exclude), each with the given aggregation and tags.</summary>
    public static Scheme Measures(params (string Measure, ValueAggregation? Aggregation, string[] Tags)[] measures)
        => EvaluationFixtures.Start().Root(WeightMode.Normalize, r =>
        {
            foreach (var (measure, aggregation, tags) in measures)
            {
                r.Indicator("i_" + measure, 1m, measure, Scorers.Linear(0m, 100m), i =>
                {
                    i.WhenMissing(MissingValuePolicy.Exclude).Tags(tags);
                    if (aggregation is { } a)
                    {
                        i.AggregatedBy(a);
                    }
                });
            }
        }).Build();

    /// <summary>A scheme with one indicator reading measure <c>m</c> by the aggregation.</summary>
    public static Scheme One(ValueAggregation? aggregation, params string[] tags) => Measures(("m", aggregation, tags));

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    public static IEnumerable<object[]> BalanceAggregations()
    {
        yield return [ValueAggregation.DailyAverage];
        yield return [ValueAggregation.EndOfPeriod];
        yield return [ValueAggregation.Latest];
    }
}
