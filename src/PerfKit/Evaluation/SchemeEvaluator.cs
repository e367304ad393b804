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
/// A scheme compiled once into a flat evaluation plan (nodes in pre-order, gates sorted by the step that decides them),
/// reusable for any number of subjects. Follows the evaluation order of spec §5a exactly.
/// </summary>
/// <remarks>Immutable and thread-safe: share one instance across threads.</remarks>
public sealed class SchemeEvaluator
{
    private readonly SchemeNode[] nodes;
    private readonly int[][] children;
    private readonly int[] parents;
    private readonly Dictionary<string, int> indexByPath;
    private readonly int[] indicatorIndexes;
    private readonly int[] earlyGates;
    private readonly int[][] gatesByGroup;
    private readonly int[] lateGates;
    private readonly string fingerprint;
    private readonly HashSet<string> measures;

    private SchemeEvaluator(Scheme scheme, EvaluatorOptions options)
    {
        Scheme = scheme;
        Options = options;
        fingerprint = scheme.Fingerprint;
        nodes = [.. scheme.Root.DescendantsAndSelf()];
        measures = new HashSet<string>(scheme.Measures, StringComparer.Ordinal);
        indexByPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            indexByPath[nodes[i].Path] = i;
        }

        children = nodes.Select(n => n is GroupNode g ? g.Children.Select(c => indexByPath[c.Path]).ToArray() : []).ToArray();
        parents = new int[nodes.Length];
        parents[0] = -1;
        for (var g = 0; g < nodes.Length; g++)
        {
            foreach (var c in children[g])
            {
                parents[c] = g;
            }
        }

        indicatorIndexes = Enumerable.Range(0, nodes.Length).Where(i => nodes[i].IsIndicator).ToArray();
        var early = new List<int>();
        var late = new List<int>();
        var byGroup = new List<int>[nodes.Length];
        for (var k = 0; k < scheme.Gates.Length; k++)
        {
            var gate = scheme.Gates[k];
            if (gate.Subject is GateSubject.Base or GateSubject.Total)
            {
                late.Add(k);
            }
            else if (nodes[indexByPath[gate.NodePath!]].IsIndicator)
            {
                early.Add(k);
            }
            else
            {
                (byGroup[indexByPath[gate.NodePath!]] ??= []).Add(k);
            }
        }

        earlyGates = [.. early];
        lateGates = [.. late];
        gatesByGroup = byGroup.Select(l => l?.ToArray() ?? []).ToArray();
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
        var run = new Run(this, input);
        var assessment = run.Execute();
        return new EvaluationResult(input.SubjectId, assessment, [.. run.Errors]);
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

    /// <summary>The state of one subject's evaluation.</summary>
    private sealed class Run
    {
        private readonly SchemeEvaluator plan;
        private readonly SubjectInput input;
        private readonly Scheme scheme;
        private readonly int count;
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
        private readonly decimal[] effective;
        private readonly decimal[] includedWeight;
        private readonly ImmutableArray<KeyValuePair<string, decimal>>[] intermediates;
        private readonly List<string>?[] notes;
        private readonly GateResult?[] gateResults;
        private readonly List<Exclusion> exclusions = [];
        private readonly List<OverrideRecord> overrideRecords = [];
        private readonly List<string> gradeCaps = [];
        private string currentPath = "/";
        private string? currentValue;

        public Run(SchemeEvaluator plan, SubjectInput input)
        {
            this.plan = plan;
            this.input = input;
            scheme = plan.Scheme;
            count = plan.nodes.Length;
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
            effective = new decimal[count];
            includedWeight = new decimal[count];
            intermediates = new ImmutableArray<KeyValuePair<string, decimal>>[count];
            notes = new List<string>?[count];
            gateResults = new GateResult?[scheme.Gates.Length];
            Errors.AddRange(input.Problems);
            if (plan.Options.UnknownMeasures == UnknownMeasureHandling.Reject)
            {
                RejectUnknownMeasures();
            }
        }

        public List<Problem> Errors { get; } = [];

        public Assessment? Execute()
        {
            try
            {
                return ExecuteChecked();
            }
            catch (OverflowException)
            {
                Overflowed();
                return null;
            }
        }

        private void RejectUnknownMeasures()
        {
            foreach (var measure in input.Values.Keys.Concat(input.Ratings.Keys))
            {
                if (!plan.measures.Contains(measure))
                {
                    Error(ProblemCodes.ValueUnknownMeasure, measure, measure,
                        $"Scheme '{scheme.Id}' reads no measure '{measure}'; check the key's spelling, or set EvaluatorOptions.UnknownMeasures to Ignore when subjects carry extra measures.");
                }
            }
        }

