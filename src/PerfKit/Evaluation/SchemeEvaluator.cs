using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Evaluation;

/// <summary>Options of a <see cref="SchemeEvaluator"/>.</summary>
/// <remarks>Immutable once constructed; thread-safe.</remarks>
public sealed class EvaluatorOptions
{
    /// <summary>Gets the default options.</summary>
    public static EvaluatorOptions Default { get; } = new();

    /// <summary>Gets the rounding of the payout to the currency's minor unit (default 2 decimals, AwayFromZero).</summary>
    public RoundingPolicy PayRounding { get; init; } = RoundingPolicy.Default;

    /// <summary>
    /// Gets what happens to a value for a measure the scheme does not read (default <see cref="UnknownMeasureHandling.Reject"/>:
    /// a misspelt key would otherwise leave the real measure missing without a word).
    /// </summary>
    public UnknownMeasureHandling UnknownMeasures { get; init; } = UnknownMeasureHandling.Reject;
}

/// <summary>What an evaluator does with a value for a measure its scheme does not read.</summary>
public enum UnknownMeasureHandling
{
    /// <summary>The subject's evaluation fails with <c>value.unknownMeasure</c> naming the measure (the default).</summary>
    Reject,

    /// <summary>The value is ignored; for hosts that hand every scheme the same superset of measures.</summary>
    Ignore,
}

/// <summary>
/// A scheme compiled once into a flat evaluation plan (nodes in pre-order indexed by position, children as index
/// ranges, measures resolved to slots, gates sorted by the step that decides them), reusable for any number of
/// subjects. Follows the evaluation order of spec §5a exactly. The full path (<see cref="Evaluate"/>) returns the
/// complete <see cref="Assessment"/>; the totals path (<see cref="EvaluateTotals(SubjectInput)"/>
/// and its span overloads) runs the same arithmetic without building the explanation and gives the same decimals.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: share one instance across threads. Each evaluation borrows a private work area from a
/// small per-evaluator pool (or allocates one when the pool is empty), so concurrent calls never share state.
/// </remarks>
public sealed partial class SchemeEvaluator
{
    private readonly EvaluationPlan plan;
    private readonly string fingerprint;
    private readonly Run?[] pool;

    private SchemeEvaluator(Scheme scheme, EvaluatorOptions options)
    {
        Scheme = scheme;
        Options = options;
        fingerprint = scheme.Fingerprint;
        plan = new EvaluationPlan(scheme);
        pool = new Run?[Math.Max(2, Environment.ProcessorCount)];
    }

    /// <summary>Gets the scheme.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the options.</summary>
    public EvaluatorOptions Options { get; }

    /// <summary>Compiles a scheme.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">Options; <see cref="EvaluatorOptions.Default"/> when null.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    /// <exception cref="ArgumentException">The options' pay rounding is null.</exception>
    public static SchemeEvaluator Create(Scheme scheme, EvaluatorOptions? options = null)
    {
        Guard.NotNull(scheme);
        options ??= EvaluatorOptions.Default;
        if (options.PayRounding is null)
        {
            throw new ArgumentException("EvaluatorOptions.PayRounding must be set.", nameof(options));
        }

        if (!Enum.IsDefined(options.UnknownMeasures))
        {
            throw new ArgumentException("EvaluatorOptions.UnknownMeasures must be a defined UnknownMeasureHandling value.", nameof(options));
        }

        return new SchemeEvaluator(scheme, options);
    }

    /// <summary>Evaluates one subject. Data problems come back in the result, never as exceptions.</summary>
    /// <param name="input">The subject's data.</param>
    /// <returns>The assessment, or every problem that prevented it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A host scorer returned a score outside its declared minimum and maximum, or a default <see cref="Scoring.ScoreOutcome"/> (a defect in that scorer).</exception>
    public EvaluationResult Evaluate(SubjectInput input)
    {
        Guard.NotNull(input);
        var run = Rent();
        try
        {
            return EvaluateWith(run, input);
        }
        finally
        {
            ReturnClean(run);
        }
    }

    /// <summary>Evaluates one subject, throwing when its data has problems.</summary>
    /// <param name="input">The subject's data.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="EvaluationException">The data has problems; all of them are in <see cref="EvaluationException.Problems"/>.</exception>
    /// <exception cref="InvalidOperationException">A host scorer returned a score outside its declared range.</exception>
    public Assessment EvaluateOrThrow(SubjectInput input)
    {
        var result = Evaluate(input);
        return result.Assessment ?? throw new EvaluationException(result.SubjectId, result.Problems);
    }

    /// <summary>Evaluates a stream of subjects lazily, one at a time, results in input order; a subject with bad data yields an error result and the batch goes on.</summary>
    /// <param name="inputs">The subjects.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null, or (when enumerated) yields null.</exception>
    public IEnumerable<EvaluationResult> EvaluateMany(IEnumerable<SubjectInput> inputs)
    {
        Guard.NotNull(inputs);
        return Iterate(inputs);

        IEnumerable<EvaluationResult> Iterate(IEnumerable<SubjectInput> source)
        {
            foreach (var input in source)
            {
                yield return Evaluate(input ?? throw new ArgumentNullException(nameof(inputs), "The input sequence yielded null."));
            }
        }
    }

