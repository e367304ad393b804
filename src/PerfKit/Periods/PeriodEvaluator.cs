using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Periods;

/// <summary>
/// Evaluates a scheme whose sections have their own cadences over a period (spec §8): e.g. an A-bank quarter is
/// 50% × the mean of the three monthly section scores + 50% × the quarterly section score, exact values combined and
/// the total rounded once; a monthly gate cancels only that month's share of the pay.
/// </summary>
/// <remarks>
/// <para>Inputs: one <see cref="SubjectInput"/> per sub-period of each declared cadence (the three months of a
/// quarter for a monthly section), keyed by that sub-period, and one keyed by the evaluated period itself for the
/// sections without a cadence or with the period's own cadence, for the bonus and penalty units and for the base pay.
/// The order of the inputs does not matter. The whole period's input is required when some section is assessed once
/// for the whole period; without it, adjustments read no units and there is no base pay.</para>
/// <para>Each sub-period is scored by <see cref="SchemeEvaluator"/> on the scheme restricted to its sections and
/// their gates; a section's period score is the mean of its sub-period scores; the root is Σ wᵢ·mᵢ ÷ Σ wᵢ; bonuses,
/// penalties, the clamp, the rounding and the gates on the root's score, base and total apply once, for the period.
/// A scheme without cadences is evaluated by <see cref="SchemeEvaluator"/> with the whole period's input.</para>
/// <para>Immutable and thread-safe: share one instance.</para>
/// </remarks>
public sealed class PeriodEvaluator
{
    private static readonly PeriodKind[] CalendarKinds = [PeriodKind.Month, PeriodKind.Quarter, PeriodKind.HalfYear, PeriodKind.Year];
    private readonly SchemeEvaluator? whole;
    private readonly ConcurrentDictionary<string, SchemeEvaluator> views = new(StringComparer.Ordinal);
    private readonly EvaluatorOptions viewOptions;

    private PeriodEvaluator(Scheme scheme, EvaluatorOptions options)
    {
        Scheme = scheme;
        Options = options;
        viewOptions = new EvaluatorOptions { PayRounding = options.PayRounding, UnknownMeasures = UnknownMeasureHandling.Ignore };
        HasCadences = scheme.Root.Children.Any(c => c is GroupNode { Cadence: not null });
        if (!HasCadences)
        {
            whole = SchemeEvaluator.Create(scheme, options);
        }
    }

    /// <summary>Gets the scheme.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the options (pay rounding; unknown measures are checked per sub-period against the measures its sections read).</summary>
    public EvaluatorOptions Options { get; }

    /// <summary>Gets a value indicating whether any section of the scheme declares a cadence.</summary>
    public bool HasCadences { get; }

    /// <summary>Prepares a scheme for evaluation over periods.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">Options; <see cref="EvaluatorOptions.Default"/> when null.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    /// <exception cref="ArgumentException">The options' pay rounding is null or their unknown-measure handling is not defined.</exception>
    public static PeriodEvaluator Create(Scheme scheme, EvaluatorOptions? options = null)
    {
        Guard.NotNull(scheme);
        options ??= EvaluatorOptions.Default;

        // Let the single-period evaluator check the options, so both refuse the same ones.
        SchemeEvaluator.Create(scheme, options);
        return new PeriodEvaluator(scheme, options);
    }

    /// <summary>Evaluates one subject over a period. Data problems come back in the result, never as exceptions.</summary>
    /// <param name="subjectId">The subject; every input must be for it.</param>
    /// <param name="period">The evaluated period, made of whole periods of every section's cadence.</param>
    /// <param name="inputs">One input per sub-period (keyed by it) and optionally one for the whole period, in any order.</param>
    /// <returns>The period's assessment, or every problem that prevented it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or an input or its key is null.</exception>
    /// <exception cref="InvalidOperationException">A host scorer broke its contract (see <see cref="SchemeEvaluator.Evaluate"/>).</exception>
    public PeriodEvaluationResult Evaluate(string subjectId, AssessmentPeriod period, IEnumerable<KeyValuePair<AssessmentPeriod, SubjectInput>> inputs)
    {
        Guard.NotNull(subjectId);
        Guard.NotNull(period);
        var given = Guard.NotNull(inputs).ToList();
        foreach (var (key, value) in given)
        {
            if (key is null || value is null)
            {
                throw new ArgumentNullException(nameof(inputs), "Every input needs a period and a SubjectInput.");
            }
        }

        var run = new PeriodRun(this, subjectId, period, given);
        var assessment = run.Execute();
        return new PeriodEvaluationResult(subjectId, assessment, [.. run.Problems]);
    }

