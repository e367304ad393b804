using System;
using System.Linq;
using PerfKit.Population;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Population.PopulationFixtures;

namespace PerfKit.Tests.Population;

/// <summary>Tests of <see cref="GroupRanking"/> and <see cref="RankingKey"/>.</summary>
public sealed class GroupRankingTests
{
    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(GroupRanking));
        Immutability.AssertImmutable(typeof(RankedSubject));
        Immutability.AssertImmutable(typeof(UnrankedSubject));
        Immutability.AssertImmutable(typeof(RankingKey));
    }

    [Fact]
    public void Rank_ByTotalCompetition_TiesShareAndSkip()
    {
        var ranking = Ten().All.Rank();

        // Totals: C1 95, R1 95, C3 90, R2 90, R3 85, C2 80, R4 75, R5 60, C4 55, R6 45 → 1, 1, 3, 3, 5, 6, 7, 8, 9, 10.
        Assert.Equal(["C1", "R1", "C3", "R2", "R3", "C2", "R4", "R5", "C4", "R6"], ranking.Ranked.Select(r => r.SubjectId));
        Assert.Equal([1, 1, 3, 3, 5, 6, 7, 8, 9, 10], ranking.Ranked.Select(r => r.Rank));
        Assert.Equal([2, 2, 2, 2, 1, 1, 1, 1, 1, 1], ranking.Ranked.Select(r => r.TieCount));
        Assert.True(ranking.Find("R1")!.IsTied);
        Assert.False(ranking.Find("R3")!.IsTied);
        Assert.Equal(RankingMode.Competition, ranking.Mode);
        Assert.True(ranking.Key.IsTotal);
        Assert.Empty(ranking.Unranked);
    }

    [Fact]
    public void Rank_Dense_TiesShareWithoutGaps()
    {
        var ranking = Ten().All.Rank(RankingKey.Total, RankingMode.Dense);

        Assert.Equal([1, 1, 2, 2, 3, 4, 5, 6, 7, 8], ranking.Ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_Percentiles_PercentRankInclusive()
    {
        var ranking = Ten().All.Rank();

        // n = 10, n − 1 = 9. C1 and R1: 8 strictly below → 800 ÷ 9 = 88.888…; R3: 5 below → 500 ÷ 9; R6: 0.
        Assert.Equal(800m / 9m, ranking.Find("C1")!.Percentile);
        Assert.Equal(800m / 9m, ranking.Find("R1")!.Percentile);
        Assert.Equal(88.888888888888888888888888889m, ranking.Find("R1")!.Percentile);
        Assert.Equal(600m / 9m, ranking.Find("R2")!.Percentile);
        Assert.Equal(500m / 9m, ranking.Find("R3")!.Percentile);
        Assert.Equal(0m, ranking.Find("R6")!.Percentile);
    }

    [Fact]
    public void Rank_OneSubject_PercentileHundred()
    {
        var ranking = WithTotals(("S1", 70m)).All.Rank();

        var only = Assert.Single(ranking.Ranked);
        Assert.Equal(1, only.Rank);
        Assert.Equal(100m, only.Percentile);
    }

    [Fact]
    public void Rank_AllTied_AllFirstPercentileZero()
    {
        var ranking = WithTotals(("S1", 70m), ("S2", 70m), ("S3", 70m)).All.Rank();

        // Nobody is strictly below: 100 × 0 ÷ 2 = 0.
        Assert.All(ranking.Ranked, r => Assert.Equal(1, r.Rank));
        Assert.All(ranking.Ranked, r => Assert.Equal(0m, r.Percentile));
    }

    [Fact]
    public void Rank_SameRoundedTotalDifferentExact_Tied()
    {
        // S1: (89.99 + 90) ÷ 2 = 89.995 → 90.00 (AwayFromZero); S2: exactly 90. The rounded total ranks: tied.
        var population = Evaluate(Scheme(), [Subject("S1", null, 89.99m, 90m), Subject("S2", null, 90m, 90m)]);

        var ranking = population.All.Rank();

        Assert.Equal([1, 1], ranking.Ranked.Select(r => r.Rank));
        Assert.Equal(["S1", "S2"], ranking.Ranked.Select(r => r.SubjectId));
    }

    [Fact]
    public void Rank_WithinDepartments_EachGroupRankedAlone()
    {
        var rankings = Ten().GroupBy("department").Rank();

        // corporate: C1 95, C3 90, C2 80, C4 55; retail: R1 95, R2 90, R3 85, R4 75, R5 60, R6 45.
        Assert.Equal(2, rankings.Length);
        Assert.Equal("corporate", rankings[0].Group.ValueOf("department"));
        Assert.Equal(["C1", "C3", "C2", "C4"], rankings[0].Ranked.Select(r => r.SubjectId));
        Assert.Equal([1, 2, 3, 4], rankings[0].Ranked.Select(r => r.Rank));
        Assert.Equal([100m, 200m / 3m, 100m / 3m, 0m], rankings[0].Ranked.Select(r => r.Percentile)); // 3, 2, 1, 0 below of n − 1 = 3
        Assert.Equal(2, rankings[1].Find("R2")!.Rank);
    }

    [Fact]
    public void Rank_ByNodeScore_ExcludedAndMissingListedApart()
    {
        var inputs = TenSubjects().Append(Subject("X1", "retail", null, 70m)).ToList();
        var population = Evaluate(Scheme(), inputs);

        var byQuality = population.All.Rank(RankingKey.Score("quality"));
        var bySales = population.All.Rank(RankingKey.Score("/sales/"));

        // C3 has no quality value (excluded); X1 has no sales value (scored the minimum, 0, as missing).
        var excluded = Assert.Single(byQuality.Unranked);
        Assert.Equal("C3", excluded.SubjectId);
        Assert.Equal(UnrankedReason.Excluded, excluded.Reason);
        Assert.Equal(10, byQuality.Ranked.Length);

        // Quality scores: R1 0.95, C1 0.9, R2 0.88, R3 0.85, C2 0.8, R4 0.8, X1 0.7, R5 0.65, C4 0.45, R6 0.4.
        Assert.Equal(["R1", "C1", "R2", "R3", "C2", "R4", "X1", "R5", "C4", "R6"], byQuality.Ranked.Select(r => r.SubjectId));
        Assert.Equal([1, 2, 3, 4, 5, 5, 7, 8, 9, 10], byQuality.Ranked.Select(r => r.Rank));
        Assert.Equal(0.95m, byQuality.Ranked[0].Value);

        var missing = Assert.Single(bySales.Unranked);
        Assert.Equal("X1", missing.SubjectId);
        Assert.Equal(UnrankedReason.Missing, missing.Reason);
        Assert.Equal("score(sales)", bySales.Key.ToString());
        Assert.Equal("C1", bySales.Ranked[0].SubjectId); // sales 100
    }

    [Fact]
    public void Rank_ByRoot_SameOrderAsExactScore()
    {
        var ranking = Ten().All.Rank(RankingKey.Score("/"));

        Assert.Equal("score(/)", ranking.Key.ToString());
        Assert.Equal(0.95m, ranking.Ranked[0].Value);
    }

    [Fact]
    public void Rank_UnknownNodeOrMode_Throws()
    {
        var population = Ten();

        Assert.Throws<ArgumentException>(() => population.All.Rank(RankingKey.Score("volume")));
        Assert.Throws<ArgumentException>(() => population.All.Rank(RankingKey.Total, (RankingMode)7));
        Assert.Throws<ArgumentNullException>(() => RankingKey.Score(null!));
        Assert.Throws<ArgumentNullException>(() => GroupRanking.Of(population.All, null!));
        Assert.Throws<ArgumentNullException>(() => GroupRanking.Of(null!, RankingKey.Total));
        Assert.Throws<ArgumentNullException>(() => population.All.Rank().Find(null!));
    }
}
