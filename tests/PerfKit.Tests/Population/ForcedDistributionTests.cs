using System;
using System.Linq;
using PerfKit.Model;
using PerfKit.Population;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Population.PopulationFixtures;

namespace PerfKit.Tests.Population;

/// <summary>
/// Tests of <see cref="ForcedDistribution.Apply"/> on hand-computed populations. The ten subjects of
/// <see cref="PopulationFixtures.TenSubjects"/> in rank order: C1 95, R1 95 (tied), C3 90, R2 90 (tied), R3 85, C2 80,
/// R4 75, R5 60, C4 55, R6 45; grades A A A A B B C C D D.
/// </summary>
public sealed class ForcedDistributionTests
{
    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(DistributionResult));
        Immutability.AssertImmutable(typeof(DistributedSubject));
        Immutability.AssertImmutable(typeof(DistributedGroup));
        Immutability.AssertImmutable(typeof(QuotaUse));
    }

    [Fact]
    public void Apply_AtMostTwentyPercentA_ExcessMovesToB()
    {
        var result = Quotas().AtMost("A", 20m).Build().Apply(Ten());

        // 20% of 10 = 2 A. The A holders by rank: C1, R1 (95), C3, R2 (90): the boundary falls between the two ties,
        // so C3 and R2 move to B.
        Assert.Equal(["C3", "R2"], result.Moved.Select(s => s.SubjectId));
        var r2 = result.Find("R2")!;
        Assert.Equal("A", r2.AssessedGrade.Name);
        Assert.Equal("B", r2.FinalGrade.Name);
        Assert.Equal(3, r2.Rank);
        Assert.Equal(["A ≤ 20%"], r2.Quotas.Select(q => q.ToString()));
        Assert.Equal("R2: A → B (rank 3; A ≤ 20%)", r2.ToString());
        Assert.False(result.Find("C1")!.Moved);
        Assert.Equal("C1: A (rank 1)", result.Find("C1")!.ToString());
        Assert.Empty(result.Problems);

        var group = Assert.Single(result.Groups);
        Assert.True(group.Key.IsAll);
        Assert.True(group.Applied);
        var use = Assert.Single(group.Quotas);
        Assert.Equal(2, use.Maximum);
        Assert.Null(use.Minimum);
        Assert.Equal(4, use.Before);
        Assert.Equal(2, use.Used);
        Assert.True(use.IsMet);
        Assert.Equal("A ≤ 20%: limit ≤ 2, used 2 (before 4)", use.ToString());
        Assert.Equal([2, 4, 2, 2], group.Grades.Select(g => g.Count));
        Assert.Equal(0.4m, group.Grades[1].Share);
    }

    [Fact]
    public void Apply_PayFollowsFinalGrade_CancelledStaysZero()
    {
        var result = Quotas().AtMost("A", 20m).Build().Apply(Ten());

        // R2: 10000 × 1.10 = 11000 (13000 as A). C3's pay was cancelled by the quality gate: 0 as A, 0 as B.
        Assert.Equal(11000m, result.Find("R2")!.Payout);
        Assert.Equal(1.10m, result.Find("R2")!.Coefficient);
        Assert.Equal(0m, result.Find("C3")!.Payout);
        Assert.Null(result.Find("C2")!.Payout); // no base pay
        Assert.Equal(60000m, result.AssessedPayoutTotal);
        Assert.Equal(58000m, result.PayoutTotal); // 60000 − 13000 + 11000
    }

    [Fact]
    public void Apply_PayRounding_AppliedToTheFinalPay()
    {
        var population = Evaluate(Scheme(), [Subject("S1", null, 95m, 95m, basePay: 1234.56m), Subject("S2", null, 92m, 92m, basePay: 1234.56m)]);

        // 50% of 2 = 1 A; S2 moves to B: 1234.56 × 1.1 = 1358.016 → 1358.02 (2 decimals) or 1358 (0 decimals).
        var twoDecimals = Quotas().AtMost("A", 50m).Build().Apply(population);
        var whole = Quotas().AtMost("A", 50m).PayRounding(new RoundingPolicy(0, MidpointRounding.AwayFromZero)).Build().Apply(population);

        Assert.Equal(1358.02m, twoDecimals.Find("S2")!.Payout);
        Assert.Equal(1358m, whole.Find("S2")!.Payout);
        // S1 keeps A; its pay is recomputed with the declared rounding too: 1234.56 × 1.3 = 1604.928 → 1604.93 or 1605.
        Assert.Equal(1604.93m, twoDecimals.Find("S1")!.Payout);
        Assert.Equal(1605m, whole.Find("S1")!.Payout);
    }

    [Fact]
    public void Apply_AtLeastThirtyPercentD_LowestRankedTakeD()
    {
        var result = Quotas().AtLeast("D", 30m).Build().Apply(Ten());

        // ⌈30% × 10⌉ = 3 D; C4 and R6 hold D already, so the next lowest-ranked, R5 (60, C), takes D.
        var moved = Assert.Single(result.Moved);
        Assert.Equal("R5", moved.SubjectId);
        Assert.Equal("D", moved.FinalGrade.Name);
        Assert.Equal(8, moved.Rank);
        Assert.Equal(["D ≥ 30%"], moved.Quotas.Select(q => q.ToString()));
        Assert.Equal(0m, moved.Payout); // R5's pay was cancelled by the sales gate
        Assert.Equal(3, result.Groups[0].Quotas[0].Minimum);
        Assert.Equal(3, result.Groups[0].Quotas[0].Used);
    }

    [Fact]
    public void Apply_AtLeastTwoGradesDown_LowestRankedCrossesSeveralGrades()
    {
        // Everyone at 95 but one at 96: D ≥ 5% of 3 → 1; the lowest-ranked A moves three grades to D.
        var population = WithTotals(("S1", 96m), ("S2", 95m), ("S3", 95.5m));

        var result = Quotas().AtLeast("D", 5m).Build().Apply(population);

        var moved = Assert.Single(result.Moved);
        Assert.Equal("S2", moved.SubjectId);
        Assert.Equal("D", moved.FinalGrade.Name);
        Assert.Equal(["D ≥ 5%"], moved.Quotas.Select(q => q.ToString()));
    }

    [Fact]
    public void Apply_DocsWorkedExample_AtMostAAndAtLeastD()
    {
        var result = Quotas().AtMost("A", 20m).AtLeast("D", 30m).Build().Apply(Ten());

        // docs/forced-distribution.md: A ≤ ⌊2⌋, D ≥ ⌈3⌉; ties C1/R1 and C3/R2 kept together.
        // Backward: F_C ≤ 7. Forward: F_A ∈ {0, 2} → 2; F_B ∈ [2, 7] → 6; F_C ∈ [6, 7] → 7.
        Assert.Equal(["C3", "R2", "R5"], result.Moved.Select(s => s.SubjectId));
        Assert.Equal(["B", "B", "D"], result.Moved.Select(s => s.FinalGrade.Name));
        Assert.Equal(["A ≤ 20%"], result.Find("C3")!.Quotas.Select(q => q.ToString()));
        Assert.Equal(["D ≥ 30%"], result.Find("R5")!.Quotas.Select(q => q.ToString()));
        Assert.Equal(["A ≤ 20%: limit ≤ 2, used 2 (before 4)", "D ≥ 30%: limit ≥ 3, used 3 (before 2)"], result.Groups[0].Quotas.Select(u => u.ToString()));
        Assert.Equal([2, 4, 1, 3], result.Groups[0].Grades.Select(g => g.Count));
        Assert.Equal(11000m, result.Find("R2")!.Payout);
        Assert.Equal(0m, result.Find("R5")!.Payout);
    }

    [Fact]
    public void Apply_KeepTogether_TiedAtBoundaryNoneTakesA()
    {
        var result = Quotas().AtMost("A", 10m).Build().Apply(Ten());

        // At most 1 A, but C1 and R1 are tied at 95 (exact 95 both): kept together, neither takes A; C3 and R2 move too.
        Assert.Equal(["C1", "C3", "R1", "R2"], result.Moved.Select(s => s.SubjectId));
        Assert.All(result.Moved, s => Assert.Equal("B", s.FinalGrade.Name));
        Assert.Equal(0, result.Groups[0].Quotas[0].Used);
        Assert.Equal(1, result.Groups[0].Quotas[0].Maximum);
        Assert.True(result.Groups[0].Applied);
    }

    [Fact]
    public void Apply_SplitBySubjectId_FirstIdKeepsA()
    {
        var result = Quotas().AtMost("A", 10m).Split().Build().Apply(Ten());

        // Tied C1 and R1, no secondary keys: subject id, ordinal — C1 keeps A.
        Assert.Equal("A", result.Find("C1")!.FinalGrade.Name);
        Assert.Equal("B", result.Find("R1")!.FinalGrade.Name);
        Assert.Equal(1, result.Groups[0].Quotas[0].Used);
    }

    [Fact]
    public void Apply_SplitByNodeScore_HigherQualityKeepsA()
    {
        var result = Quotas().AtMost("A", 10m).Split(TieBreaker.Score("quality")).Build().Apply(Ten());

        // R1 quality 0.95 > C1 quality 0.90.
        Assert.Equal("A", result.Find("R1")!.FinalGrade.Name);
        Assert.Equal("B", result.Find("C1")!.FinalGrade.Name);
    }

    [Fact]
    public void Apply_SplitByNodeScore_ExcludedComesLast()
    {
        // Both 90; S1 has no quality (excluded, total = sales 90), S2 quality 90.
        var population = Evaluate(Scheme(), [Subject("S1", null, 90m, null), Subject("S2", null, 90m, 90m)]);

        var result = Quotas().AtMost("A", 50m).Split(TieBreaker.Score("quality")).Build().Apply(population);

        Assert.Equal("A", result.Find("S2")!.FinalGrade.Name);
        Assert.Equal("B", result.Find("S1")!.FinalGrade.Name);
    }

    [Theory]
    [InlineData(false, "S2")] // earlier hire date first: 2018 keeps A
    [InlineData(true, "S1")]
    public void Apply_SplitByAttribute_OrderedOrdinally(bool descending, string keepsA)
    {
        var population = Evaluate(Scheme(),
        [
            PerfKit.Evaluation.SubjectInput.For("S1").Value("sales", 95m).Value("quality", 95m).Attribute("hired", "2020-01-01").Build(),
            PerfKit.Evaluation.SubjectInput.For("S2").Value("sales", 95m).Value("quality", 95m).Attribute("hired", "2018-05-01").Build(),
            PerfKit.Evaluation.SubjectInput.For("S3").Value("sales", 95m).Value("quality", 95m).Build(), // no hire date: last
        ]);

        var result = Quotas().AtMost("A", 34m).Split(TieBreaker.Attribute("hired", descending)).Build().Apply(population);

        // ⌊34% × 3⌋ = 1 A.
        Assert.Equal([keepsA], result.Subjects.Where(s => s.FinalGrade.Name == "A").Select(s => s.SubjectId));
    }

    [Fact]
    public void Apply_ExactTotalBreaksTie_BeforeSubjectId()
    {
        // S1: (89.99 + 90) ÷ 2 = 89.995 → 90.00; S2: 90 exactly. Same rounded total, S2's exact total is higher.
        var population = Evaluate(Scheme(), [Subject("S1", null, 89.99m, 90m), Subject("S2", null, 90m, 90m)]);

        var result = Quotas().AtMost("A", 50m).Build().Apply(population);

        Assert.Equal("A", result.Find("S2")!.FinalGrade.Name);
        Assert.Equal("B", result.Find("S1")!.FinalGrade.Name);
        Assert.Equal(2, result.Find("S1")!.Rank);
        Assert.Equal(1, result.Find("S2")!.Rank);
    }

    [Fact]
    public void Apply_WithinDepartments_QuotaPerGroup()
    {
        var result = Quotas().AtMost("A", 20m).WithinGroups("department").Build().Apply(Ten());

        // corporate: ⌊20% × 4⌋ = 0 A, so C1 and C3 move to B. retail: ⌊20% × 6⌋ = 1 A: R1 keeps it, R2 moves.
        Assert.Equal(["C1", "C3", "R2"], result.Moved.Select(s => s.SubjectId));
        Assert.Equal(["corporate", "retail"], result.Groups.Select(g => g.Key.ValueOf("department")));
        Assert.Equal([0, 1], result.Groups.Select(g => g.Quotas[0].Maximum!.Value));
        Assert.Equal([2, 2], result.Groups.Select(g => g.Quotas[0].Before));
        Assert.Equal([0, 1], result.Groups.Select(g => g.Quotas[0].Used));
        Assert.Equal("retail", result.Find("R2")!.Group.ValueOf("department"));
        Assert.Equal(2, result.Find("R2")!.Rank); // second in retail
        Assert.Equal(11000m, result.Find("C1")!.Payout);
    }

    [Fact]
    public void Apply_BetweenForB_FilledFromBelow()
    {
        var result = Quotas().Between("B", 30m, 40m).Build().Apply(Ten());

        // B needs ⌈3⌉ = 3, at most ⌊4⌋ = 4; B holds R3 and C2. A keeps its 4 (nearest the assessed boundary), so the
        // next subject below the Bs, R4 (75, C), moves up to B.
        var moved = Assert.Single(result.Moved);
        Assert.Equal("R4", moved.SubjectId);
        Assert.Equal("B", moved.FinalGrade.Name);
        Assert.Equal(["B 30%–40%"], moved.Quotas.Select(q => q.ToString()));
        Assert.Equal(11000m, moved.Payout);
    }

    [Fact]
    public void Apply_AtLeastForA_HighestRankedBMovesUp()
    {
        var population = WithTotals(("S1", 85m), ("S2", 82m), ("S3", 70m));

        var result = Quotas().AtLeast("A", 10m).Build().Apply(population);

        // ⌈10% × 3⌉ = 1 A; nobody holds A, so the highest-ranked, S1 (85, B), moves up.
        var moved = Assert.Single(result.Moved);
        Assert.Equal("S1", moved.SubjectId);
        Assert.Equal("A", moved.FinalGrade.Name);
        Assert.Equal(13000m, moved.Payout);
    }

    [Fact]
    public void Apply_AtMostForLowestGrade_HighestRankedDMovesUp()
    {
        var population = WithTotals(("S1", 50m), ("S2", 40m), ("S3", 30m), ("S4", 70m));

        var result = Quotas().AtMost("D", 50m).Build().Apply(population);

        // ⌊50% × 4⌋ = 2 D; S1, S2, S3 hold D: the highest-ranked of them, S1, moves up to C.
        var moved = Assert.Single(result.Moved);
        Assert.Equal("S1", moved.SubjectId);
        Assert.Equal("C", moved.FinalGrade.Name);
        Assert.Equal(["D ≤ 50%"], moved.Quotas.Select(q => q.ToString()));
    }

    [Fact]
    public void Apply_CountsCannotBeMet_ReportedNobodyMoved()
    {
        var population = WithTotals(("S1", 95m), ("S2", 85m), ("S3", 75m), ("S4", 65m), ("S5", 50m));

        var result = Quotas().Between("B", 10m, 15m).Build().Apply(population);

        // ⌈10% × 5⌉ = 1 but ⌊15% × 5⌋ = 0.
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.QuotaUnmet, problem.Code);
        Assert.Equal("(all)", problem.Path);
        Assert.Contains("grade B needs at least 1 but allows at most 0", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Nobody in the group was moved", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Moved);
        Assert.False(result.Groups[0].Applied);
        Assert.False(result.Groups[0].Quotas[0].IsMet); // B held by S2 alone: 1 > 0
    }

    [Fact]
    public void Apply_MinimumsRoundedUpExceedGroup_Reported()
    {
        var population = WithTotals(("S1", 95m), ("S2", 85m), ("S3", 75m));

        var result = Quotas().AtLeast("A", 50m).AtLeast("D", 50m).Build().Apply(population);

        // ⌈1.5⌉ + ⌈1.5⌉ = 4 > 3.
        var problem = Assert.Single(result.Problems);
        Assert.Contains("the minimums, rounded up, need 4 subjects", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Moved);
    }

    [Fact]
    public void Apply_TieTooLargeToKeepTogether_ReportedSplitResolves()
    {
        var population = WithTotals(("S1", 95m), ("S2", 95m), ("S3", 95m), ("S4", 85m), ("S5", 75m));
        var builder = Quotas().Between("A", 20m, 40m);

        var together = builder.Build().Apply(population);
        var split = builder.Split().Build().Apply(population);

        // A needs 1 or 2 of 5, but three are tied at the top: 0 or 3 only, when kept together.
        Assert.Contains("tied subjects kept together", Assert.Single(together.Problems).Message, StringComparison.Ordinal);
        Assert.Empty(together.Moved);

        // Split: ids S1 S2 S3; the count nearest the assessed 3 is 2, so S3 moves to B.
        Assert.Empty(split.Problems);
        Assert.Equal(["S3"], split.Moved.Select(s => s.SubjectId));
    }

    [Fact]
    public void Apply_CappedSubject_CountsButNeverMoves()
    {
        var scheme = Scheme(capGrade: true);
        var population = Evaluate(scheme,
        [
            Subject("S1", null, 95m, 95m),
            Subject("S2", null, 85m, 85m),
            Subject("S3", null, 25m, 100m), // (25 + 100) ÷ 2 = 62.5 earns C; sales below 30 caps it to D
            Subject("S4", null, 70m, 70m),
        ]);

        var result = ForcedDistribution.CreateBuilder(scheme).AtLeast("D", 25m).Build().Apply(population);

        // ⌈25% × 4⌉ = 1 D: S3 holds D by its cap, so nobody moves.
        Assert.Empty(result.Moved);
        Assert.True(result.Find("S3")!.IsCapped);
        Assert.False(result.Find("S4")!.IsCapped);
        Assert.Equal(1, result.Groups[0].Quotas[0].Used);
    }

    [Fact]
    public void Apply_CappedSubjectsAboveMaximum_Reported()
    {
        var scheme = Scheme(capGrade: true);
        var population = Evaluate(scheme, [Subject("S1", null, 95m, 95m), Subject("S2", null, 25m, 100m)]);

        var result = ForcedDistribution.CreateBuilder(scheme).AtMost("D", 0m).Build().Apply(population);

        Assert.Contains("1 subjects hold grade D by a capGrade gate, above its maximum 0", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.Equal("D", result.Find("S2")!.FinalGrade.Name);
    }

    [Fact]
    public void Apply_NoQuotas_NobodyMoves()
    {
        var result = Quotas().Build().Apply(Ten());

        Assert.Empty(result.Moved);
        Assert.Empty(result.Problems);
        Assert.Equal(result.AssessedPayoutTotal, result.PayoutTotal);
    }

    [Fact]
    public void Apply_OtherSchemeOrNull_Throws()
    {
        var other = ForcedDistribution.CreateBuilder(Scheme(capGrade: true)).AtMost("A", 20m).Build();

        Assert.Throws<ArgumentException>(() => other.Apply(Ten()));
        Assert.Throws<ArgumentNullException>(() => Quotas().Build().Apply(null!));
        Assert.Throws<ArgumentNullException>(() => Quotas().Build().Apply(Ten()).Find(null!));
    }
}
