using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Population;
using Xunit;
using static PerfKit.Tests.Population.PopulationFixtures;

namespace PerfKit.Tests.Population;

/// <summary>Laws of statistics, rankings and forced distributions on random populations evaluated by the real evaluator.</summary>
public sealed class PopulationPropertyTests
{
    private static readonly string[] GradeNames = ["A", "B", "C", "D"];

    /// <summary>Statistics of a population equal its groups' statistics combined where the arithmetic allows: counts, sums, minimum, maximum, grade counts, gate passes, payouts.</summary>
    [Property(MaxTest = 200)]
    public Property ComputeStatistics_Groups_CombineToWhole()
        => Prop.ForAll(Arb.From(Subjects()), subjects =>
        {
            var grouping = Population(subjects).GroupBy("department");
            var all = grouping.All.ComputeStatistics();
            var parts = grouping.ComputeStatistics();

            Assert.Equal(all.Count, parts.Sum(p => p.Count));
            Assert.Equal(all.Totals.Sum, parts.Sum(p => p.Totals.Sum));
            Assert.Equal(all.Totals.Minimum, parts.Min(p => p.Totals.Minimum));
            Assert.Equal(all.Totals.Maximum, parts.Max(p => p.Totals.Maximum));
            for (var g = 0; g < all.Grades.Length; g++)
            {
                Assert.Equal(all.Grades[g].Count, parts.Sum(p => p.Grades[g].Count));
            }

            for (var k = 0; k < all.Gates.Length; k++)
            {
                Assert.Equal(all.Gates[k].Passed, parts.Sum(p => p.Gates[k].Passed));
                Assert.Equal(all.Gates[k].Missing, parts.Sum(p => p.Gates[k].Missing));
            }

            Assert.Equal(all.AllGatesPassed, parts.Sum(p => p.AllGatesPassed));
            Assert.Equal(all.Payout.Total, parts.Sum(p => p.Payout.Total));
            Assert.Equal(all.Payout.WithBasePay, parts.Sum(p => p.Payout.WithBasePay));
            Assert.Equal(all.Payout.Cancelled, parts.Sum(p => p.Payout.Cancelled));
            Assert.Equal(1m, all.Grades.Sum(g => g.Share), 20);
        });

    /// <summary>Rankings do not depend on the order the subjects were given in.</summary>
    [Property(MaxTest = 200)]
    public Property Rank_InputShuffled_SameRanks()
        => Prop.ForAll(Arb.From(from s in Subjects() from shuffled in Gen.Shuffle(s) select (s, shuffled)), pair =>
        {
            foreach (var key in new[] { RankingKey.Total, RankingKey.Score("quality") })
            {
                foreach (var mode in new[] { RankingMode.Competition, RankingMode.Dense })
                {
                    var a = Population(pair.s).GroupBy("department").Rank(key, mode);
                    var b = Population(pair.shuffled).GroupBy("department").Rank(key, mode);
                    Assert.Equal(Describe(a), Describe(b));
                }
            }
        });

    /// <summary>Ranks and percentiles follow their definitions, checked by counting.</summary>
    [Property(MaxTest = 200)]
    public Property Rank_AnyPopulation_MatchesDefinitions()
        => Prop.ForAll(Arb.From(Subjects()), subjects =>
        {
            var population = Population(subjects);
            var competition = population.All.Rank(RankingKey.Score("quality"));
            var dense = population.All.Rank(RankingKey.Score("quality"), RankingMode.Dense);
            var values = competition.Ranked.Select(r => r.Value).ToArray();
            var n = values.Length;
            foreach (var r in competition.Ranked)
            {
                Assert.Equal(1 + values.Count(v => v > r.Value), r.Rank);
                Assert.Equal(n == 1 ? 100m : 100m * values.Count(v => v < r.Value) / (n - 1), r.Percentile);
                Assert.Equal(1 + values.Where(v => v > r.Value).Distinct().Count(), dense.Find(r.SubjectId)!.Rank);
            }

            // Unranked: exactly the subjects without a quality value (excluded).
            Assert.Equal(subjects.Where(s => s.Quality is null).Select(s => s.Id).Order(StringComparer.Ordinal), competition.Unranked.Select(u => u.SubjectId));
        });

