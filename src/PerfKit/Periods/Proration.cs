using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Scoring.BuiltIn;

namespace PerfKit.Periods;

/// <summary>
/// The proration of one indicator's scorer (spec §8): each amount parameter p becomes p × daysPresent ÷ daysInPeriod
/// (one multiplication, then one division), and the scorer kind creates the scorer again from the scaled parameters.
/// Scaled scorers are cached per (days present, days in period).
/// </summary>
/// <remarks>Immutable in what it computes; the cache is thread-safe.</remarks>
internal sealed class Proration
{
    private const int CacheLimit = 4096;

    private readonly IScorerKind kind;
    private readonly ScorerSpec spec;
    private readonly string path;
    private readonly IScorer original;
    private readonly ConcurrentDictionary<long, IScorer> cache = new();

    internal Proration(IScorerKind kind, ScorerSpec spec, string path, IScorer original)
    {
        this.kind = kind;
        this.spec = spec;
        this.path = path;
        this.original = original;
    }

    /// <summary>Whether scorers of a kind can be prorated: linear, threshold and band, and host kinds that opt in.</summary>
    internal static bool CanProrate(IScorerKind kind)
        => kind is IProratableScorerKind or LinearScorerKind or ThresholdScorerKind or BandScorerKind;

    /// <summary>Whether an indicator is a rate, which is never prorated: its unit is <c>%</c> or it is tagged <c>rate</c>.</summary>
    internal static bool IsRate(string? unit, IEnumerable<string> tags)
        => string.Equals(unit?.Trim(), "%", StringComparison.Ordinal) || tags.Contains("rate", StringComparer.Ordinal);

    /// <summary>
    /// The scorer the evaluator uses for an indicator and a subject: the prorated scorer when the indicator is prorated and
    /// the input carries a presence, otherwise the indicator's own scorer.
    /// </summary>
    internal static IScorer ScorerFor(IndicatorNode node, SubjectInput input)
        => node.Proration is { } proration && input.Presence is { } presence
            ? proration.For(presence.DaysPresent, presence.DaysInPeriod)
            : node.Scorer;

    /// <summary>The scorer scaled by <paramref name="present"/> ÷ <paramref name="days"/>.</summary>
    internal IScorer For(int present, int days)
    {
        var key = ((long)present << 32) | (uint)days;
        if (cache.TryGetValue(key, out var scorer))
        {
            return scorer;
        }

        scorer = Create(present, days);
        if (cache.Count < CacheLimit)
        {
            cache.TryAdd(key, scorer);
        }

        return scorer;
    }

    private IScorer Create(int present, int days)
    {
        var scaled = new List<(string Name, decimal From, decimal To)>();
        ImmutableSortedDictionary<string, ParameterValue> parameters;
        try
        {
            parameters = Scale(present, days, scaled);
        }
        catch (OverflowException)
        {
            return new ProratedScorer(original, null, present, days, [], ProblemCodes.ValueOverflow,
                $"Prorating the scorer's parameters by {Fraction(present, days)} overflowed the decimal range.");
        }

        var problems = new List<Problem>();
        var reader = new ScorerParameterReader(ScorerSpec.Create(spec.Kind, parameters), path, problems);
        var inner = kind.Create(reader);
        reader.ReportUnknown();
        if (reader.HasProblems || inner is null)
        {
            var reasons = problems.Count == 0 ? "no scorer was created" : string.Join("; ", problems.Select(p => p.Message));
            return new ProratedScorer(original, null, present, days, [], ProblemCodes.ProrationRejected,
                $"The scorer kind '{kind.Name}' refuses the parameters prorated by {Fraction(present, days)}: {reasons}");
        }

        return new ProratedScorer(inner, inner, present, days, [.. scaled], null, null);
    }

