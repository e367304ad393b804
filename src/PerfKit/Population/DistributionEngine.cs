using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Population;

/// <summary>
/// Applies a forced distribution to one group (the algorithm is written out in docs/forced-distribution.md).
/// Subjects whose grade a capGrade gate set are fixed; the others, ordered by rank, receive grades in runs: the best
/// grade to the first F₀ of them, the next grade to the next F₁ − F₀, and so on. The cumulative counts F are chosen
/// best grade first, each as near as possible to the assessed cumulative count, among the counts from which every
/// remaining quota can still be met (a backward pass finds those), and only at tie boundaries under keepTogether.
/// </summary>
internal static class DistributionEngine
{
    public static DistributedGroup Run(ForcedDistribution distribution, PopulationGroup group, Dictionary<Assessment, DistributedSubject> output, List<Problem> problems)
    {
        var scheme = distribution.Scheme;
        var grades = scheme.Grades;
        var g = grades.Length;
        var n = group.Count;
        var min = new int[g];
        var max = Enumerable.Repeat(n, g).ToArray();
        var quotaOfGrade = new GradeQuota?[g];
        foreach (var quota in distribution.Quotas)
        {
            var k = scheme.FindGrade(quota.Grade)!.Rank;
            quotaOfGrade[k] = quota;
            min[k] = quota.MinimumCount(n);
            max[k] = quota.MaximumCount(n);
        }

        // Every subject in distribution order; the fixed (grade-capped) ones are left out of the movable order.
        var all = Order(distribution, group.Members);
        var fixedCount = new int[g];
        var before = new int[g];
        var movable = new List<Assessment>(n);
        foreach (var a in all)
        {
            before[a.Grade.Rank]++;
            if (IsCapped(a))
            {
                fixedCount[a.Grade.Rank]++;
            }
            else
            {
                movable.Add(a);
            }
        }

        var order = movable;
        var m = order.Count;
        var allowed = new bool[m + 1];
        for (var p = 0; p <= m; p++)
        {
            allowed[p] = p == 0 || p == m || distribution.TiePolicy == QuotaTiePolicy.Split
                || order[p - 1].RoundedTotal != order[p].RoundedTotal || order[p - 1].ExactTotal != order[p].ExactTotal;
        }

        var held = new int[g];
        foreach (var a in order)
        {
            held[a.Grade.Rank]++;
        }

        var cuts = Cuts(g, m, allowed, Cumulative(held), Subtract(min, fixedCount, floor: true), Subtract(max, fixedCount, floor: false));
        var final = new GradeBand[m];
        if (cuts is not null)
        {
            var grade = 0;
            for (var p = 0; p < m; p++)
            {
                while (p >= cuts[grade])
                {
                    grade++;
                }

                final[p] = grades[grade];
            }
        }
        else
        {
            for (var p = 0; p < m; p++)
            {
                final[p] = order[p].Grade;
            }
        }

        var after = (int[])fixedCount.Clone();
        foreach (var band in final)
        {
            after[band.Rank]++;
        }

        var uses = distribution.Quotas.Select(q => { var r = scheme.FindGrade(q.Grade)!.Rank; return new QuotaUse(q, n, before[r], after[r]); }).ToImmutableArray();
        if (cuts is null)
        {
            problems.Add(Unmet(group, distribution, uses, fixedCount, min, max));
        }

        // Competition ranks on (rounded, exact total) follow from the distribution order, which sorts by those first.
        var rank = 0;
        var position = 0;
        for (var i = 0; i < all.Length; i++)
        {
            var a = all[i];
            if (i == 0 || a.RoundedTotal != all[i - 1].RoundedTotal || a.ExactTotal != all[i - 1].ExactTotal)
            {
                rank = i + 1;
            }

            var capped = IsCapped(a);
            var band = capped ? a.Grade : final[position++];
            var reasons = band.Rank == a.Grade.Rank ? [] : Reasons(a.Grade.Rank, band.Rank, quotaOfGrade, uses);
            decimal? payout = a.BasePay is { } pay ? (a.PayoutCancelled ? 0m : distribution.PayRounding.Round(pay * band.Coefficient)) : null;
            output[a] = new DistributedSubject(a, group.Key, rank, band, capped, reasons, payout);
        }

        var gradeCounts = grades.Select(b => new GradeCount(b, after[b.Rank], GroupStatistics.Share(after[b.Rank], n))).ToImmutableArray();
        return new DistributedGroup(group.Key, n, cuts is not null, uses, gradeCounts);
    }