    /// <summary>A forced distribution does not depend on the order the subjects were given in.</summary>
    [Property(MaxTest = 200)]
    public Property Apply_InputShuffled_SameOutcome()
        => Prop.ForAll(Arb.From(from s in Subjects() from shuffled in Gen.Shuffle(s) from d in Distributions() select (s, shuffled, d)), c =>
        {
            var a = c.d.Build().Build().Apply(Population(c.s));
            var b = c.d.Build().Build().Apply(Population(c.shuffled));

            Assert.Equal(Describe(a), Describe(b));
            Assert.Equal(a.Problems.Select(p => p.ToString()), b.Problems.Select(p => p.ToString()));
        });

    /// <summary>Under split, without grade caps, a group whose quota counts can be met has every quota met.</summary>
    [Property(MaxTest = 200)]
    public Property Apply_SplitCountsFeasible_EveryQuotaMet()
        => Prop.ForAll(Arb.From(from s in Subjects() from d in Distributions() select (s, d)), c =>
        {
            var distribution = c.d.Build().Split().Build();
            var result = distribution.Apply(Population(c.s));
            foreach (var group in result.Groups)
            {
                var n = group.Count;
                var min = GradeNames.Select(g => distribution.Quotas.FirstOrDefault(q => q.Grade == g)?.MinimumCount(n) ?? 0).ToArray();
                var max = GradeNames.Select(g => distribution.Quotas.FirstOrDefault(q => q.Grade == g)?.MaximumCount(n) ?? n).ToArray();
                var feasible = min.Sum() <= n && max.Sum() >= n && min.Zip(max).All(p => p.First <= p.Second);
                Assert.Equal(feasible, group.Applied);
                if (feasible)
                {
                    Assert.All(group.Quotas, u => Assert.True(u.IsMet, u.ToString()));
                }
            }
        });

    /// <summary>Any policy: a group is either applied with every quota met, or reported with nobody moved; grades follow rank; ties kept together stay together.</summary>
    [Property(MaxTest = 200)]
    public Property Apply_AnyDistribution_MetOrReportedAndMonotone()
        => Prop.ForAll(Arb.From(from s in Subjects() from d in Distributions() from split in Gen.Elements(false, true) select (s, d, split)), c =>
        {
            var builder = c.split ? c.d.Build().Split(TieBreaker.Score("quality")) : c.d.Build();
            var result = builder.Build().Apply(Population(c.s));
            foreach (var group in result.Groups)
            {
                var members = result.Subjects.Where(s => s.Group.Equals(group.Key)).ToArray();
                if (group.Applied)
                {
                    Assert.All(group.Quotas, u => Assert.True(u.IsMet, u.ToString()));
                }
                else
                {
                    Assert.All(members, m => Assert.False(m.Moved));
                    Assert.Contains(result.Problems, p => p.Path == group.Key.ToString());
                }

                foreach (var x in members)
                {
                    foreach (var y in members)
                    {
                        var ahead = x.Assessment.RoundedTotal > y.Assessment.RoundedTotal
                                    || (x.Assessment.RoundedTotal == y.Assessment.RoundedTotal && x.Assessment.ExactTotal > y.Assessment.ExactTotal);
                        if (ahead)
                        {
                            Assert.True(x.FinalGrade.Rank <= y.FinalGrade.Rank, $"{x} ahead of {y}");
                        }

                        if (!c.split && x.Assessment.RoundedTotal == y.Assessment.RoundedTotal && x.Assessment.ExactTotal == y.Assessment.ExactTotal)
                        {
                            Assert.Equal(x.FinalGrade.Rank, y.FinalGrade.Rank);
                        }
                    }
                }
            }
        });