    /// <summary>Evaluates one subject over a period, throwing when the data has problems.</summary>
    /// <param name="subjectId">The subject.</param>
    /// <param name="period">The evaluated period.</param>
    /// <param name="inputs">The inputs, as for <see cref="Evaluate"/>.</param>
    /// <returns>The period's assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="EvaluationException">The data has problems; all of them are in <see cref="EvaluationException.Problems"/>.</exception>
    /// <exception cref="InvalidOperationException">A host scorer broke its contract.</exception>
    public PeriodAssessment EvaluateOrThrow(string subjectId, AssessmentPeriod period, IEnumerable<KeyValuePair<AssessmentPeriod, SubjectInput>> inputs)
    {
        var result = Evaluate(subjectId, period, inputs);
        return result.Assessment ?? throw new EvaluationException(result.SubjectId, result.Problems);
    }

    private static int Rank(PeriodKind kind) => Array.IndexOf(CalendarKinds, kind);

    /// <summary>The evaluator of the scheme restricted to some sections and the gates on their nodes, built once per set of sections.</summary>
    private SchemeEvaluator View(ImmutableArray<SchemeNode> sections)
    {
        var key = string.Join("\n", sections.Select(s => s.Path));
        return views.GetOrAdd(key, _ =>
        {
            var s = Scheme;
            var root = new GroupNode(s.Root.Id, string.Empty, s.Root.Names, 1m, 1m, s.Root.Kind, s.Root.ChildWeights, sections);
            var gates = s.Gates.Where(g => g.NodePath is { Length: > 0 } path && sections.Any(x => Within(path, x.Path))).ToImmutableArray();
            var view = new Scheme(s.Id, s.Version, s.Names, s.Points, s.Rounding, s.Grades, gates, [], null, s.DeclaredMinPoints, s.DeclaredMaxPoints, root);
            return SchemeEvaluator.Create(view, viewOptions);
        });
    }

    private static bool Within(string path, string section)
        => string.Equals(path, section, StringComparison.Ordinal) || path.StartsWith(section + "/", StringComparison.Ordinal);

    /// <summary>One subject's evaluation over a period.</summary>
    private sealed class PeriodRun(PeriodEvaluator owner, string subjectId, AssessmentPeriod period, List<KeyValuePair<AssessmentPeriod, SubjectInput>> given)
    {
        private readonly Scheme scheme = owner.Scheme;
        private readonly Dictionary<AssessmentPeriod, SubjectInput> inputs = [];

        public List<Problem> Problems { get; } = [];

