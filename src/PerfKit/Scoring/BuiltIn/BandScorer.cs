using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Scoring.BuiltIn;

/// <summary>Band (OKR 0–1) scoring (spec §3): step or interpolate over {bound, score} points, on the value or the completion ratio.</summary>
internal sealed class BandScorerKind : IScorerKind
{
    public const string KindName = "band";

    public string Name => KindName;

    public string Version => "1";

    public IScorer? Create(ScorerParameterReader parameters)
    {
        var direction = Directions.Read(parameters);
        var list = parameters.OptionalList("bands");
        if (!parameters.IsGiven("bands"))
        {
            parameters.Report(ProblemCodes.ScorerParameterMissing, "bands", null, "A band scorer needs 'bands': a list of {bound, score} from worst to best.");
        }

        var interpolate = parameters.OptionalChoice("mode", "step", "interpolate") == "interpolate";
        var ratio = parameters.OptionalChoice("basis", "value", "ratio") == "ratio";
        var target = parameters.OptionalNumber("target");
        var below = parameters.OptionalNumber("below") ?? 0m;

        var bounds = ImmutableArray.CreateBuilder<decimal>();
        var scores = ImmutableArray.CreateBuilder<decimal>();
        if (list is { } items)
        {
            if (items.IsEmpty)
            {
                parameters.Report(ProblemCodes.BandEmpty, "bands", "[]", "A band scorer needs at least one {bound, score}.");
            }

            for (var i = 0; i < items.Length; i++)
            {
                if (ReadBand(parameters, items[i], i) is { } band)
                {
                    bounds.Add(band.Bound);
                    scores.Add(band.Score);
                }
            }
        }

        if (ratio && target is null)
        {
            parameters.Report(ProblemCodes.ScorerParameterMissing, "target", null, "A band scorer on the ratio basis needs a positive 'target'; the basis is value ÷ target.");
        }
        else if (ratio && target <= 0m)
        {
            parameters.Report(ProblemCodes.BandTarget, "target", target!.Value, "The target of a ratio basis must be positive.");
        }
        else if (!ratio && target is not null)
        {
            parameters.Report(ProblemCodes.BandTarget, "target", target.Value, "A target is only used with basis 'ratio'; remove it or set basis to 'ratio'.");
        }

        if (parameters.HasProblems || direction is null)
        {
            return null;
        }

        for (var i = 0; i < bounds.Count; i++)
        {
            var score = scores[i];
            if (score < 0m || score > 1m)
            {
                parameters.Report(ProblemCodes.BandScoreRange, $"bands[{i}].score", score, "Band scores must lie in [0, 1].");
            }

            if (i > 0 && score < scores[i - 1])
            {
                parameters.Report(ProblemCodes.BandScoreOrder, $"bands[{i}].score", score, $"Band scores must not decrease from worst to best; the previous band scores {DecimalText.Canonical(scores[i - 1])}.");
            }

            if (i > 0)
            {
                var increasing = direction == ScoreDirection.HigherIsBetter;
                var ordered = increasing ? bounds[i] > bounds[i - 1] : bounds[i] < bounds[i - 1];
                if (!ordered)
                {
                    parameters.Report(ProblemCodes.BandBoundOrder, $"bands[{i}].bound", bounds[i],
                        $"Band bounds must be listed from worst to best, strictly {(increasing ? "increasing" : "decreasing")} for {Directions.Name(direction.Value)}; the previous bound is {DecimalText.Canonical(bounds[i - 1])}.");
                }
            }
        }

        // 'below' is compared with a valid first score only.
        if (below < 0m || below > 1m || (scores.Count > 0 && scores[0] is >= 0m and <= 1m && below > scores[0]))
        {
            parameters.Report(ProblemCodes.BandBelow, "below", below, "'below' must lie between 0 and the first band's score.");
        }

        return new BandScorer(direction.Value, bounds.ToImmutable(), scores.ToImmutable(), interpolate, ratio ? target : null, below);
    }

