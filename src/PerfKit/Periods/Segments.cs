using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using NodaTime;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Periods;

/// <summary>Part of a period during which a subject is scored by one scheme with one input (spec §8): e.g. the weeks before a transfer.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Segment
{
    private Segment(DateInterval dates, Scheme scheme, SubjectInput input)
    {
        Dates = dates;
        Scheme = scheme;
        Input = input;
    }

    /// <summary>Gets the dates, both ends inclusive.</summary>
    public DateInterval Dates { get; }

    /// <summary>Gets the number of days, both ends counted.</summary>
    public int Days => Dates.Length;

    /// <summary>Gets the scheme the segment is scored by.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the subject's input for the segment (its values are the segment's values; its base pay is the pay for a full period at this segment's rate).</summary>
    public SubjectInput Input { get; }

    /// <summary>Creates a segment.</summary>
    /// <param name="dates">The dates.</param>
    /// <param name="scheme">The scheme in force for the subject on those dates.</param>
    /// <param name="input">The subject's input for the segment.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Segment Of(DateInterval dates, Scheme scheme, SubjectInput input)
        => new(Guard.NotNull(dates), Guard.NotNull(scheme), Guard.NotNull(input));

    /// <summary>Creates a segment for the dates a catalogued version is in force (see <see cref="SchemeCatalog.InForce(AssessmentPeriod)"/>).</summary>
    /// <param name="span">The version and its dates.</param>
    /// <param name="input">The subject's input for the segment.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Segment Of(SchemeVersionSpan span, SubjectInput input)
        => Of(Guard.NotNull(span).Dates, span.Scheme, input);
}

/// <summary>One segment's evaluation within a <see cref="SegmentedAssessment"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SegmentResult
{
    internal SegmentResult(Segment segment, Assessment assessment, decimal? payAmount)
    {
        Segment = segment;
        Assessment = assessment;
        PayAmount = payAmount;
    }

    /// <summary>Gets the segment.</summary>
    public Segment Segment { get; }

    /// <summary>Gets the segment's evaluation by its own scheme (its totals are the segment's own; the combined total is on the <see cref="SegmentedAssessment"/>).</summary>
    public Assessment Assessment { get; }

    /// <summary>Gets the segment's days.</summary>
    public int Days => Segment.Days;

    /// <summary>Gets whether a failed cancelPayout gate in this segment cancelled its share of the pay.</summary>
    public bool PayCancelled => Assessment.PayoutCancelled;

    /// <summary>Gets the segment's share of the pay before cancellation: base pay × combined coefficient × days ÷ covered days, unrounded; null without base pay.</summary>
    public decimal? PayAmount { get; }
}

