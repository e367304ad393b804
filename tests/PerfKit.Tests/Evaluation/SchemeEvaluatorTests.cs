using System;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Model;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="SchemeEvaluator"/>; split by topic over the SchemeEvaluatorTests.*.cs files.</summary>
public sealed partial class SchemeEvaluatorTests
{
    [Fact]
    public void Create_NullScheme_ArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => SchemeEvaluator.Create(null!));

    [Fact]
    public void Create_OptionsWithoutPayRounding_ArgumentException()
        => Assert.Throws<ArgumentException>(() => SchemeEvaluator.Create(ThreeIndicators(), new EvaluatorOptions { PayRounding = null! }));

    [Fact]
    public void Create_NoOptions_DefaultPayRoundingTwoDecimalsAwayFromZero()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());

        Assert.Same(EvaluatorOptions.Default, evaluator.Options);
        Assert.Equal(new RoundingPolicy(2, MidpointRounding.AwayFromZero), evaluator.Options.PayRounding);
    }

    [Fact]
    public void Create_Scheme_KeptAsGiven()
    {
        var scheme = ThreeIndicators();

        Assert.Same(scheme, SchemeEvaluator.Create(scheme).Scheme);
    }

    [Fact]
    public void Evaluate_NullInput_ArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => SchemeEvaluator.Create(ThreeIndicators()).Evaluate(null!));

    [Fact]
    public void EvaluateOrThrow_NullInput_ArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => SchemeEvaluator.Create(ThreeIndicators()).EvaluateOrThrow(null!));

    [Fact]
    public void Evaluate_SameInputTwice_IdenticalNumbersIndependentResults()
    {
        var evaluator = SchemeEvaluator.Create(SampleSchemes.ABank2023());
        var input = Scenarios.ABank2023ScenarioTests.Subject(newAccounts: 9m, certificates: 1m);

        var first = evaluator.EvaluateOrThrow(input);
        var second = evaluator.EvaluateOrThrow(input);

        // 97.5 (see the A-bank scenario) + 2.5 = 100.
        Assert.NotSame(first, second);
        Assert.Equal(100m, first.RoundedTotal);
        Assert.Equal(first.ExactTotal, second.ExactTotal);
        Assert.Equal(first.Payout, second.Payout);
    }

    [Fact]
    public void Evaluate_FailedSubjectThenGoodSubject_NoStateCarriedOver()
    {
        var evaluator = SchemeEvaluator.Create(ThreeIndicators());

        Assert.False(evaluator.Evaluate(Abc(null, null, null)).Succeeded);
        var good = evaluator.Evaluate(Abc(10m, 10m, 10m));

        Assert.True(good.Succeeded);
        Assert.Empty(good.Problems);
        Assert.Equal(100m, good.Assessment.RoundedTotal);
    }
}
