using PerfKit.Evaluation;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="EvaluationResult"/>.</summary>
public sealed class EvaluationResultTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(EvaluationResult));

    [Fact]
    public void Success_AssessmentAndNoProblems()
    {
        var result = SchemeEvaluator.Create(ThreeIndicators()).Evaluate(Abc(8m, 10m, 5m, id: "OK"));

        Assert.True(result.Succeeded);
        Assert.Equal("OK", result.SubjectId);
        Assert.Equal("OK", result.Assessment.SubjectId);
        Assert.False(result.Problems.IsDefault);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Failure_NoAssessmentAndProblemsNamingTheSubject()
    {
        var result = SchemeEvaluator.Create(ThreeIndicators()).Evaluate(Abc(null, 10m, 5m, id: "KO"));

        Assert.False(result.Succeeded);
        Assert.Null(result.Assessment);
        Assert.Equal("KO", result.SubjectId);
        Assert.Equal("KO", Assert.Single(result.Problems).SubjectId);
    }
}
