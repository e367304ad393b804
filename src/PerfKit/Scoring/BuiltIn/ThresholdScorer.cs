using PerfKit.Model;

namespace PerfKit.Scoring.BuiltIn;

/// <summary>Threshold scoring (spec §3): pass when the value meets the threshold, else fail.</summary>
internal sealed class ThresholdScorerKind : IScorerKind
{
    public const string KindName = "threshold";

    public string Name => KindName;

    public string Version => "1";

    public IScorer? Create(ScorerParameterReader parameters)
    {
        var direction = Directions.Read(parameters);
        var threshold = parameters.RequiredNumber("threshold");
        var pass = parameters.OptionalNumber("pass") ?? 1m;
        var fail = parameters.OptionalNumber("fail") ?? 0m;
        if (parameters.HasProblems || direction is null)
        {
            return null;
        }

        if (pass < 0m || pass > 1m)
        {
            parameters.Report(ProblemCodes.ThresholdScores, "pass", pass, "The pass score must lie in [0, 1].");
        }

        // The fail score is compared with a valid pass score only (a fail of 1 or more can never be below one).
        var passValid = pass >= 0m && pass <= 1m;
        if (fail < 0m || fail >= 1m || (passValid && fail >= pass))
        {
            parameters.Report(ProblemCodes.ThresholdScores, "fail", fail, "The fail score must be at least 0 and below the pass score.");
        }

        return new ThresholdScorer(direction.Value, threshold, pass, fail);
    }
}

internal sealed class ThresholdScorer(ScoreDirection direction, decimal threshold, decimal pass, decimal fail) : IScorer, INumberScorer
{
    public MeasureKind InputKind => MeasureKind.Number;

    public ScoreDirection Direction => direction;

    public decimal MinimumScore => fail;

    public decimal MaximumScore => pass;

    public ScoreOutcome Score(MeasureValue value)
        => Directions.Meets(direction, value.Number, threshold)
            ? ScoreOutcome.Scored(pass, notes: ["threshold met"])
            : ScoreOutcome.Scored(fail, notes: ["threshold not met"]);

    public decimal ScoreNumber(decimal value) => Directions.Meets(direction, value, threshold) ? pass : fail;
}
