using System;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Periods;

/// <summary>What a daily average does for the days before the period's first observation when no opening balance is given.</summary>
public enum OpeningBalanceFallback
{
    /// <summary>The measure cannot be aggregated: an <c>observation.openingBalance</c> problem (the default).</summary>
    Error,

    /// <summary>The balance is 0 until the first observation (e.g. an account opened during the period).</summary>
    Zero,
}

/// <summary>Options of an <see cref="ObservationAggregator"/>.</summary>
/// <remarks>Immutable once constructed; thread-safe.</remarks>
public sealed class AggregationOptions
{
    /// <summary>Gets the default options: opening balance required, the 3% month-end deviation cap, unknown measures rejected.</summary>
    public static AggregationOptions Default { get; } = new();

    /// <summary>
    /// Gets what a daily average does before the first observation when no opening balance is given (default
    /// <see cref="OpeningBalanceFallback.Error"/>). A given opening balance is always used.
    /// </summary>
    public OpeningBalanceFallback MissingOpeningBalance { get; init; } = OpeningBalanceFallback.Error;

    /// <summary>Gets per-measure overrides of <see cref="MissingOpeningBalance"/>, by measure key.</summary>
    public ImmutableSortedDictionary<string, OpeningBalanceFallback> MissingOpeningBalanceByMeasure { get; init; } = ImmutableSortedDictionary.Create<string, OpeningBalanceFallback>(StringComparer.Ordinal);

    /// <summary>
    /// Gets aggregations for measures no indicator declares one for (e.g. the units of a bonus or penalty rule), by
    /// measure key. An indicator's declared aggregation that differs is an <c>observation.aggregationConflict</c>.
    /// </summary>
    public ImmutableSortedDictionary<string, ValueAggregation> Aggregations { get; init; } = ImmutableSortedDictionary.Create<string, ValueAggregation>(StringComparer.Ordinal);

    /// <summary>Gets measures that get a month-end deviation besides those of indicators tagged <c>deposit</c>.</summary>
    public ImmutableSortedSet<string> DepositMeasures { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Gets the month-end deviation above which a deposit measure is flagged (default 0.03, the regulators' 3%); at least 0.</summary>
    public decimal MonthEndDeviationCap { get; init; } = 0.03m;

    /// <summary>Gets what happens to observations of a measure the scheme does not read (default <see cref="UnknownMeasureHandling.Reject"/>).</summary>
    public UnknownMeasureHandling UnknownMeasures { get; init; } = UnknownMeasureHandling.Reject;

    /// <summary>The fallback of one measure.</summary>
    internal OpeningBalanceFallback FallbackFor(string measure)
        => MissingOpeningBalanceByMeasure.TryGetValue(measure, out var fallback) ? fallback : MissingOpeningBalance;

    /// <summary>Checks the options for misuse.</summary>
    internal void Check(string parameterName)
    {
        if (MissingOpeningBalanceByMeasure is null || Aggregations is null || DepositMeasures is null)
        {
            throw new ArgumentException("AggregationOptions collections must not be null.", parameterName);
        }

        if (!Enum.IsDefined(MissingOpeningBalance) || !Enum.IsDefined(UnknownMeasures)
            || MissingOpeningBalanceByMeasure.Values.Any(v => !Enum.IsDefined(v)) || Aggregations.Values.Any(v => !Enum.IsDefined(v)))
        {
            throw new ArgumentException("AggregationOptions enum values must be defined.", parameterName);
        }

        if (MonthEndDeviationCap < 0m)
        {
            throw new ArgumentException("AggregationOptions.MonthEndDeviationCap must be at least 0.", parameterName);
        }
    }
}