        public PeriodAssessment? Execute()
        {
            // Buckets: the sections of each declared cadence finer than the period, then those assessed once for the period.
            var wholeKind = period.Kind;
            var buckets = new List<(PeriodKind Cadence, ImmutableArray<SchemeNode> Sections, ImmutableArray<AssessmentPeriod> Periods)>();
            foreach (var group in scheme.Root.Children
                .GroupBy(c => c is GroupNode { Cadence: { } k } && k != wholeKind ? k : (PeriodKind?)null)
                .OrderBy(g => g.Key is { } k ? Rank(k) : int.MaxValue))
            {
                var sections = group.ToImmutableArray();
                if (group.Key is not { } cadence)
                {
                    buckets.Add((wholeKind, sections, [period]));
                    continue;
                }

                var subs = period.SubPeriods(cadence);
                if (subs.Any(p => p.Kind != cadence) || Rank(cadence) >= Rank(wholeKind) && wholeKind != PeriodKind.Custom)
                {
                    foreach (var section in sections)
                    {
                        Add(ProblemCodes.CadencePeriod, section.Path + ".cadence", period.ToString(),
                            $"Section '{section.Path}' is assessed per {Describe(cadence)}, and {period} is not made of whole {Describe(cadence)}s; evaluate a period of a coarser kind (e.g. a quarter for monthly sections).");
                    }

                    continue;
                }

                buckets.Add((cadence, sections, subs));
            }

            ReadInputs(buckets.SelectMany(b => b.Periods).ToHashSet(), buckets.Any(b => b.Periods[0].Equals(period)));
            if (Problems.Count > 0)
            {
                return null;
            }

            if (owner.whole is { } single)
            {
                return Single(single);
            }

            // Score every sub-period of every bucket.
            var scored = new List<(PeriodKind Cadence, ImmutableArray<SchemeNode> Sections, AssessmentPeriod Period, Assessment Assessment)>();
            foreach (var (cadence, sections, periods) in buckets)
            {
                var view = owner.View(sections);
                foreach (var sub in periods)
                {
                    var result = view.Evaluate(inputs[sub]);
                    foreach (var p in result.Problems)
                    {
                        Problems.Add(new Problem(p.Code, Prefix(sub) + p.Path, p.AttemptedValue, p.Message, p.SubjectId));
                    }

                    if (result.Assessment is { } a)
                    {
                        scored.Add((cadence, sections, sub, a));
                    }
                }
            }

            inputs.TryGetValue(period, out var wholeInput);
            var units = ReadUnits(wholeInput);
            if (Problems.Count > 0)
            {
                return null;
            }

            try
            {
                return Combine(buckets, scored, wholeInput, units);
            }
            catch (OverflowException)
            {
                Add(ProblemCodes.ValueOverflow, "total", null, "Combining the sub-periods overflowed the decimal range (±7.9e28); check the subject's values for magnitude errors.");
                return null;
            }
        }

        private static string Describe(PeriodKind kind) => kind switch
        {
            PeriodKind.Month => "month",
            PeriodKind.Quarter => "quarter",
            PeriodKind.HalfYear => "half-year",
            _ => "year",
        };

        private static string Prefix(AssessmentPeriod p) => "inputs[" + p + "].";

        private void Add(string code, string path, string? value, string message) => Problems.Add(new Problem(code, path, value, message, subjectId));

        private void ReadInputs(HashSet<AssessmentPeriod> expected, bool wholeRequired)
        {
            foreach (var (key, input) in given.OrderBy(x => x.Key.Start).ThenBy(x => x.Key.End).ThenBy(x => x.Key.Kind))
            {
                if (!string.Equals(input.SubjectId, subjectId, StringComparison.Ordinal))
                {
                    Add(ProblemCodes.CadenceInputSubject, "inputs[" + key + "]", input.SubjectId, $"The input for {key} is for subject '{input.SubjectId}', not '{subjectId}'.");
                }

                if (!expected.Contains(key) && !key.Equals(period))
                {
                    Add(ProblemCodes.CadenceInputUnexpected, "inputs[" + key + "]", key.ToString(),
                        $"No section of scheme '{scheme.Id}' is assessed for {key} within {period}; give one input per sub-period of each section's cadence and one for the whole period.");
                }
                else if (!inputs.TryAdd(key, input))
                {
                    Add(ProblemCodes.CadenceInputDuplicate, "inputs[" + key + "]", key.ToString(), $"Two inputs are given for {key}; give one.");
                }
                else if (!key.Equals(period) && input.BasePay is { } pay)
                {
                    Add(ProblemCodes.CadenceBasePay, "inputs[" + key + "].basePay", DecimalText.Canonical(pay),
                        $"Base pay belongs to the input for the whole period {period}, not to the input for {key}; the pay is split into shares from there.");
                }
            }

            foreach (var sub in expected.OrderBy(p => p.Start).ThenBy(p => p.End))
            {
                if (!inputs.ContainsKey(sub) && (!sub.Equals(period) || wholeRequired))
                {
                    Add(ProblemCodes.CadenceInputMissing, "inputs[" + sub + "]", null, $"No input is given for {sub}; the sections assessed for it need one.");
                }
            }

            if (owner.Options.UnknownMeasures == UnknownMeasureHandling.Reject && owner.whole is null)
            {
                RejectUnknownMeasures();
            }
        }

