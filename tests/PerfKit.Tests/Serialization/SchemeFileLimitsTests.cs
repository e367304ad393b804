using System;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Serialization;

public class SchemeFileLimitsTests
{
    [Fact]
    public void Default_HasTheDocumentedLimits()
    {
        var limits = SchemeFileLimits.Default;

        Assert.Equal(
            (4 * 1024 * 1024, 64, 500_000, 10_000, 4_096, 1_000),
            (limits.MaxBytes, limits.MaxDepth, limits.MaxValues, limits.MaxNodes, limits.MaxStringLength, limits.MaxProblems));
    }

    [Fact]
    public void With_ChangesOneLimitAndKeepsTheOthers()
    {
        var limits = SchemeFileLimits.Default.WithMaxBytes(10).WithMaxDepth(8).WithMaxValues(20).WithMaxNodes(3).WithMaxStringLength(5).WithMaxProblems(2);

        Assert.Equal((10, 8, 20, 3, 5, 2), (limits.MaxBytes, limits.MaxDepth, limits.MaxValues, limits.MaxNodes, limits.MaxStringLength, limits.MaxProblems));
        Assert.Equal(64, SchemeFileLimits.Default.MaxDepth);
    }

    [Fact]
    public void With_OutOfRangeValue_IsMisuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemeFileLimits.Default.WithMaxBytes(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemeFileLimits.Default.WithMaxBytes(Array.MaxLength + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemeFileLimits.Default.WithMaxDepth(SchemeFileLimits.DepthCeiling + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemeFileLimits.Default.WithMaxValues(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemeFileLimits.Default.WithMaxNodes(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemeFileLimits.Default.WithMaxStringLength(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemeFileLimits.Default.WithMaxProblems(0));
    }

    [Fact]
    public void WithMaxDepth_DeeperLimit_LoadsADeepTreeTheDefaultRefuses()
    {
        // 40 nested groups: the JSON depth is 1 (file) + 2 per group (the group object and its children array) + 1 (the leaf)
        // + 1 (its scorer) = 83 > 64.
        var builder = PerfKit.Model.Scheme.CreateBuilder("deep", "1").Name("Deep").Grade("A", null, 1m);
        builder.Root(PerfKit.Model.WeightMode.Fraction, root => Nest(root, 40));
        var text = SchemeFile.WriteString(builder.Build());

        Assert.Equal(ProblemCodes.JsonLimit, Assert.Single(SchemeFile.Load(text).Problems).Code);
        Assert.True(SchemeFile.Load(text, null, SchemeFileLimits.Default.WithMaxDepth(100)).Succeeded);

        static void Nest(PerfKit.Building.GroupBuilder group, int levels)
        {
            if (levels == 0)
            {
                group.Indicator("leaf", 1m, "m", PerfKit.Scoring.Scorers.Linear(0m, 1m));
                return;
            }

            group.Section("g" + levels, 1m, PerfKit.Model.WeightMode.Fraction, g => Nest(g, levels - 1));
        }
    }
}