    /// <summary>Evaluates an asynchronous stream of subjects, one at a time, results in input order.</summary>
    /// <param name="inputs">The subjects.</param>
    /// <param name="cancellationToken">Cancels the enumeration between subjects.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null, or (when enumerated) yields null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IAsyncEnumerable<EvaluationResult> EvaluateManyAsync(IAsyncEnumerable<SubjectInput> inputs, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(inputs);
        return Iterate(inputs, cancellationToken);

        async IAsyncEnumerable<EvaluationResult> Iterate(IAsyncEnumerable<SubjectInput> source, [EnumeratorCancellation] CancellationToken token)
        {
            await foreach (var input in source.WithCancellation(token).ConfigureAwait(false))
            {
                token.ThrowIfCancellationRequested();
                yield return Evaluate(input ?? throw new ArgumentNullException(nameof(inputs), "The input sequence yielded null."));
            }
        }
    }

    /// <summary>Takes a work area from the pool, or creates one.</summary>
    private Run Rent()
    {
        var start = Environment.CurrentManagedThreadId;
        for (var n = 0; n < pool.Length; n++)
        {
            if (Interlocked.Exchange(ref pool[(start + n) % pool.Length], null) is { } run)
            {
                return run;
            }
        }

        return new Run(this);
    }

    /// <summary>Gives a work area back to the pool (dropped when the pool is full).</summary>
    private void Return(Run run)
    {
        run.End();
        ReturnClean(run);
    }

    /// <summary>Gives back a work area that holds nothing of its last subject.</summary>
    private void ReturnClean(Run run)
    {
        var start = Environment.CurrentManagedThreadId;
        for (var n = 0; n < pool.Length; n++)
        {
            if (Interlocked.CompareExchange(ref pool[(start + n) % pool.Length], run, null) is null)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The work area of one subject's evaluation, reused subject after subject (cleared when the next subject begins). With
    /// <c>explain</c> it records everything the <see cref="Assessment"/> reports; without, it computes the same numbers
    /// in the same order and records only what the totals need.
    /// </summary>
    private sealed partial class Run
    {
        private readonly SchemeEvaluator evaluator;
        private readonly EvaluationPlan plan;
        private readonly Scheme scheme;
        private readonly int count;
        private readonly decimal?[] numbers;
        private readonly Scoring.RatingSet?[] ratings;
        private readonly Scoring.MeasureValue?[] values;
        private readonly Scoring.MeasureValue?[] originals;
        private readonly bool[] missing;
        private readonly decimal?[] scorerScores;
        private readonly decimal[] scores;
        private readonly bool[] excluded;
        private readonly bool[] zeroRequested;
        private readonly bool[] zeroed;
        private readonly bool[] lowered;
        private readonly bool[] insideLowered;
        private readonly decimal[] computedEffective;
        private readonly decimal[] includedWeight;
        private readonly ImmutableArray<KeyValuePair<string, decimal>>[] intermediates;
        private readonly List<string>?[] notes;
        private readonly Override?[] valueOverrides;
        private readonly Override?[] scoreOverrides;
        private readonly bool[] gatePassed;
        private readonly bool[] gateMissing;
        private readonly decimal?[] gateActual;
        private readonly decimal[] units;
        private readonly decimal[] raw;
        private readonly decimal[] applied;
        private readonly bool[] unitsMissing;
        private readonly decimal[] scopeRemaining;
        private readonly bool[] scopeSeen;
        private readonly bool[] explainOnRead;
        private bool ownExplanations;
        private bool scoreExplained;
        private readonly List<Exclusion> exclusions = [];
        private readonly List<OverrideRecord> overrideRecords = [];
        private SubjectInput? input;
        private bool explain;
        private bool anyExcluded;
        private bool hasOverrides;
        private decimal? basePay;
        private bool cancelled;
        private GradeBand? gradeCap;
        private decimal[] effective;
        private string currentPath = "/";
        private Scoring.MeasureValue? currentValue;

        public Run(SchemeEvaluator evaluator)
        {
            this.evaluator = evaluator;
            plan = evaluator.plan;
            scheme = plan.Scheme;
            count = plan.Count;
            numbers = new decimal?[plan.Measures.Length];
            ratings = new Scoring.RatingSet?[plan.Measures.Length];
            values = new Scoring.MeasureValue?[count];
            originals = new Scoring.MeasureValue?[count];
            missing = new bool[count];
            scorerScores = new decimal?[count];
            scores = new decimal[count];
            excluded = new bool[count];
            zeroRequested = new bool[count];
            zeroed = new bool[count];
            lowered = new bool[count];
            insideLowered = new bool[count];
            computedEffective = new decimal[count];
            includedWeight = new decimal[count];
            intermediates = new ImmutableArray<KeyValuePair<string, decimal>>[count];
            notes = new List<string>?[count];
            valueOverrides = new Override?[count];
            scoreOverrides = new Override?[count];
            gatePassed = new bool[scheme.Gates.Length];
            gateMissing = new bool[scheme.Gates.Length];
            gateActual = new decimal?[scheme.Gates.Length];
            units = new decimal[scheme.Adjustments.Length];
            raw = new decimal[scheme.Adjustments.Length];
            applied = new decimal[scheme.Adjustments.Length];
            unitsMissing = new bool[scheme.Adjustments.Length];
            scopeRemaining = new decimal[count];
            scopeSeen = new bool[count];
            explainOnRead = new bool[count];
            effective = computedEffective;
        }

        public List<Problem> Errors { get; } = [];

        /// <summary>Gets the first problem's code when not explaining (the totals path stops at one).</summary>
        public string? FirstErrorCode { get; private set; }

        /// <summary>Gets the first problem's path when not explaining.</summary>
        public string? FirstErrorPath { get; private set; }

        private bool Failed => FirstErrorCode is not null || Errors.Count > 0;

        /// <summary>Starts a subject read from a <see cref="SubjectInput"/>.</summary>
        public void Begin(SubjectInput subject, bool explain, bool scoreExplained = false)
        {
            Reset(explain);
            this.scoreExplained = scoreExplained;
            input = subject;
            basePay = subject.BasePay;
            if (explain)
            {
                Errors.AddRange(subject.Problems);
            }
            else if (!subject.Problems.IsEmpty)
            {
                FirstErrorCode = subject.Problems[0].Code;
                FirstErrorPath = subject.Problems[0].Path;
            }

            var reject = evaluator.Options.UnknownMeasures == UnknownMeasureHandling.Reject;
            plan.ReadNumbers(subject, numbers, this, reject ? ReportUnknown : IgnoreUnknown);
            if (!subject.Ratings.IsEmpty)
            {
                foreach (var (measure, set) in subject.Ratings)
                {
                    if (plan.SlotByMeasure.TryGetValue(measure, out var slot))
                    {
                        ratings[slot] = set;
                    }
                    else if (reject)
                    {
                        UnknownMeasure(measure);
                    }
                }
            }

            if (!subject.Overrides.IsEmpty)
            {
                ReadOverrides(subject.Overrides);
            }
        }

        /// <summary>Starts a subject given as numbers by measure slot (the totals path; no ratings, no overrides).</summary>
        public void Begin(ReadOnlySpan<decimal?> slots, decimal? pay)
        {
            Reset(explainThis: false);
            slots.CopyTo(numbers);
            basePay = pay;
        }

        /// <summary>Drops the references to the last subject so a pooled work area keeps nothing alive.</summary>
        public void End()
        {
            input = null;
            Errors.Clear();
            exclusions.Clear();
            overrideRecords.Clear();
            if (explain)
            {
                Array.Clear(values);
                Array.Clear(originals);
                Array.Clear(intermediates);
                Array.Clear(notes);
            }

            Array.Clear(ratings);
        }

        private void Reset(bool explainThis)
        {
            explain = explainThis;
            FirstErrorCode = null;
            FirstErrorPath = null;
            Array.Clear(numbers);
            Array.Clear(missing);
            Array.Clear(scorerScores);
            Array.Clear(excluded);
            Array.Clear(zeroRequested);
            Array.Clear(zeroed);
            Array.Clear(lowered);
            Array.Clear(values);
            Array.Clear(scores);
            Array.Clear(explainOnRead);
            ownExplanations = false;
            if (hasOverrides)
            {
                Array.Clear(valueOverrides);
                Array.Clear(scoreOverrides);
                hasOverrides = false;
            }

            foreach (var scope in plan.ScopeNodes)
            {
                scopeSeen[scope] = false;
            }

            anyExcluded = false;
            cancelled = false;
            gradeCap = null;
            currentPath = "/";
            currentValue = null;
        }

        /// <summary>Runs steps 1–10 and builds the assessment (explaining), or null on problems or when not explaining.</summary>
        public Assessment? Execute()
        {
            try
            {
                return ExecuteChecked(out _);
            }
            catch (OverflowException)
            {
                Overflowed();
                return null;
            }
        }

        /// <summary>Runs steps 1–10 without building the explanation.</summary>
        public TotalsResult ExecuteTotals(string? subjectId, Span<bool> gatesPassed)
        {
            TotalsResult totals;
            try
            {
                ExecuteChecked(out totals);
            }
            catch (OverflowException)
            {
                Overflowed();
                totals = default;
            }

            if (Failed)
            {
                return TotalsResult.Failure(subjectId, FirstErrorCode!, FirstErrorPath!);
            }

            if (!gatesPassed.IsEmpty)
            {
                gatePassed.CopyTo(gatesPassed);
            }

            return totals.WithSubject(subjectId);
        }

        private static readonly Func<Run, string, bool> ReportUnknown = static (run, measure) =>
        {
            run.UnknownMeasure(measure);
            return true;
        };

        private static readonly Func<Run, string, bool> IgnoreUnknown = static (_, _) => true;

        private static readonly Func<Run, string, bool> StopAtUnknown = static (_, _) => false;

        private void UnknownMeasure(string measure)
            => Error(ProblemCodes.ValueUnknownMeasure, measure, measure,
                $"Scheme '{scheme.Id}' reads no measure '{measure}'; check the key's spelling, or set EvaluatorOptions.UnknownMeasures to Ignore when subjects carry extra measures.");

        private Assessment? ExecuteChecked(out TotalsResult totals)
        {
            totals = default;

            // Steps 1–2: read values, apply value overrides, score indicators, apply score overrides; read the adjustments' units.
            // An overflow in one indicator is reported and the others are still read, so every problem comes back at once.
            foreach (var i in plan.Indicators)
            {
                try
                {
                    ScoreIndicator(i);
                }
                catch (OverflowException)
                {
                    Overflowed();
                }
            }

            ReadUnits();
            if (Failed)
            {
                return null;
            }

            // Step 3: gates on indicator values and scores; zeroScore.
            foreach (var k in plan.EarlyGates)
            {
                var index = plan.GateNode[k];
                decimal? actual = scheme.Gates[k].Subject == GateSubject.IndicatorValue
                    ? (values[index] is { } v ? v.Number : null)
                    : (excluded[index] ? null : scores[index]);
                Decide(k, actual);
            }

            foreach (var i in plan.Indicators)
            {
                ApplyZero(i);
            }

            // Step 4: group scores bottom-up (every group after its descendants).
            foreach (var g in plan.GroupsBottomUp)
            {
                ScoreGroup(g);
            }

            if (excluded[0])
            {
                Error(ProblemCodes.AllExcluded, "/", null, "Every indicator was excluded, so the scheme has no score for this subject.");
                return null;
            }

            currentPath = "/";
            currentValue = null;
            var basePoints = scores[0] * scheme.Points;
            var needContributions = explain || !plan.ContributionsCannotOverflow;
            if (needContributions)
            {
                ComputeEffectiveWeights();
            }

            // Step 5: bonuses and penalties.
            ApplyAdjustments(basePoints, out var bonus, out var penalty);

            // Steps 6–7: one clamp, one rounding.
            currentPath = "total";
            currentValue = null;
            var unclamped = basePoints + bonus - penalty;
            var exact = Math.Clamp(unclamped, plan.MinPoints, plan.MaxPoints);
            var rounded = scheme.Rounding.Round(exact);

            // Step 8: gates on base and total.
            foreach (var k in plan.LateGates)
            {
                Decide(k, scheme.Gates[k].Subject == GateSubject.Base ? basePoints : rounded);
            }

            // Step 9: grade, then capGrade.
            var earned = scheme.GradeFor(rounded);
            var grade = gradeCap is { } cap && cap.Rank > earned.Rank ? cap : earned;

            // Where a contribution might overflow, every one is computed here, before the payout, so that an overflow is
            // reported as a problem (the result tree computes them again when read, knowing they fit).
            if (!plan.ContributionsCannotOverflow)
            {
                for (var i = 0; i < count; i++)
                {
                    _ = Contribution(i);
                }
            }

            // Step 10: payout.
            currentPath = "basePay";
            currentValue = basePay is { } given ? Scoring.MeasureValue.Of(given) : null;
            decimal? payout = basePay is { } pay
                ? (cancelled ? 0m : evaluator.Options.PayRounding.Round(pay * grade.Coefficient))
                : null;

            if (!explain)
            {
                var failedGates = 0;
                foreach (var passed in gatePassed)
                {
                    failedGates += passed ? 0 : 1;
                }

                totals = new TotalsResult(null, basePoints, bonus, penalty, unclamped, exact, rounded, grade.Rank, earned.Rank, grade.Coefficient, cancelled, failedGates, payout);
                return null;
            }

            return new Assessment(scheme, evaluator.fingerprint, input!, Record(kernel: false), basePoints, bonus, penalty, unclamped, exact, rounded, grade, earned,
                cancelled, ToImmutable(exclusions), ToImmutable(overrideRecords), basePay, payout);
        }

        /// <summary>
        /// Copies what the assessment explains out of the work area (which the next subject reuses). After the
        /// straight-line kernel (<paramref name="kernel"/>) only the scores, the slots, the gates and the adjustments
        /// hold this subject's figures: every value was present, nothing was excluded, zeroed or overridden.
        /// </summary>
        private AssessmentDetail Record(bool kernel)
        {
            var data = new decimal[AssessmentDetail.DataLength(plan, kernel)];
            var flagCount = AssessmentDetail.FlagsLength(plan, kernel);
            var flags = flagCount == 0 ? [] : new byte[flagCount];
            Array.Copy(scores, data, count);
            if (!kernel)
            {
                foreach (var i in plan.Indicators)
                {
                    byte f = 0;
                    if (scorerScores[i] is { } scorerScore)
                    {
                        data[count + i] = scorerScore;
                        f |= AssessmentDetail.HasScorerScore;
                    }

                    if (values[i] is { Kind: Scoring.MeasureKind.Number } value)
                    {
                        data[(2 * count) + i] = value.Number;
                        f |= AssessmentDetail.HasNumber;
                    }

                    f |= missing[i] ? AssessmentDetail.Missing : (byte)0;
                    f |= explainOnRead[i] ? AssessmentDetail.ExplainOnRead : (byte)0;
                    flags[i] = f;
                }

                for (var i = 0; i < count; i++)
                {
                    flags[i] |= (byte)((excluded[i] ? AssessmentDetail.Excluded : 0) | (zeroed[i] ? AssessmentDetail.Zeroed : 0) | (insideLowered[i] ? AssessmentDetail.InsideLowered : 0));
                }
            }

            var gateAt = AssessmentDetail.GateOffset(plan, kernel);
            var gateFlagAt = AssessmentDetail.GateFlagOffset(plan, kernel);
            for (var k = 0; k < scheme.Gates.Length; k++)
            {
                var missingActual = !kernel && gateMissing[k];
                data[gateAt + k] = missingActual ? 0m : gateActual[k]!.Value;
                flags[gateFlagAt + k] = (byte)((gatePassed[k] ? AssessmentDetail.Passed : 0) | (missingActual ? AssessmentDetail.GateMissing : 0));
            }

            var adjustmentAt = AssessmentDetail.AdjustmentOffset(plan, kernel);
            var adjustmentFlagAt = gateFlagAt + scheme.Gates.Length;
            for (var k = 0; k < scheme.Adjustments.Length; k++)
            {
                data[adjustmentAt + (3 * k)] = units[k];
                data[adjustmentAt + (3 * k) + 1] = raw[k];
                data[adjustmentAt + (3 * k) + 2] = applied[k];
                flags[adjustmentFlagAt + k] = !kernel && unitsMissing[k] ? AssessmentDetail.UnitsMissing : (byte)0;
            }

            // Copied only when this subject has them: rating values, overridden originals, a host scorer's explanation or notes.
            var fullWeights = kernel || ReferenceEquals(effective, plan.FullEffectiveWeights);
            return new AssessmentDetail(
                plan,
                input!,
                kernel,
                data,
                flags,
                fullWeights ? plan.FullEffectiveWeights! : (decimal[])effective.Clone(),
                !kernel && plan.HasRatingIndicators ? (Scoring.MeasureValue?[])values.Clone() : null,
                !kernel && overrideRecords.Count > 0 ? (Scoring.MeasureValue?[])originals.Clone() : null,
                !kernel && ownExplanations ? (ImmutableArray<KeyValuePair<string, decimal>>[])intermediates.Clone() : null,
                !kernel && ownExplanations ? CopyNotes() : null);
        }

        private List<string>?[] CopyNotes()
        {
            var copy = new List<string>?[count];
            for (var i = 0; i < count; i++)
            {
                copy[i] = notes[i] is { } list ? [.. list] : null;
            }

            return copy;
        }

        private static ImmutableArray<T> ToImmutable<T>(List<T> list) => list.Count == 0 ? [] : [.. list];

        private void ReadOverrides(ImmutableArray<Override> overrides)
        {
            hasOverrides = true;
            foreach (var o in overrides)
            {
                var path = Scheme.NormalizePath(o.Path);
                if (!plan.IndexByPath.TryGetValue(path, out var index) || plan.Indicator[index] is not { } indicator)
                {
                    Error(ProblemCodes.OverrideUnknownNode, o.Path, DecimalText.Canonical(o.Replacement), "An override must name an indicator of the scheme by its path.");
                    continue;
                }

                // An invalid override is reported and never applied (a number handed to a rating scorer would not be a value it can read).
                var target = o.Kind == OverrideKind.Value ? valueOverrides : scoreOverrides;
                if (target[index] is not null)
                {
                    Error(ProblemCodes.OverrideInvalid, path, DecimalText.Canonical(o.Replacement), $"Two {o.Kind.ToString().ToLowerInvariant()} overrides name this indicator; give one.");
                }
                else if (o.Kind == OverrideKind.Value && indicator.Scorer.InputKind != Scoring.MeasureKind.Number)
                {
                    Error(ProblemCodes.OverrideInvalid, path, DecimalText.Canonical(o.Replacement), "A rating indicator's value cannot be overridden by a number; override its score instead.");
                }
                else if (o.Kind == OverrideKind.Score && (o.Replacement < indicator.Scorer.MinimumScore || o.Replacement > indicator.Scorer.MaximumScore))
                {
                    Error(ProblemCodes.ScoreOutOfRange, path, DecimalText.Canonical(o.Replacement),
                        $"A score override must lie within the scorer's range [{DecimalText.Canonical(indicator.Scorer.MinimumScore)}, {DecimalText.Canonical(indicator.Scorer.MaximumScore)}].");
                }
                else
                {
                    target[index] = o;
                }
            }
        }

        private void ScoreIndicator(int i)
        {
            var node = plan.Indicator[i]!;
            currentPath = node.Path;
            currentValue = null;
            // A prorated indicator scores with its parameters scaled by the subject's presence (values by slot carry none).
            var scorer = input is null ? node.Scorer : Periods.Proration.ScorerFor(node, input);
            var slot = plan.Slot[i];
            Scoring.MeasureValue? value = null;
            if (!plan.ReadsRatings[i])
            {
                if (numbers[slot] is { } number)
                {
                    value = Scoring.MeasureValue.Of(number);
                }
                else if (ratings[slot] is { } given)
                {
                    Error(ProblemCodes.ValueKind, node.Path, given.ToString(), $"Measure '{node.Measure}' was given ratings, but indicator '{node.Names.Default}' reads a number.");
                    return;
                }
            }
            else if (ratings[slot] is { } set)
            {
                value = Scoring.MeasureValue.Of(set);
            }
            else if (numbers[slot] is { } wrong)
            {
                Error(ProblemCodes.ValueKind, node.Path, DecimalText.Canonical(wrong), $"Measure '{node.Measure}' was given a number, but indicator '{node.Names.Default}' reads ratings by rater role.");
                return;
            }

            if (hasOverrides && valueOverrides[i] is { } valueOverride)
            {
                if (explain)
                {
                    originals[i] = value;
                    overrideRecords.Add(new OverrideRecord(valueOverride, value, null));
                }

                value = Scoring.MeasureValue.Of(valueOverride.Replacement);
            }

            values[i] = value;
            currentValue = value;
            var isMissing = value is null;
            if (value is { } present)
            {
                // A built-in number scorer scores without building its explanation, which the result asks it for when read.
                var numberScorer = scoreExplained ? null : ReferenceEquals(scorer, node.Scorer) ? plan.NumberScorers[i] : scorer as Scoring.BuiltIn.INumberScorer;
                if (numberScorer is not null)
                {
                    scorerScores[i] = numberScorer.ScoreNumber(present.Number);
                    explainOnRead[i] = explain;
                }
                else
                {
                    var outcome = scorer.Score(present);
                    if (!outcome.IsValid && outcome.ErrorCode is null)
                    {
                        throw new InvalidOperationException(
                            $"Scorer '{node.ScorerSpec.Kind}' at '{node.Path}' returned default(ScoreOutcome); return ScoreOutcome.Scored, Invalid or Missing.");
                    }

                    if (outcome.IsMissing)
                    {
                        isMissing = true;
                        Note(i, outcome.ErrorMessage!);
                    }
                    else if (!outcome.IsValid)
                    {
                        Error(outcome.ErrorCode!, node.Path, present.ToString(), outcome.ErrorMessage!);
                        return;
                    }
                    else
                    {
                        if (outcome.Score < scorer.MinimumScore || outcome.Score > scorer.MaximumScore)
                        {
                            throw new InvalidOperationException(
                                $"Scorer '{node.ScorerSpec.Kind}' at '{node.Path}' returned {DecimalText.Canonical(outcome.Score)}, outside its declared range [{DecimalText.Canonical(scorer.MinimumScore)}, {DecimalText.Canonical(scorer.MaximumScore)}].");
                        }

                        scorerScores[i] = outcome.Score;
                        if (explain)
                        {
                            ownExplanations = true;
                            intermediates[i] = outcome.Intermediates;
                            foreach (var n in outcome.Notes)
                            {
                                Note(i, n);
                            }
                        }
                    }
                }
            }

            missing[i] = isMissing;
            var scoreOverride = hasOverrides ? scoreOverrides[i] : null;
            if (isMissing && scoreOverride is null)
            {
                switch (node.Missing)
                {
                    case MissingValuePolicy.Error:
                        if (!Unreadable(node.Measure))
                        {
                            Error(ProblemCodes.ValueMissing, node.Path, null, $"Indicator '{node.Names.Default}' has no value for measure '{node.Measure}' and its missing-value policy is 'error'.");
                        }

                        return;
                    case MissingValuePolicy.Minimum:
                        scorerScores[i] = scorer.MinimumScore;
                        Note(i, "value missing: scored the scorer's minimum");
                        break;
                    default:
                        excluded[i] = true;
                        anyExcluded = true;
                        if (explain)
                        {
                            exclusions.Add(new Exclusion(node.Path, $"value of measure '{node.Measure}' missing; policy 'exclude'"));
                        }

                        return;
                }
            }

            scores[i] = scorerScores[i] ?? 0m;
            if (scoreOverride is not null)
            {
                if (explain)
                {
                    overrideRecords.Add(new OverrideRecord(scoreOverride, null, scorerScores[i]));
                }

                scores[i] = scoreOverride.Replacement;
            }
        }

        private void ScoreGroup(int g)
        {
            var node = plan.Nodes[g];
            currentPath = node.Path.Length == 0 ? "/" : node.Path;
            currentValue = null;
            if (Mean(g, -1, 0m, out includedWeight[g]) is not { } mean)
            {
                excluded[g] = true;
                anyExcluded = true;
                if (g != 0 && explain)
                {
                    exclusions.Add(new Exclusion(node.Path, "all children excluded"));
                }

                // A gate on an excluded group's score has nothing to compare: it is decided as missing (§5).
                for (var j = plan.GroupGateStart[g]; j < plan.GroupGateStart[g + 1]; j++)
                {
                    Decide(plan.GroupGateList[j], null);
                }

                return;
            }

            scores[g] = mean;
            ApplyZero(g);

            // Every gate on this group reads the same score, whatever the declared order; their zeroScore applies after all are decided.
            var score = scores[g];
            for (var j = plan.GroupGateStart[g]; j < plan.GroupGateStart[g + 1]; j++)
            {
                Decide(plan.GroupGateList[j], score);
            }

            ApplyZero(g);
        }

        /// <summary>
        /// The weighted mean Σ wᵢ·sᵢ / Σ wᵢ of group <paramref name="g"/>'s included children in declared order, with child
        /// <paramref name="replaced"/> (if any) scoring <paramref name="replacement"/>; null when every child is excluded.
        /// <paramref name="weightSum"/> receives Σ wᵢ over the included children, which the effective weights reuse.
        /// </summary>
        private decimal? Mean(int g, int replaced, decimal replacement, out decimal weightSum)
        {
            weightSum = 0m;
            var weighted = 0m;
            var lowest = decimal.MaxValue;
            var highest = decimal.MinValue;
            var children = plan.ChildList;
            for (var j = plan.ChildStart[g]; j < plan.ChildStart[g + 1]; j++)
            {
                var c = children[j];
                if (!excluded[c])
                {
                    var w = plan.Weights[c];
                    var s = c == replaced ? replacement : scores[c];
                    weightSum += w;
                    weighted += w * s;
                    if (s < lowest)
                    {
                        lowest = s;
                    }

                    if (s > highest)
                    {
                        highest = s;
                    }
                }
            }

            // A weighted mean lies between its lowest and highest term (spec §2). The products wᵢ·sᵢ are rounded to
            // 28 digits when a score has more (e.g. 1/3), which can push the quotient one unit in the last place past
            // that range (a one-child group scoring above its only child); the clamp removes only that rounding excess.
            if (weightSum == 0m)
            {
                return null;
            }

            var mean = weighted / weightSum;
            return mean < lowest ? lowest : mean > highest ? highest : mean;
        }

        /// <summary>
        /// The points node <paramref name="i"/> adds to the base after gates: the base minus the base recomputed with that
        /// node scoring 0 (ancestors re-averaged in the same order, zeroScore results kept). Computed with the tree's own
        /// arithmetic, not from effective weights (spec §1), so a penalty limited to it leaves exactly the rest of the tree.
        /// </summary>
        private decimal PointsOf(int i, decimal basePoints)
        {
            if (excluded[i])
            {
                return 0m;
            }

            var replacement = 0m;
            for (var g = plan.Parents[i]; g >= 0; g = plan.Parents[g])
            {
                var mean = Mean(g, i, replacement, out _)!.Value;
                replacement = zeroed[g] && mean > 0m ? 0m : mean;
                i = g;
            }

            return basePoints - (replacement * scheme.Points);
        }

        private void ApplyZero(int i)
        {
            if (zeroRequested[i] && !excluded[i] && !zeroed[i])
            {
                zeroed[i] = true;
                if (scores[i] > 0m)
                {
                    scores[i] = 0m;
                    lowered[i] = true;
                }
            }
        }

        private void Decide(int k, decimal? actual)
        {
            var gate = scheme.Gates[k];
            var passed = actual is { } a
                ? (gate.Direction == ScoreDirection.LowerIsBetter ? a <= gate.Threshold : a >= gate.Threshold)
                : gate.OnMissing == GateMissingBehavior.Pass;
            gatePassed[k] = passed;
            gateMissing[k] = actual is null;
            gateActual[k] = actual;
            if (passed)
            {
                return;
            }

            switch (gate.Consequence)
            {
                case GateConsequence.ZeroScore:
                    zeroRequested[plan.GateZeroTarget[k]] = true;
                    break;
                case GateConsequence.CapGrade:
                    var band = plan.GateCapGrade[k]!;
                    if (gradeCap is null || band.Rank > gradeCap.Rank)
                    {
                        gradeCap = band;
                    }

                    break;
                default:
                    cancelled = true;
                    break;
            }
        }

        private void ComputeEffectiveWeights()
        {
            // With nothing excluded every Σw is the full sum, so the plan's weights, computed by the same arithmetic, are these.
            if (!anyExcluded && plan.FullEffectiveWeights is { } full)
            {
                effective = full;
            }
            else
            {
                effective = computedEffective;
                Array.Clear(effective);
                effective[0] = 1m;
                for (var g = 0; g < count; g++)
                {
                    if (plan.Indicator[g] is not null || excluded[g])
                    {
                        continue;
                    }

                    currentPath = plan.Nodes[g].Path;
                    var weightSum = includedWeight[g];
                    for (var j = plan.ChildStart[g]; j < plan.ChildStart[g + 1]; j++)
                    {
                        var c = plan.ChildList[j];
                        effective[c] = excluded[c] ? 0m : effective[g] * plan.Weights[c] / weightSum;
                    }
                }
            }

            Array.Clear(insideLowered);
            for (var g = 0; g < count; g++)
            {
                if (plan.Indicator[g] is not null || excluded[g])
                {
                    continue;
                }

                var inside = insideLowered[g] || lowered[g];
                for (var j = plan.ChildStart[g]; j < plan.ChildStart[g + 1]; j++)
                {
                    insideLowered[plan.ChildList[j]] = inside;
                }
            }
        }

        /// <summary>Points the node adds to the base: 0 when it is excluded or lies inside a group a zeroScore gate lowered to 0.</summary>
        private decimal Contribution(int i) => excluded[i] || insideLowered[i] ? 0m : effective[i] * scores[i] * scheme.Points;

        /// <summary>Reads every adjustment rule's units and its capped raw points (step 1, so their problems are reported with the rest).</summary>
        private void ReadUnits()
        {
            for (var k = 0; k < scheme.Adjustments.Length; k++)
            {
                var rule = scheme.Adjustments[k];
                var path = plan.AdjustmentPath[k];
                currentPath = path;
                currentValue = null;
                units[k] = 0m;
                raw[k] = 0m;
                unitsMissing[k] = false;
                var slot = plan.AdjustmentSlot[k];
                var isMissing = false;
                decimal given = 0m;
                if (numbers[slot] is { } number)
                {
                    given = number;
                }
                else
                {
                    if (ratings[slot] is not null)
                    {
                        Error(ProblemCodes.ValueKind, path, null, $"Measure '{rule.Measure}' was given ratings, but adjustment '{rule.Id}' reads a number of units.");
                        continue;
                    }

                    if (rule.Missing == AdjustmentMissingPolicy.Error)
                    {
                        if (!Unreadable(rule.Measure))
                        {
                            Error(ProblemCodes.ValueMissing, path, null, $"Adjustment '{rule.Id}' has no value for measure '{rule.Measure}' and its missing policy is 'error'.");
                        }

                        continue;
                    }

                    isMissing = true;
                }

                if (given < 0m)
                {
                    Error(ProblemCodes.AdjustmentUnits, path, DecimalText.Canonical(given), $"The units of '{rule.Id}' (measure '{rule.Measure}') must be at least 0; the rule's kind gives the sign.");
                    continue;
                }

                currentValue = Scoring.MeasureValue.Of(given);
                decimal points;
                try
                {
                    points = given * rule.PointsPerUnit;
                }
                catch (OverflowException)
                {
                    Overflowed();
                    continue;
                }

                if (rule.Cap is { } cap && points > cap)
                {
                    points = cap;
                }

                units[k] = given;
                raw[k] = points;
                unitsMissing[k] = isMissing;
            }
        }

        private void ApplyAdjustments(decimal basePoints, out decimal bonus, out decimal penalty)
        {
            bonus = 0m;
            penalty = 0m;
            var remainingBonus = scheme.MaxBonus ?? 0m;
            for (var k = 0; k < scheme.Adjustments.Length; k++)
            {
                var rule = scheme.Adjustments[k];
                var points = raw[k];
                currentPath = plan.AdjustmentPath[k];
                currentValue = Scoring.MeasureValue.Of(units[k]);
                decimal taken;
                if (rule.Kind == AdjustmentKind.Bonus)
                {
                    taken = decimal.Min(points, remainingBonus);
                    remainingBonus -= taken;
                    bonus += taken;
                }
                else if (plan.AdjustmentScope[k] is var scope and >= 0)
                {
                    if (!scopeSeen[scope])
                    {
                        scopeRemaining[scope] = decimal.Max(PointsOf(scope, basePoints), 0m);
                        scopeSeen[scope] = true;
                    }

                    taken = decimal.Min(points, scopeRemaining[scope]);
                    scopeRemaining[scope] -= taken;
                    penalty += taken;
                }
                else
                {
                    taken = points;
                    penalty += taken;
                }

                applied[k] = taken;
            }
        }

        /// <summary>Whether the input already reports the measure's text as unreadable (so it is not reported missing as well).</summary>
        private bool Unreadable(string measure)
        {
            if (input is null)
            {
                return false;
            }

            foreach (var problem in input.Problems)
            {
                if (problem.Code is ProblemCodes.ValueUnparsable or ProblemCodes.ValueNonFinite && string.Equals(problem.Path, measure, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private void Overflowed()
            => Error(ProblemCodes.ValueOverflow, currentPath, currentValue?.ToString(), $"A computation at '{currentPath}' overflowed the decimal range (±7.9e28); check the subject's values for magnitude errors.");

        private void Note(int i, string text)
        {
            if (explain)
            {
                ownExplanations = true;
                (notes[i] ??= []).Add(text);
            }
        }

        private void Error(string code, string path, string? value, string message)
        {
            var shown = path.Length == 0 ? "/" : path;
            if (!explain)
            {
                if (FirstErrorCode is null)
                {
                    FirstErrorCode = code;
                    FirstErrorPath = shown;
                }

                return;
            }

            Errors.Add(new Problem(code, shown, value, message, input!.SubjectId));
        }
    }
}
