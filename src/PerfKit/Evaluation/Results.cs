using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Evaluation;

/// <summary>One node of an <see cref="Assessment"/>: what was read, how it was scored, and what it contributed (spec §9).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class NodeResult
{
    internal NodeResult(SchemeNode node, MeasureValue? value, MeasureValue? originalValue, bool missing, decimal? scorerScore, decimal? score, bool excluded, bool zeroedByGate, decimal effectiveWeight, decimal contribution, ImmutableArray<KeyValuePair<string, decimal>> intermediates, ImmutableArray<string> notes, ImmutableArray<NodeResult> children)
    {
        Node = node;
        Value = value;
        OriginalValue = originalValue;
        IsMissing = missing;
        ScorerScore = scorerScore;
        Score = score;
        IsExcluded = excluded;
        ZeroedByGate = zeroedByGate;
        EffectiveWeight = effectiveWeight;
        this.contribution = contribution;
        Intermediates = intermediates;
        Notes = notes;
        Children = children;
    }

    /// <summary>Gets the scheme node.</summary>
    public SchemeNode Node { get; }

    /// <summary>Gets the node's path.</summary>
    public string Path => Node.Path;

    /// <summary>Gets the value scored (after a value override), or <see langword="null"/> for a group or a missing value.</summary>
    public MeasureValue? Value { get; }

    /// <summary>Gets the value read before a value override replaced it, or <see langword="null"/> when not overridden.</summary>
    public MeasureValue? OriginalValue { get; }

    /// <summary>Gets a value indicating whether the indicator's value was missing (the missing-value policy applied).</summary>
    public bool IsMissing { get; }

    /// <summary>Gets the score the scorer (or the minimum policy) produced, before a score override or a zeroing gate; null for groups and exclusions.</summary>
    public decimal? ScorerScore { get; }

    /// <summary>Gets the final normalized score, unrounded; <see langword="null"/> when excluded.</summary>
    public decimal? Score { get; }

    /// <summary>Gets a value indicating whether the node was excluded (its siblings re-weighted).</summary>
    public bool IsExcluded { get; }

    /// <summary>Gets a value indicating whether a zeroScore gate lowered the score to min(s, 0).</summary>
    public bool ZeroedByGate { get; }

    /// <summary>Gets the weight as written in the scheme.</summary>
    public decimal Weight => Node.Weight;

    /// <summary>Gets the effective weight in this evaluation: the product of w ÷ Σw over included siblings along the path (0 when excluded).</summary>
    public decimal EffectiveWeight { get; }

    /// <summary>
    /// Gets the contribution in points: effective weight × score × P, or 0 when the node is excluded or lies inside a
    /// group that a zeroScore gate lowered to 0 (for reports and scoped penalties; totals never sum these).
    /// </summary>
    public decimal Contribution => points is { } p ? EffectiveWeight * Score!.Value * p : contribution;

    private readonly decimal contribution;

    /// <summary>P when the contribution is computed on reading (EffectiveWeight × Score × P, the same expression in the same order), else null.</summary>
    private readonly decimal? points;

    /// <summary>
    /// Initializes a node whose contribution EffectiveWeight × Score × <paramref name="points"/> is computed when read,
    /// for a scheme where it cannot overflow (the evaluator checks that when it compiles).
    /// </summary>
    internal NodeResult(SchemeNode node, MeasureValue? value, MeasureValue? originalValue, bool missing, decimal? scorerScore, decimal score, bool zeroedByGate, decimal effectiveWeight, decimal points, ImmutableArray<KeyValuePair<string, decimal>> intermediates, ImmutableArray<string> notes, ImmutableArray<NodeResult> children)
        : this(node, value, originalValue, missing, scorerScore, score, false, zeroedByGate, effectiveWeight, 0m, intermediates, notes, children)
        => this.points = points;

    /// <summary>Gets the scorer's intermediate values (e.g. <c>ratio</c>, <c>combined</c>).</summary>
    public ImmutableArray<KeyValuePair<string, decimal>> Intermediates { get; }

    /// <summary>Gets notes (start line not reached, rater roles dropped, minimum policy applied…).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the child results in declared order (empty for an indicator).</summary>
    public ImmutableArray<NodeResult> Children { get; }
}

