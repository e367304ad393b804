using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using PerfKit.Internal;

namespace PerfKit.Periods;

/// <summary>
/// One dated observation of a measure (spec §8): a value on a local date, or at an instant read in a named IANA time
/// zone (then <see cref="Date"/> is the instant's local date in that zone).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Observation
{
    internal Observation(string measure, LocalDate date, decimal value, Instant? at, string? zoneId)
    {
        Measure = measure;
        Date = date;
        Value = value;
        At = at;
        ZoneId = zoneId;
    }

    /// <summary>Gets the measure key.</summary>
    public string Measure { get; }

    /// <summary>Gets the local date the observation counts on.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the observed value (a balance, an amount, or any number; a count ignores it).</summary>
    public decimal Value { get; }

    /// <summary>Gets the instant observed, or <see langword="null"/> when a local date was given.</summary>
    public Instant? At { get; }

    /// <summary>Gets the IANA zone id the instant was read in, or <see langword="null"/> when a local date was given.</summary>
    public string? ZoneId { get; }

    /// <summary>Formats as e.g. <c>deposits 2024-03-31 = 1200.5</c>, culture-invariantly.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Measure} {AssessmentPeriod.Format(Date)} = {DecimalText.Canonical(Value)}";
}

/// <summary>
/// One subject's dated observations per measure, and the balances carried into the period (the previous period's
/// closing balances). Create with <see cref="For"/>; turn into period values with <see cref="ObservationAggregator"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ObservationSet
{
    internal ObservationSet(string subjectId, ImmutableArray<Observation> items, ImmutableSortedDictionary<string, decimal> openingBalances, ImmutableArray<Problem> problems)
    {
        SubjectId = subjectId;
        Items = items;
        OpeningBalances = openingBalances;
        Problems = problems;
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the observations in the order given.</summary>
    public ImmutableArray<Observation> Items { get; }

    /// <summary>Gets the balances carried into the period per measure (the last balance from before the period).</summary>
    public ImmutableSortedDictionary<string, decimal> OpeningBalances { get; }

    /// <summary>Gets problems found while the observations were collected (unknown time zones, repeated opening balances).</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Starts collecting a subject's observations.</summary>
    /// <param name="subjectId">The subject's id.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is blank.</exception>
    public static ObservationSetBuilder For(string subjectId) => new(Guard.NotBlank(subjectId));
}

/// <summary>
/// Collects one subject's dated observations. Bad data (an unknown time zone, an opening balance given twice) is
/// recorded as a problem naming the subject and measure, not thrown.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class ObservationSetBuilder
{
    private readonly string subjectId;
    private readonly List<Observation> items = [];
    private readonly SortedDictionary<string, decimal> openingBalances = new(StringComparer.Ordinal);
    private readonly List<Problem> problems = [];

    internal ObservationSetBuilder(string subjectId) => this.subjectId = subjectId;

    /// <summary>Adds an observation on a local date.</summary>
    /// <param name="measure">The measure key.</param>
    /// <param name="date">The date (ISO calendar).</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public ObservationSetBuilder Add(string measure, LocalDate date, decimal value)
    {
        Guard.NotNull(measure);
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Observation dates must be in the ISO calendar.", nameof(date));
        }

        items.Add(new Observation(measure, date, value, null, null));
        return this;
    }

    /// <summary>
    /// Adds an observation at an instant, counted on its local date in the named IANA time zone (tzdb): an instant of
    /// 2024-03-31T15:30Z read in <c>Asia/Shanghai</c> counts on 2024-03-31 23:30 local, so on 2024-03-31. An unknown
    /// zone id is recorded as an <c>observation.zone</c> problem naming it, and the observation is dropped.
    /// </summary>
    /// <param name="measure">The measure key.</param>
    /// <param name="at">The instant.</param>
    /// <param name="zoneId">The IANA zone id, e.g. <c>Asia/Shanghai</c> or <c>America/New_York</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> or <paramref name="zoneId"/> is null.</exception>
    public ObservationSetBuilder Add(string measure, Instant at, string zoneId, decimal value)
    {
        Guard.NotNull(measure);
        Guard.NotNull(zoneId);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zone is null)
        {
            problems.Add(new Problem(ProblemCodes.ObservationZone, measure, zoneId,
                $"An observation of measure '{measure}' names the time zone '{zoneId}', which the IANA time zone database does not know; use an id such as 'Asia/Shanghai'.", subjectId));
            return this;
        }

        items.Add(new Observation(measure, at.InZone(zone).Date, value, at, zone.Id));
        return this;
    }

    /// <summary>
    /// Sets the balance carried into the period for a measure (the previous period's closing balance): a daily average
    /// uses it for the days before the period's first observation, and an end-of-period value when the period has none.
    /// Given twice, it is recorded as a <c>value.duplicate</c> problem and the first stays.
    /// </summary>
    /// <param name="measure">The measure key.</param>
    /// <param name="balance">The balance.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    public ObservationSetBuilder OpeningBalance(string measure, decimal balance)
    {
        Guard.NotNull(measure);
        if (!openingBalances.TryAdd(measure, balance))
        {
            problems.Add(new Problem(ProblemCodes.ValueDuplicate, "openingBalances." + measure, DecimalText.Canonical(balance),
                $"The opening balance of measure '{measure}' is given twice; give it once.", subjectId));
        }

        return this;
    }

    /// <summary>Creates the immutable set.</summary>
    /// <returns>The observations, opening balances and any problems recorded.</returns>
    public ObservationSet Build()
        => new(subjectId, [.. items], openingBalances.ToImmutableSortedDictionary(StringComparer.Ordinal), [.. problems]);
}
