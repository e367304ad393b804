using System.Linq;
using PerfKit.Model;
using Xunit;

namespace PerfKit.Tests.Serialization;

/// <summary>Compares two schemes member by member through the model's public API, independently of the file writer.</summary>
internal static class SchemeAssert
{
    public static void StructurallyEqual(Scheme expected, Scheme actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Names(expected.Names, actual.Names, "scheme");
        Assert.Equal(expected.Points, actual.Points);
        Assert.Equal(expected.Rounding, actual.Rounding);
        Assert.Equal(expected.MaxBonus, actual.MaxBonus);
        Assert.Equal(expected.DeclaredMinPoints, actual.DeclaredMinPoints);
        Assert.Equal(expected.DeclaredMaxPoints, actual.DeclaredMaxPoints);
        Assert.Equal(expected.Grades.Length, actual.Grades.Length);
        for (var i = 0; i < expected.Grades.Length; i++)
        {
            var (e, a) = (expected.Grades[i], actual.Grades[i]);
            Assert.Equal(e.Name, a.Name);
            Names(e.Names, a.Names, "grade " + e.Name);
            Assert.Equal(e.MinPoints, a.MinPoints);
            Assert.Equal(e.Coefficient, a.Coefficient);
            Assert.Equal(e.Rank, a.Rank);
        }

        Node(expected.Root, actual.Root);
        Assert.Equal(expected.Gates.Length, actual.Gates.Length);
        for (var i = 0; i < expected.Gates.Length; i++)
        {
            var (e, a) = (expected.Gates[i], actual.Gates[i]);
            Assert.Equal(e.Id, a.Id);
            Names(e.Names, a.Names, "gate " + e.Id);
            Assert.Equal(e.Subject, a.Subject);
            Assert.Equal(e.NodePath, a.NodePath);
            Assert.Equal(e.Threshold, a.Threshold);
            Assert.Equal(e.Direction, a.Direction);
            Assert.Equal(e.DeclaredDirection, a.DeclaredDirection);
            Assert.Equal(e.Consequence, a.Consequence);
            Assert.Equal(e.ConsequenceTarget, a.ConsequenceTarget);
            Assert.Equal(e.OnMissing, a.OnMissing);
        }

        Assert.Equal(expected.Adjustments.Length, actual.Adjustments.Length);
        for (var i = 0; i < expected.Adjustments.Length; i++)
        {
            var (e, a) = (expected.Adjustments[i], actual.Adjustments[i]);
            Assert.Equal(e.Id, a.Id);
            Names(e.Names, a.Names, "adjustment " + e.Id);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Measure, a.Measure);
            Assert.Equal(e.PointsPerUnit, a.PointsPerUnit);
            Assert.Equal(e.Cap, a.Cap);
            Assert.Equal(e.ScopePath, a.ScopePath);
            Assert.Equal(e.Missing, a.Missing);
        }

        Assert.Equal(expected.Measures.ToArray(), actual.Measures.ToArray());
    }

    private static void Node(SchemeNode expected, SchemeNode actual)
    {
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.Id, actual.Id);
        Names(expected.Names, actual.Names, "node " + expected);
        Assert.Equal(expected.Weight, actual.Weight);
        Assert.Equal(expected.EffectiveWeight, actual.EffectiveWeight);
        Assert.Equal(expected.IsIndicator, actual.IsIndicator);
        if (expected is GroupNode eg)
        {
            var ag = Assert.IsType<GroupNode>(actual);
            Assert.Equal(eg.Kind, ag.Kind);
            Assert.Equal(eg.ChildWeights, ag.ChildWeights);
            Assert.Equal(eg.Children.Length, ag.Children.Length);
            for (var i = 0; i < eg.Children.Length; i++)
            {
                Node(eg.Children[i], ag.Children[i]);
            }

            return;
        }

        var ei = (IndicatorNode)expected;
        var ai = Assert.IsType<IndicatorNode>(actual);
        Assert.Equal(ei.Measure, ai.Measure);
        Assert.Equal(ei.ScorerSpec, ai.ScorerSpec);
        Assert.Equal(ei.ScorerVersion, ai.ScorerVersion);
        Assert.Equal(ei.Scorer.GetType(), ai.Scorer.GetType());
        Assert.Equal(ei.Scorer.Direction, ai.Scorer.Direction);
        Assert.Equal(ei.Scorer.MinimumScore, ai.Scorer.MinimumScore);
        Assert.Equal(ei.Scorer.MaximumScore, ai.Scorer.MaximumScore);
        Assert.Equal(ei.Missing, ai.Missing);
        Assert.Equal(ei.Tags.ToArray(), ai.Tags.ToArray());
        Assert.Equal(ei.Unit, ai.Unit);
        Assert.Equal(ei.Aggregation, ai.Aggregation);
        Assert.Equal(ei.Prorated, ai.Prorated);
    }

    private static void Names(LocalizedText expected, LocalizedText actual, string where)
    {
        Assert.True(expected.Default == actual.Default, $"{where}: default name '{expected.Default}' became '{actual.Default}'.");
        Assert.Equal(expected.ByCulture.Keys.ToArray(), actual.ByCulture.Keys.ToArray());
        Assert.Equal(expected.ByCulture.Values.ToArray(), actual.ByCulture.Values.ToArray());
    }
}
