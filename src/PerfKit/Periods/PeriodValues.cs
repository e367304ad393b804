using System.Collections.Immutable;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Periods;

/// <summary>One subject's period values aggregated from observations, with per-measure details, month-end deviations and problems.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PeriodValues
{
    internal PeriodValues(string subjectId, AssessmentPeriod period, ImmutableSortedDictionary<string, decimal> values, ImmutableArray<AggregatedMeasure> measures, ImmutableArray<MonthEndDeviation> deviations, int ignoredObservations, ImmutableArray<Problem> problems)
    {
        SubjectId = subjectId;
        Period = period;
        Values = values;
        Measures = measures;
        Deviations = deviations;
        IgnoredObservations = ignoredObservations;
        Problems = problems;
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the period value per measure key; a measure whose aggregation is empty (a missing value) is absent.</summary>
    public ImmutableSortedDictionary<string, decimal> Values { get; }

    /// <summary>Gets how each aggregated measure was computed, sorted by measure key.</summary>
    public ImmutableArray<AggregatedMeasure> Measures { get; }

    /// <summary>Gets the month-end deviation of each deposit measure, sorted by measure key.</summary>
    public ImmutableArray<MonthEndDeviation> Deviations { get; }

    /// <summary>Gets the number of observations dated outside the period, which were ignored.</summary>
    public int IgnoredObservations { get; }

    /// <summary>Gets the data problems; the values of the measures concerned are absent.</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets a value indicating whether the observations were aggregated without problems.</summary>
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>
    /// Starts a subject input holding the period values and carrying the problems (the evaluation reports them); add
    /// base pay, attributes, ratings, presence and overrides, then build it.
    /// </summary>
    /// <returns>A new builder.</returns>
    public SubjectInputBuilder ToInputBuilder()
    {
        var builder = SubjectInput.For(SubjectId);
        foreach (var (measure, value) in Values)
        {
            builder.Value(measure, value);
        }

        foreach (var problem in Problems)
        {
            builder.AddProblem(problem);
        }

        return builder;
    }
}

/// <summary>How one measure's period value was aggregated.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AggregatedMeasure
{
    internal AggregatedMeasure(string measure, ValueAggregation aggregation, decimal? value, int observations, int ignored, decimal? openingBalance)
    {
        Measure = measure;
        Aggregation = aggregation;
        Value = value;
        Observations = observations;
        Ignored = ignored;
        OpeningBalance = openingBalance;
    }

    /// <summary>Gets the measure key.</summary>
    public string Measure { get; }

    /// <summary>Gets the aggregation applied.</summary>
    public ValueAggregation Aggregation { get; }

    /// <summary>Gets the period value, or <see langword="null"/> when it is missing (empty, or not computable because of a problem).</summary>
    public decimal? Value { get; }

    /// <summary>Gets the number of observations within the period.</summary>
    public int Observations { get; }

    /// <summary>Gets the number of observations outside the period, ignored.</summary>
    public int Ignored { get; }

    /// <summary>Gets the opening balance carried into the period when it was used, else <see langword="null"/>.</summary>
    public decimal? OpeningBalance { get; }

    /// <summary>Formats as e.g. <c>deposits dailyAverage = 1200 (31 observations, 2 ignored)</c>, culture-invariantly.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{Measure} {Serialization.FileNames.Name(Serialization.FileNames.Aggregations, Aggregation)} = {(Value is { } v ? DecimalText.Canonical(v) : "missing")} ({Observations.ToString(System.Globalization.CultureInfo.InvariantCulture)} observations, {Ignored.ToString(System.Globalization.CultureInfo.InvariantCulture)} ignored)";
}

/// <summary>
/// The month-end deviation of a deposit measure (a diagnostic regulators cap, usually at 3%): (the balance on the
/// period's last day − the daily average) ÷ the daily average. A positive deviation above the cap is a breach.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MonthEndDeviation
{
    internal MonthEndDeviation(string measure, decimal? lastDayBalance, decimal? dailyAverage, decimal? deviation, decimal cap, string? notComputable)
    {
        Measure = measure;
        LastDayBalance = lastDayBalance;
        DailyAverage = dailyAverage;
        Deviation = deviation;
        Cap = cap;
        NotComputableReason = notComputable;
    }

    /// <summary>Gets the measure key.</summary>
    public string Measure { get; }

    /// <summary>Gets the balance carried to the period's last day, when known.</summary>
    public decimal? LastDayBalance { get; }

    /// <summary>Gets the daily average over the period, when known.</summary>
    public decimal? DailyAverage { get; }

    /// <summary>Gets (last-day balance − daily average) ÷ daily average, or <see langword="null"/> when not computable.</summary>
    public decimal? Deviation { get; }

    /// <summary>Gets the cap the deviation is compared with.</summary>
    public decimal Cap { get; }

    /// <summary>Gets a value indicating whether the deviation could be computed.</summary>
    public bool IsComputable => Deviation is not null;

    /// <summary>Gets a value indicating whether the deviation exceeds the cap (a month-end spike); a deviation exactly on the cap, or a negative one, is no breach.</summary>
    public bool IsBreached => Deviation > Cap;

    /// <summary>Gets why the deviation is not computable (e.g. <c>the daily average is 0</c>), or <see langword="null"/>.</summary>
    public string? NotComputableReason { get; }

    /// <summary>Formats as e.g. <c>deposits: deviation 0.05 above cap 0.03</c>, culture-invariantly.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Deviation is { } d
            ? $"{Measure}: deviation {DecimalText.Canonical(d)} {(IsBreached ? "above" : "within")} cap {DecimalText.Canonical(Cap)}"
            : $"{Measure}: deviation not computable ({NotComputableReason})";
}