    private static bool IsCapped(Assessment a) => a.Grade.Rank != a.EarnedGrade.Rank;

    /// <summary>
    /// The cumulative counts F[0..g−1] (F[k] = movable subjects graded k or better; F[g−1] = m), or null when no choice
    /// meets every quota.
    /// </summary>
    private static int[]? Cuts(int g, int m, bool[] allowed, int[] assessed, int[] min, int[] max)
    {
        if (max.Any(x => x < 0))
        {
            return null;
        }

        // reachable[k][f]: F[k] = f is an allowed cut from which grades k+1.. can still meet their limits.
        var reachable = new bool[g][];
        reachable[g - 1] = new bool[m + 1];
        reachable[g - 1][m] = true;
        var prefix = new int[m + 2];
        for (var k = g - 2; k >= 0; k--)
        {
            var next = reachable[k + 1];
            for (var i = 0; i <= m; i++)
            {
                prefix[i + 1] = prefix[i] + (next[i] ? 1 : 0);
            }

            var row = new bool[m + 1];
            for (var f = 0; f <= m; f++)
            {
                if (!allowed[f])
                {
                    continue;
                }

                var lo = f + min[k + 1];
                var hi = Math.Min(m, f + max[k + 1]);
                row[f] = lo <= hi && prefix[hi + 1] - prefix[lo] > 0;
            }

            reachable[k] = row;
        }

        var cuts = new int[g];
        var previous = 0;
        for (var k = 0; k < g; k++)
        {
            var lo = previous + min[k];
            var hi = Math.Min(m, previous + max[k]);
            var pick = Nearest(reachable[k], lo, hi, assessed[k]);
            if (pick < 0)
            {
                return null;
            }

            cuts[k] = pick;
            previous = pick;
        }

        return cuts;
    }

    /// <summary>The reachable count in [lo, hi] nearest the target; the smaller of two equally near; −1 when none.</summary>
    private static int Nearest(bool[] reachable, int lo, int hi, int target)
    {
        if (lo > hi)
        {
            return -1;
        }

        var start = Math.Clamp(target, lo, hi);
        for (var d = 0; start - d >= lo || start + d <= hi; d++)
        {
            if (start - d >= lo && reachable[start - d])
            {
                return start - d;
            }

            if (start + d <= hi && reachable[start + d])
            {
                return start + d;
            }
        }

        return -1;
    }

    private static int[] Cumulative(int[] counts)
    {
        var result = new int[counts.Length];
        var sum = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            sum += counts[k];
            result[k] = sum;
        }