/// <summary>How one gate came out.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GateResult
{
    internal GateResult(Gate gate, bool passed, bool missing, decimal? actual)
    {
        Gate = gate;
        Passed = passed;
        IsMissing = missing;
        Actual = actual;
    }

    /// <summary>Gets the gate.</summary>
    public Gate Gate { get; }

    /// <summary>Gets a value indicating whether the gate passed.</summary>
    public bool Passed { get; }

    /// <summary>Gets a value indicating whether the value or score it reads was missing or excluded.</summary>
    public bool IsMissing { get; }

    /// <summary>Gets the value compared with the threshold, or <see langword="null"/> when missing.</summary>
    public decimal? Actual { get; }
}

/// <summary>How one bonus or penalty rule came out.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AdjustmentResult
{
    internal AdjustmentResult(AdjustmentRule rule, decimal units, decimal raw, decimal applied, decimal dropped, bool unitsMissing)
    {
        Rule = rule;
        Units = units;
        Raw = raw;
        Applied = applied;
        Dropped = dropped;
        UnitsMissing = unitsMissing;
    }

    /// <summary>Gets the rule.</summary>
    public AdjustmentRule Rule { get; }

    /// <summary>Gets the units read (0 when missing under the zero policy).</summary>
    public decimal Units { get; }

    /// <summary>Gets min(units × pointsPerUnit, cap).</summary>
    public decimal Raw { get; }

    /// <summary>Gets the points applied (a size; the kind gives the sign) after maxBonus or the penalty's scope.</summary>
    public decimal Applied { get; }

    /// <summary>Gets the points dropped by maxBonus or by the scope limit (Raw − Applied).</summary>
    public decimal Dropped { get; }

    /// <summary>Gets a value indicating whether the units were missing and read as zero by declaration.</summary>
    public bool UnitsMissing { get; }
}

/// <summary>An override as applied: what it replaced and with what.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class OverrideRecord
{
    internal OverrideRecord(Override applied, MeasureValue? originalValue, decimal? originalScore)
    {
        Override = applied;
        OriginalValue = originalValue;
        OriginalScore = originalScore;
    }

    /// <summary>Gets the override.</summary>
    public Override Override { get; }

    /// <summary>Gets the value read before a value override (null when the value was missing or for score overrides).</summary>
    public MeasureValue? OriginalValue { get; }

    /// <summary>Gets the score before a score override (null when it had none, e.g. excluded, or for value overrides).</summary>
    public decimal? OriginalScore { get; }
}

/// <summary>A node left out of the evaluation, and why.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Exclusion
{
    internal Exclusion(string path, string reason)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>Gets the node's path.</summary>
    public string Path { get; }

    /// <summary>Gets why it was excluded.</summary>
    public string Reason { get; }
}

