namespace PerfKit;

/// <summary>The codes of decision logs and due-diligence exemptions (see docs/appeals.md).</summary>
public static partial class ProblemCodes
{
    /// <summary><c>decision.order</c>: A decision log entry is dated before the entry it follows (entries are appended in non-decreasing instant order).</summary>
    public const string DecisionOrder = "decision.order";

    /// <summary><c>decision.transition</c>: A decision log entry is not allowed in the log's confirmation state (e.g. an appeal after the result was confirmed).</summary>
    public const string DecisionTransition = "decision.transition";

    /// <summary><c>riskMeasure.duplicateLoan</c>: A loan id appears on two line items of a risk measure.</summary>
    public const string RiskMeasureDuplicateLoan = "riskMeasure.duplicateLoan";

    /// <summary><c>riskMeasure.balance</c>: A loan's balance is negative.</summary>
    public const string RiskMeasureBalance = "riskMeasure.balance";

    /// <summary><c>riskMeasure.emptyBook</c>: The total loan balance is 0, so the ratio has no denominator.</summary>
    public const string RiskMeasureEmptyBook = "riskMeasure.emptyBook";

    /// <summary><c>exemption.unknownLoan</c>: An exemption names a loan id that is not among the measure's line items.</summary>
    public const string ExemptionUnknownLoan = "exemption.unknownLoan";

    /// <summary><c>exemption.duplicate</c>: Two exemptions name the same loan.</summary>
    public const string ExemptionDuplicate = "exemption.duplicate";

    /// <summary><c>exemption.performing</c>: An exemption names a performing loan, which carries no loss to exempt.</summary>
    public const string ExemptionPerforming = "exemption.performing";
}