/// <summary>
/// A subject scored per segment over a period (spec §8): exact segment totals combined weighted by days
/// (Σ daysᵢ·totalᵢ ÷ Σ daysᵢ), rounded once; the grade from the combined rounded total; pay shared by days.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SegmentedAssessment
{
    internal SegmentedAssessment(string subjectId, AssessmentPeriod period, Scheme scheme, ImmutableArray<SegmentResult> segments, decimal exactTotal, decimal roundedTotal, GradeBand grade, GradeBand earnedGrade, decimal? payout, RoundingPolicy payRounding)
    {
        PayRounding = payRounding;
        var parts = segments.Select(s => s.Segment).ToImmutableArray();
        canonicalScheme = new Lazy<string>(() => PeriodFingerprints.SegmentSchemeText(parts), LazyThreadSafetyMode.PublicationOnly);
        canonicalInput = new Lazy<string>(() => PeriodFingerprints.SegmentInputText(subjectId, period, parts), LazyThreadSafetyMode.PublicationOnly);
        schemeFingerprint = new Lazy<string>(() => Fingerprints.Hash(canonicalScheme.Value), LazyThreadSafetyMode.PublicationOnly);
        inputFingerprint = new Lazy<string>(() => Fingerprints.Hash(canonicalInput.Value), LazyThreadSafetyMode.PublicationOnly);
        fingerprint = new Lazy<string>(() => Fingerprints.Combine(SchemeFingerprint, InputFingerprint), LazyThreadSafetyMode.PublicationOnly);
        SubjectId = subjectId;
        Period = period;
        Scheme = scheme;
        Segments = segments;
        ExactTotal = exactTotal;
        RoundedTotal = roundedTotal;
        Grade = grade;
        EarnedGrade = earnedGrade;
        Payout = payout;
    }

    private readonly Lazy<string> canonicalScheme;
    private readonly Lazy<string> canonicalInput;
    private readonly Lazy<string> schemeFingerprint;
    private readonly Lazy<string> inputFingerprint;
    private readonly Lazy<string> fingerprint;

    /// <summary>
    /// Gets the SHA-256 (64 lowercase hex digits) of the schemes' canonical JSON: for each segment in date order, its
    /// scheme's id, version and <see cref="Model.Scheme.Fingerprint"/> (layout in <c>docs/periods.md</c>). Each segment's
    /// own scheme fingerprint is also on its <see cref="SegmentResult.Assessment"/>.
    /// </summary>
    /// <remarks>Computed once, on first use; thread-safe.</remarks>
    public string SchemeFingerprint => schemeFingerprint.Value;

    /// <summary>
    /// Gets the SHA-256 of the inputs' canonical JSON: the subject, the period's text and dates, and for each segment in
    /// date order its dates and <see cref="SubjectInput.Fingerprint"/>. The order the segments were given in does not matter.
    /// </summary>
    /// <remarks>Computed once, on first use; thread-safe.</remarks>
    public string InputFingerprint => inputFingerprint.Value;

    /// <summary>
    /// Gets the evaluation's fingerprint (spec §9), as <see cref="Assessment.Fingerprint"/>: SHA-256 of the UTF-8 text
    /// <c>SchemeFingerprint + "\n" + InputFingerprint</c>.
    /// </summary>
    /// <remarks>Computed once, on first use; thread-safe.</remarks>
    public string Fingerprint => fingerprint.Value;

    /// <summary>Gets the rounding the payout was computed with (<see cref="EvaluatorOptions.PayRounding"/>).</summary>
    public RoundingPolicy PayRounding { get; }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the scheme whose rounding and grade bands apply to the combined total: the scheme of the last segment (the one in force at the end of the covered dates).</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the segments in date order.</summary>
    public ImmutableArray<SegmentResult> Segments { get; }

    /// <summary>Gets the days the segments cover (days of the period in no segment do not count).</summary>
    public int CoveredDays => Segments.Sum(s => s.Days);

    /// <summary>Gets Σ daysᵢ·exactTotalᵢ ÷ Σ daysᵢ, with one division.</summary>
    public decimal ExactTotal { get; }

    /// <summary>Gets the exact total rounded once by <see cref="Scheme"/>'s policy.</summary>
    public decimal RoundedTotal { get; }

    /// <summary>Gets the grade after the capGrade gates failed in any segment.</summary>
    public GradeBand Grade { get; }

    /// <summary>Gets the grade the rounded total earned in <see cref="Scheme"/>'s bands.</summary>
    public GradeBand EarnedGrade { get; }

    /// <summary>Gets the pay coefficient of <see cref="Grade"/>.</summary>
    public decimal Coefficient => Grade.Coefficient;

    /// <summary>Gets a value indicating whether every segment's share of the pay is cancelled.</summary>
    public bool PayoutCancelled => Segments.All(s => s.PayCancelled);

    /// <summary>Gets the payout: coefficient × Σ over segments not cancelled of base payᵢ × daysᵢ ÷ covered days, rounded once by the pay rounding; null without base pay.</summary>
    public decimal? Payout { get; }

    /// <summary>Gets the canonical JSON <see cref="SchemeFingerprint"/> is taken over.</summary>
    internal string CanonicalSchemeText() => canonicalScheme.Value;

    /// <summary>Gets the canonical JSON <see cref="InputFingerprint"/> is taken over.</summary>
    internal string CanonicalInputText() => canonicalInput.Value;
}

/// <summary>The outcome of a segmented evaluation: a <see cref="SegmentedAssessment"/>, or the problems that prevented it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SegmentedEvaluationResult
{
    internal SegmentedEvaluationResult(string subjectId, SegmentedAssessment? assessment, ImmutableArray<Problem> problems)
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

    /// <summary>Gets the assessment, or <see langword="null"/>.</summary>
    public SegmentedAssessment? Assessment { get; }

    /// <summary>Gets the problems (empty on success); a segment's evaluation problems have paths prefixed <c>segments[i].</c> (i in date order).</summary>
    public ImmutableArray<Problem> Problems { get; }
}

/// <summary>
/// Scores a subject who changes role or scheme (or whose scheme version changes) mid-period, per segment (spec §8).
/// Each segment is evaluated by <see cref="SchemeEvaluator"/> with its own scheme and input.
/// </summary>
/// <remarks>Thread-safe: share one instance; compiled schemes are cached per scheme instance.</remarks>
public sealed class SegmentEvaluator
{
    private readonly ConcurrentDictionary<Scheme, SchemeEvaluator> evaluators = new(ReferenceEqualityComparer.Instance);

    private SegmentEvaluator(EvaluatorOptions options) => Options = options;

    /// <summary>Gets the options every segment is evaluated with.</summary>
    public EvaluatorOptions Options { get; }

