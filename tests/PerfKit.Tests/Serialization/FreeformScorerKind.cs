using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Tests.Serialization;

/// <summary>
/// A host scorer kind for file tests: it accepts a number <c>factor</c>, a choice <c>mode</c> (<c>plain</c> or <c>fancy</c>),
/// a list <c>items</c> and a map <c>table</c> holding any parameter values, and scores min(|x| × factor, 1) with no direction.
/// </summary>
internal sealed class FreeformScorerKind(string version = FreeformScorerKind.DefaultVersion) : IScorerKind
{
    public const string KindName = "freeform";

    public const string DefaultVersion = "2.1";

    public string Name => KindName;

    public string Version { get; } = version;

    public static ScorerRegistry Registry { get; } = ScorerRegistry.Default.With(new FreeformScorerKind());

    public IScorer? Create(ScorerParameterReader parameters)
    {
        var factor = parameters.OptionalNumber("factor") ?? 1m;
        parameters.OptionalChoice("mode", "plain", "fancy");
        parameters.OptionalList("items");
        parameters.OptionalMap("table");
        return parameters.HasProblems ? null : new Scorer(factor);
    }

    private sealed class Scorer(decimal factor) : IScorer
    {
        public MeasureKind InputKind => MeasureKind.Number;

        public ScoreDirection Direction => ScoreDirection.None;

        public decimal MinimumScore => 0m;

        public decimal MaximumScore => 1m;

        public ScoreOutcome Score(MeasureValue value)
            => ScoreOutcome.Scored(System.Math.Min(System.Math.Abs(value.Number * factor), 1m));
    }
}
