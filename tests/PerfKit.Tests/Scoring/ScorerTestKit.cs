using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Scoring;

/// <summary>Builds the smallest scheme around one scorer: root → section <c>monthly</c> → indicator <c>x</c>.</summary>
internal static class ScorerTestKit
{
    /// <summary>The indicator's path; scorer problems are reported under <c>monthly/x.scorer</c>.</summary>
    public const string Path = "monthly/x";

    /// <summary>A scheme builder holding only <paramref name="spec"/>; maxPoints is declared so that capped scorers add no scheme problem.</summary>
    public static PerfKit.Building.SchemeBuilder SchemeWith(ScorerSpec spec, ScorerRegistry? registry = null)
        => Scheme.CreateBuilder("unit", "1", registry)
            .Name("Unit scheme")
            .MaxPoints(1000m)
            .Grade("D", null, 1m)
            .Root(WeightMode.Fraction, r => r
                .Section("monthly", 1m, WeightMode.Fraction, m => m
                    .Indicator("x", 1m, "x", spec)));

    /// <summary>Validates <paramref name="spec"/> through a scheme build and returns the scorer it created.</summary>
    public static IScorer Create(ScorerSpec spec, ScorerRegistry? registry = null)
        => SchemeWith(spec, registry).Build().Indicators.Single().Scorer;

    /// <summary>
    /// Every problem a scheme holding only <paramref name="spec"/> reports, validated under de-DE so that an attempted
    /// value printed with the current culture ("0,9") would not match the invariant text the tests expect ("0.9").
    /// </summary>
    public static ImmutableArray<Problem> Problems(ScorerSpec spec, ScorerRegistry? registry = null)
    {
        var problems = ImmutableArray<Problem>.Empty;
        Internal.ForcedCulture.Run("de-DE", () => problems = SchemeWith(spec, registry).Validate());
        return problems;
    }

    /// <summary>Asserts that the scheme reports exactly one problem and that it has the given code, path and value.</summary>
    public static Problem SingleProblem(ScorerSpec spec, string code, string parameterPath, string? attemptedValue, ScorerRegistry? registry = null)
    {
        var problems = Problems(spec, registry);
        var problem = Assert.Single(problems);
        AssertProblem(problem, code, Path + ".scorer." + parameterPath, attemptedValue);
        return problem;
    }

    /// <summary>Asserts a problem's code, path and attempted value, and that it says something.</summary>
    public static void AssertProblem(Problem problem, string code, string path, string? attemptedValue)
    {
        Assert.Equal(code, problem.Code);
        Assert.Equal(path, problem.Path);
        Assert.Equal(attemptedValue, problem.AttemptedValue);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Null(problem.SubjectId);
    }

    /// <summary>Scores a number and asserts the outcome is a valid score.</summary>
    public static decimal ScoreOf(IScorer scorer, decimal x)
    {
        var outcome = scorer.Score(MeasureValue.Of(x));
        Assert.True(outcome.IsValid, $"expected a score for {x}, got {outcome.ErrorCode}: {outcome.ErrorMessage}");
        return outcome.Score;
    }

    /// <summary>Parses invariant decimal text for theory data (attributes cannot hold decimals).</summary>
    public static decimal D(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>Creates a map parameter.</summary>
    public static ParameterValue Map(params (string Name, ParameterValue Value)[] entries)
        => ParameterValue.Map(entries.Select(e => new KeyValuePair<string, ParameterValue>(e.Name, e.Value)));

    /// <summary>Creates a spec from name/value pairs.</summary>
    public static ScorerSpec Spec(string kind, params (string Name, ParameterValue Value)[] parameters)
        => ScorerSpec.Create(kind, parameters.Select(p => new KeyValuePair<string, ParameterValue>(p.Name, p.Value)));

    /// <summary>Creates a number parameter.</summary>
    public static ParameterValue N(decimal value) => ParameterValue.Of(value);

    /// <summary>Creates a text parameter.</summary>
    public static ParameterValue T(string value) => ParameterValue.Of(value);
}
