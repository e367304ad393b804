namespace PerfKit;

/// <summary>The stable codes of every <see cref="Problem"/> PerfKit reports. Codes never change meaning once published.</summary>
/// <remarks>Thread-safe (constants only).</remarks>
public static partial class ProblemCodes
{
    /// <summary><c>id.invalid</c>: An id, name or key breaks the id rule.</summary>
    public const string IdInvalid = "id.invalid";

    /// <summary><c>id.duplicate</c>: Two siblings, gates or adjustment rules share an id.</summary>
    public const string IdDuplicate = "id.duplicate";

    /// <summary><c>scheme.version</c>: The scheme version is blank or too long.</summary>
    public const string VersionInvalid = "scheme.version";

    /// <summary><c>name.missing</c>: A required name is absent or blank.</summary>
    public const string NameMissing = "name.missing";

    /// <summary><c>name.culture</c>: A culture name is malformed or repeated.</summary>
    public const string NameCulture = "name.culture";

    /// <summary><c>points.range</c>: P is not positive.</summary>
    public const string PointsRange = "points.range";

    /// <summary><c>points.bounds</c>: minPoints is not below maxPoints.</summary>
    public const string PointsBounds = "points.bounds";

    /// <summary><c>maxBonus.required</c>: The scheme has bonus rules but no maxBonus.</summary>
    public const string MaxBonusRequired = "maxBonus.required";

    /// <summary><c>maxBonus.range</c>: maxBonus is negative.</summary>
    public const string MaxBonusRange = "maxBonus.range";

    /// <summary><c>maxPoints.required</c>: A scorer can exceed 1 but the scheme declares no maxPoints.</summary>
    public const string MaxPointsRequired = "maxPoints.required";

    /// <summary><c>rounding.invalid</c>: The rounding decimals or mode are out of range.</summary>
    public const string RoundingInvalid = "rounding.invalid";

    /// <summary><c>root.missing</c>: The scheme has no root group.</summary>
    public const string RootMissing = "root.missing";

    /// <summary><c>group.empty</c>: A group has no children.</summary>
    public const string GroupEmpty = "group.empty";

    /// <summary><c>weight.nonPositive</c>: A weight is zero or negative.</summary>
    public const string WeightNonPositive = "weight.nonPositive";

    /// <summary><c>weight.sum</c>: A group's children's weights do not sum to what its weight mode requires.</summary>
    public const string WeightSum = "weight.sum";

    /// <summary><c>weight.points</c>: The N of a points(N) group is not positive.</summary>
    public const string WeightPoints = "weight.points";

    /// <summary><c>measure.invalid</c>: A measure key breaks the measure-key rule.</summary>
    public const string MeasureInvalid = "measure.invalid";

    /// <summary><c>tag.invalid</c>: A tag is malformed or repeated.</summary>
    public const string TagInvalid = "tag.invalid";

    /// <summary><c>unit.invalid</c>: A unit is blank or too long.</summary>
    public const string UnitInvalid = "unit.invalid";

    /// <summary><c>grades.empty</c>: The scheme has no grade bands.</summary>
    public const string GradesEmpty = "grades.empty";

    /// <summary><c>grades.duplicate</c>: Two grade bands share a name.</summary>
    public const string GradeDuplicate = "grades.duplicate";

    /// <summary><c>grades.coefficient</c>: A pay coefficient is negative.</summary>
    public const string GradeCoefficient = "grades.coefficient";

    /// <summary><c>grades.order</c>: Grade minimums repeat, or more than one band has no minimum.</summary>
    public const string GradeOrder = "grades.order";

    /// <summary><c>grades.coverage</c>: The lowest grade does not cover every total down to minPoints.</summary>
    public const string GradeCoverage = "grades.coverage";

    /// <summary><c>gate.subject</c>: A gate looks at nothing.</summary>
    public const string GateSubject = "gate.subject";

    /// <summary><c>gate.consequence</c>: A gate has no consequence.</summary>
    public const string GateConsequence = "gate.consequence";

    /// <summary><c>gate.notIndicator</c>: A value gate names a group or a rating indicator.</summary>
    public const string GateNotIndicator = "gate.notIndicator";

    /// <summary><c>gate.direction</c>: A value gate on a scorer without direction declares none.</summary>
    public const string GateDirection = "gate.direction";

    /// <summary><c>gate.zeroScoreOrder</c>: A gate's zeroScore names a node already scored when the gate is decided.</summary>
    public const string GateZeroScoreOrder = "gate.zeroScoreOrder";

    /// <summary><c>gate.unknownGrade</c>: capGrade names no grade.</summary>
    public const string GateUnknownGrade = "gate.unknownGrade";

