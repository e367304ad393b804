using System;
using System.Globalization;
using System.Linq;
using PerfKit.Building;
using PerfKit.Evaluation;
using PerfKit.Model;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>Small purpose-built schemes and helpers shared by the evaluation tests.</summary>
internal static class EvaluationFixtures
{
    /// <summary>Starts a scheme with the usual grade bands A ≥ 90 → 1.30, B ≥ 80 → 1.10, C ≥ 60 → 1.00, D → 0.70.</summary>
    public static SchemeBuilder Start(string id = "test-scheme")
        => Scheme.CreateBuilder(id, "1")
            .Name("Test scheme")
            .Grade("A", 90m, 1.30m)
            .Grade("B", 80m, 1.10m)
            .Grade("C", 60m, 1.00m)
            .Grade("D", null, 0.70m);

    /// <summary>
    /// Root (percent): a 50, b 30, c 20, each linear 0 → 10 reading measures <c>m_a</c>, <c>m_b</c>, <c>m_c</c>;
    /// indicator a has the given missing-value policy, b and c the default (error).
    /// </summary>
    public static Scheme ThreeIndicators(MissingValuePolicy policyA = MissingValuePolicy.Error, Action<SchemeBuilder>? more = null)
    {
        var builder = Start().Root(WeightMode.Percent, r => r
            .Indicator("a", 50m, "m_a", PerfKit.Scoring.Scorers.Linear(0m, 10m), i => i.WhenMissing(policyA))
            .Indicator("b", 30m, "m_b", PerfKit.Scoring.Scorers.Linear(0m, 10m))
            .Indicator("c", 20m, "m_c", PerfKit.Scoring.Scorers.Linear(0m, 10m)));
        more?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A subject with values for m_a, m_b, m_c (any null is left out).</summary>
    public static SubjectInput Abc(decimal? a, decimal? b, decimal? c, string id = "S1", decimal? basePay = null)
    {
        var input = SubjectInput.For(id);
        if (a is { } va)
        {
            input.Value("m_a", va);
        }

        if (b is { } vb)
        {
            input.Value("m_b", vb);
        }

        if (c is { } vc)
        {
            input.Value("m_c", vc);
        }

        if (basePay is { } pay)
        {
            input.BasePay(pay);
        }

        return input.Build();
    }

    public static Assessment Assess(Scheme scheme, SubjectInput input)
    {
        var result = SchemeEvaluator.Create(scheme).Evaluate(input);
        Assert.True(result.Succeeded, "Expected success but got: " + string.Join("; ", result.Problems.Select(p => p.ToString())));
        return result.Assessment;
    }

    public static Problem SingleProblem(Scheme scheme, SubjectInput input)
    {
        var result = SchemeEvaluator.Create(scheme).Evaluate(input);
        Assert.False(result.Succeeded);
        Assert.Null(result.Assessment);
        return Assert.Single(result.Problems);
    }

    /// <summary>Finds a node result by path ("" or "/" for the root).</summary>
    public static NodeResult Node(this Assessment assessment, string path)
    {
        var normalized = path == "/" ? string.Empty : path;
        return Find(assessment.Root, normalized) ?? throw new InvalidOperationException($"No node '{path}' in the result.");

        static NodeResult? Find(NodeResult node, string p)
        {
            if (string.Equals(node.Path, p, StringComparison.Ordinal))
            {
                return node;
            }

            foreach (var child in node.Children)
            {
                if (Find(child, p) is { } hit)
                {
                    return hit;
                }
            }

            return null;
        }
    }

    public static GateResult GateResult(this Assessment assessment, string gateId)
        => assessment.Gates.Single(g => string.Equals(g.Gate.Id, gateId, StringComparison.Ordinal));

    public static AdjustmentResult Adjustment(this Assessment assessment, string ruleId)
        => assessment.Adjustments.Single(a => string.Equals(a.Rule.Id, ruleId, StringComparison.Ordinal));
}

/// <summary>Forces the current culture (and UI culture) for the lifetime of the scope.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo culture;
    private readonly CultureInfo uiCulture;

    public CultureScope(string name)
    {
        culture = CultureInfo.CurrentCulture;
        uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}

/// <summary>Reflection checks that a result type is a sealed, get-only, immutable-collection type.</summary>
internal static class Immutability
{
    public static void AssertImmutable(Type type)
    {
        Assert.True(type.IsSealed, $"{type.Name} must be sealed.");
        Assert.Empty(type.GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance));
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            Assert.True(property.SetMethod is null, $"{type.Name}.{property.Name} must have no setter (not even init).");
            var t = property.PropertyType;
            // NodaTime's DateInterval enumerates its dates but is itself immutable.
            if (t != typeof(string) && t != typeof(NodaTime.DateInterval) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
            {
                var immutable = t.IsGenericType && t.Namespace == "System.Collections.Immutable";
                var lazyView = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(System.Collections.Generic.IEnumerable<>);
                Assert.True(immutable || lazyView, $"{type.Name}.{property.Name} is a {t.Name}; collections must be immutable.");
            }
        }

        foreach (var field in type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance))
        {
            Assert.True(field.IsInitOnly, $"{type.Name}.{field.Name} must be readonly.");
        }
    }
}
