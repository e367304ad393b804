using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PerfKit.Demo;
using PerfKit.Model;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Model;

public sealed class SchemeTests
{
    private static readonly Scheme ABank = SampleSchemes.ABank2023();

    private static decimal Effective(string path)
        => ABank.TryFindNode(path, out var node) ? node.EffectiveWeight : throw new InvalidOperationException($"no node {path}");

    [Theory]
    [InlineData("quarterly/net_balance_growth", "0.3")]  // 50/100 × 60/100
    [InlineData("monthly/new_accounts", "0.25")]         // 50/100 × 50/100
    [InlineData("monthly/net_new_accounts", "0.15")]     // 50/100 × 30/100
    [InlineData("monthly/monthly_exam", "0.05")]         // 50/100 × 10/100
    [InlineData("monthly/mentoring", "0.03")]            // 50/100 × 6/100
    [InlineData("monthly/activity", "0.02")]             // 50/100 × 4/100
    [InlineData("quarterly/customer_visits", "0.04")]    // 50/100 × 8/100
    [InlineData("quarterly/overdue_rate", "0.06")]       // 50/100 × 12/100
    [InlineData("quarterly/npl_rate", "0.1")]            // 50/100 × 20/100
    [InlineData("monthly", "0.5")]
    [InlineData("", "1")]
    public void EffectiveWeight_ABank_IsTheProductOfSharesAlongThePath(string path, string expected)
        => Assert.Equal(Scoring.ScorerTestKit.D(expected), Effective(path));

    [Fact]
    public void EffectiveWeight_ABankIndicators_SumToExactlyOne()
        => Assert.Equal(1m, ABank.Indicators.Sum(i => i.EffectiveWeight));

    [Fact]
    public void EffectiveWeight_Normalize_IsOneDivisionPerLevel()
    {
        var scheme = Scheme.CreateBuilder("thirds", "1").Name("Thirds").Grade("D", null, 1m)
            .Root(WeightMode.Fraction, r => r.Section("s", 1m, WeightMode.Normalize, s => s
                .Indicator("a", 1m, "a", Scorers.Linear(0m, 1m))
                .Indicator("b", 1m, "b", Scorers.Linear(0m, 1m))
                .Indicator("c", 1m, "c", Scorers.Linear(0m, 1m))))
            .Build();

        // 1 × 1 / 3 = 0.3333333333333333333333333333 (28 digits); the three sum to 1 − 1e-28.
        Assert.All(scheme.Indicators, i => Assert.Equal(0.3333333333333333333333333333m, i.EffectiveWeight));
        Assert.True(Math.Abs(1m - scheme.Indicators.Sum(i => i.EffectiveWeight)) <= 1e-27m);
    }

    [Theory]
    [InlineData("90", "A")]
    [InlineData("89.99", "B")]
    [InlineData("105", "A")]
    [InlineData("80", "B")]
    [InlineData("79.99", "C")]
    [InlineData("60", "C")]
    [InlineData("59.99", "D")]
    [InlineData("0", "D")]
    public void GradeFor_ABankBoundaries_AreInclusiveMinimums(string total, string grade)
        => Assert.Equal(grade, ABank.GradeFor(Scoring.ScorerTestKit.D(total)).Name);

    [Fact]
    public void Grades_ABank_AreBestToWorstWithCoefficients()
    {
        Assert.Equal(["A", "B", "C", "D"], ABank.Grades.Select(g => g.Name).ToArray());
        Assert.Equal([1.30m, 1.10m, 1.00m, 0.70m], ABank.Grades.Select(g => g.Coefficient).ToArray());
        Assert.Null(ABank.Grades[3].MinPoints);
        Assert.Same(ABank.Grades[1], ABank.FindGrade("B"));
        Assert.Null(ABank.FindGrade("E"));
    }