    /// <summary><c>node.unknown</c>: A reference (gate, scope, override) names no node.</summary>
    public const string UnknownNode = "node.unknown";

    /// <summary><c>adjustment.size</c>: An adjustment's pointsPerUnit or cap is negative.</summary>
    public const string AdjustmentSize = "adjustment.size";

    /// <summary><c>adjustment.scope</c>: A bonus is scoped, or a penalty's scope is an indicator.</summary>
    public const string AdjustmentScope = "adjustment.scope";

    /// <summary><c>scorer.unknownKind</c>: The scorer kind is not registered.</summary>
    public const string ScorerUnknownKind = "scorer.unknownKind";

    /// <summary><c>scorer.parameterMissing</c>: A required scorer parameter is absent.</summary>
    public const string ScorerParameterMissing = "scorer.parameterMissing";

    /// <summary><c>scorer.parameterType</c>: A scorer parameter has the wrong type.</summary>
    public const string ScorerParameterType = "scorer.parameterType";

    /// <summary><c>scorer.parameterValue</c>: A scorer parameter is not one of its allowed values.</summary>
    public const string ScorerParameterValue = "scorer.parameterValue";

    /// <summary><c>scorer.parameterUnknown</c>: A scorer parameter is not known to its kind.</summary>
    public const string ScorerParameterUnknown = "scorer.parameterUnknown";

    /// <summary><c>scorer.linear.baselineEqualsTarget</c>: A linear scorer's baseline equals its target.</summary>
    public const string LinearBaselineEqualsTarget = "scorer.linear.baselineEqualsTarget";

    /// <summary><c>scorer.linear.cap</c>: A linear scorer's cap is below 1.</summary>
    public const string LinearCap = "scorer.linear.cap";

    /// <summary><c>scorer.linear.floor</c>: A linear scorer's floor is not below its cap.</summary>
    public const string LinearFloor = "scorer.linear.floor";

    /// <summary><c>scorer.linear.startLine</c>: A linear scorer's start line is not between baseline (inclusive) and target (exclusive).</summary>
    public const string LinearStartLine = "scorer.linear.startLine";

    /// <summary><c>scorer.band.empty</c>: A band scorer has no bands.</summary>
    public const string BandEmpty = "scorer.band.empty";

    /// <summary><c>scorer.band.boundOrder</c>: Band bounds are not strictly monotone in the better direction.</summary>
    public const string BandBoundOrder = "scorer.band.boundOrder";

    /// <summary><c>scorer.band.scoreRange</c>: A band score is outside [0, 1].</summary>
    public const string BandScoreRange = "scorer.band.scoreRange";

    /// <summary><c>scorer.band.scoreOrder</c>: Band scores decrease from worst to best.</summary>
    public const string BandScoreOrder = "scorer.band.scoreOrder";

    /// <summary><c>scorer.band.below</c>: 'below' is negative or above the first band's score.</summary>
    public const string BandBelow = "scorer.band.below";

    /// <summary><c>scorer.band.target</c>: A band target is missing, not positive, or given without the ratio basis.</summary>
    public const string BandTarget = "scorer.band.target";

    /// <summary><c>scorer.threshold.scores</c>: Threshold pass/fail scores are outside [0, 1] or fail is not below pass.</summary>
    public const string ThresholdScores = "scorer.threshold.scores";

    /// <summary><c>scorer.rating.scale</c>: A rating scale's high end is not above its low end.</summary>
    public const string RatingScale = "scorer.rating.scale";

    /// <summary><c>scorer.rating.roles</c>: Rater roles are absent, malformed or not positively weighted.</summary>
    public const string RatingRoles = "scorer.rating.roles";

    /// <summary><c>scorer.rating.target</c>: A target rating is outside the scale.</summary>
    public const string RatingTarget = "scorer.rating.target";

    /// <summary><c>scorer.rating.cap</c>: A rating cap is below 1 or given without a target.</summary>
    public const string RatingCap = "scorer.rating.cap";

    /// <summary><c>value.missing</c>: A value is missing under the error policy (or no rater gave a rating).</summary>
    public const string ValueMissing = "value.missing";

    /// <summary><c>value.unparsable</c>: A value's text is not a plain invariant decimal.</summary>
    public const string ValueUnparsable = "value.unparsable";

    /// <summary><c>value.nonFinite</c>: A value is NaN or infinite.</summary>
    public const string ValueNonFinite = "value.nonFinite";

    /// <summary><c>value.kind</c>: A number was given where ratings are read, or the reverse.</summary>
    public const string ValueKind = "value.kind";