        private Assessment? ExecuteChecked()
        {
            var (valueOverrides, scoreOverrides) = ReadOverrides();

            // Steps 1–2: read values, apply value overrides, score indicators, apply score overrides; read the adjustments' units.
            // An overflow in one indicator is reported and the others are still read, so every problem comes back at once.
            foreach (var i in plan.indicatorIndexes)
            {
                try
                {
                    ScoreIndicator(i, valueOverrides, scoreOverrides);
                }
                catch (OverflowException)
                {
                    Overflowed();
                }
            }

            var units = ReadUnits();
            if (Errors.Count > 0)
            {
                return null;
            }

            // Step 3: gates on indicator values and scores; zeroScore.
            foreach (var k in plan.earlyGates)
            {
                var gate = scheme.Gates[k];
                var index = plan.indexByPath[gate.NodePath!];
                decimal? actual = gate.Subject == GateSubject.IndicatorValue
                    ? (values[index] is { } v ? v.Number : null)
                    : (excluded[index] ? null : scores[index]);
                Decide(k, actual);
            }

            foreach (var i in plan.indicatorIndexes)
            {
                ApplyZero(i);
            }

            // Step 4: group scores bottom-up (children precede parents in reverse pre-order).
            for (var i = count - 1; i >= 0; i--)
            {
                if (!plan.nodes[i].IsIndicator)
                {
                    ScoreGroup(i);
                }
            }

            if (excluded[0])
            {
                Error(ProblemCodes.AllExcluded, "/", null, "Every indicator was excluded, so the scheme has no score for this subject.");
                return null;
            }

            currentPath = "/";
            currentValue = null;
            var basePoints = scores[0] * scheme.Points;
            ComputeEffectiveWeights();

            // Step 5: bonuses and penalties.
            var adjustments = ApplyAdjustments(units, basePoints, out var bonus, out var penalty);

            // Steps 6–7: one clamp, one rounding.
            currentPath = "total";
            currentValue = null;
            var unclamped = basePoints + bonus - penalty;
            var exact = Math.Clamp(unclamped, scheme.MinPoints, scheme.MaxPoints);
            var rounded = scheme.Rounding.Round(exact);

            // Step 8: gates on base and total.
            foreach (var k in plan.lateGates)
            {
                Decide(k, scheme.Gates[k].Subject == GateSubject.Base ? basePoints : rounded);
            }

            // Step 9: grade, then capGrade.
            var earned = scheme.GradeFor(rounded);
            var grade = earned;
            foreach (var cap in gradeCaps)
            {
                var band = scheme.FindGrade(cap)!;
                if (band.Rank > grade.Rank)
                {
                    grade = band;
                }
            }

            var tree = BuildResult(0);

            // Step 10: payout.
            var gates = gateResults.Select(g => g!).ToImmutableArray();
            var cancelled = gates.Any(g => !g.Passed && g.Gate.Consequence == GateConsequence.CancelPayout);
            currentPath = "basePay";
            currentValue = input.BasePay is { } given ? DecimalText.Canonical(given) : null;
            decimal? payout = input.BasePay is { } pay
                ? (cancelled ? 0m : plan.Options.PayRounding.Round(pay * grade.Coefficient))
                : null;

            return new Assessment(scheme, plan.fingerprint, input, input.SubjectId, tree, basePoints, bonus, penalty, unclamped, exact, rounded, grade, earned,
                gates, adjustments, [.. exclusions], [.. overrideRecords], input.BasePay, payout);
        }

        private (Dictionary<int, Override> Values, Dictionary<int, Override> Scores) ReadOverrides()
        {
            var valueOverrides = new Dictionary<int, Override>();
            var scoreOverrides = new Dictionary<int, Override>();
            foreach (var o in input.Overrides)
            {
                var path = Scheme.NormalizePath(o.Path);
                if (!plan.indexByPath.TryGetValue(path, out var index) || plan.nodes[index] is not IndicatorNode indicator)
                {
                    Error(ProblemCodes.OverrideUnknownNode, o.Path, DecimalText.Canonical(o.Replacement), "An override must name an indicator of the scheme by its path.");
                    continue;
                }

                // An invalid override is reported and never applied (a number handed to a rating scorer would not be a value it can read).
                var target = o.Kind == OverrideKind.Value ? valueOverrides : scoreOverrides;
                if (target.ContainsKey(index))
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
                    target.Add(index, o);
                }
            }

            return (valueOverrides, scoreOverrides);
        }

