using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Tests.Properties.Generators;
using Xunit;

namespace PerfKit.Tests.Properties;

/// <summary>The scoring laws of spec §1–§6, checked on random valid schemes and subjects.</summary>
public class SchemeEvaluatorPropertyTests
{
    private const decimal Tolerance = 1e-20m;

    private static readonly decimal[] ScaleFactors = [2m, 3m, 0.5m, 10m, 0.1m, 2.3333333333m, 7m, 0.25m, 1.75m];

    /// <summary>§2: a group's score lies between its lowest and highest included child score.</summary>
    [Property(MaxTest = 1000)]
    public Property Evaluate_AnyScheme_GroupScoreLiesWithinIncludedChildren()
        => Prop.ForAll(Arb.From(Cases.SchemeAndSubject(SchemeOptions.Any)), c =>
        {
            var a = SchemeFactory.Evaluate(c.Scheme, c.Subject);
            foreach (var node in Cases.Walk(a.Root).Where(n => n.Node is GroupNode && !n.IsExcluded && !n.ZeroedByGate))
            {
                var included = node.Children.Where(k => !k.IsExcluded).Select(k => k.Score!.Value).ToArray();
                Assert.NotEmpty(included);
                Assert.InRange(node.Score!.Value, included.Min(), included.Max());
            }
        });

    /// <summary>§2: scaling one group's sibling weights by k &gt; 0 (the group switched to normalize) changes nothing (exact within 1e-20, rounded exactly; see <see cref="AssertSameScores"/>).</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_SiblingWeightsScaled_SameTotals()
    {
        var gen =
            from s in SchemeGen.Scheme(SchemeOptions.Any)
            from path in Gen.Elements(s.Groups().Select(g => g.Path))
            from k in Gen.Elements(ScaleFactors)
            from subject in SchemeGen.Subject(s, SubjectOptions.Any)
            select new PairCase(s, s.Replace(path, n => Scale((GroupDesc)n, k)), $"weights of '{path}' × {SchemeDesc.D(k)}", subject);
        return Prop.ForAll(Arb.From(gen), c => AssertSameScores(c.Scheme, c.Changed, c.Subject));
    }

    /// <summary>§1/§2: reordering the children of every group changes nothing (exact within 1e-20, rounded exactly; see <see cref="AssertSameScores"/>).</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_ChildrenReordered_SameTotals()
    {
        var gen =
            from s in SchemeGen.Scheme(SchemeOptions.Any)
            from root in Cases.Permute(s.Root)
            from subject in SchemeGen.Subject(s, SubjectOptions.Any)
            select new PairCase(s, s with { Root = root }, "children permuted", subject);
        return Prop.ForAll(Arb.From(gen), c => AssertSameScores(c.Scheme, c.Changed, c.Subject));
    }

    /// <summary>§2/§3: every indicator at its target (scorers capped at 1), no adjustments: base and total are exactly P.</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_AllIndicatorsAtTarget_TotalIsExactlyP()
        => Prop.ForAll(Arb.From(Cases.SchemeAndSubject(SchemeOptions.AtTarget, new SubjectOptions { AtBest = true })), c =>
        {
            var a = SchemeFactory.Evaluate(c.Scheme, c.Subject);
            Assert.All(Cases.Walk(a.Root), n => Assert.Equal(1m, n.Score));
            Assert.Equal(c.Scheme.Points, a.BasePoints);
            Assert.Equal(c.Scheme.Points, a.ExactTotal);
        });

