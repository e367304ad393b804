using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Periods;

/// <summary>
/// Turns a subject's dated observations into the period values a scheme reads (spec §8), by each measure's declared
/// <see cref="ValueAggregation"/>, and reports the month-end deviation of deposit measures.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: create one per scheme and period and share it. Rules, exact in decimal:
/// only observations dated within the period count (the others are ignored and counted); sums are taken in date
/// order; <c>sum</c> and <c>count</c> of nothing are 0, every other aggregation of nothing is a missing value;
/// <c>mean</c> = Σ ÷ n; <c>dailyAverage</c> = (Σ over every day of the period of the balance carried forward) ÷ days,
/// one division; <c>endOfPeriod</c> = the balance carried to the period's last day; <c>latest</c> = the period's last
/// observation. A balance measure (dailyAverage, endOfPeriod, latest) with two observations on one date is an error.
/// </remarks>
public sealed class ObservationAggregator
{
    private readonly Dictionary<string, Resolution> resolutions;
    private readonly ImmutableSortedSet<string> deposits;

    private ObservationAggregator(Scheme scheme, AssessmentPeriod period, AggregationOptions options)
    {
        Scheme = scheme;
        Period = period;
        Options = options;
        resolutions = Resolve(scheme, options);
        deposits = scheme.Indicators.Where(i => i.Tags.Contains("deposit", StringComparer.Ordinal)).Select(i => i.Measure)
            .Concat(options.DepositMeasures).ToImmutableSortedSet(StringComparer.Ordinal);
    }

    /// <summary>Gets the scheme whose measures are aggregated.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the options.</summary>
    public AggregationOptions Options { get; }

    /// <summary>Creates an aggregator for a scheme and a period.</summary>
    /// <param name="scheme">The scheme; its indicators declare each measure's aggregation.</param>
    /// <param name="period">The period.</param>
    /// <param name="options">Options; <see cref="AggregationOptions.Default"/> when null.</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> or <paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException">The options hold a null collection, an undefined enum value or a negative cap.</exception>
    public static ObservationAggregator Create(Scheme scheme, AssessmentPeriod period, AggregationOptions? options = null)
    {
        Guard.NotNull(scheme);
        Guard.NotNull(period);
        options ??= AggregationOptions.Default;
        options.Check(nameof(options));
        return new ObservationAggregator(scheme, period, options);
    }

    /// <summary>Aggregates one subject's observations. Data problems come back in the result, never as exceptions.</summary>
    /// <param name="observations">The subject's observations.</param>
    /// <returns>The period values, per-measure details, month-end deviations and problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is null.</exception>
    public PeriodValues Aggregate(ObservationSet observations)
    {
        Guard.NotNull(observations);
        var subject = observations.SubjectId;
        var problems = new List<Problem>(observations.Problems);
        var inPeriod = new Dictionary<string, List<Observation>>(StringComparer.Ordinal);
        var ignored = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in observations.Items)
        {
            if (!inPeriod.TryGetValue(o.Measure, out var list))
            {
                list = [];
                inPeriod[o.Measure] = list;
                ignored[o.Measure] = 0;
            }

            if (Period.Contains(o.Date))
            {
                list.Add(o);
            }
            else
            {
                ignored[o.Measure]++;
            }
        }

        foreach (var list in inPeriod.Values)
        {
            // A stable sort: observations on one date keep the order given.
            var sorted = list.OrderBy(o => o.Date).ToList();
            list.Clear();
            list.AddRange(sorted);
        }

        var given = new SortedSet<string>(inPeriod.Keys, StringComparer.Ordinal);
        given.UnionWith(observations.OpeningBalances.Keys);
        var measures = new SortedSet<string>(given, StringComparer.Ordinal);
        measures.UnionWith(resolutions.Where(r => r.Value.Aggregation is not null).Select(r => r.Key));

        var values = ImmutableSortedDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        var details = ImmutableArray.CreateBuilder<AggregatedMeasure>();
        foreach (var measure in measures)
        {
            var list = inPeriod.TryGetValue(measure, out var l) ? l : [];
            var skipped = ignored.TryGetValue(measure, out var n) ? n : 0;
            decimal? opening = observations.OpeningBalances.TryGetValue(measure, out var b) ? b : null;
            if (!resolutions.TryGetValue(measure, out var resolution))
            {
                if (Options.UnknownMeasures == UnknownMeasureHandling.Reject)
                {
                    problems.Add(new Problem(ProblemCodes.ValueUnknownMeasure, measure, measure,
                        $"Scheme '{Scheme.Id}' reads no measure '{measure}'; check the key's spelling, or set AggregationOptions.UnknownMeasures to Ignore.", subject));
                }

                continue;
            }

            if (resolution.Aggregation is not { } aggregation)
            {
                if (given.Contains(measure))
                {
                    problems.Add(new Problem(resolution.Code!, measure, null, resolution.Message!, subject));
                }

                continue;
            }

            var value = Compute(subject, measure, aggregation, list, opening, problems, out var usedOpening);
            if (value is { } v)
            {
                values.Add(measure, v);
            }

            details.Add(new AggregatedMeasure(measure, aggregation, value, list.Count, skipped, usedOpening));
        }