        private void ScoreIndicator(int i, Dictionary<int, Override> valueOverrides, Dictionary<int, Override> scoreOverrides)
        {
            var node = (IndicatorNode)plan.nodes[i];
            currentPath = node.Path;
            currentValue = null;
            var scorer = Periods.Proration.ScorerFor(node, input);
            Scoring.MeasureValue? value = null;
            if (scorer.InputKind == Scoring.MeasureKind.Number)
            {
                if (input.Values.TryGetValue(node.Measure, out var number))
                {
                    value = Scoring.MeasureValue.Of(number);
                }
                else if (input.Ratings.ContainsKey(node.Measure))
                {
                    Error(ProblemCodes.ValueKind, node.Path, input.Ratings[node.Measure].ToString(), $"Measure '{node.Measure}' was given ratings, but indicator '{node.Names.Default}' reads a number.");
                    return;
                }
            }
            else if (input.Ratings.TryGetValue(node.Measure, out var ratings))
            {
                value = Scoring.MeasureValue.Of(ratings);
            }
            else if (input.Values.TryGetValue(node.Measure, out var wrong))
            {
                Error(ProblemCodes.ValueKind, node.Path, DecimalText.Canonical(wrong), $"Measure '{node.Measure}' was given a number, but indicator '{node.Names.Default}' reads ratings by rater role.");
                return;
            }

            if (valueOverrides.TryGetValue(i, out var valueOverride))
            {
                originals[i] = value;
                overrideRecords.Add(new OverrideRecord(valueOverride, value, null));
                value = Scoring.MeasureValue.Of(valueOverride.Replacement);
            }

            values[i] = value;
            currentValue = value?.ToString();
            var isMissing = value is null;
            if (value is { } present)
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
                    intermediates[i] = outcome.Intermediates;
                    foreach (var n in outcome.Notes)
                    {
                        Note(i, n);
                    }
                }
            }

            missing[i] = isMissing;
            scoreOverrides.TryGetValue(i, out var scoreOverride);
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
                        exclusions.Add(new Exclusion(node.Path, $"value of measure '{node.Measure}' missing; policy 'exclude'"));
                        return;
                }
            }

            scores[i] = scorerScores[i] ?? 0m;
            if (scoreOverride is not null)
            {
                overrideRecords.Add(new OverrideRecord(scoreOverride, null, scorerScores[i]));
                scores[i] = scoreOverride.Replacement;
            }
        }

        private void ScoreGroup(int g)
        {
            var node = plan.nodes[g];
            currentPath = node.Path.Length == 0 ? "/" : node.Path;
            currentValue = null;
            if (Mean(g, -1, 0m, out includedWeight[g]) is not { } mean)
            {
                excluded[g] = true;
                if (g != 0)
                {
                    exclusions.Add(new Exclusion(node.Path, "all children excluded"));
                }

                // A gate on an excluded group's score has nothing to compare: it is decided as missing (§5).
                foreach (var k in plan.gatesByGroup[g])
                {
                    Decide(k, null);
                }

                return;
            }

            scores[g] = mean;
            ApplyZero(g);

            // Every gate on this group reads the same score, whatever the declared order; their zeroScore applies after all are decided.
            var score = scores[g];
            foreach (var k in plan.gatesByGroup[g])
            {
                Decide(k, score);
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
            foreach (var c in plan.children[g])
            {
                if (!excluded[c])
                {
                    var w = plan.nodes[c].Weight;
                    var s = c == replaced ? replacement : scores[c];
                    weightSum += w;
                    weighted += w * s;
                    lowest = decimal.Min(lowest, s);
                    highest = decimal.Max(highest, s);
                }
            }

            // A weighted mean lies between its lowest and highest term (spec §2). The products wᵢ·sᵢ are rounded to
            // 28 digits when a score has more (e.g. 1/3), which can push the quotient one unit in the last place past
            // that range (a one-child group scoring above its only child); the clamp removes only that rounding excess.
            return weightSum == 0m ? null : Math.Clamp(weighted / weightSum, lowest, highest);
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
            for (var g = plan.parents[i]; g >= 0; g = plan.parents[g])
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
            gateResults[k] = new GateResult(gate, passed, actual is null, actual);
            if (passed)
            {
                return;
            }

            switch (gate.Consequence)
            {
                case GateConsequence.ZeroScore:
                    zeroRequested[plan.indexByPath[gate.ConsequenceTarget!]] = true;
                    break;
                case GateConsequence.CapGrade:
                    gradeCaps.Add(gate.ConsequenceTarget!);
                    break;
                default:
                    break;
            }
        }

        private void ComputeEffectiveWeights()
        {
            effective[0] = 1m;
            for (var g = 0; g < count; g++)
            {
                if (plan.nodes[g].IsIndicator || excluded[g])
                {
                    continue;
                }

                currentPath = plan.nodes[g].Path;
                var weightSum = includedWeight[g];
                foreach (var c in plan.children[g])
                {
                    effective[c] = excluded[c] ? 0m : effective[g] * plan.nodes[c].Weight / weightSum;
                    insideLowered[c] = insideLowered[g] || lowered[g];
                }
            }
        }

        /// <summary>Points the node adds to the base: 0 when it is excluded or lies inside a group a zeroScore gate lowered to 0.</summary>
        private decimal Contribution(int i) => excluded[i] || insideLowered[i] ? 0m : effective[i] * scores[i] * scheme.Points;

        /// <summary>Reads every adjustment rule's units and its capped raw points (step 1, so their problems are reported with the rest).</summary>
        private (decimal Units, decimal Raw, bool Missing)[] ReadUnits()
        {
            var read = new (decimal Units, decimal Raw, bool Missing)[scheme.Adjustments.Length];
            for (var k = 0; k < scheme.Adjustments.Length; k++)
            {
                var rule = scheme.Adjustments[k];
                var path = "adjustments." + rule.Id;
                currentPath = path;
                currentValue = null;
                var unitsMissing = false;
                if (!input.Values.TryGetValue(rule.Measure, out var units))
                {
                    if (input.Ratings.ContainsKey(rule.Measure))
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

                    unitsMissing = true;
                }

                if (units < 0m)
                {
                    Error(ProblemCodes.AdjustmentUnits, path, DecimalText.Canonical(units), $"The units of '{rule.Id}' (measure '{rule.Measure}') must be at least 0; the rule's kind gives the sign.");
                    continue;
                }

                currentValue = DecimalText.Canonical(units);
                decimal raw;
                try
                {
                    raw = units * rule.PointsPerUnit;
                }
                catch (OverflowException)
                {
                    Overflowed();
                    continue;
                }

                if (rule.Cap is { } cap && raw > cap)
                {
                    raw = cap;
                }

                read[k] = (units, raw, unitsMissing);
            }

            return read;
        }

        private ImmutableArray<AdjustmentResult> ApplyAdjustments((decimal Units, decimal Raw, bool Missing)[] read, decimal basePoints, out decimal bonus, out decimal penalty)
        {
            bonus = 0m;
            penalty = 0m;
            var remainingBonus = scheme.MaxBonus ?? 0m;
            var remainingByScope = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var results = ImmutableArray.CreateBuilder<AdjustmentResult>(scheme.Adjustments.Length);
            for (var k = 0; k < scheme.Adjustments.Length; k++)
            {
                var rule = scheme.Adjustments[k];
                var (units, raw, unitsMissing) = read[k];
                currentPath = "adjustments." + rule.Id;
                currentValue = DecimalText.Canonical(units);
                decimal applied;
                if (rule.Kind == AdjustmentKind.Bonus)
                {
                    applied = decimal.Min(raw, remainingBonus);
                    remainingBonus -= applied;
                    bonus += applied;
                }
                else if (rule.ScopePath is { } scope)
                {
                    if (!remainingByScope.TryGetValue(scope, out var limit))
                    {
                        limit = decimal.Max(PointsOf(plan.indexByPath[scope], basePoints), 0m);
                    }

                    applied = decimal.Min(raw, limit);
                    remainingByScope[scope] = limit - applied;
                    penalty += applied;
                }
                else
                {
                    applied = raw;
                    penalty += applied;
                }

                results.Add(new AdjustmentResult(rule, units, raw, applied, raw - applied, unitsMissing));
            }

            return results.ToImmutable();
        }

        private NodeResult BuildResult(int i)
        {
            var node = plan.nodes[i];
            var kids = plan.children[i];
            var childResults = ImmutableArray.CreateBuilder<NodeResult>(kids.Length);
            foreach (var c in kids)
            {
                childResults.Add(BuildResult(c));
            }

            var isExcluded = excluded[i];
            return new NodeResult(
                node,
                values[i],
                originals[i],
                missing[i],
                node.IsIndicator && !isExcluded ? scorerScores[i] : null,
                isExcluded ? null : scores[i],
                isExcluded,
                zeroed[i],
                effective[i],
                Contribution(i),
                intermediates[i].IsDefault ? [] : intermediates[i],
                notes[i] is { } list ? [.. list] : [],
                childResults.MoveToImmutable());
        }

        /// <summary>Whether the input already reports the measure's text as unreadable (so it is not reported missing as well).</summary>
        private bool Unreadable(string measure)
        {
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
            => Error(ProblemCodes.ValueOverflow, currentPath, currentValue, $"A computation at '{currentPath}' overflowed the decimal range (±7.9e28); check the subject's values for magnitude errors.");

        private void Note(int i, string text) => (notes[i] ??= []).Add(text);

        private void Error(string code, string path, string? value, string message)
            => Errors.Add(new Problem(code, path.Length == 0 ? "/" : path, value, message, input.SubjectId));
    }
}