        private void RejectUnknownMeasures()
        {
            foreach (var (key, input) in inputs.OrderBy(x => x.Key.Start).ThenBy(x => x.Key.End))
            {
                var read = new HashSet<string>(StringComparer.Ordinal);
                foreach (var section in scheme.Root.Children)
                {
                    var cadence = section is GroupNode { Cadence: { } k } && k != period.Kind ? k : period.Kind;
                    var applies = key.Equals(period) ? cadence == period.Kind : cadence == key.Kind;
                    if (applies)
                    {
                        foreach (var node in section is GroupNode g ? g.DescendantsAndSelf() : [section])
                        {
                            if (node is IndicatorNode indicator)
                            {
                                read.Add(indicator.Measure);
                            }
                        }
                    }
                }

                if (key.Equals(period))
                {
                    read.UnionWith(scheme.Adjustments.Select(a => a.Measure));
                }

                foreach (var measure in input.Values.Keys.Concat(input.Ratings.Keys))
                {
                    if (!read.Contains(measure))
                    {
                        Add(ProblemCodes.ValueUnknownMeasure, Prefix(key) + measure, measure,
                            $"No section of scheme '{scheme.Id}' assessed for {key} reads measure '{measure}'; give each measure with the sub-period its section is assessed for, or set EvaluatorOptions.UnknownMeasures to Ignore.");
                    }
                }
            }
        }

        /// <summary>A scheme without cadences: one evaluation of the whole scheme with the whole period's input.</summary>
        private PeriodAssessment? Single(SchemeEvaluator evaluator)
        {
            var result = evaluator.Evaluate(inputs[period]);
            foreach (var p in result.Problems)
            {
                Problems.Add(new Problem(p.Code, Prefix(period) + p.Path, p.AttemptedValue, p.Message, p.SubjectId));
            }

            if (result.Assessment is not { } a)
            {
                return null;
            }

            var cancelledBy = a.FailedGates.Where(g => g.Gate.Consequence == GateConsequence.CancelPayout).ToImmutableArray();
            var share = new PayShare(period, period.Kind, [.. scheme.Root.Children.Select(c => c.Path)], 1m, a.BasePay * a.Coefficient, cancelledBy);
            var sections = a.Root.Children.Select(c => new SectionResult(c.Node, period.Kind, [period], [c.Score], c.Score)).ToImmutableArray();
            var gates = a.Gates.Where(g => g.Gate.NodePath is null or { Length: 0 }).ToImmutableArray();
            return new PeriodAssessment(scheme, subjectId, period, [new SubPeriodAssessment(period, period.Kind, a, share)], sections, a.Root.Score!.Value,
                a.BasePoints, a.BonusPoints, a.PenaltyPoints, a.Adjustments, a.UnclampedTotal, a.ExactTotal, a.RoundedTotal, a.Grade, a.EarnedGrade, gates, a.BasePay, a.Payout,
                [.. inputs], owner.Options.PayRounding);
        }