    /// <summary><c>value.overflow</c>: A computation overflowed the decimal range.</summary>
    public const string ValueOverflow = "value.overflow";

    /// <summary><c>value.duplicate</c>: A measure or rater role is given twice in one subject's input.</summary>
    public const string ValueDuplicate = "value.duplicate";

    /// <summary><c>value.unknownMeasure</c>: A value names a measure the scheme does not read (under <c>UnknownMeasureHandling.Reject</c>).</summary>
    public const string ValueUnknownMeasure = "value.unknownMeasure";

    /// <summary><c>rating.outOfScale</c>: A rating lies outside the scorer's scale.</summary>
    public const string RatingOutOfScale = "rating.outOfScale";

    /// <summary><c>rating.unknownRole</c>: A rating comes from a role the scorer does not declare.</summary>
    public const string RatingUnknownRole = "rating.unknownRole";

    /// <summary><c>adjustment.units</c>: An adjustment's units are negative.</summary>
    public const string AdjustmentUnits = "adjustment.units";

    /// <summary><c>evaluation.allExcluded</c>: Every indicator was excluded, so the root has no score.</summary>
    public const string AllExcluded = "evaluation.allExcluded";

    /// <summary><c>override.unknownNode</c>: An override's path names no indicator of the scheme (a group, or nothing).</summary>
    public const string OverrideUnknownNode = "override.unknownNode";

    /// <summary><c>override.invalid</c>: Two overrides of the same kind name one indicator, or a value override names a rating indicator.</summary>
    public const string OverrideInvalid = "override.invalid";

    /// <summary><c>pay.basePay</c>: The base pay is negative.</summary>
    public const string BasePayInvalid = "pay.basePay";

    /// <summary><c>score.outOfRange</c>: A score override lies outside the scorer's minimum and maximum.</summary>
    public const string ScoreOutOfRange = "score.outOfRange";

    /// <summary><c>scorer.parameterReserved</c>: A scorer parameter is named <c>kind</c>, which scheme files reserve for the scorer kind.</summary>
    public const string ScorerParameterReserved = "scorer.parameterReserved";

    /// <summary><c>scorer.version</c>: A scheme file names a scorer kind version that differs from the registered kind's version.</summary>
    public const string ScorerVersion = "scorer.version";

    /// <summary><c>text.invalid</c>: A text holds an unpaired UTF-16 surrogate, so it cannot be written as UTF-8.</summary>
    public const string TextInvalid = "text.invalid";

    /// <summary><c>json.syntax</c>: A scheme file is not well-formed JSON.</summary>
    public const string JsonSyntax = "json.syntax";

    /// <summary><c>json.encoding</c>: A scheme file is not UTF-8 (invalid bytes, a UTF-16 byte order mark, or an escaped unpaired surrogate).</summary>
    public const string JsonEncoding = "json.encoding";

    /// <summary><c>json.empty</c>: A scheme file holds nothing but white space.</summary>
    public const string JsonEmpty = "json.empty";

    /// <summary><c>json.limit</c>: A scheme file exceeds one of its <see cref="Serialization.SchemeFileLimits"/>.</summary>
    public const string JsonLimit = "json.limit";

    /// <summary><c>json.unknownProperty</c>: An object in a scheme file has a property the format does not define there.</summary>
    public const string JsonUnknownProperty = "json.unknownProperty";

    /// <summary><c>json.duplicateProperty</c>: An object in a scheme file has the same property twice.</summary>
    public const string JsonDuplicateProperty = "json.duplicateProperty";

    /// <summary><c>json.missingProperty</c>: An object in a scheme file lacks a required property.</summary>
    public const string JsonMissingProperty = "json.missingProperty";

    /// <summary><c>json.type</c>: A value in a scheme file has the wrong JSON type (e.g. a string where a number is required).</summary>
    public const string JsonType = "json.type";

    /// <summary><c>json.null</c>: A scheme file has <c>null</c> where a value is required; scheme files never use null (omit the property instead).</summary>
    public const string JsonNull = "json.null";

    /// <summary><c>json.number</c>: A number in a scheme file is not exactly a decimal: too many significant digits, too many decimal places, out of range, or NaN/Infinity.</summary>
    public const string JsonNumber = "json.number";

    /// <summary><c>json.value</c>: A text in a scheme file is not one of the allowed values (e.g. an unknown group kind), or a name is blank.</summary>
    public const string JsonValue = "json.value";

    /// <summary><c>attribute.duplicate</c>: A subject's attribute is given twice.</summary>
    public const string AttributeDuplicate = "attribute.duplicate";
}
