using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Model;

namespace PerfKit.Scoring.BuiltIn;

/// <summary>Linear KPI scoring (spec §3): s = clamp((x − b) / (t − b), floor, cap), with an optional start line.</summary>
internal sealed class LinearScorerKind : IScorerKind
{
    public const string KindName = "linear";

    public string Name => KindName;

    public string Version => "1";

    public IScorer? Create(ScorerParameterReader parameters)
    {
        var baseline = parameters.RequiredNumber("baseline");
        var target = parameters.RequiredNumber("target");
        var cap = parameters.OptionalNumber("cap") ?? 1m;
        var floor = parameters.OptionalNumber("floor") ?? 0m;
        var startLine = parameters.OptionalNumber("startLine");
        if (parameters.HasProblems)
        {
            return null;
        }

        if (baseline == target)
        {
            parameters.Report(ProblemCodes.LinearBaselineEqualsTarget, "target", target, "The target must differ from the baseline: target above baseline means higher is better, below means lower is better.");
        }

        if (cap < 1m)
        {
            parameters.Report(ProblemCodes.LinearCap, "cap", cap, "The cap must be at least 1 (1 = no credit beyond the target; 1.2 lets over-achievement count up to 120%).");
        }

        // A floor is compared with a valid cap only: against a rejected cap it would be reported for the same mistake.
        if (cap >= 1m && floor >= cap)
        {
            parameters.Report(ProblemCodes.LinearFloor, "floor", floor, "The floor must be below the cap.");
        }

        if (startLine is { } line && baseline != target)
        {
            var higher = target > baseline;
            var inside = higher ? line >= baseline && line < target : line <= baseline && line > target;
            if (!inside)
            {
                parameters.Report(ProblemCodes.LinearStartLine, "startLine", line, "The start line must lie from the baseline (inclusive) towards the target (exclusive).");
            }
        }

        return new LinearScorer(baseline, target, cap, floor, startLine);
    }
}

internal sealed class LinearScorer(decimal baseline, decimal target, decimal cap, decimal floor, decimal? startLine) : IScorer, INumberScorer
{
    public MeasureKind InputKind => MeasureKind.Number;

    public ScoreDirection Direction => target > baseline ? ScoreDirection.HigherIsBetter : ScoreDirection.LowerIsBetter;

    public decimal MinimumScore => floor;

    public decimal MaximumScore => cap;

    public ScoreOutcome Score(MeasureValue value)
    {
        var x = value.Number;
        if (BelowStartLine(x))
        {
            return ScoreOutcome.Scored(floor, notes: ["below the start line: scores the floor"]);
        }

        var ratio = Ratio(x);
        return ScoreOutcome.Scored(Clamp(ratio), ImmutableArray.Create(new KeyValuePair<string, decimal>("ratio", ratio)));
    }

    public decimal ScoreNumber(decimal value) => BelowStartLine(value) ? floor : Clamp(Ratio(value));

    private bool BelowStartLine(decimal x) => startLine is { } line && !Directions.Meets(Direction, x, line);

    private decimal Ratio(decimal x) => (x - baseline) / (target - baseline);

    private decimal Clamp(decimal ratio) => ratio < floor ? floor : ratio > cap ? cap : ratio;
}