        private PeriodAssessment Combine(
            List<(PeriodKind Cadence, ImmutableArray<SchemeNode> Sections, ImmutableArray<AssessmentPeriod> Periods)> buckets,
            List<(PeriodKind Cadence, ImmutableArray<SchemeNode> Sections, AssessmentPeriod Period, Assessment Assessment)> scored,
            SubjectInput? wholeInput,
            (decimal Units, decimal Raw, bool Missing)[] units)
        {
            // Each section's mean over its sub-periods, then the root's weighted mean over the sections in declared order.
            var sectionResults = ImmutableArray.CreateBuilder<SectionResult>();
            var weighted = 0m;
            var weightSum = 0m;
            var lowest = decimal.MaxValue;
            var highest = decimal.MinValue;
            foreach (var section in scheme.Root.Children)
            {
                var runs = scored.Where(s => s.Sections.Contains(section)).ToList();
                var scores = runs.Select(r => r.Assessment.Root.Children.First(c => c.Node == section).Score).ToImmutableArray();
                var included = scores.Where(s => s is not null).Select(s => s!.Value).ToList();
                decimal? mean = null;
                if (included.Count > 0)
                {
                    var sum = 0m;
                    foreach (var s in included)
                    {
                        sum += s;
                    }

                    mean = Math.Clamp(sum / included.Count, included.Min(), included.Max());
                    weighted += section.Weight * mean.Value;
                    weightSum += section.Weight;
                    lowest = decimal.Min(lowest, mean.Value);
                    highest = decimal.Max(highest, mean.Value);
                }

                sectionResults.Add(new SectionResult(section, runs.Count > 0 ? runs[0].Cadence : period.Kind, [.. runs.Select(r => r.Period)], scores, mean));
            }

            var rootScore = Math.Clamp(weighted / weightSum, lowest, highest);
            var gateResults = new List<GateResult>();
            var caps = new List<string>();
            foreach (var gate in scheme.Gates.Where(g => g.NodePath is { Length: 0 }))
            {
                gateResults.Add(Decide(gate, rootScore, caps));
            }

            var basePoints = rootScore * scheme.Points;
            var adjustments = ApplyAdjustments(units, out var bonus, out var penalty);
            var unclamped = basePoints + bonus - penalty;
            var exact = Math.Clamp(unclamped, scheme.MinPoints, scheme.MaxPoints);
            var rounded = scheme.Rounding.Round(exact);
            foreach (var gate in scheme.Gates.Where(g => g.Subject is GateSubject.Base or GateSubject.Total))
            {
                gateResults.Add(Decide(gate, gate.Subject == GateSubject.Base ? basePoints : rounded, caps));
            }

            var ordered = gateResults.OrderBy(g => scheme.Gates.IndexOf(g.Gate)).ToImmutableArray();
            foreach (var (_, _, _, a) in scored)
            {
                caps.AddRange(a.FailedGates.Where(g => g.Gate.Consequence == GateConsequence.CapGrade).Select(g => g.Gate.ConsequenceTarget!));
            }

            var earned = scheme.GradeFor(rounded);
            var grade = earned;
            foreach (var cap in caps)
            {
                var band = scheme.FindGrade(cap)!;
                if (band.Rank > grade.Rank)
                {
                    grade = band;
                }
            }

            // Shares: a bucket weighs W_b ÷ W of the root, split equally over its sub-periods.
            var totalWeight = 0m;
            foreach (var section in scheme.Root.Children)
            {
                totalWeight += section.Weight;
            }

            var periodCancels = ordered.Where(g => !g.Passed && g.Gate.Consequence == GateConsequence.CancelPayout).ToImmutableArray();
            var basePay = wholeInput?.BasePay;
            var pay = basePay * grade.Coefficient;
            var lcm = buckets.Select(b => b.Periods.Length).Aggregate(1, (acc, n) => acc / Gcd(acc, n) * n);
            var numerator = 0m;
            var anyCancelled = false;
            var subResults = ImmutableArray.CreateBuilder<SubPeriodAssessment>(scored.Count);
            foreach (var (cadence, sections, sub, a) in scored)
            {
                var bucketWeight = 0m;
                foreach (var s in sections)
                {
                    bucketWeight += s.Weight;
                }

                var n = buckets.First(b => b.Sections == sections).Periods.Length;
                var cancelledBy = a.FailedGates.Where(g => g.Gate.Consequence == GateConsequence.CancelPayout).Concat(periodCancels).ToImmutableArray();
                var fraction = bucketWeight / (totalWeight * n);
                var share = new PayShare(sub, cadence, [.. sections.Select(s => s.Path)], fraction, pay * bucketWeight / (totalWeight * n), cancelledBy);
                if (share.Cancelled)
                {
                    anyCancelled = true;
                }
                else
                {
                    numerator += bucketWeight * (lcm / n);
                }

                subResults.Add(new SubPeriodAssessment(sub, cadence, a, share));
            }

            // The payout is rounded once, from one division; with nothing cancelled it is exactly base pay × coefficient.
            decimal? payout = pay is { } p
                ? owner.Options.PayRounding.Round(anyCancelled ? p * numerator / (totalWeight * lcm) : p)
                : null;

            return new PeriodAssessment(scheme, subjectId, period, subResults.MoveToImmutable(), sectionResults.ToImmutable(), rootScore, basePoints, bonus, penalty,
                adjustments, unclamped, exact, rounded, grade, earned, ordered, basePay, payout, [.. inputs], owner.Options.PayRounding);
        }