    /// <summary>Creates a segment evaluator.</summary>
    /// <param name="options">Options; <see cref="EvaluatorOptions.Default"/> when null.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="ArgumentException">The options' pay rounding is null or their unknown-measure handling is not defined.</exception>
    public static SegmentEvaluator Create(EvaluatorOptions? options = null)
    {
        options ??= EvaluatorOptions.Default;
        if (options.PayRounding is null)
        {
            throw new ArgumentException("EvaluatorOptions.PayRounding must be set.", nameof(options));
        }

        if (!Enum.IsDefined(options.UnknownMeasures))
        {
            throw new ArgumentException("EvaluatorOptions.UnknownMeasures must be a defined UnknownMeasureHandling value.", nameof(options));
        }

        return new SegmentEvaluator(options);
    }

    /// <summary>Evaluates a subject per segment. Data problems come back in the result, never as exceptions.</summary>
    /// <param name="subjectId">The subject; every segment's input must be for it.</param>
    /// <param name="period">The period the segments lie in.</param>
    /// <param name="segments">The segments, in any order; they must not overlap and must lie within the period; gaps are allowed.</param>
    /// <returns>The combined assessment, or every problem that prevented it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="segments"/> holds null.</exception>
    /// <exception cref="InvalidOperationException">A host scorer broke its contract (see <see cref="SchemeEvaluator.Evaluate"/>).</exception>
    public SegmentedEvaluationResult Evaluate(string subjectId, AssessmentPeriod period, IEnumerable<Segment> segments)
    {
        Guard.NotNull(subjectId);
        Guard.NotNull(period);
        var ordered = Guard.NoNullItems(segments).OrderBy(s => s.Dates.Start).ThenBy(s => s.Dates.End).ToList();
        var problems = new List<Problem>();
        void Add(string code, string path, string? value, string message) => problems.Add(new Problem(code, path, value, message, subjectId));

        if (ordered.Count == 0)
        {
            Add(ProblemCodes.SegmentEmpty, "segments", null, $"No segment is given for {period}; give at least one (dates, scheme, input).");
            return new SegmentedEvaluationResult(subjectId, null, [.. problems]);
        }

        var last = ordered[^1].Scheme;
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            var path = $"segments[{i}]";
            if (!string.Equals(s.Input.SubjectId, subjectId, StringComparison.Ordinal))
            {
                Add(ProblemCodes.SegmentSubject, path + ".input", s.Input.SubjectId, $"The input of segment {SchemeVersion.Text(s.Dates)} is for subject '{s.Input.SubjectId}', not '{subjectId}'.");
            }

            if (s.Dates.Start < period.Start || s.Dates.End > period.End)
            {
                Add(ProblemCodes.SegmentOutsidePeriod, path + ".dates", SchemeVersion.Text(s.Dates), $"Segment {SchemeVersion.Text(s.Dates)} has dates outside {period} ({SchemeVersion.Text(period.Interval)}).");
            }

            for (var j = i + 1; j < ordered.Count && ordered[j].Dates.Start <= s.Dates.End; j++)
            {
                var shared = new DateInterval(ordered[j].Dates.Start, LocalDate.Min(s.Dates.End, ordered[j].Dates.End));
                Add(ProblemCodes.SegmentOverlap, $"segments[{j}].dates", SchemeVersion.Text(shared),
                    $"Segments {SchemeVersion.Text(s.Dates)} ({s.Scheme}) and {SchemeVersion.Text(ordered[j].Dates)} ({ordered[j].Scheme}) share {SchemeVersion.Text(shared)}; each day belongs to one segment.");
            }

            if (s.Scheme.Root.Children.FirstOrDefault(c => c is GroupNode { Cadence: not null }) is GroupNode { Cadence: { } cadence } section)
            {
                Add(ProblemCodes.SegmentCadence, path + ".scheme", s.Scheme.ToString(),
                    $"Scheme {s.Scheme} assesses section '{section.Path}' per {Describe(cadence)}, but a segment is scored once, with one input for its dates: a gate decided per {Describe(cadence)} would decide the whole segment and cancel all of its pay. Segments of schemes with section cadences are not supported; evaluate such a scheme with PeriodEvaluator over whole periods.");
            }

            if (s.Scheme.Points != last.Points || !s.Scheme.Rounding.Equals(last.Rounding))
            {
                Add(ProblemCodes.SegmentIncompatible, path + ".scheme", s.Scheme.ToString(),
                    $"Scheme {s.Scheme} (P {DecimalText.Canonical(s.Scheme.Points)}, {s.Scheme.Rounding}) cannot be combined with {last} (P {DecimalText.Canonical(last.Points)}, {last.Rounding}), whose rounding and grades apply to the combined total: totals on different scales or rounded differently are not comparable.");
            }
        }

        var withPay = ordered.Count(s => s.Input.BasePay is not null);
        if (withPay != 0 && withPay != ordered.Count)
        {
            Add(ProblemCodes.SegmentBasePay, "segments", null, "Give base pay with every segment's input or with none; the pay is shared by days.");
        }