    private static (decimal Bound, decimal Score)? ReadBand(ScorerParameterReader parameters, ParameterValue item, int index)
    {
        if (item.Kind != ParameterValueKind.Map)
        {
            parameters.Report(ProblemCodes.ScorerParameterType, $"bands[{index}]", item.ToString(), "Each band must be a map {bound, score}.");
            return null;
        }

        var entries = item.Entries;
        decimal? bound = null, score = null;
        foreach (var (key, value) in entries)
        {
            if (key is not ("bound" or "score"))
            {
                parameters.Report(ProblemCodes.ScorerParameterUnknown, $"bands[{index}].{key}", value.ToString(), "A band has only 'bound' and 'score'.");
            }
            else if (value.Kind != ParameterValueKind.Number)
            {
                parameters.Report(ProblemCodes.ScorerParameterType, $"bands[{index}].{key}", value.ToString(), $"A band's '{key}' must be a number.");
            }
            else if (key == "bound")
            {
                bound = value.Number;
            }
            else
            {
                score = value.Number;
            }
        }

        foreach (var (name, present) in new[] { ("bound", entries.ContainsKey("bound")), ("score", entries.ContainsKey("score")) })
        {
            if (!present)
            {
                parameters.Report(ProblemCodes.ScorerParameterMissing, $"bands[{index}].{name}", null, $"Each band needs a '{name}'.");
            }
        }

        return bound is { } b && score is { } s ? (b, s) : null;
    }
}

internal sealed class BandScorer(ScoreDirection direction, ImmutableArray<decimal> bounds, ImmutableArray<decimal> scores, bool interpolate, decimal? target, decimal below) : IScorer, INumberScorer
{
    private readonly decimal[] boundArray = [.. bounds];

    public MeasureKind InputKind => MeasureKind.Number;

    public ScoreDirection Direction => direction;

    public decimal MinimumScore => below;

    public decimal MaximumScore => scores[^1];

    public ScoreOutcome Score(MeasureValue value)
    {
        var score = Compute(value.Number, out var basis, out var applicable, out var fraction);
        var intermediates = target is null
            ? ImmutableArray<KeyValuePair<string, decimal>>.Empty
            : ImmutableArray.Create(new KeyValuePair<string, decimal>("ratio", basis));
        if (applicable < 0)
        {
            return ScoreOutcome.Scored(score, intermediates, ["below the first band"]);
        }

        return fraction is { } f
            ? ScoreOutcome.Scored(score, intermediates.Add(new KeyValuePair<string, decimal>("bandFraction", f)))
            : ScoreOutcome.Scored(score, intermediates);
    }

    public decimal ScoreNumber(decimal value) => Compute(value, out _, out _, out _);

    /// <summary>The score of <paramref name="x"/>, with the basis, the applicable band (−1 for none) and the interpolation fraction (null when not interpolated).</summary>
    private decimal Compute(decimal x, out decimal basis, out int applicable, out decimal? fraction)
    {
        basis = target is { } t ? x / t : x;
        fraction = null;

        // The last band whose bound the basis meets; bounds are strictly monotone in the better direction, so the
        // bands met are a prefix. One loop per direction keeps the direction test out of the comparisons.
        var b = boundArray;
        var met = 0;
        if (direction == ScoreDirection.LowerIsBetter)
        {
            while (met < b.Length && basis <= b[met])
            {
                met++;
            }
        }
        else
        {
            while (met < b.Length && basis >= b[met])
            {
                met++;
            }
        }

        applicable = met - 1;

        if (applicable < 0)
        {
            return below;
        }

        if (!interpolate || applicable == bounds.Length - 1 || basis == bounds[applicable])
        {
            return scores[applicable];
        }

        var lower = bounds[applicable];
        var upper = bounds[applicable + 1];
        var f = (basis - lower) / (upper - lower);
        fraction = f;
        return scores[applicable] + ((scores[applicable + 1] - scores[applicable]) * f);
    }
}
