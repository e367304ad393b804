namespace PerfKit;

/// <summary>Problem codes of section cadences, effective-dated scheme versions and segments (spec §8).</summary>
public static partial class ProblemCodes
{
    /// <summary><c>cadence.invalid</c>: A group declares a cadence that is not a calendar kind (month, quarter, half-year, year).</summary>
    public const string CadenceInvalid = "cadence.invalid";

    /// <summary><c>cadence.placement</c>: A cadence is declared on the root or on a group below a direct child of the root.</summary>
    public const string CadencePlacement = "cadence.placement";

    /// <summary><c>cadence.gateScope</c>: In a scheme with cadences, a gate zeroes a node outside the section its own node belongs to.</summary>
    public const string CadenceGateScope = "cadence.gateScope";

    /// <summary><c>cadence.scopedPenalty</c>: A scheme with cadences has a penalty scoped to a group.</summary>
    public const string CadenceScopedPenalty = "cadence.scopedPenalty";

    /// <summary><c>cadence.period</c>: The evaluated period is not made of whole periods of a section's cadence (e.g. a quarterly section in a month).</summary>
    public const string CadencePeriod = "cadence.period";

    /// <summary><c>cadence.inputMissing</c>: No input was given for a sub-period that a section needs.</summary>
    public const string CadenceInputMissing = "cadence.inputMissing";

    /// <summary><c>cadence.inputUnexpected</c>: An input was given for a period no section of the scheme is assessed over.</summary>
    public const string CadenceInputUnexpected = "cadence.inputUnexpected";

    /// <summary><c>cadence.inputDuplicate</c>: Two inputs were given for the same sub-period.</summary>
    public const string CadenceInputDuplicate = "cadence.inputDuplicate";

    /// <summary><c>cadence.inputSubject</c>: A sub-period's input is for another subject.</summary>
    public const string CadenceInputSubject = "cadence.inputSubject";

    /// <summary><c>cadence.basePay</c>: A sub-period's input carries base pay; base pay belongs to the whole period's input.</summary>
    public const string CadenceBasePay = "cadence.basePay";

    /// <summary><c>version.overlap</c>: Two scheme versions of a catalogue are in force on the same dates.</summary>
    public const string VersionOverlap = "version.overlap";

    /// <summary><c>version.gap</c>: No scheme version of a catalogue is in force on some dates between two versions (a finding, not an error).</summary>
    public const string VersionGap = "version.gap";

    /// <summary><c>version.duplicate</c>: A catalogue lists the same scheme id and version twice.</summary>
    public const string VersionDuplicate = "version.duplicate";

    /// <summary><c>segment.empty</c>: A segmented evaluation was given no segments.</summary>
    public const string SegmentEmpty = "segment.empty";

    /// <summary><c>segment.overlap</c>: Two segments share dates.</summary>
    public const string SegmentOverlap = "segment.overlap";

    /// <summary><c>segment.outsidePeriod</c>: A segment has dates outside the evaluated period.</summary>
    public const string SegmentOutsidePeriod = "segment.outsidePeriod";

    /// <summary><c>segment.subject</c>: A segment's input is for another subject.</summary>
    public const string SegmentSubject = "segment.subject";

    /// <summary><c>segment.incompatible</c>: Segments use schemes whose totals cannot be combined (different P or rounding).</summary>
    public const string SegmentIncompatible = "segment.incompatible";

    /// <summary><c>segment.basePay</c>: Some segments carry base pay and others do not.</summary>
    public const string SegmentBasePay = "segment.basePay";

    /// <summary><c>segment.cadence</c>: A segment's scheme has sections with their own cadence; segments are scored by one input each, so cadence schemes are refused (see docs/periods.md).</summary>
    public const string SegmentCadence = "segment.cadence";

    /// <summary><c>segment.gradeUnknown</c>: A capGrade gate failed in a segment names a grade the combining scheme does not have.</summary>
    public const string SegmentGradeUnknown = "segment.gradeUnknown";
}
