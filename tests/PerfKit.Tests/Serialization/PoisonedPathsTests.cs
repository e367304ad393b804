using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Serialization;

public sealed class PoisonedPathsTests
{
    /// <summary>Names that JsonPath writes plainly and in brackets (dots, quotes, backslashes and brackets inside names).</summary>
    private static readonly string[] Names = ["root", "children", "weight", "a", "a.b", "it's", "x[0]", "zh CN", "\\", "['", "", "$schema"];

    [Property(MaxTest = 500)]
    public Property Affects_RandomPaths_AgreesWithRelatedOverEveryPoisonedPath()
    {
        // A path is a list of steps: a name (an index into Names) or an array index (-1 → [0], -2 → [1], -3 → [2]).
        var steps = Gen.Choose(0, 5).SelectMany(depth => Gen.ArrayOf(Gen.Choose(-3, Names.Length - 1), depth));
        var cases = Gen.ArrayOf(steps).SelectMany(poisoned => Gen.ArrayOf(steps).Select(problems => (Poisoned: poisoned, Problems: problems)));

        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var poisoned = c.Poisoned.Select(Build).ToArray();
            var index = new PoisonedPaths();
            foreach (var p in poisoned)
            {
                index.Add(p);
            }

            // Problems at the poisoned paths, at every path above them and one or two steps below them, and random ones.
            var probes = c.Problems.Concat(c.Poisoned.SelectMany(s => Enumerable.Range(0, s.Length + 1).Select(k => s[..k])))
                .Concat(c.Poisoned.SelectMany(s => new[] { (int[])[.. s, 2], [.. s, -1], [.. s, -2, 3] }))
                .Select(Build);
            foreach (var problem in probes)
            {
                var expected = poisoned.Any(p => PoisonedPaths.Related(p, problem));
                Assert.True(expected == index.Affects(problem), $"problem {problem}, poisoned [{string.Join(", ", poisoned)}]: expected {expected}");
            }
        });
    }

    [Fact]
    public void Affects_GroupWeightSumAndGateSubject_FollowFromValuesTwoStepsWithin()
    {
        var index = new PoisonedPaths();
        index.Add("$.root.children[0].weight");
        index.Add("$.gates[1].on");
        index.Add("$.root.children[2].names['zh CN']");

        // At or within a poisoned value.
        Assert.True(index.Affects("$.root.children[0].weight"));
        Assert.True(index.Affects("$.root.children[2].names['zh CN']"));
        // One and two steps above it: the child and its parent's children array (the group's weight sum).
        Assert.True(index.Affects("$.root.children[0]"));
        Assert.True(index.Affects("$.root.children"));
        Assert.True(index.Affects("$.gates[1]"));
        Assert.True(index.Affects("$.gates"));
        Assert.True(index.Affects("$.root.children[2].names"));
        // Three steps above, siblings and names that merely start the same.
        Assert.False(index.Affects("$.root"));
        Assert.False(index.Affects("$"));
        Assert.False(index.Affects("$.root.children[0].measure"));
        Assert.False(index.Affects("$.root.children[0].weightMode"));
        Assert.False(index.Affects("$.gates[10].on"));
        Assert.False(index.Affects("$.root.children[2].names['zh']"));
    }

    [Fact]
    public void Affects_NothingPoisoned_IsFalse()
    {
        var index = new PoisonedPaths();

        Assert.Equal(0, index.Count);
        Assert.False(index.Affects("$"));
        Assert.False(index.Affects("$.root"));
    }

    private static string Build(int[] steps)
    {
        var path = JsonPath.Root;
        foreach (var step in steps)
        {
            path = step < 0 ? JsonPath.Index(path, -step - 1) : JsonPath.Property(path, Names[step]);
        }

        return path;
    }
}
