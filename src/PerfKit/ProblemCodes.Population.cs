namespace PerfKit;

/// <summary>The problem codes of forced distributions (population quotas, spec §7).</summary>
public static partial class ProblemCodes
{
    /// <summary><c>quota.grade</c>: A quota names a grade the scheme does not have.</summary>
    public const string QuotaGrade = "quota.grade";

    /// <summary><c>quota.percent</c>: A quota's percentage lies outside 0–100.</summary>
    public const string QuotaPercent = "quota.percent";

    /// <summary><c>quota.order</c>: A quota's "at least" percentage exceeds its "at most" percentage.</summary>
    public const string QuotaOrder = "quota.order";

    /// <summary><c>quota.duplicate</c>: A grade has more than one quota.</summary>
    public const string QuotaDuplicate = "quota.duplicate";

    /// <summary><c>quota.infeasible</c>: The quotas cannot all hold in any population: the "at least" percentages sum to more than 100, or every grade has an "at most" and they sum to less than 100.</summary>
    public const string QuotaInfeasible = "quota.infeasible";

    /// <summary><c>quota.tieBreak</c>: A secondary key of the split policy names a node the scheme does not have.</summary>
    public const string QuotaTieBreak = "quota.tieBreak";

    /// <summary><c>quota.unmet</c>: In one group of an applied forced distribution the quota counts cannot all be met (after rounding the counts, fixing grade-capped subjects, and keeping ties together); nobody in that group moved.</summary>
    public const string QuotaUnmet = "quota.unmet";
}