    /// <summary>§3/§5: raising one indicator's value in its better direction never lowers any node score or the exact total.</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_OneValueRaised_NoScoreOrTotalFalls()
    {
        var gen =
            from s in SchemeGen.Scheme(SchemeOptions.Monotone)
            from before in SchemeGen.Subject(s, SubjectOptions.Any)
            from raise in Raise(s, before)
            select new RaiseCase(s, before, raise.Subject, raise.Change);
        return Prop.ForAll(Arb.From(gen), c =>
        {
            var evaluator = SchemeEvaluator.Create(SchemeFactory.Build(c.Scheme));
            var before = SchemeFactory.Evaluate(evaluator, c.Before);
            var after = SchemeFactory.Evaluate(evaluator, c.After);
            var afterByPath = Cases.Walk(after.Root).ToDictionary(n => n.Path, StringComparer.Ordinal);
            foreach (var b in Cases.Walk(before.Root))
            {
                var x = afterByPath[b.Path];
                Assert.Equal(b.IsExcluded, x.IsExcluded);
                if (b.Score is { } old)
                {
                    Assert.True(x.Score >= old, $"score of '{b.Node}' fell from {old} to {x.Score}");
                }
            }

            Assert.True(after.BasePoints >= before.BasePoints, $"base fell from {before.BasePoints} to {after.BasePoints}");
            Assert.True(after.ExactTotal >= before.ExactTotal, $"total fell from {before.ExactTotal} to {after.ExactTotal}");
        });
    }

    /// <summary>§4: with bonuses, penalties, negative floors and caps above 1, the total stays within [minPoints, maxPoints], after one clamp on the sum.</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_AnyAdjustments_TotalWithinBounds()
        => Prop.ForAll(Arb.From(Cases.SchemeAndSubject(SchemeOptions.Any)), c =>
        {
            var a = SchemeFactory.Evaluate(c.Scheme, c.Subject);
            var scheme = a.Scheme;
            Assert.Equal(a.BasePoints + a.BonusPoints - a.PenaltyPoints, a.UnclampedTotal);
            Assert.Equal(Math.Clamp(a.UnclampedTotal, scheme.MinPoints, scheme.MaxPoints), a.ExactTotal);
            Assert.InRange(a.ExactTotal, scheme.MinPoints, scheme.MaxPoints);
            Assert.InRange(a.BonusPoints, 0m, scheme.MaxBonus ?? 0m);

            // Rounding is monotone, so a bound written with the policy's decimals also bounds the rounded total.
            if (scheme.Rounding.Round(scheme.MinPoints) == scheme.MinPoints)
            {
                Assert.True(a.RoundedTotal >= scheme.MinPoints);
            }

            if (scheme.Rounding.Round(scheme.MaxPoints) == scheme.MaxPoints)
            {
                Assert.True(a.RoundedTotal <= scheme.MaxPoints);
            }
        });

    /// <summary>§5: a failed cancelPayout gate always gives payout 0; otherwise payout = base pay × coefficient, rounded.</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_FailedCancelPayoutGate_PayoutIsZero()
    {
        var options = SchemeOptions.Any with { CancelPayoutGatesOnly = true, MinGates = 1 };
        var gen = Cases.SchemeAndSubject(options, new SubjectOptions { AlwaysBasePay = true });
        return Prop.ForAll(Arb.From(gen), c =>
        {
            var a = SchemeFactory.Evaluate(c.Scheme, c.Subject);
            var indicators = c.Scheme.Indicators().ToDictionary(i => i.Path, i => i.Indicator, StringComparer.Ordinal);
            Assert.Equal(c.Scheme.Gates.Length, a.Gates.Length);
            for (var k = 0; k < a.Gates.Length; k++)
            {
                var gate = c.Scheme.Gates[k];
                if (gate.On == GateOn.Value)
                {
                    // Decided here from the input alone: on the threshold passes; a missing value fails unless declared to pass.
                    var indicator = indicators[gate.NodePath!];
                    var direction = gate.Direction ?? indicator.Scorer.Direction;
                    var expected = c.Subject.Values.TryGetValue(indicator.Measure, out var value)
                        ? Cases.Meets(direction, value, gate.Threshold)
                        : gate.PassWhenMissing;
                    Assert.Equal(expected, a.Gates[k].Passed);
                }
            }

            var failed = a.Gates.Any(g => !g.Passed);
            Assert.Equal(failed, a.PayoutCancelled);
            var expectedPayout = failed ? 0m : Math.Round(c.Subject.BasePay!.Value * a.Coefficient, 2, MidpointRounding.AwayFromZero);
            Assert.Equal(expectedPayout, a.Payout);
        });
    }