    private ImmutableSortedDictionary<string, ParameterValue> Scale(int present, int days, List<(string Name, decimal From, decimal To)> scaled)
    {
        var result = spec.Parameters.ToBuilder();
        void ScaleNumber(string name)
        {
            if (spec.Parameters.TryGetValue(name, out var value) && value.Kind == ParameterValueKind.Number)
            {
                var to = Prorate(value.Number, present, days);
                scaled.Add((name, value.Number, to));
                result[name] = ParameterValue.Of(to);
            }
        }

        switch (kind)
        {
            case IProratableScorerKind host:
                foreach (var name in host.AmountParameters.Order(StringComparer.Ordinal))
                {
                    ScaleNumber(name);
                }

                break;
            case LinearScorerKind:
                ScaleNumber("baseline");
                ScaleNumber("target");
                ScaleNumber("startLine");
                break;
            case ThresholdScorerKind:
                ScaleNumber("threshold");
                break;
            default:
                // Band: on the ratio basis the bounds are completion ratios and only the target is an amount;
                // on the raw-value basis every bound is an amount.
                if (spec.Parameters.TryGetValue("basis", out var basis) && basis.Kind == ParameterValueKind.Text && basis.Text == "ratio")
                {
                    ScaleNumber("target");
                }
                else if (spec.Parameters.TryGetValue("bands", out var bands) && bands.Kind == ParameterValueKind.List)
                {
                    result["bands"] = ParameterValue.List(bands.Items.Select((band, index) => ScaleBound(band, index)));
                }

                break;
        }

        return result.ToImmutable();

        ParameterValue ScaleBound(ParameterValue band, int index)
        {
            if (band.Kind != ParameterValueKind.Map || !band.Entries.TryGetValue("bound", out var bound) || bound.Kind != ParameterValueKind.Number)
            {
                return band;
            }

            var to = Prorate(bound.Number, present, days);
            scaled.Add(($"bands[{index.ToString(CultureInfo.InvariantCulture)}].bound", bound.Number, to));
            return ParameterValue.Map(band.Entries.SetItem("bound", ParameterValue.Of(to)));
        }
    }

    /// <summary>p × present ÷ days: one multiplication (exact within the decimal range), one division.</summary>
    private static decimal Prorate(decimal value, int present, int days) => value * present / days;

    private static string Fraction(int present, int days)
        => present.ToString(CultureInfo.InvariantCulture) + "/" + days.ToString(CultureInfo.InvariantCulture) + " days present";

    /// <summary>A prorated scorer: scores with the scaled scorer and adds the factor and the scaled parameters to the explanation.</summary>
    private sealed class ProratedScorer : IScorer
    {
        private readonly IScorer shape;
        private readonly IScorer? inner;
        private readonly ImmutableArray<KeyValuePair<string, decimal>> intermediates;
        private readonly string note;
        private readonly string? errorCode;
        private readonly string? errorMessage;

        public ProratedScorer(IScorer shape, IScorer? inner, int present, int days, ImmutableArray<(string Name, decimal From, decimal To)> scaled, string? errorCode, string? errorMessage)
        {
            this.shape = shape;
            this.inner = inner;
            this.errorCode = errorCode;
            this.errorMessage = errorMessage;
            var items = ImmutableArray.CreateBuilder<KeyValuePair<string, decimal>>();
            items.Add(new("proration.daysPresent", present));
            items.Add(new("proration.daysInPeriod", days));
            items.Add(new("proration.factor", (decimal)present / days));
            foreach (var (name, _, to) in scaled)
            {
                items.Add(new("proration." + name, to));
            }

            intermediates = items.ToImmutable();
            note = $"prorated by {Fraction(present, days)}: "
                + string.Join(", ", scaled.Select(s => $"{s.Name} {DecimalText.Canonical(s.From)} → {DecimalText.Canonical(s.To)}"));
        }

        public MeasureKind InputKind => shape.InputKind;

        public ScoreDirection Direction => shape.Direction;

        public decimal MinimumScore => shape.MinimumScore;

        public decimal MaximumScore => shape.MaximumScore;

        public ScoreOutcome Score(MeasureValue value)
        {
            if (inner is null)
            {
                return ScoreOutcome.Invalid(errorCode!, errorMessage!);
            }

            var outcome = inner.Score(value);
            return outcome.IsValid
                ? ScoreOutcome.Scored(outcome.Score, outcome.Intermediates.AddRange(intermediates), outcome.Notes.Add(note))
                : outcome;
        }
    }
}
