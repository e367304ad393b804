using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Periods;

/// <summary>
/// One sub-period's evaluation within a <see cref="PeriodAssessment"/>: e.g. January's monthly section, or the
/// quarter's quarterly section.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="Assessment"/> is the evaluation of the sections assessed for this sub-period
/// alone: its <see cref="Assessment.Scheme"/> is the scheme restricted to those sections and their gates (same id,
/// version, P and grades, no adjustments), so its effective weights, contributions and totals are relative to those
/// sections; the period's totals are in the <see cref="PeriodAssessment"/>.
/// </remarks>
public sealed class SubPeriodAssessment
{
    internal SubPeriodAssessment(AssessmentPeriod period, PeriodKind cadence, Assessment assessment, PayShare share)
    {
        Period = period;
        Cadence = cadence;
        Assessment = assessment;
        Share = share;
    }

    /// <summary>Gets the sub-period, e.g. <c>2024-02</c>; the evaluated period itself for the sections assessed once for it.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the cadence of the sections assessed here (the evaluated period's kind for sections assessed once for it).</summary>
    public PeriodKind Cadence { get; }

    /// <summary>Gets the evaluation of this sub-period's sections with this sub-period's input.</summary>
    public Assessment Assessment { get; }

    /// <summary>Gets the results of this sub-period's sections (the children of <see cref="Assessment"/>'s root), in declared order.</summary>
    public ImmutableArray<NodeResult> Sections => Assessment.Root.Children;

    /// <summary>Gets this sub-period's share of the period's pay.</summary>
    public PayShare Share { get; }
}

/// <summary>
/// A share of a period's pay (spec §8): the sections of one cadence weigh <c>W_c ÷ W</c> of the root, split equally
/// over their sub-periods, so one month of a quarter whose monthly section weighs 50% is a share of 0.5 ÷ 3 = 1/6. A
/// failed <c>cancelPayout</c> gate cancels the share of its own sub-period; a gate for the whole period (on the root's
/// score, the base or the total) cancels every share.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PayShare
{
    internal PayShare(AssessmentPeriod period, PeriodKind cadence, ImmutableArray<string> sections, decimal fraction, decimal? amount, ImmutableArray<GateResult> cancelledBy)
    {
        Period = period;
        Cadence = cadence;
        Sections = sections;
        Fraction = fraction;
        Amount = amount;
        CancelledBy = cancelledBy;
    }

    /// <summary>Gets the sub-period the share pays for.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the cadence of the share's sections.</summary>
    public PeriodKind Cadence { get; }

    /// <summary>Gets the paths of the sections whose weight makes the share.</summary>
    public ImmutableArray<string> Sections { get; }

    /// <summary>Gets the share's fraction of the pay, exact (for display; the payout is computed with one division).</summary>
    public decimal Fraction { get; }

    /// <summary>Gets base pay × coefficient × <see cref="Fraction"/>, unrounded, whether cancelled or not; <see langword="null"/> without base pay.</summary>
    public decimal? Amount { get; }

    /// <summary>Gets the failed <c>cancelPayout</c> gates that cancelled the share (empty when it is paid).</summary>
    public ImmutableArray<GateResult> CancelledBy { get; }

    /// <summary>Gets a value indicating whether the share is cancelled.</summary>
    public bool Cancelled => !CancelledBy.IsEmpty;
}

/// <summary>A section's (a direct child of the root) result over the period: its scores in each sub-period and their mean.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SectionResult
{
    internal SectionResult(SchemeNode section, PeriodKind cadence, ImmutableArray<AssessmentPeriod> periods, ImmutableArray<decimal?> scores, decimal? score)
    {
        Section = section;
        Cadence = cadence;
        Periods = periods;
        Scores = scores;
        Score = score;
    }

    /// <summary>Gets the section (a direct child of the root).</summary>
    public SchemeNode Section { get; }

    /// <summary>Gets the path of the section.</summary>
    public string Path => Section.Path;

    /// <summary>Gets the cadence the section was assessed at.</summary>
    public PeriodKind Cadence { get; }

    /// <summary>Gets the sub-periods the section was assessed for, in date order.</summary>
    public ImmutableArray<AssessmentPeriod> Periods { get; }

    /// <summary>Gets the section's exact score in each of <see cref="Periods"/> (null where it was excluded).</summary>
    public ImmutableArray<decimal?> Scores { get; }

    /// <summary>Gets the mean of the scores where it was scored, exact; <see langword="null"/> when excluded in every sub-period (its siblings are re-weighted).</summary>
    public decimal? Score { get; }

    /// <summary>Gets a value indicating whether the section was excluded for the whole period.</summary>
    public bool IsExcluded => Score is null;
}

