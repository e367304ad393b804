using System;
using System.Collections.Generic;
using System.Linq;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Scoring.BuiltIn;

namespace PerfKit.Scoring;

/// <summary>How a band scorer reads between bounds.</summary>
public enum BandMode
{
    /// <summary>The best score of the bands the value reaches (the default).</summary>
    Step,

    /// <summary>Linear between consecutive (bound, score) points; a cliff before the first bound.</summary>
    Interpolate,
}

/// <summary>What a band scorer compares with its bounds.</summary>
public enum BandBasis
{
    /// <summary>The raw value (the default).</summary>
    Value,

    /// <summary>The completion ratio value ÷ target.</summary>
    Ratio,
}

/// <summary>
/// Creates <see cref="ScorerSpec"/>s for the built-in scorer kinds (spec §3). Parameters are checked when the scheme
/// is built, together with every other problem of the scheme.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class Scorers
{
    /// <summary>Linear KPI: baseline earns 0, target earns 1; s = clamp((x − b) / (t − b), floor, cap).</summary>
    /// <param name="baseline">The value that earns 0.</param>
    /// <param name="target">The value that earns 1; above the baseline for higher-is-better, below for lower-is-better.</param>
    /// <param name="cap">The highest score (≥ 1); default 1.</param>
    /// <param name="floor">The lowest score (below the cap, may be negative); default 0.</param>
    /// <param name="startLine">起评线: a value that does not reach it scores the floor; optional.</param>
    /// <returns>The spec.</returns>
    public static ScorerSpec Linear(decimal baseline, decimal target, decimal? cap = null, decimal? floor = null, decimal? startLine = null)
        => Spec(LinearScorerKind.KindName, ("baseline", baseline), ("target", target), ("cap", cap), ("floor", floor), ("startLine", startLine));

    /// <summary>Ratio scoring "actual ÷ target": a linear scorer with baseline 0.</summary>
    /// <param name="target">The value that earns 1.</param>
    /// <param name="cap">The highest score (≥ 1); default 1.</param>
    /// <returns>The spec.</returns>
    public static ScorerSpec Ratio(decimal target, decimal? cap = null) => Linear(0m, target, cap);

    /// <summary>Band (OKR 0–1) scoring over {bound, score} points listed from worst to best.</summary>
    /// <param name="direction">Which way values are better.</param>
    /// <param name="bands">The bands, worst to best: bounds strictly monotone in the better direction, scores in [0, 1] non-decreasing.</param>
    /// <param name="mode">Step (default) or interpolate.</param>
    /// <param name="basis">The raw value (default) or the ratio value ÷ <paramref name="target"/>.</param>
    /// <param name="target">The target for the ratio basis.</param>
    /// <param name="below">The score before the first band (default 0, at most the first score).</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is <see cref="ScoreDirection.None"/> or undefined.</exception>
    public static ScorerSpec Band(ScoreDirection direction, IEnumerable<(decimal Bound, decimal Score)> bands, BandMode mode = BandMode.Step, BandBasis basis = BandBasis.Value, decimal? target = null, decimal? below = null)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var list = ParameterValue.List(bands.Select(b => ParameterValue.Map([
            new KeyValuePair<string, ParameterValue>("bound", ParameterValue.Of(b.Bound)),
            new KeyValuePair<string, ParameterValue>("score", ParameterValue.Of(b.Score)),
        ])));
        var parameters = new List<KeyValuePair<string, ParameterValue>>
        {
            new("direction", DirectionValue(direction)),
            new("bands", list),
        };
        if (mode != BandMode.Step)
        {
            parameters.Add(new("mode", ParameterValue.Of("interpolate")));
        }

        if (basis != BandBasis.Value)
        {
            parameters.Add(new("basis", ParameterValue.Of("ratio")));
        }

        AddNumbers(parameters, ("target", target), ("below", below));
        return ScorerSpec.Create(BandScorerKind.KindName, parameters);
    }

    /// <summary>Threshold scoring: <paramref name="pass"/> when the value meets the threshold (≥ or ≤ by direction), else <paramref name="fail"/>.</summary>
    /// <param name="direction">Which way values are better.</param>
    /// <param name="threshold">The threshold; a value exactly on it passes.</param>
    /// <param name="pass">The pass score (default 1).</param>
    /// <param name="fail">The fail score (default 0).</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is <see cref="ScoreDirection.None"/> or undefined.</exception>
    public static ScorerSpec Threshold(ScoreDirection direction, decimal threshold, decimal? pass = null, decimal? fail = null)
    {
        var parameters = new List<KeyValuePair<string, ParameterValue>> { new("direction", DirectionValue(direction)) };
        AddNumbers(parameters, ("threshold", threshold), ("pass", pass), ("fail", fail));
        return ScorerSpec.Create(ThresholdScorerKind.KindName, parameters);
    }

    /// <summary>Multi-rater (360) rating on a scale [low, high] with role weights.</summary>
    /// <param name="low">The scale's low end, e.g. 1.</param>
    /// <param name="high">The scale's high end, e.g. 5.</param>
    /// <param name="roleWeights">Rater role → positive weight, e.g. superior 50, peer 30, subordinate 20.</param>
    /// <param name="target">A target rating: the score becomes min(combined ÷ target, cap); optional.</param>
    /// <param name="cap">The cap with a target (≥ 1, default 1).</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roleWeights"/> is null.</exception>
    /// <exception cref="ArgumentException">A role repeats.</exception>
    public static ScorerSpec Rating(decimal low, decimal high, IEnumerable<KeyValuePair<string, decimal>> roleWeights, decimal? target = null, decimal? cap = null)
    {
        ArgumentNullException.ThrowIfNull(roleWeights);
        var parameters = new List<KeyValuePair<string, ParameterValue>>
        {
            new("roles", ParameterValue.Map(roleWeights.Select(p => new KeyValuePair<string, ParameterValue>(p.Key, ParameterValue.Of(p.Value))))),
        };
        AddNumbers(parameters, ("low", low), ("high", high), ("target", target), ("cap", cap));
        return ScorerSpec.Create(RatingScorerKind.KindName, parameters);
    }

    /// <summary>A host-registered scorer kind with number parameters.</summary>
    /// <param name="kind">The registered kind name.</param>
    /// <param name="parameters">Name → number parameters.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is blank or a name repeats.</exception>
    public static ScorerSpec Custom(string kind, IEnumerable<KeyValuePair<string, decimal>> parameters)
        => ScorerSpec.Create(Guard.NotBlank(kind), Guard.NotNull(parameters).Select(p => new KeyValuePair<string, ParameterValue>(p.Key, ParameterValue.Of(p.Value))));

    private static ParameterValue DirectionValue(ScoreDirection direction) => direction switch
    {
        ScoreDirection.HigherIsBetter => ParameterValue.Of(Directions.Higher),
        ScoreDirection.LowerIsBetter => ParameterValue.Of(Directions.Lower),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Built-in scorers need HigherIsBetter or LowerIsBetter."),
    };

    private static ScorerSpec Spec(string kind, params (string Name, decimal? Value)[] numbers)
    {
        var parameters = new List<KeyValuePair<string, ParameterValue>>();
        AddNumbers(parameters, numbers);
        return ScorerSpec.Create(kind, parameters);
    }

    private static void AddNumbers(List<KeyValuePair<string, ParameterValue>> parameters, params (string Name, decimal? Value)[] numbers)
    {
        foreach (var (name, value) in numbers)
        {
            if (value is { } v)
            {
                parameters.Add(new(name, ParameterValue.Of(v)));
            }
        }
    }
}
