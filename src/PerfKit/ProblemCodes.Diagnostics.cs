namespace PerfKit;

/// <summary>The codes of calibration diagnostics, the contradiction finder and history rules.</summary>
public static partial class ProblemCodes
{
    /// <summary><c>diagnostics.duplicateSubject</c>: A subject appears more than once in one population.</summary>
    public const string DiagnosticsDuplicateSubject = "diagnostics.duplicateSubject";

    /// <summary><c>diagnostics.mixedSchemes</c>: The assessments of one population come from different schemes.</summary>
    public const string DiagnosticsMixedSchemes = "diagnostics.mixedSchemes";

    /// <summary><c>calibration.path</c>: A node path in the calibration options is malformed or given twice.</summary>
    public const string CalibrationPath = "calibration.path";

    /// <summary><c>calibration.threshold</c>: Calibration thresholds contradict each other (too hard at or above too easy).</summary>
    public const string CalibrationThreshold = "calibration.threshold";

    /// <summary><c>calibration.adviceShare</c>: The share of flagged subjects at which advice asks for a change is not in (0, 1].</summary>
    public const string CalibrationAdviceShare = "calibration.adviceShare";

    /// <summary><c>calibration.unknownGroup</c>: A path in the calibration options names no group of the assessed scheme.</summary>
    public const string CalibrationUnknownGroup = "calibration.unknownGroup";

    /// <summary><c>contradiction.pair</c>: An indicator pair is malformed: a repeated id, or the output and quality paths are the same.</summary>
    public const string ContradictionPair = "contradiction.pair";

    /// <summary><c>contradiction.unknownIndicator</c>: A pair's path names no indicator of the assessed scheme.</summary>
    public const string ContradictionUnknownIndicator = "contradiction.unknownIndicator";

    /// <summary><c>contradiction.direction</c>: The quality indicator's scorer has no direction and the pair declares none, or it reads ratings.</summary>
    public const string ContradictionDirection = "contradiction.direction";

    /// <summary><c>contradiction.periods</c>: The previous period does not end before the current one starts.</summary>
    public const string ContradictionPeriods = "contradiction.periods";

    /// <summary><c>history.gradeScale</c>: A grade scale is empty or repeats a name, or a record's scheme grades differ from the archive's scale.</summary>
    public const string HistoryGradeScale = "history.gradeScale";

    /// <summary><c>history.unknownGrade</c>: A record or a rule names a grade that is not on the grade scale.</summary>
    public const string HistoryUnknownGrade = "history.unknownGrade";

    /// <summary><c>history.duplicateRecord</c>: A subject has two records for the same period.</summary>
    public const string HistoryDuplicateRecord = "history.duplicateRecord";

    /// <summary><c>history.total</c>: A record's total or a rule's value lies outside ±10^24.</summary>
    public const string HistoryTotal = "history.total";

    /// <summary><c>history.count</c>: A rule's period count is not a whole number from 1 to 1000.</summary>
    public const string HistoryCount = "history.count";

    /// <summary><c>history.periodKind</c>: A rule names a custom period kind; rules count calendar periods.</summary>
    public const string HistoryPeriodKind = "history.periodKind";
}
