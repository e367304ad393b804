using System.Collections.Generic;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Scoring;

/// <summary>Tests of <see cref="ScorerParameterReader"/> through small host kinds.</summary>
public sealed class ScorerParameterReaderTests
{
    [Fact]
    public void RequiredList_Absent_ReportsParameterMissing()
    {
        var registry = ScorerRegistry.Default.With(new ListKind());

        var problem = ScorerTestKit.SingleProblem(ScorerSpec.Create("list-kind", []), ProblemCodes.ScorerParameterMissing, "steps", null, registry);

        Assert.Contains("steps", problem.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredList_WrongType_ReportsParameterType()
    {
        var registry = ScorerRegistry.Default.With(new ListKind());
        var spec = ScorerSpec.Create("list-kind", [new KeyValuePair<string, ParameterValue>("steps", ParameterValue.Of(3m))]);

        ScorerTestKit.SingleProblem(spec, ProblemCodes.ScorerParameterType, "steps", "3", registry);
    }

    [Fact]
    public void RequiredMap_Absent_ReportsParameterMissing()
    {
        var registry = ScorerRegistry.Default.With(new MapKind());

        ScorerTestKit.SingleProblem(ScorerSpec.Create("map-kind", []), ProblemCodes.ScorerParameterMissing, "table", null, registry);
    }

    [Fact]
    public void RequiredMap_Given_ScorerCreated()
    {
        var registry = ScorerRegistry.Default.With(new MapKind());
        var spec = ScorerSpec.Create("map-kind", [new KeyValuePair<string, ParameterValue>("table", ParameterValue.Map([]))]);

        Assert.Empty(ScorerTestKit.Problems(spec, registry));
    }

    [Fact]
    public void Evaluate_HostScorerReturnsDefaultOutcome_InvalidOperationExceptionNamingTheKind()
    {
        var registry = ScorerRegistry.Default.With(new MapKind());
        var spec = ScorerSpec.Create("map-kind", [new KeyValuePair<string, ParameterValue>("table", ParameterValue.Map([]))]);
        var scheme = ScorerTestKit.SchemeWith(spec, registry).Build();

        var error = Assert.Throws<System.InvalidOperationException>(
            () => SchemeEvaluator.Create(scheme).Evaluate(SubjectInput.For("S1").Value("x", 1m).Build()));

        Assert.Contains("map-kind", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("default(ScoreOutcome)", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_BlankCode_ArgumentException()
        => Assert.Throws<System.ArgumentException>(() => ScoreOutcome.Invalid(" ", "message"));

    [Fact]
    public void Missing_NullMessage_ArgumentNullException()
        => Assert.Throws<System.ArgumentNullException>(() => ScoreOutcome.Missing(null!));

    /// <summary>A kind that needs a list parameter and scores every value 1.</summary>
    private sealed class ListKind : IScorerKind
    {
        public string Name => "list-kind";

        public string Version => "1";

        public IScorer? Create(ScorerParameterReader parameters) => parameters.RequiredList("steps") is null ? null : new ConstantScorer(default);
    }

    /// <summary>A kind that needs a map parameter and whose scorer (wrongly) returns <c>default(ScoreOutcome)</c>.</summary>
    private sealed class MapKind : IScorerKind
    {
        public string Name => "map-kind";

        public string Version => "1";

        public IScorer? Create(ScorerParameterReader parameters) => parameters.RequiredMap("table") is null ? null : new ConstantScorer(default);
    }

    private sealed class ConstantScorer(ScoreOutcome outcome) : IScorer
    {
        public MeasureKind InputKind => MeasureKind.Number;

        public ScoreDirection Direction => ScoreDirection.None;

        public decimal MinimumScore => 0m;

        public decimal MaximumScore => 1m;

        public ScoreOutcome Score(MeasureValue value) => outcome;
    }
}