        return result;
    }

    private static int[] Subtract(int[] limits, int[] fixedCount, bool floor)
        => [.. limits.Select((x, k) => floor ? Math.Max(0, x - fixedCount[k]) : x - fixedCount[k])];

    /// <summary>The subjects in distribution order: rounded total, exact total (higher first), then under split the secondary keys, then subject id.</summary>
    private static Assessment[] Order(ForcedDistribution distribution, ImmutableArray<Assessment> movable)
    {
        var breakers = distribution.TiePolicy == QuotaTiePolicy.Split ? distribution.TieBreakers : [];
        var routes = breakers.Select(t => t.Kind == TieBreakerKind.Score ? NodeRoute.TryCreate(distribution.Scheme, t.Name) : null).ToArray();
        var keys = new (Assessment A, decimal?[] Scores, string?[] Attributes)[movable.Length];
        for (var i = 0; i < movable.Length; i++)
        {
            var a = movable[i];
            if (breakers.IsEmpty)
            {
                keys[i] = (a, [], []);
                continue;
            }

            var scores = new decimal?[breakers.Length];
            var attributes = new string?[breakers.Length];
            for (var j = 0; j < breakers.Length; j++)
            {
                if (routes[j] is { } route)
                {
                    scores[j] = route.Find(a).Score;
                }
                else
                {
                    attributes[j] = a.Input.Attributes.TryGetValue(breakers[j].Name, out var v) ? v : null;
                }
            }

            keys[i] = (a, scores, attributes);
        }

        Array.Sort(keys, (x, y) =>
        {
            var c = y.A.RoundedTotal.CompareTo(x.A.RoundedTotal);
            if (c != 0)
            {
                return c;
            }

            c = y.A.ExactTotal.CompareTo(x.A.ExactTotal);
            if (c != 0)
            {
                return c;
            }

            for (var j = 0; j < breakers.Length; j++)
            {
                if (routes[j] is not null)
                {
                    c = (x.Scores[j], y.Scores[j]) switch
                    {
                        ({ } sx, { } sy) => sy.CompareTo(sx),
                        (null, null) => 0,
                        (null, _) => 1,
                        _ => -1,
                    };
                }
                else
                {
                    c = GroupKey.CompareValues(x.Attributes[j], y.Attributes[j]);
                    if (breakers[j].Descending && x.Attributes[j] is not null && y.Attributes[j] is not null)
                    {
                        c = -c;
                    }
                }

                if (c != 0)
                {
                    return c;
                }
            }

            return string.CompareOrdinal(x.A.SubjectId, y.A.SubjectId);
        });
        return [.. keys.Select(k => k.A)];
    }

    /// <summary>
    /// The quotas a move from grade rank <paramref name="from"/> to <paramref name="to"/> served: moving down, the "at
    /// most" quotas of the grades left or passed ([from, to)) and the "at least" quotas of the grades passed or reached
    /// ((from, to]); moving up, the mirror image. When none of those exists (a move forced by the feasibility of other
    /// grades), every quota whose count ended on a limit.
    /// </summary>
    private static ImmutableArray<GradeQuota> Reasons(int from, int to, GradeQuota?[] quotaOfGrade, ImmutableArray<QuotaUse> uses)
    {
        var list = new List<GradeQuota>();
        var down = to > from;
        var (first, last) = down ? (from, to) : (to, from);
        for (var k = first; k <= last; k++)
        {
            if (quotaOfGrade[k] is not { } q)
            {
                continue;
            }

            var leaving = down ? k < to : k > to;
            var joining = down ? k > from : k < from;
            if ((leaving && q.AtMostPercent is not null) || (joining && q.AtLeastPercent is not null))
            {
                list.Add(q);
            }
        }

        return list.Count > 0
            ? [.. list]
            : [.. uses.Where(u => u.Used == u.Minimum || u.Used == u.Maximum).Select(u => u.Quota)];
    }

    private static Problem Unmet(PopulationGroup group, ForcedDistribution distribution, ImmutableArray<QuotaUse> uses, int[] fixedCount, int[] min, int[] max)
    {
        var n = group.Count;
        var reasons = new List<string>();
        var grades = distribution.Scheme.Grades;
        if (min.Sum() > n)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the minimums, rounded up, need {min.Sum()} subjects"));
        }

        if (max.Sum() < n)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the maximums, rounded down, hold only {max.Sum()} subjects"));
        }

        for (var k = 0; k < grades.Length; k++)
        {
            if (min[k] > max[k])
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"grade {grades[k].Name} needs at least {min[k]} but allows at most {max[k]}"));
            }
            else if (fixedCount[k] > max[k])
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{fixedCount[k]} subjects hold grade {grades[k].Name} by a capGrade gate, above its maximum {max[k]}"));
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(distribution.TiePolicy == QuotaTiePolicy.KeepTogether
                ? "tied subjects kept together or grades fixed by capGrade gates leave no assignment that meets every quota"
                : "grades fixed by capGrade gates leave no assignment that meets every quota");
        }

        var limits = string.Join("; ", distribution.Quotas.Select(q => q.Describe(n)));
        return new Problem(ProblemCodes.QuotaUnmet, group.Key.ToString(), string.Join("; ", uses.Select(u => u.ToString())),
            string.Create(CultureInfo.InvariantCulture, $"In group {group.Key} ({n} subjects) the quotas cannot all be met ({limits}): {string.Join("; ", reasons)}. Nobody in the group was moved."));
    }
}