/// <summary>
/// A subject's complete, immutable evaluation (spec §5a): the node tree, base points, adjustments, exact and rounded
/// totals, grade, gates, exclusions, overrides and payout.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Assessment
{
    private readonly AssessmentDetail detail;

    internal Assessment(Scheme scheme, string schemeFingerprint, SubjectInput input, AssessmentDetail detail, decimal basePoints, decimal bonusPoints, decimal penaltyPoints, decimal unclampedTotal, decimal exactTotal, decimal roundedTotal, GradeBand grade, GradeBand earnedGrade, bool payoutCancelled, ImmutableArray<Exclusion> exclusions, ImmutableArray<OverrideRecord> overrides, decimal? basePay, decimal? payout)
    {
        Scheme = scheme;
        SchemeFingerprint = schemeFingerprint;
        Input = input;
        this.detail = detail;
        BasePoints = basePoints;
        BonusPoints = bonusPoints;
        PenaltyPoints = penaltyPoints;
        UnclampedTotal = unclampedTotal;
        ExactTotal = exactTotal;
        RoundedTotal = roundedTotal;
        Grade = grade;
        EarnedGrade = earnedGrade;
        PayoutCancelled = payoutCancelled;
        Exclusions = exclusions;
        Overrides = overrides;
        BasePay = basePay;
        Payout = payout;
    }

    /// <summary>Gets the scheme that produced the assessment.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the fingerprint of the scheme that produced the assessment (<see cref="Model.Scheme.Fingerprint"/>), so a payroll run can prove which rules produced which pay.</summary>
    public string SchemeFingerprint { get; }

    /// <summary>Gets the subject's input as evaluated (values, ratings, base pay, overrides).</summary>
    public SubjectInput Input { get; }

    /// <summary>Gets the fingerprint of the input (<see cref="SubjectInput.Fingerprint"/>).</summary>
    public string InputFingerprint => Input.Fingerprint;

    /// <summary>
    /// Gets the evaluation's fingerprint (spec §9): SHA-256, 64 lowercase hex digits, of the UTF-8 text
    /// <c>SchemeFingerprint + "\n" + InputFingerprint</c>, so one value proves which rules and which inputs produced the numbers.
    /// </summary>
    /// <remarks>Computed once, on first use; thread-safe.</remarks>
    public string Fingerprint => detail.Fingerprint(SchemeFingerprint);

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId => Input.SubjectId;

    /// <summary>Gets the root node's result.</summary>
    /// <remarks>
    /// The evaluation records every node's figures; the result objects are built from them the first time this is
    /// read, and the same tree is returned from then on (thread-safe: two threads reading it at once get one tree).
    /// </remarks>
    public NodeResult Root => detail.Root;

    /// <summary>Gets the base points: root score × P, exact.</summary>
    public decimal BasePoints { get; }

    /// <summary>Gets the bonus points applied (after per-rule caps and maxBonus).</summary>
    public decimal BonusPoints { get; }

    /// <summary>Gets the penalty points applied (after per-rule caps and scope limits).</summary>
    public decimal PenaltyPoints { get; }

    /// <summary>Gets base + bonus − penalty before the clamp.</summary>
    public decimal UnclampedTotal { get; }

    /// <summary>Gets the exact total, clamped once to [minPoints, maxPoints].</summary>
    public decimal ExactTotal { get; }

    /// <summary>Gets the total rounded once by the scheme's policy: the number that grades, ranks and pays.</summary>
    public decimal RoundedTotal { get; }

    /// <summary>Gets the grade after any capGrade gate.</summary>
    public GradeBand Grade { get; }

    /// <summary>Gets the grade the rounded total earned before any capGrade gate.</summary>
    public GradeBand EarnedGrade { get; }

    /// <summary>Gets the pay coefficient of <see cref="Grade"/>.</summary>
    public decimal Coefficient => Grade.Coefficient;

    /// <summary>Gets every gate's outcome, in scheme order.</summary>
    /// <remarks>Built on first read from the evaluation's record, like <see cref="Root"/>; thread-safe.</remarks>
    public ImmutableArray<GateResult> Gates => detail.Gates;

    /// <summary>Gets the gates that failed, in scheme order.</summary>
    public IEnumerable<GateResult> FailedGates
    {
        get
        {
            foreach (var gate in Gates)
            {
                if (!gate.Passed)
                {
                    yield return gate;
                }
            }
        }
    }

    /// <summary>Gets a value indicating whether a failed cancelPayout gate cancelled the period's pay.</summary>
    public bool PayoutCancelled { get; }

    /// <summary>Gets every adjustment rule's outcome, in scheme order.</summary>
    /// <remarks>Built on first read from the evaluation's record, like <see cref="Root"/>; thread-safe.</remarks>
    public ImmutableArray<AdjustmentResult> Adjustments => detail.Adjustments;

    /// <summary>Gets the nodes excluded: indicators in tree order as they are read, then groups left empty, children before their group.</summary>
    public ImmutableArray<Exclusion> Exclusions { get; }

    /// <summary>Gets the overrides applied, with the originals.</summary>
    public ImmutableArray<OverrideRecord> Overrides { get; }

    /// <summary>Gets the base pay given, or <see langword="null"/>.</summary>
    public decimal? BasePay { get; }

    /// <summary>Gets the payout: 0 when a cancelPayout gate failed, else base pay × coefficient rounded; null without base pay.</summary>
    public decimal? Payout { get; }
}

/// <summary>The outcome of evaluating one subject in a batch: an <see cref="Assessment"/>, or the problems that prevented it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EvaluationResult
{
    internal EvaluationResult(string subjectId, Assessment? assessment, ImmutableArray<Problem> problems)
    {
        SubjectId = subjectId;
        Assessment = assessment;
        Problems = problems;
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets a value indicating whether the subject was assessed.</summary>
    [MemberNotNullWhen(true, nameof(Assessment))]
    public bool Succeeded => Assessment is not null;

    /// <summary>Gets the assessment, or <see langword="null"/> when the data had problems.</summary>
    public Assessment? Assessment { get; }

    /// <summary>Gets the problems (empty on success), each naming the subject, the indicator or measure, and the value.</summary>
    public ImmutableArray<Problem> Problems { get; }
}