        var deviations = ImmutableArray.CreateBuilder<MonthEndDeviation>();
        foreach (var measure in deposits)
        {
            var list = inPeriod.TryGetValue(measure, out var l) ? l : [];
            decimal? opening = observations.OpeningBalances.TryGetValue(measure, out var b) ? b : null;
            deviations.Add(Deviation(measure, list, opening));
        }

        return new PeriodValues(subject, Period, values.ToImmutable(), details.ToImmutable(), deviations.ToImmutable(),
            ignored.Values.Sum(), [.. problems]);
    }

    private static Dictionary<string, Resolution> Resolve(Scheme scheme, AggregationOptions options)
    {
        var result = new Dictionary<string, Resolution>(StringComparer.Ordinal);
        foreach (var measure in scheme.Measures)
        {
            // Measures read only by rating indicators take ratings, not observations.
            var readers = scheme.Indicators.Where(i => string.Equals(i.Measure, measure, StringComparison.Ordinal)).ToList();
            if (readers.Count > 0 && readers.All(i => i.Scorer.InputKind != MeasureKind.Number))
            {
                continue;
            }

            var declared = readers.Where(i => i.Aggregation is not null).Select(i => (Source: $"indicator '{i.Path}'", Aggregation: i.Aggregation!.Value)).ToList();
            if (options.Aggregations.TryGetValue(measure, out var optional))
            {
                declared.Add(("AggregationOptions.Aggregations", optional));
            }

            var distinct = declared.Select(d => d.Aggregation).Distinct().ToList();
            result[measure] = distinct.Count switch
            {
                1 => new Resolution(distinct[0], null, null),
                0 => new Resolution(null, ProblemCodes.ObservationNoAggregation,
                    $"Measure '{measure}' has observations, but no indicator reading it declares an aggregation (sum, mean, dailyAverage, endOfPeriod, min, max, count, latest); declare one, or name it in AggregationOptions.Aggregations."),
                _ => new Resolution(null, ProblemCodes.ObservationAggregationConflict,
                    $"Measure '{measure}' is aggregated differently by " + string.Join(", ", declared.Select(d => $"{d.Source} ({Name(d.Aggregation)})")) + "; one measure has one period value."),
            };
        }

        return result;
    }

    private static string Name(ValueAggregation aggregation)
        => Serialization.FileNames.Name(Serialization.FileNames.Aggregations, aggregation);

    private decimal? Compute(string subject, string measure, ValueAggregation aggregation, List<Observation> list, decimal? opening, List<Problem> problems, out decimal? usedOpening)
    {
        usedOpening = null;
        try
        {
            switch (aggregation)
            {
                case ValueAggregation.Sum:
                    var sum = 0m;
                    foreach (var o in list)
                    {
                        sum += o.Value;
                    }

                    return sum;
                case ValueAggregation.Count:
                    return list.Count;
                case ValueAggregation.Mean:
                    if (list.Count == 0)
                    {
                        return null;
                    }

                    var total = 0m;
                    foreach (var o in list)
                    {
                        total += o.Value;
                    }

                    return total / list.Count;
                case ValueAggregation.Min:
                    return list.Count == 0 ? null : list.Min(o => o.Value);
                case ValueAggregation.Max:
                    return list.Count == 0 ? null : list.Max(o => o.Value);
                default:
                    if (!NoDuplicateDates(subject, measure, aggregation, list, problems))
                    {
                        return null;
                    }

                    if (aggregation == ValueAggregation.Latest)
                    {
                        return list.Count == 0 ? null : list[^1].Value;
                    }

                    if (aggregation == ValueAggregation.EndOfPeriod)
                    {
                        if (list.Count == 0)
                        {
                            usedOpening = opening;
                            return opening;
                        }

                        return list[^1].Value;
                    }

                    var daily = DailyAverage(measure, list, opening, out usedOpening, out _, out var failure);
                    if (failure is not null && list.Count > 0)
                    {
                        problems.Add(new Problem(ProblemCodes.ObservationOpeningBalance, measure, AssessmentPeriod.Format(list[0].Date), failure, subject));
                    }

                    return daily;
            }
        }
        catch (OverflowException)
        {
            problems.Add(new Problem(ProblemCodes.ValueOverflow, measure, null,
                $"Aggregating measure '{measure}' ({Name(aggregation)}) over {Period} overflowed the decimal range (±7.9e28); check the subject's observations for magnitude errors.", subject));
            return null;
        }
    }

    private static bool NoDuplicateDates(string subject, string measure, ValueAggregation aggregation, List<Observation> list, List<Problem> problems)
    {
        var ok = true;
        for (var k = 1; k < list.Count; k++)
        {
            if (list[k].Date == list[k - 1].Date && (k < 2 || list[k - 2].Date != list[k].Date))
            {
                ok = false;
                var date = AssessmentPeriod.Format(list[k].Date);
                problems.Add(new Problem(ProblemCodes.ObservationDuplicateDate, measure, date,
                    $"Measure '{measure}' is a balance ({Name(aggregation)}) and has more than one observation on {date}; give one balance per date.", subject));
            }
        }

        return ok;
    }

    /// <summary>
    /// (Σ over every day of the period of the balance carried forward) ÷ days, one division. Before the first observation
    /// the opening balance is carried, or 0 when the measure's fallback is <see cref="OpeningBalanceFallback.Zero"/>;
    /// otherwise <paramref name="failure"/> says why there is no value. Null with no observation and no opening balance.
    /// </summary>
    private decimal? DailyAverage(string measure, List<Observation> list, decimal? opening, out decimal? usedOpening, out decimal lastDay, out string? failure)
    {
        usedOpening = null;
        lastDay = 0m;
        failure = null;
        if (list.Count == 0 && opening is null)
        {
            return null;
        }

        decimal balance;
        if (list.Count > 0 && list[0].Date == Period.Start)
        {
            balance = list[0].Value;
        }
        else if (opening is { } carried)
        {
            balance = carried;
            usedOpening = carried;
        }
        else if (Options.FallbackFor(measure) == OpeningBalanceFallback.Zero)
        {
            balance = 0m;
        }
        else
        {
            failure = $"The daily average of measure '{measure}' needs the balance before its first observation on {AssessmentPeriod.Format(list[0].Date)} (the period starts {AssessmentPeriod.Format(Period.Start)}); give the previous period's closing balance, or set the measure's opening-balance fallback to Zero.";
            return null;
        }

        // Counted by index, not by stepping past the period's end: a period ending 9999-12-31 has no day after it.
        var total = 0m;
        var next = 0;
        var day = Period.Start;
        for (var k = 0; k < Period.Days; k++)
        {
            if (k > 0)
            {
                day = day.PlusDays(1);
            }

            while (next < list.Count && list[next].Date == day)
            {
                balance = list[next].Value;
                next++;
            }

            total += balance;
        }

        lastDay = balance;
        return total / Period.Days;
    }

    private MonthEndDeviation Deviation(string measure, List<Observation> list, decimal? opening)
    {
        var cap = Options.MonthEndDeviationCap;
        for (var k = 1; k < list.Count; k++)
        {
            if (list[k].Date == list[k - 1].Date)
            {
                return new MonthEndDeviation(measure, null, null, null, cap, $"more than one balance on {AssessmentPeriod.Format(list[k].Date)}");
            }
        }

        decimal? average;
        decimal lastDay;
        string? failure;
        try
        {
            average = DailyAverage(measure, list, opening, out _, out lastDay, out failure);
        }
        catch (OverflowException)
        {
            return new MonthEndDeviation(measure, null, null, null, cap, "the daily average overflowed the decimal range");
        }

        if (average is not { } avg)
        {
            return new MonthEndDeviation(measure, null, null, null, cap, failure ?? "no balance in or before the period");
        }

        if (avg == 0m)
        {
            return new MonthEndDeviation(measure, lastDay, avg, null, cap, "the daily average is 0");
        }

        try
        {
            return new MonthEndDeviation(measure, lastDay, avg, (lastDay - avg) / avg, cap, null);
        }
        catch (OverflowException)
        {
            return new MonthEndDeviation(measure, lastDay, avg, null, cap, "the deviation overflowed the decimal range");
        }
    }

    private sealed record Resolution(ValueAggregation? Aggregation, string? Code, string? Message);
}