    /// <summary>When the assessed grades already meet every quota, nobody moves.</summary>
    [Property(MaxTest = 200)]
    public Property Apply_QuotasAlreadyMet_NobodyMoves()
        => Prop.ForAll(Arb.From(from s in Subjects() from d in Distributions() select (s, d)), c =>
        {
            var distribution = c.d.Build().Build();
            var population = Population(c.s);
            var groups = distribution.GroupKeys.IsEmpty ? [population.All] : population.GroupBy(distribution.GroupKeys).Groups;
            var result = distribution.Apply(population);
            foreach (var group in groups)
            {
                var n = group.Count;
                var alreadyMet = distribution.Quotas.All(q =>
                {
                    var held = group.Members.Count(a => a.Grade.Name == q.Grade);
                    return held >= q.MinimumCount(n) && held <= q.MaximumCount(n);
                });
                if (alreadyMet)
                {
                    Assert.All(group.Members, a => Assert.False(result.Find(a.SubjectId)!.Moved));
                }
            }
        });

    private static string Describe(IEnumerable<GroupRanking> rankings)
        => string.Join("|", rankings.Select(r => r.Group + ":" + string.Join(",", r.Ranked.Select(x => $"{x.SubjectId}={x.Rank}/{x.Percentile}/{x.TieCount}")) + ";" + string.Join(",", r.Unranked.Select(u => u.SubjectId + u.Reason))));

    private static string Describe(DistributionResult result)
        => string.Join(",", result.Subjects.Select(s => $"{s.SubjectId}:{s.FinalGrade.Name}:{s.Rank}:{s.Payout}:{string.Join("+", s.Quotas)}"))
           + "|" + string.Join(",", result.Groups.SelectMany(g => g.Quotas.Select(u => u.ToString())));

    private static AssessmentPopulation Population(IEnumerable<SubjectSpec> subjects)
        => Evaluate(Scheme(), subjects.Select(s => Subject(s.Id, s.Department, s.Sales, s.Quality, s.BasePay)));

    /// <summary>1–30 subjects; few distinct values so ties are common; 89.99 with 90 gives totals that round alike but differ exactly.</summary>
    private static Gen<SubjectSpec[]> Subjects()
        => from n in Gen.Choose(1, 30)
           from departments in Gen.ArrayOf(Gen.Elements<string?>("retail", "corporate", null), n)
           from sales in Gen.ArrayOf(Gen.Elements(40m, 55m, 60m, 70m, 80m, 85m, 89.99m, 90m, 95m, 100m), n)
           from quality in Gen.ArrayOf(Gen.Elements<decimal?>(null, 40m, 60m, 80m, 90m, 90.01m, 100m), n)
           from pay in Gen.ArrayOf(Gen.Elements<decimal?>(null, 8000m, 10000m), n)
           select Enumerable.Range(0, n).Select(i => new SubjectSpec($"S{i:D2}", departments[i], sales[i], quality[i], pay[i])).ToArray();

    /// <summary>Valid quota sets (0–4 quotas), whole population or within departments.</summary>
    private static Gen<DistributionSpec> Distributions()
    {
        var percent = Gen.Elements(0m, 5m, 10m, 20m, 25m, 30m, 50m, 100m);
        var quota =
            from kind in Gen.Choose(0, 3)
            from a in percent
            from b in percent
            select new QuotaSpec(kind, Math.Min(a, b), Math.Max(a, b));
        return (from quotas in Gen.ArrayOf(quota, 4)
                from grouped in Gen.Elements(false, true)
                select new DistributionSpec(quotas, grouped))
            .Where(d => d.Build().Validate().IsEmpty);
    }

    internal sealed record QuotaSpec(int Kind, decimal Low, decimal High);

    /// <summary>A quota set; <see cref="Build"/> returns a fresh builder each time.</summary>
    internal sealed record DistributionSpec(QuotaSpec[] Quotas, bool Grouped)
    {
        public ForcedDistributionBuilder Build()
        {
            var builder = PopulationFixtures.Quotas();
            for (var g = 0; g < 4; g++)
            {
                var q = Quotas[g];
                _ = q.Kind switch
                {
                    1 => builder.AtMost(GradeNames[g], q.High),
                    2 => builder.AtLeast(GradeNames[g], q.Low),
                    3 => builder.Between(GradeNames[g], q.Low, q.High),
                    _ => builder,
                };
            }

            return Grouped ? builder.WithinGroups("department") : builder;
        }

        public override string ToString() => Build().Build().ToString();
    }

    internal sealed record SubjectSpec(string Id, string? Department, decimal Sales, decimal? Quality, decimal? BasePay);
}