    [Fact]
    public void Bounds_ABank_AreZeroAndPPlusMaxBonus()
    {
        Assert.Equal(100m, ABank.Points);
        Assert.Equal(5m, ABank.MaxBonus);
        Assert.Equal(0m, ABank.MinPoints);
        Assert.Equal(105m, ABank.MaxPoints);   // "105 points" = P 100 + maxBonus 5
        Assert.Null(ABank.DeclaredMinPoints);
        Assert.Null(ABank.DeclaredMaxPoints);
    }

    [Fact]
    public void Measures_ABank_AreIndicatorsThenAdjustmentsInFirstUseOrder()
        => Assert.Equal(
            ["new_accounts", "net_new_accounts", "monthly_exam", "mentoring", "activity", "customer_visits", "net_balance_growth", "overdue_rate", "npl_rate", "certificates"],
            ABank.Measures.ToArray());

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public void TryFindNode_RootPaths_FindTheRoot(string path)
    {
        Assert.True(ABank.TryFindNode(path, out var node));
        Assert.Same(ABank.Root, node);
        Assert.Equal("/", node.ToString());
    }

    [Fact]
    public void TryFindNode_PathWithSlashes_IsNormalized()
    {
        Assert.True(ABank.TryFindNode("/quarterly/npl_rate/", out var node));
        var npl = Assert.IsType<IndicatorNode>(node);
        Assert.Equal("quarterly/npl_rate", npl.Path);
        Assert.Equal(ScoreDirection.LowerIsBetter, npl.Scorer.Direction);
    }

    [Fact]
    public void TryFindNode_UnknownOrNull_FailsOrThrows()
    {
        Assert.False(ABank.TryFindNode("quarterly/zzz", out _));
        Assert.False(ABank.TryFindNode("npl_rate", out _));
        Assert.Throws<ArgumentNullException>(() => ABank.TryFindNode(null!, out _));
    }

    [Fact]
    public void Collections_CannotBeChangedThroughTheirInterfaces()
    {
        Assert.Throws<NotSupportedException>(() => ((IList<GradeBand>)ABank.Grades).Add(ABank.Grades[0]));
        Assert.Throws<NotSupportedException>(() => ((IList<Gate>)ABank.Gates).RemoveAt(0));
        Assert.Throws<NotSupportedException>(() => ((IList<SchemeNode>)ABank.Root.Children).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<string>)ABank.Indicators[0].Tags)[0] = "other");
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, string>)ABank.Names.ByCulture).Add("en", "A bank"));
    }

    private static Type[] ModelTypeList => [.. typeof(Scheme).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "PerfKit.Model" && t.IsClass)
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static TheoryData<Type> ModelTypes => new(ModelTypeList);

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void ModelType_HasNoSettersNoMutableFieldsAndOnlyImmutableCollections(Type type)
    {
        Assert.True(type.IsSealed || type.IsAbstract, $"{type.Name} should be sealed");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(property.SetMethod is null || !property.SetMethod.IsPublic, $"{type.Name}.{property.Name} has a public setter");
            var propertyType = property.PropertyType;
            if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                Assert.Equal("System.Collections.Immutable", propertyType.Namespace);
            }
        }

        Assert.All(type.GetFields(BindingFlags.Public | BindingFlags.Instance), f => Assert.True(f.IsInitOnly, $"{type.Name}.{f.Name} is writable"));
    }

    [Fact]
    public void ModelTypes_IncludeTheSchemeTree()
        => Assert.Superset(
            new HashSet<Type> { typeof(Scheme), typeof(GroupNode), typeof(IndicatorNode), typeof(SchemeNode), typeof(LocalizedText), typeof(GradeBand), typeof(Gate), typeof(AdjustmentRule), typeof(WeightMode), typeof(RoundingPolicy) },
            ModelTypeList.ToHashSet());

    [Fact]
    public void Names_ABank_HasTheChineseName()
        => Assert.Equal("A银行普惠客户经理绩效考核方案（2023）", ABank.Names.Get("zh-CN"));
}