        private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

        private static GateResult Decide(Gate gate, decimal actual, List<string> caps)
        {
            var passed = gate.Direction == ScoreDirection.LowerIsBetter ? actual <= gate.Threshold : actual >= gate.Threshold;
            if (!passed && gate.Consequence == GateConsequence.CapGrade)
            {
                caps.Add(gate.ConsequenceTarget!);
            }

            return new GateResult(gate, passed, false, actual);
        }

        /// <summary>Reads every adjustment rule's units from the whole period's input (spec §4), as the single-period evaluator does.</summary>
        private (decimal Units, decimal Raw, bool Missing)[] ReadUnits(SubjectInput? input)
        {
            var read = new (decimal Units, decimal Raw, bool Missing)[scheme.Adjustments.Length];
            for (var k = 0; k < scheme.Adjustments.Length; k++)
            {
                var rule = scheme.Adjustments[k];
                var path = Prefix(period) + "adjustments." + rule.Id;
                var unitsMissing = false;
                var units = 0m;
                if (input is null || !input.Values.TryGetValue(rule.Measure, out units))
                {
                    if (input is not null && input.Ratings.ContainsKey(rule.Measure))
                    {
                        Add(ProblemCodes.ValueKind, path, null, $"Measure '{rule.Measure}' was given ratings, but adjustment '{rule.Id}' reads a number of units.");
                        continue;
                    }

                    if (rule.Missing == AdjustmentMissingPolicy.Error)
                    {
                        Add(ProblemCodes.ValueMissing, path, null, $"Adjustment '{rule.Id}' has no value for measure '{rule.Measure}' in the input for {period} and its missing policy is 'error'.");
                        continue;
                    }

                    unitsMissing = true;
                }

                if (units < 0m)
                {
                    Add(ProblemCodes.AdjustmentUnits, path, DecimalText.Canonical(units), $"The units of '{rule.Id}' (measure '{rule.Measure}') must be at least 0; the rule's kind gives the sign.");
                    continue;
                }

                decimal raw;
                try
                {
                    raw = units * rule.PointsPerUnit;
                }
                catch (OverflowException)
                {
                    Add(ProblemCodes.ValueOverflow, path, DecimalText.Canonical(units), $"A computation at '{path}' overflowed the decimal range (±7.9e28); check the subject's values for magnitude errors.");
                    continue;
                }

                read[k] = (units, rule.Cap is { } cap && raw > cap ? cap : raw, unitsMissing);
            }

            return read;
        }

        private ImmutableArray<AdjustmentResult> ApplyAdjustments((decimal Units, decimal Raw, bool Missing)[] read, out decimal bonus, out decimal penalty)
        {
            bonus = 0m;
            penalty = 0m;
            var remainingBonus = scheme.MaxBonus ?? 0m;
            var results = ImmutableArray.CreateBuilder<AdjustmentResult>(scheme.Adjustments.Length);
            for (var k = 0; k < scheme.Adjustments.Length; k++)
            {
                var rule = scheme.Adjustments[k];
                var (units, raw, unitsMissing) = read[k];
                decimal applied;
                if (rule.Kind == AdjustmentKind.Bonus)
                {
                    applied = decimal.Min(raw, remainingBonus);
                    remainingBonus -= applied;
                    bonus += applied;
                }
                else
                {
                    // Scoped penalties are refused in schemes with cadences (cadence.scopedPenalty).
                    applied = raw;
                    penalty += applied;
                }

                results.Add(new AdjustmentResult(rule, units, raw, applied, raw - applied, unitsMissing));
            }

            return results.MoveToImmutable();
        }
    }
}
