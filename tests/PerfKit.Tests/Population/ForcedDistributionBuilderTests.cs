using System;
using System.Linq;
using PerfKit.Model;
using PerfKit.Population;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Population.PopulationFixtures;

namespace PerfKit.Tests.Population;

/// <summary>Tests of <see cref="ForcedDistributionBuilder"/>: validation of quota sets, all problems at once.</summary>
public sealed class ForcedDistributionBuilderTests
{
    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(ForcedDistribution));
        Immutability.AssertImmutable(typeof(GradeQuota));
        Immutability.AssertImmutable(typeof(TieBreaker));
    }

    [Fact]
    public void Build_ValidQuotas_Declared()
    {
        var distribution = Quotas().AtMost("A", 20m).AtLeast("D", 5m).Between("B", 30m, 50m).Split(TieBreaker.Score("quality"), TieBreaker.Attribute("hired")).WithinGroups("department").Build();

        Assert.Equal(["A ≤ 20%", "D ≥ 5%", "B 30%–50%"], distribution.Quotas.Select(q => q.ToString()));
        Assert.Equal(QuotaTiePolicy.Split, distribution.TiePolicy);
        Assert.Equal(["score(quality)", "attribute(hired) ascending"], distribution.TieBreakers.Select(t => t.ToString()));
        Assert.Equal(new[] { "department" }, distribution.GroupKeys.AsEnumerable());
        Assert.Equal(RoundingPolicy.Default, distribution.PayRounding);
        Assert.Equal("A ≤ 20%, D ≥ 5%, B 30%–50%; split by score(quality), attribute(hired) ascending, then subject id; within department", distribution.ToString());
    }

    [Fact]
    public void Build_Defaults_KeepTogetherWholePopulation()
    {
        var distribution = Quotas().AtMost("A", 20m).Build();

        Assert.Equal(QuotaTiePolicy.KeepTogether, distribution.TiePolicy);
        Assert.Empty(distribution.TieBreakers);
        Assert.Empty(distribution.GroupKeys);
        Assert.Equal("A ≤ 20%; keepTogether; whole population", distribution.ToString());
    }

    [Fact]
    public void KeepTogether_AfterSplit_DropsSecondaryKeys()
    {
        var distribution = Quotas().AtMost("A", 20m).Split(TieBreaker.Score("quality")).KeepTogether().Build();

        Assert.Equal(QuotaTiePolicy.KeepTogether, distribution.TiePolicy);
        Assert.Empty(distribution.TieBreakers);
    }

    [Theory]
    [InlineData(20, 12, 2)] // 2.4 → at most 2
    [InlineData(20, 10, 2)] // exactly 2
    [InlineData(20, 4, 0)] // 0.8 → 0
    [InlineData(100, 7, 7)]
    public void MaximumCount_RoundsDown(int percent, int n, int expected)
        => Assert.Equal(expected, Quotas().AtMost("A", percent).Build().Quotas[0].MaximumCount(n));

    [Theory]
    [InlineData(5, 12, 1)] // 0.6 → at least 1
    [InlineData(5, 20, 1)] // exactly 1
    [InlineData(30, 10, 3)]
    [InlineData(0, 10, 0)]
    [InlineData(12.5, 9, 2)] // 1.125 → 2
    public void MinimumCount_RoundsUp(double percent, int n, int expected)
        => Assert.Equal(expected, Quotas().AtLeast("D", (decimal)percent).Build().Quotas[0].MinimumCount(n));

    [Fact]
    public void Counts_WithoutLimit_ZeroAndGroupSize()
    {
        var quota = Quotas().AtMost("A", 20m).Build().Quotas[0];

        Assert.Equal(0, quota.MinimumCount(10));
        Assert.Equal(10, Quotas().AtLeast("D", 5m).Build().Quotas[0].MaximumCount(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => quota.MaximumCount(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => quota.MinimumCount(-1));
    }

    [Fact]
    public void Validate_UnknownGrade_Reported()
    {
        var problem = Assert.Single(Quotas().AtMost("E", 20m).Validate());

        Assert.Equal(ProblemCodes.QuotaGrade, problem.Code);
        Assert.Equal("quotas[0].grade", problem.Path);
        Assert.Equal("E", problem.AttemptedValue);
        Assert.Contains("A, B, C, D", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(120, "quotas[0].atMost", "120")]
    [InlineData(-0.5, "quotas[0].atMost", "-0.5")]
    public void Validate_PercentOutsideRange_Reported(double percent, string path, string value)
    {
        var problem = Assert.Single(Quotas().AtMost("A", (decimal)percent).Validate());

        Assert.Equal(ProblemCodes.QuotaPercent, problem.Code);
        Assert.Equal(path, problem.Path);
        Assert.Equal(value, problem.AttemptedValue);
    }

    [Fact]
    public void Validate_AtLeastOutsideRange_Reported()
    {
        var problem = Assert.Single(Quotas().AtLeast("D", 100.01m).Validate());

        Assert.Equal(ProblemCodes.QuotaPercent, problem.Code);
        Assert.Equal("quotas[0].atLeast", problem.Path);
    }

    [Fact]
    public void Validate_BoundsZeroAndHundred_Accepted()
        => Assert.Empty(Quotas().AtMost("A", 0m).Between("D", 0m, 100m).Validate());

    [Fact]
    public void Validate_AtLeastAboveAtMost_Reported()
    {
        var problem = Assert.Single(Quotas().Between("B", 50m, 30m).Validate());

        Assert.Equal(ProblemCodes.QuotaOrder, problem.Code);
        Assert.Equal("quotas[0]", problem.Path);
        Assert.Equal("B 50%–30%", problem.AttemptedValue);
    }

    [Fact]
    public void Validate_GradeTwice_Reported()
    {
        var problem = Assert.Single(Quotas().AtMost("A", 20m).AtLeast("A", 5m).Validate());

        Assert.Equal(ProblemCodes.QuotaDuplicate, problem.Code);
        Assert.Equal("quotas[1].grade", problem.Path);
    }

    [Fact]
    public void Validate_MinimumsAboveHundred_Infeasible()
    {
        var problem = Assert.Single(Quotas().AtLeast("A", 60m).AtLeast("D", 50m).Validate());

        Assert.Equal(ProblemCodes.QuotaInfeasible, problem.Code);
        Assert.Equal("quotas", problem.Path);
        Assert.Equal("110", problem.AttemptedValue);
    }

    [Fact]
    public void Validate_EveryGradeCappedBelowHundred_Infeasible()
    {
        // 20 + 20 + 20 + 20 = 80: a fifth of any population could get no grade.
        var problem = Assert.Single(Quotas().AtMost("A", 20m).AtMost("B", 20m).AtMost("C", 20m).AtMost("D", 20m).Validate());

        Assert.Equal(ProblemCodes.QuotaInfeasible, problem.Code);
        Assert.Equal("80", problem.AttemptedValue);
        Assert.Empty(Quotas().AtMost("A", 20m).AtMost("B", 20m).AtMost("C", 20m).AtMost("D", 40m).Validate());
        Assert.Empty(Quotas().AtMost("A", 20m).AtMost("B", 20m).AtMost("C", 20m).Validate()); // D takes the rest
    }

    [Fact]
    public void Validate_UnknownTieBreakNode_Reported()
    {
        var problem = Assert.Single(Quotas().AtMost("A", 20m).Split(TieBreaker.Attribute("hired"), TieBreaker.Score("volume")).Validate());

        Assert.Equal(ProblemCodes.QuotaTieBreak, problem.Code);
        Assert.Equal("tieBreakers[1]", problem.Path);
        Assert.Equal("volume", problem.AttemptedValue);
    }

    [Fact]
    public void Build_ManyProblems_AllReportedAtOnce()
    {
        var builder = Quotas().AtMost("E", 20m).AtLeast("D", 150m).Between("B", 40m, 10m).AtLeast("C", 60m).AtLeast("A", 45m).Split(TieBreaker.Score("nope"));

        var error = Assert.Throws<ForcedDistributionException>(() => builder.Build());

        // Invalid quotas are left out of the sum: C 60 + A 45 = 105 > 100.
        Assert.Equal([ProblemCodes.QuotaGrade, ProblemCodes.QuotaPercent, ProblemCodes.QuotaOrder, ProblemCodes.QuotaInfeasible, ProblemCodes.QuotaTieBreak], error.Problems.Select(p => p.Code));
        Assert.Contains("5 problem(s)", error.Message, StringComparison.Ordinal);
        Assert.False(builder.TryBuild(out var distribution, out var problems));
        Assert.Null(distribution);
        Assert.Equal(5, problems.Length);
    }

    [Fact]
    public void Exception_WithoutProblems_Refused()
    {
        Assert.Throws<ArgumentException>(() => new ForcedDistributionException([]));
        Assert.Throws<ArgumentNullException>(() => new ForcedDistributionException(null!));
    }

    [Fact]
    public void Builder_Misuse_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ForcedDistribution.CreateBuilder(null!));
        Assert.Throws<ArgumentNullException>(() => Quotas().AtMost(null!, 20m));
        Assert.Throws<ArgumentNullException>(() => Quotas().Split(null!));
        Assert.Throws<ArgumentException>(() => Quotas().Split(new TieBreaker[] { null! }));
        Assert.Throws<ArgumentException>(() => Quotas().WithinGroups(""));
        Assert.Throws<ArgumentException>(() => Quotas().WithinGroups("department", "department"));
        Assert.Throws<ArgumentNullException>(() => Quotas().PayRounding(null!));
        Assert.Throws<ArgumentException>(() => TieBreaker.Attribute(" "));
        Assert.Throws<ArgumentNullException>(() => TieBreaker.Score(null!));
    }
}