    /// <summary>§1: the rounded total is the exact total rounded once by the scheme's policy, for every midpoint rule.</summary>
    [Property(MaxTest = 600)]
    public Property Evaluate_AnyRoundingPolicy_RoundedTotalIsExactTotalRoundedOnce()
    {
        var gen = Gen.OneOf(Cases.SchemeAndSubject(SchemeOptions.Any).Select(c => (Case: c, Exact: (decimal?)null)), Midpoints());
        return Prop.ForAll(Arb.From(gen), c =>
        {
            var a = SchemeFactory.Evaluate(c.Case.Scheme, c.Case.Subject);
            if (c.Exact is { } exact)
            {
                Assert.Equal(exact, a.ExactTotal);
            }

            Assert.Equal(Cases.RoundOracle(a.ExactTotal, c.Case.Scheme.Decimals, c.Case.Scheme.Mode), a.RoundedTotal);
            Assert.Equal(a.Scheme.GradeFor(a.RoundedTotal), a.EarnedGrade);
        });
    }

    /// <summary>§2: with exclusions, the effective weights of the included indicators still sum to 1; excluded ones weigh 0.</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_WithExclusions_EffectiveWeightsOfIncludedIndicatorsSumToOne()
        => Prop.ForAll(Arb.From(Cases.SchemeAndSubject(SchemeOptions.Any)), c =>
        {
            var a = SchemeFactory.Evaluate(c.Scheme, c.Subject);
            var leaves = Cases.Walk(a.Root).Where(n => n.Node.IsIndicator).ToArray();
            Assert.All(leaves.Where(n => n.IsExcluded), n => Assert.Equal(0m, n.EffectiveWeight));
            var sum = leaves.Where(n => !n.IsExcluded).Sum(n => n.EffectiveWeight);
            Assert.True(Math.Abs(sum - 1m) <= Tolerance, $"effective weights sum to {sum}");
        });

    /// <summary>§6: an indicator excluded for a missing value scores exactly like a scheme without it (siblings re-weighted).</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_MissingValueExcluded_SameAsSchemeWithoutIndicator()
    {
        var gen =
            from s0 in SchemeGen.Scheme(SchemeOptions.Any, 2)
            from target in Gen.Elements(s0.Indicators().Select(i => i.Path))
            let s = s0.Replace(target, n => (IndicatorDesc)n with { Missing = MissingValuePolicy.Exclude })
            from subject in SchemeGen.Subject(s, SubjectOptions.Any)
            let pair = WithoutIndicator(s, target)
            let measure = s.Indicators().Single(i => i.Path == target).Indicator.Measure
            let read = pair.Full.Adjustments.Select(a => a.Measure).ToHashSet(StringComparer.Ordinal)
            let lacking = subject with
            {
                Values = subject.Values.Remove(measure).RemoveRange(s.Adjustments.Select(a => a.Measure).Where(m => !read.Contains(m))),
                Ratings = subject.Ratings.Remove(measure),
            }
            where pair.Reduced.Indicators().Any(i => lacking.Values.ContainsKey(i.Indicator.Measure) || lacking.Ratings.ContainsKey(i.Indicator.Measure))
            select new ExcludeCase(pair.Full, pair.Reduced, target, lacking);
        return Prop.ForAll(Arb.From(gen), c =>
        {
            var full = SchemeFactory.Evaluate(c.Full, c.Subject);
            var reduced = SchemeFactory.Evaluate(c.Reduced, c.Subject);
            Assert.Contains(full.Exclusions, e => e.Path == c.Target);
            var reducedByPath = Cases.Walk(reduced.Root).ToDictionary(n => n.Path, StringComparer.Ordinal);
            foreach (var node in Cases.Walk(full.Root).Where(n => !n.IsExcluded))
            {
                var other = reducedByPath[node.Path];
                Assert.Equal(node.Score, other.Score);
                Assert.Equal(node.EffectiveWeight, other.EffectiveWeight);
            }

            Assert.Equal(reduced.BasePoints, full.BasePoints);
            Assert.Equal(reduced.ExactTotal, full.ExactTotal);
            Assert.Equal(reduced.RoundedTotal, full.RoundedTotal);
            Assert.Equal(reduced.Grade.Name, full.Grade.Name);
        });
    }