        if (problems.Count > 0)
        {
            return new SegmentedEvaluationResult(subjectId, null, [.. problems]);
        }

        var assessments = new Assessment[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var evaluator = evaluators.GetOrAdd(ordered[i].Scheme, scheme => SchemeEvaluator.Create(scheme, Options));
            var result = evaluator.Evaluate(ordered[i].Input);
            foreach (var p in result.Problems)
            {
                problems.Add(new Problem(p.Code, $"segments[{i}]." + p.Path, p.AttemptedValue, p.Message, p.SubjectId));
            }

            assessments[i] = result.Assessment!;
        }

        if (problems.Count > 0)
        {
            return new SegmentedEvaluationResult(subjectId, null, [.. problems]);
        }

        try
        {
            return Combine(subjectId, period, last, ordered, assessments, problems);
        }
        catch (OverflowException)
        {
            Add(ProblemCodes.ValueOverflow, "total", null, "Combining the segments overflowed the decimal range (±7.9e28); check the subject's values for magnitude errors.");
            return new SegmentedEvaluationResult(subjectId, null, [.. problems]);
        }
    }

    private static string Describe(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "month",
        PeriodKind.Quarter => "quarter",
        PeriodKind.HalfYear => "half-year",
        _ => "year",
    };

    /// <summary>Evaluates a subject per segment, throwing when the data has problems.</summary>
    /// <param name="subjectId">The subject.</param>
    /// <param name="period">The period.</param>
    /// <param name="segments">The segments.</param>
    /// <returns>The combined assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="segments"/> holds null.</exception>
    /// <exception cref="EvaluationException">The data has problems; all of them are in <see cref="EvaluationException.Problems"/>.</exception>
    /// <exception cref="InvalidOperationException">A host scorer broke its contract.</exception>
    public SegmentedAssessment EvaluateOrThrow(string subjectId, AssessmentPeriod period, IEnumerable<Segment> segments)
    {
        var result = Evaluate(subjectId, period, segments);
        return result.Assessment ?? throw new EvaluationException(result.SubjectId, result.Problems);
    }

    private SegmentedEvaluationResult Combine(string subjectId, AssessmentPeriod period, Scheme scheme, List<Segment> segments, Assessment[] assessments, List<Problem> problems)
    {
        // One segment is its own total; several: Σ daysᵢ·totalᵢ ÷ Σ daysᵢ, one division.
        var days = 0m;
        var weighted = 0m;
        for (var i = 0; i < segments.Count; i++)
        {
            days += segments[i].Days;
            weighted += segments[i].Days * assessments[i].ExactTotal;
        }

        var exact = segments.Count == 1 ? assessments[0].ExactTotal : weighted / days;
        var rounded = scheme.Rounding.Round(exact);
        var earned = scheme.GradeFor(rounded);
        var grade = earned;
        for (var i = 0; i < assessments.Length; i++)
        {
            foreach (var gate in assessments[i].FailedGates.Where(g => g.Gate.Consequence == GateConsequence.CapGrade))
            {
                if (scheme.FindGrade(gate.Gate.ConsequenceTarget!) is not { } band)
                {
                    problems.Add(new Problem(ProblemCodes.SegmentGradeUnknown, $"segments[{i}].gates.{gate.Gate.Id}", gate.Gate.ConsequenceTarget,
                        $"Gate '{gate.Gate.Id}' of {segments[i].Scheme} failed and caps the grade at '{gate.Gate.ConsequenceTarget}', which {scheme} (whose grades apply to the combined total) does not have.", subjectId));
                }
                else if (band.Rank > grade.Rank)
                {
                    grade = band;
                }
            }
        }

        if (problems.Count > 0)
        {
            return new SegmentedEvaluationResult(subjectId, null, [.. problems]);
        }

        // Pay: coefficient × Σ payable base payᵢ × daysᵢ ÷ covered days, rounded once.
        var results = ImmutableArray.CreateBuilder<SegmentResult>(segments.Count);
        var payable = 0m;
        for (var i = 0; i < segments.Count; i++)
        {
            var share = segments[i].Input.BasePay * grade.Coefficient * segments[i].Days;
            if (share is { } s && !assessments[i].PayoutCancelled)
            {
                payable += s;
            }

            results.Add(new SegmentResult(segments[i], assessments[i], share / days));
        }

        decimal? payout = segments[0].Input.BasePay is null ? null : Options.PayRounding.Round(payable / days);
        return new SegmentedEvaluationResult(subjectId, new SegmentedAssessment(subjectId, period, scheme, results.MoveToImmutable(), exact, rounded, grade, earned, payout, Options.PayRounding), []);
    }
}