/// <summary>
/// A subject's evaluation over a period whose sections have their own cadences (spec §8): the sub-period evaluations,
/// each section's mean score, the combined exact total, the total rounded once, the grade, the pay shares and the payout.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PeriodAssessment
{
    internal PeriodAssessment(Scheme scheme, string subjectId, AssessmentPeriod period, ImmutableArray<SubPeriodAssessment> subPeriods, ImmutableArray<SectionResult> sections,
        decimal rootScore, decimal basePoints, decimal bonusPoints, decimal penaltyPoints, ImmutableArray<AdjustmentResult> adjustments, decimal unclampedTotal, decimal exactTotal,
        decimal roundedTotal, GradeBand grade, GradeBand earnedGrade, ImmutableArray<GateResult> gates, decimal? basePay, decimal? payout,
        ImmutableArray<KeyValuePair<AssessmentPeriod, SubjectInput>> inputs, RoundingPolicy payRounding)
    {
        Scheme = scheme;
        PayRounding = payRounding;
        canonicalInput = new Lazy<string>(() => PeriodFingerprints.PeriodInputText(subjectId, period, inputs), LazyThreadSafetyMode.PublicationOnly);
        inputFingerprint = new Lazy<string>(() => Fingerprints.Hash(canonicalInput.Value), LazyThreadSafetyMode.PublicationOnly);
        fingerprint = new Lazy<string>(() => Fingerprints.Combine(SchemeFingerprint, InputFingerprint), LazyThreadSafetyMode.PublicationOnly);
        SubjectId = subjectId;
        Period = period;
        SubPeriods = subPeriods;
        Sections = sections;
        RootScore = rootScore;
        BasePoints = basePoints;
        BonusPoints = bonusPoints;
        PenaltyPoints = penaltyPoints;
        Adjustments = adjustments;
        UnclampedTotal = unclampedTotal;
        ExactTotal = exactTotal;
        RoundedTotal = roundedTotal;
        Grade = grade;
        EarnedGrade = earnedGrade;
        Gates = gates;
        BasePay = basePay;
        Payout = payout;
    }

    private readonly Lazy<string> canonicalInput;
    private readonly Lazy<string> inputFingerprint;
    private readonly Lazy<string> fingerprint;

    /// <summary>Gets the scheme.</summary>
    public Scheme Scheme { get; }

    /// <summary>
    /// Gets the fingerprint of the full scheme (<see cref="Model.Scheme.Fingerprint"/>), every section and cadence included.
    /// Each sub-period's <see cref="SubPeriodAssessment.Assessment"/> carries the fingerprint of the scheme restricted to
    /// its sections instead.
    /// </summary>
    public string SchemeFingerprint => Scheme.Fingerprint;

    /// <summary>
    /// Gets the SHA-256 (64 lowercase hex digits) of the inputs' canonical JSON: the subject, the period's text and
    /// dates, and every input given (each sub-period's and the whole period's), ordered by first day, then last day,
    /// then period text, each with its period text, dates and <see cref="SubjectInput.Fingerprint"/>
    /// (layout in <c>docs/periods.md</c>). The order the inputs were given in does not matter.
    /// </summary>
    /// <remarks>Computed once, on first use; thread-safe.</remarks>
    public string InputFingerprint => inputFingerprint.Value;

    /// <summary>
    /// Gets the evaluation's fingerprint (spec §9), as <see cref="Evaluation.Assessment.Fingerprint"/>: SHA-256 of the
    /// UTF-8 text <c>SchemeFingerprint + "\n" + InputFingerprint</c>.
    /// </summary>
    /// <remarks>Computed once, on first use; thread-safe.</remarks>
    public string Fingerprint => fingerprint.Value;

    /// <summary>Gets the rounding the payout was computed with (<see cref="EvaluatorOptions.PayRounding"/>).</summary>
    public RoundingPolicy PayRounding { get; }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the evaluated period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the sub-period evaluations: finer cadences first, each in date order, then the sections assessed once for the whole period.</summary>
    public ImmutableArray<SubPeriodAssessment> SubPeriods { get; }

    /// <summary>Gets each direct child of the root over the period, in declared order.</summary>
    public ImmutableArray<SectionResult> Sections { get; }

    /// <summary>Gets the root's exact score: Σ wᵢ·mᵢ ÷ Σ wᵢ over the sections' mean scores mᵢ (excluded sections left out).</summary>
    public decimal RootScore { get; }

    /// <summary>Gets the base points: root score × P, exact.</summary>
    public decimal BasePoints { get; }

    /// <summary>Gets the bonus points applied, once for the period.</summary>
    public decimal BonusPoints { get; }

    /// <summary>Gets the penalty points applied, once for the period.</summary>
    public decimal PenaltyPoints { get; }

    /// <summary>Gets every adjustment rule's outcome, read from the whole period's input, in scheme order.</summary>
    public ImmutableArray<AdjustmentResult> Adjustments { get; }

    /// <summary>Gets base + bonus − penalty before the clamp.</summary>
    public decimal UnclampedTotal { get; }

    /// <summary>Gets the exact total, clamped once to [minPoints, maxPoints].</summary>
    public decimal ExactTotal { get; }

    /// <summary>Gets the total rounded once by the scheme's policy.</summary>
    public decimal RoundedTotal { get; }

    /// <summary>Gets the grade after every capGrade gate of every sub-period and of the period.</summary>
    public GradeBand Grade { get; }

    /// <summary>Gets the grade the rounded total earned before any capGrade gate.</summary>
    public GradeBand EarnedGrade { get; }

    /// <summary>Gets the pay coefficient of <see cref="Grade"/>.</summary>
    public decimal Coefficient => Grade.Coefficient;

    /// <summary>Gets the gates decided for the whole period (on the root's score, the base and the total), in scheme order; the others are in each sub-period's assessment.</summary>
    public ImmutableArray<GateResult> Gates { get; }

    /// <summary>Gets the pay shares, in the order of <see cref="SubPeriods"/>.</summary>
    public ImmutableArray<PayShare> Shares
    {
        get
        {
            var builder = ImmutableArray.CreateBuilder<PayShare>(SubPeriods.Length);
            foreach (var sub in SubPeriods)
            {
                builder.Add(sub.Share);
            }

            return builder.MoveToImmutable();
        }
    }

    /// <summary>Gets a value indicating whether every share of the pay is cancelled.</summary>
    public bool PayoutCancelled
    {
        get
        {
            foreach (var sub in SubPeriods)
            {
                if (!sub.Share.Cancelled)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Gets the base pay given with the whole period's input, or <see langword="null"/>.</summary>
    public decimal? BasePay { get; }

    /// <summary>Gets the payout: base pay × coefficient × the fraction of shares not cancelled, rounded once by the pay rounding; null without base pay.</summary>
    public decimal? Payout { get; }

    /// <summary>Gets the canonical JSON <see cref="InputFingerprint"/> is taken over.</summary>
    internal string CanonicalInputText() => canonicalInput.Value;
}

/// <summary>The outcome of evaluating one subject over a period: a <see cref="PeriodAssessment"/>, or the problems that prevented it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PeriodEvaluationResult
{
    internal PeriodEvaluationResult(string subjectId, PeriodAssessment? assessment, ImmutableArray<Problem> problems)
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

    /// <summary>Gets the assessment, or <see langword="null"/> when there were problems.</summary>
    public PeriodAssessment? Assessment { get; }

    /// <summary>Gets the problems (empty on success); a sub-period's problems have paths prefixed <c>inputs[2024-01].</c>.</summary>
    public ImmutableArray<Problem> Problems { get; }
}