    private static GroupDesc Scale(GroupDesc g, decimal k)
        => g with { Mode = ModeDesc.Normalize, Children = [.. g.Children.Select(c => c.WithWeight(c.Weight * k))] };

    /// <summary>
    /// Every node score and the exact total agree within 1e-20; the rounded total, grade and payout agree exactly, except
    /// where the two exact totals differ in their last digits right on a point where the rounding policy switches result.
    /// </summary>
    private static void AssertSameScores(SchemeDesc first, SchemeDesc second, SubjectDesc subject)
    {
        var a = SchemeFactory.Evaluate(first, subject);
        var b = SchemeFactory.Evaluate(second, subject);
        var byPath = Cases.Walk(b.Root).ToDictionary(n => n.Path, StringComparer.Ordinal);
        foreach (var node in Cases.Walk(a.Root))
        {
            var other = byPath[node.Path];
            Assert.Equal(node.IsExcluded, other.IsExcluded);
            if (node.Score is { } score)
            {
                Assert.True(Math.Abs(score - other.Score!.Value) <= Tolerance, $"score of '{node.Node}': {score} vs {other.Score}");
            }
        }

        Assert.True(Math.Abs(a.ExactTotal - b.ExactTotal) <= Tolerance, $"exact totals {a.ExactTotal} vs {b.ExactTotal}");

        // Spec §1 lets the 28th digit move. Where the two exact totals differ in it and sit on a point where the policy
        // switches result (46.175 under ToPositiveInfinity, computed once as 46.175 and once as 46.17500000000000000000000001),
        // that digit decides the rounded total, which may then differ by one step. Everywhere else it must be equal.
        if (a.ExactTotal != b.ExactTotal
            && (Cases.NearRoundingBoundary(a.ExactTotal, first.Decimals, first.Mode, Tolerance) || Cases.NearRoundingBoundary(b.ExactTotal, first.Decimals, first.Mode, Tolerance)))
        {
            Assert.True(Math.Abs(a.RoundedTotal - b.RoundedTotal) <= Cases.Step(first.Decimals), $"rounded totals {a.RoundedTotal} vs {b.RoundedTotal}");
            return;
        }

        Assert.Equal(a.RoundedTotal, b.RoundedTotal);
        Assert.Equal(a.Grade.Name, b.Grade.Name);
        Assert.Equal(a.Payout, b.Payout);
    }

    /// <summary>One present indicator's value moved in its better direction (a rating raised within the scale).</summary>
    private static Gen<(SubjectDesc Subject, string Change)> Raise(SchemeDesc s, SubjectDesc subject)
    {
        var present = s.Indicators()
            .Select(i => i.Indicator)
            .Where(i => subject.Values.ContainsKey(i.Measure) || subject.Ratings.ContainsKey(i.Measure))
            .ToArray();
        return
            from indicator in Gen.Elements(present)
            from step in SchemeGen.Pick(0.01m, 0.5m, 1m, 5m, 100m, 0.125m)
            from pick in Gen.Choose(0, 1000)
            select RaiseOne(subject, indicator, step, pick);
    }

    private static (SubjectDesc, string) RaiseOne(SubjectDesc subject, IndicatorDesc indicator, decimal step, int pick)
    {
        if (indicator.Scorer is RatingDesc rating)
        {
            var roles = subject.Ratings[indicator.Measure];
            var r = pick % roles.Length;
            var list = roles[r].Ratings;
            var i = pick / roles.Length % list.Length;
            var raised = decimal.Min(rating.High, list[i] + step);
            var changed = roles.SetItem(r, (roles[r].Role, list.SetItem(i, raised)));
            return (subject with { Ratings = subject.Ratings.SetItem(indicator.Measure, changed) }, $"{indicator.Measure} {roles[r].Role}[{i}] {list[i]} → {raised}");
        }

        var value = subject.Values[indicator.Measure];
        var moved = indicator.Scorer.Direction == ScoreDirection.LowerIsBetter ? value - step : value + step;
        return (subject with { Values = subject.Values.SetItem(indicator.Measure, moved) }, $"{indicator.Measure} {value} → {moved}");
    }

