using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Tests.Scoring;

/// <summary>
/// A host scorer kind: closer to the target is better, s = max(0, 1 − |x − target| ÷ tolerance). It is not monotone,
/// so it declares no direction.
/// </summary>
internal sealed class ClosenessScorerKind : IScorerKind
{
    public const string ToleranceCode = "scorer.closeness.tolerance";

    public ClosenessScorerKind(string name = "closeness") => Name = name;

    public string Name { get; }

    public string Version => "1";

    public IScorer? Create(ScorerParameterReader parameters)
    {
        var target = parameters.RequiredNumber("target");
        var tolerance = parameters.RequiredNumber("tolerance");
        if (parameters.HasProblems)
        {
            return null;
        }

        if (tolerance <= 0m)
        {
            parameters.Report(ToleranceCode, "tolerance", tolerance, "The tolerance must be positive.");
            return null;
        }

        return new ClosenessScorer(target, tolerance);
    }

    private sealed class ClosenessScorer(decimal target, decimal tolerance) : IScorer
    {
        public MeasureKind InputKind => MeasureKind.Number;

        public ScoreDirection Direction => ScoreDirection.None;

        public decimal MinimumScore => 0m;

        public decimal MaximumScore => 1m;

        public ScoreOutcome Score(MeasureValue value)
        {
            var distance = decimal.Abs(value.Number - target);
            var score = decimal.Max(0m, 1m - (distance / tolerance));
            return ScoreOutcome.Scored(score, ImmutableArray.Create(new KeyValuePair<string, decimal>("distance", distance)));
        }
    }
}
