using System.Collections.Generic;
using System.Linq;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Model;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="NodeResult"/>.</summary>
public sealed class NodeResultTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(NodeResult));

    private static IEnumerable<NodeResult> All(NodeResult node) => new[] { node }.Concat(node.Children.SelectMany(All));

    private static Assessment ABank() => SchemeEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow(Scenarios.ABank2023ScenarioTests.Subject(exam: 86m));

    [Fact]
    public void Tree_MirrorsTheSchemeInDeclaredOrder()
    {
        var a = ABank();

        Assert.Equal(string.Empty, a.Root.Path);
        Assert.Same(a.Scheme.Root, a.Root.Node);
        Assert.Equal(new[] { "monthly", "quarterly" }, a.Root.Children.Select(c => c.Path));
        Assert.Equal(
            new[] { "monthly/new_accounts", "monthly/net_new_accounts", "monthly/monthly_exam", "monthly/mentoring", "monthly/activity" },
            a.Node("monthly").Children.Select(c => c.Path));
        Assert.Equal(a.Scheme.Indicators.Select(i => i.Path), All(a.Root).Where(n => n.Node.IsIndicator).Select(n => n.Path));
    }

    [Fact]
    public void Collections_EveryNode_NeverDefault()
    {
        Assert.All(All(ABank().Root), n =>
        {
            Assert.False(n.Children.IsDefault);
            Assert.False(n.Notes.IsDefault);
            Assert.False(n.Intermediates.IsDefault);
        });
    }

    [Fact]
    public void Indicator_ExplainsValueScoreWeight()
    {
        // exam 86 → 0.86; weight 10 as written; effective 0.5 × 10/100 = 0.05; contribution 0.05 × 0.86 × 100 = 4.3.
        var n = ABank().Node("monthly/monthly_exam");

        Assert.Equal(PerfKit.Scoring.MeasureValue.Of(86m), n.Value);
        Assert.Null(n.OriginalValue);
        Assert.False(n.IsMissing);
        Assert.Equal(0.86m, n.ScorerScore);
        Assert.Equal(0.86m, n.Score);
        Assert.Equal(10m, n.Weight);
        Assert.Equal(0.05m, n.EffectiveWeight);
        Assert.Equal(4.3m, n.Contribution);
        Assert.Empty(n.Children);
        Assert.False(n.ZeroedByGate);
        Assert.False(n.IsExcluded);
    }

    [Fact]
    public void Group_HasNoValueNorScorerScore()
    {
        // monthly = (50 + 30 + 8.6 + 6 + 4) / 100 = 0.986.
        var n = ABank().Node("monthly");

        Assert.Null(n.Value);
        Assert.Null(n.ScorerScore);
        Assert.Equal(0.986m, n.Score);
        Assert.Equal(50m, n.Weight);
        Assert.IsType<GroupNode>(n.Node);
    }

    [Fact]
    public void EffectiveWeight_ComputedPerEvaluationNotFromTheScheme()
    {
        // With b excluded the scheme's effective weight of a (0.5) differs from this evaluation's (50/70).
        var scheme = Start().Root(WeightMode.Percent, r => r
                .Indicator("a", 50m, "m_a", PerfKit.Scoring.Scorers.Linear(0m, 10m))
                .Indicator("b", 30m, "m_b", PerfKit.Scoring.Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Exclude))
                .Indicator("c", 20m, "m_c", PerfKit.Scoring.Scorers.Linear(0m, 10m)))
            .Build();

        var a = Assess(scheme, Abc(7m, null, 7m));

        Assert.Equal(0.5m, a.Node("a").Node.EffectiveWeight);
        Assert.Equal(50m / 70m, a.Node("a").EffectiveWeight);

        // a and c both 0.7 → root 0.7 whatever the weights → 70.
        Assert.Equal(70m, a.BasePoints);
    }
}
