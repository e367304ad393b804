using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Tests.Properties.Generators;

/// <summary>A generated scorer, as plain parameters.</summary>
internal abstract record ScorerDesc
{
    /// <summary>Gets the direction in which values are better.</summary>
    public abstract ScoreDirection Direction { get; }

    /// <summary>Gets the score of the worst possible value, per spec §3.</summary>
    public abstract decimal MinScore { get; }

    /// <summary>Gets the score of the best possible value, per spec §3.</summary>
    public abstract decimal MaxScore { get; }

    public virtual bool IsRating => false;

    /// <summary>Gets characteristic values on the value scale (baseline, target, bounds, thresholds), sorted ascending.</summary>
    public abstract ImmutableArray<decimal> Landmarks { get; }

    /// <summary>Gets a value (or, for ratings, the rating) that scores <see cref="MaxScore"/>.</summary>
    public abstract decimal BestValue { get; }

    public abstract ScorerSpec ToSpec();
}

internal sealed record LinearDesc(decimal Baseline, decimal Target, decimal? Cap, decimal? Floor, decimal? StartLine, bool AsRatio) : ScorerDesc
{
    public override ScoreDirection Direction => Target > Baseline ? ScoreDirection.HigherIsBetter : ScoreDirection.LowerIsBetter;

    public override decimal MinScore => Floor ?? 0m;

    public override decimal MaxScore => Cap ?? 1m;

    public override ImmutableArray<decimal> Landmarks
        => [.. new[] { Baseline, Target, (Baseline + Target) / 2m }.Concat(StartLine is { } s ? [s] : []).Distinct().Order()];

    /// <summary>Gets a value scoring the cap: b + (t − b) × cap.</summary>
    public override decimal BestValue => Baseline + ((Target - Baseline) * MaxScore);

    public override ScorerSpec ToSpec()
        => AsRatio && Floor is null && StartLine is null && Baseline == 0m
            ? Scorers.Ratio(Target, Cap)
            : Scorers.Linear(Baseline, Target, Cap, Floor, StartLine);

    public override string ToString()
        => $"{(AsRatio ? "ratio" : "linear")}(b={D(Baseline)}, t={D(Target)}, cap={SchemeDesc.Opt(Cap)}, floor={SchemeDesc.Opt(Floor)}, start={SchemeDesc.Opt(StartLine)})";

    private static string D(decimal v) => SchemeDesc.D(v);
}

internal sealed record BandDesc(ScoreDirection Dir, ImmutableArray<(decimal Bound, decimal Score)> Bands, BandMode Mode, BandBasis Basis, decimal? Target, decimal? Below) : ScorerDesc
{
    public override ScoreDirection Direction => Dir;

    public override decimal MinScore => Below ?? 0m;

    public override decimal MaxScore => Bands[^1].Score;

    public override ImmutableArray<decimal> Landmarks => [.. Bands.Select(b => ToValue(b.Bound)).Distinct().Order()];

    public override decimal BestValue => ToValue(Bands[^1].Bound);

    public decimal ToValue(decimal bound) => Basis == BandBasis.Ratio ? bound * Target!.Value : bound;

    public override ScorerSpec ToSpec() => Scorers.Band(Dir, Bands, Mode, Basis, Target, Below);

    public override string ToString()
        => $"band({Dir}, {Mode}, {Basis}, target={SchemeDesc.Opt(Target)}, below={SchemeDesc.Opt(Below)}, [{string.Join(" ", Bands.Select(b => SchemeDesc.D(b.Bound) + ":" + SchemeDesc.D(b.Score)))}])";
}

internal sealed record ThresholdDesc(ScoreDirection Dir, decimal Threshold, decimal? Pass, decimal? Fail) : ScorerDesc
{
    public override ScoreDirection Direction => Dir;

    public override decimal MinScore => Fail ?? 0m;

    public override decimal MaxScore => Pass ?? 1m;

    public override ImmutableArray<decimal> Landmarks => [Threshold];

    public override decimal BestValue => Threshold;

    public override ScorerSpec ToSpec() => Scorers.Threshold(Dir, Threshold, Pass, Fail);

    public override string ToString() => $"threshold({Dir}, {SchemeDesc.D(Threshold)}, pass={SchemeDesc.Opt(Pass)}, fail={SchemeDesc.Opt(Fail)})";
}

internal sealed record RatingDesc(decimal Low, decimal High, ImmutableArray<(string Role, decimal Weight)> Roles, decimal? Target, decimal? Cap) : ScorerDesc
{
    public override ScoreDirection Direction => ScoreDirection.HigherIsBetter;

    public override bool IsRating => true;

    public override decimal MinScore => Target is { } t ? decimal.Min(Low / t, Cap ?? 1m) : 0m;

    public override decimal MaxScore => Target is { } t ? decimal.Min(High / t, Cap ?? 1m) : 1m;

    public override ImmutableArray<decimal> Landmarks => [.. new[] { Low, High }.Concat(Target is { } t ? [t] : []).Distinct().Order()];

    /// <summary>Gets the rating that scores 1: the target rating, or the scale's high end.</summary>
    public override decimal BestValue => Target ?? High;

    public override ScorerSpec ToSpec()
        => Scorers.Rating(Low, High, Roles.Select(r => new KeyValuePair<string, decimal>(r.Role, r.Weight)), Target, Cap);

    public override string ToString()
        => $"rating([{SchemeDesc.D(Low)}, {SchemeDesc.D(High)}], {string.Join(" ", Roles.Select(r => r.Role + ":" + SchemeDesc.D(r.Weight)))}, target={SchemeDesc.Opt(Target)}, cap={SchemeDesc.Opt(Cap)})";
}
