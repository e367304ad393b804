using System;
using PerfKit.Evaluation;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

public sealed partial class SchemeEvaluatorTests
{
    [Fact]
    public void Evaluate_MisspeltMeasureByDefault_ValueUnknownMeasureNamingTheKey()
    {
        // m_c is misspelt "m_cc": with policy 'error' on every indicator the real m_c is also missing.
        var input = SubjectInput.For("S1").Value("m_a", 10m).Value("m_b", 10m).Value("m_cc", 10m).Build();

        var result = SchemeEvaluator.Create(ThreeIndicators()).Evaluate(input);

        Assert.False(result.Succeeded);
        var unknown = Assert.Single(result.Problems, p => p.Code == ProblemCodes.ValueUnknownMeasure);
        Assert.Equal("m_cc", unknown.Path);
        Assert.Equal("m_cc", unknown.AttemptedValue);
        Assert.Equal("S1", unknown.SubjectId);
        Assert.Contains(result.Problems, p => p.Code == ProblemCodes.ValueMissing && p.Path == "c");
    }

    [Fact]
    public void Evaluate_UnknownRatingsMeasureByDefault_ValueUnknownMeasure()
    {
        var input = SubjectInput.For("S1").Value("m_a", 10m).Value("m_b", 10m).Value("m_c", 10m).Ratings("extra", "peer", 4m).Build();

        var problem = SingleProblem(ThreeIndicators(), input);

        Assert.Equal(ProblemCodes.ValueUnknownMeasure, problem.Code);
        Assert.Equal("extra", problem.Path);
    }

    [Fact]
    public void Evaluate_UnknownMeasureIgnored_ScoresAsWithoutIt()
    {
        // a = 10/10 = 1, b = 5/10 = 0.5, c = 0/10 = 0 → (50×1 + 30×0.5 + 20×0) / 100 = 0.65 → 65 points.
        var input = SubjectInput.For("S1").Value("m_a", 10m).Value("m_b", 5m).Value("m_c", 0m).Value("warehouse_extra", 123m).Build();
        var evaluator = SchemeEvaluator.Create(ThreeIndicators(), new EvaluatorOptions { UnknownMeasures = UnknownMeasureHandling.Ignore });

        var result = evaluator.Evaluate(input);

        Assert.True(result.Succeeded);
        Assert.Equal(65m, result.Assessment.RoundedTotal);
    }

    [Fact]
    public void Create_UndefinedUnknownMeasureHandling_ArgumentException()
        => Assert.Throws<ArgumentException>(() => SchemeEvaluator.Create(ThreeIndicators(), new EvaluatorOptions { UnknownMeasures = (UnknownMeasureHandling)7 }));
}