    /// <summary>
    /// The scheme with the indicator at <paramref name="path"/>, and the scheme without it: groups left empty are removed
    /// too and every group that lost a child switches to normalize (its remaining weights kept). Gates and scoped
    /// penalties naming a removed node are dropped from both (and the subject then carries no units for them).
    /// </summary>
    private static (SchemeDesc Full, SchemeDesc Reduced) WithoutIndicator(SchemeDesc s, string path)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal) { path };
        var root = Remove(s.Root, string.Empty, path, removed) ?? throw new InvalidOperationException("The root lost every indicator.");
        bool Touches(string? p) => p is not null && removed.Any(r => Scheme0(p) == r || Scheme0(p).StartsWith(r + "/", StringComparison.Ordinal));
        var gates = s.Gates.Where(g => !Touches(g.NodePath) && !(g.Consequence == GateConsequence.ZeroScore && Touches(g.Target))).ToImmutableArray();
        var adjustments = s.Adjustments.Where(a => !Touches(a.Scope)).ToImmutableArray();
        var full = s with { Gates = gates, Adjustments = adjustments };
        return (full, full with { Root = root });
    }

    private static string Scheme0(string path) => path == "/" ? string.Empty : path;

    private static GroupDesc? Remove(GroupDesc g, string groupPath, string path, HashSet<string> removed)
    {
        var children = new List<NodeDesc>();
        var lost = false;
        foreach (var child in g.Children)
        {
            var childPath = SchemeDesc.ChildPath(groupPath, child.Id);
            if (childPath == path)
            {
                lost = true;
                continue;
            }

            if (child is GroupDesc cg && path.StartsWith(childPath + "/", StringComparison.Ordinal))
            {
                var kept = Remove(cg, childPath, path, removed);
                if (kept is null)
                {
                    removed.Add(childPath);
                    lost = true;
                    continue;
                }

                children.Add(kept);
                continue;
            }

            children.Add(child);
        }

        if (children.Count == 0)
        {
            return null;
        }

        return lost ? g with { Mode = ModeDesc.Normalize, Children = [.. children] } : g.WithChildren(children);
    }

    /// <summary>
    /// One linear indicator on [0, T = 10^(d+3)] with floor −1, P = 100 and minPoints −100; a value x in [−T, T) scores
    /// x / T, so the exact total is 100·x / T = x / 10^(d+1): one digit past the rounding, exactly a midpoint when x ends in 5.
    /// </summary>
    private static Gen<(SchemeCase Case, decimal? Exact)> Midpoints() =>
        from decimals in Gen.Choose(0, 4)
        from mode in Gen.Elements(MidpointRounding.AwayFromZero, MidpointRounding.ToEven, MidpointRounding.ToZero, MidpointRounding.ToNegativeInfinity, MidpointRounding.ToPositiveInfinity)
        let target = Enumerable.Repeat(10, decimals + 3).Aggregate(1, (product, ten) => product * ten)
        from tens in Gen.Choose(-target / 10, (target / 10) - 1)
        from last in SchemeGen.Pick(5, 5, 5, 0, 1, 4, 6, 9)
        let x = (decimal)((tens * 10) + last)
        let scheme = new SchemeDesc(
            100m,
            decimals,
            mode,
            null,
            -100m,
            null,
            [new GradeDesc("A", 50m, 1.2m), new GradeDesc("B", null, 1m)],
            [],
            [],
            new GroupDesc("root", 1m, ModeDesc.Normalize, GroupKind.Custom, [new IndicatorDesc("kpi", 1m, "m.kpi", new LinearDesc(0m, target, null, -1m, null, false), MissingValuePolicy.Error)]))
        let subject = new SubjectDesc("s1", ImmutableSortedDictionary<string, decimal>.Empty.Add("m.kpi", x), ImmutableSortedDictionary<string, ImmutableArray<(string, ImmutableArray<decimal>)>>.Empty, null)
        select (new SchemeCase(scheme, subject), (decimal?)(x / (target / 100m)));
}
