namespace PerfKit;

/// <summary>The problem codes of periods, observations and proration (spec §8).</summary>
public static partial class ProblemCodes
{
    /// <summary><c>observation.zone</c>: An observation names a time zone id the IANA (tzdb) database does not know.</summary>
    public const string ObservationZone = "observation.zone";

    /// <summary><c>observation.duplicateDate</c>: Two observations of a balance measure (dailyAverage, endOfPeriod, latest) fall on the same local date.</summary>
    public const string ObservationDuplicateDate = "observation.duplicateDate";

    /// <summary><c>observation.noAggregation</c>: A measure has observations but neither its indicator nor the aggregation options declare how to aggregate them.</summary>
    public const string ObservationNoAggregation = "observation.noAggregation";

    /// <summary><c>observation.aggregationConflict</c>: Indicators (or the options) reading one measure declare different aggregations.</summary>
    public const string ObservationAggregationConflict = "observation.aggregationConflict";

    /// <summary><c>observation.openingBalance</c>: A daily average needs the balance before the period's first observation, none was given and the measure's fallback is error.</summary>
    public const string ObservationOpeningBalance = "observation.openingBalance";

    /// <summary><c>presence.outsidePeriod</c>: A subject's presence (join and leave dates) has no day in the period.</summary>
    public const string PresenceOutsidePeriod = "presence.outsidePeriod";

    /// <summary><c>presence.invalid</c>: A subject's presence leaves before it joins, or is given twice.</summary>
    public const string PresenceInvalid = "presence.invalid";

    /// <summary><c>indicator.proratedRate</c>: A prorated indicator is a rate (unit <c>%</c> or tag <c>rate</c>); rates are never prorated.</summary>
    public const string ProratedRate = "indicator.proratedRate";

    /// <summary><c>indicator.proratedScorer</c>: A prorated indicator's scorer kind cannot be prorated (rating, or a host kind that does not implement IProratableScorerKind).</summary>
    public const string ProratedScorer = "indicator.proratedScorer";

    /// <summary><c>proration.rejected</c>: A scorer kind refused the parameters scaled for a subject's presence.</summary>
    public const string ProrationRejected = "proration.rejected";
}
