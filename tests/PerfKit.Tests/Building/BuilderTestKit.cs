using System;
using System.Collections.Immutable;
using PerfKit.Building;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Building;

/// <summary>Small valid schemes that a test breaks in exactly one place.</summary>
internal static class BuilderTestKit
{
    /// <summary>Names, grades A ≥ 90 → 1.3 and D otherwise → 0.7; no root.</summary>
    public static SchemeBuilder Head(string id = "unit-scheme", string version = "2024.1")
        => Scheme.CreateBuilder(id, version).Name("Unit scheme").Grade("A", 90m, 1.3m).Grade("D", null, 0.7m);

    /// <summary>
    /// The tree: root (percent) → monthly 60 (points(100): a 60, b 40) and quarterly 40 (fraction: c 1), every
    /// indicator linear 0 → 10; <paramref name="configureA"/> configures <c>monthly/a</c>.
    /// </summary>
    public static SchemeBuilder Tree(this SchemeBuilder builder, Action<IndicatorBuilder>? configureA = null)
        => builder.Root(WeightMode.Percent, r => r
            .Section("monthly", 60m, WeightMode.PointsOf(100m), m => m
                .Indicator("a", 60m, "a", Scorers.Linear(0m, 10m), configureA)
                .Indicator("b", 40m, "b", Scorers.Linear(0m, 10m)))
            .Section("quarterly", 40m, WeightMode.Fraction, q => q
                .Indicator("c", 1m, "c", Scorers.Linear(0m, 10m))));

    /// <summary>A valid scheme builder: <see cref="Head"/> plus <see cref="Tree"/>.</summary>
    public static SchemeBuilder Valid() => Head().Tree();

    /// <summary>A scheme whose root holds only what <paramref name="configure"/> adds.</summary>
    public static SchemeBuilder WithRoot(WeightMode mode, Action<GroupBuilder> configure) => Head().Root(mode, configure);

    /// <summary>Asserts that exactly one problem is reported, with this code, path and attempted value.</summary>
    public static Problem AssertSingle(SchemeBuilder builder, string code, string path, string? attemptedValue)
    {
        var problems = ValidateUnderTurkishCulture(builder);
        var problem = Assert.Single(problems);
        AssertProblem(problem, code, path, attemptedValue);
        return problem;
    }

    /// <summary>Validates under tr-TR (comma decimal separator, dotted/dotless i), where culture-sensitive printing would show.</summary>
    public static ImmutableArray<Problem> ValidateUnderTurkishCulture(SchemeBuilder builder)
    {
        var problems = ImmutableArray<Problem>.Empty;
        Internal.ForcedCulture.Run("tr-TR", () => problems = builder.Validate());
        return problems;
    }

    /// <summary>Asserts a problem's code, path and attempted value, and that it has a message.</summary>
    public static void AssertProblem(Problem problem, string code, string path, string? attemptedValue)
    {
        Assert.Equal(code, problem.Code);
        Assert.Equal(path, problem.Path);
        Assert.Equal(attemptedValue, problem.AttemptedValue);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }
}
