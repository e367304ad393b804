using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Analysis;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Tests.Analysis;

/// <summary>The analysis bounds every evaluation and, without exclusions, is reached by the best and worst subjects.</summary>
public class SchemeAnalyzerPropertyTests
{
    [Property(Arbitrary = [typeof(Cases)])]
    public bool Analyze_AnySubject_TotalsAndScoresWithinReachableBounds(Case c)
    {
        var scheme = c.Scheme.ToScheme();
        var analysis = SchemeAnalyzer.Analyze(scheme);
        var result = SchemeEvaluator.Create(scheme).Evaluate(c.Subject(scheme));
        if (!result.Succeeded)
        {
            // Only a subject whose every indicator was excluded fails here.
            return result.Problems.All(p => p.Code == ProblemCodes.AllExcluded);
        }

        var a = result.Assessment;
        return analysis.MinBasePoints <= a.BasePoints && a.BasePoints <= analysis.MaxBasePoints
            && a.BonusPoints <= analysis.MaxBonusPoints
            && (analysis.MaxPenaltyPoints is not { } maxPenalty || a.PenaltyPoints <= maxPenalty)
            && analysis.MinTotal <= a.ExactTotal && a.ExactTotal <= analysis.MaxTotal
            && analysis.MinRoundedTotal <= a.RoundedTotal && a.RoundedTotal <= analysis.MaxRoundedTotal
            && Flatten(a.Root).Where(n => !n.IsExcluded).All(n =>
                analysis.FindNode(n.Path)!.MinScore <= n.Score && n.Score <= analysis.FindNode(n.Path)!.MaxScore);
    }

    [Property(Arbitrary = [typeof(Cases)])]
    public bool Analyze_NoExclusions_BestAndWorstSubjectsReachTheBounds(Case c)
    {
        var scheme = (c.Scheme with { Indicators = [.. c.Scheme.Indicators.Select(i => i with { Exclude = false })] }).ToScheme();
        var analysis = SchemeAnalyzer.Analyze(scheme);
        var evaluator = SchemeEvaluator.Create(scheme);

        // Values far beyond target and baseline reach every scorer's cap and floor; many units reach every adjustment cap.
        var best = evaluator.EvaluateOrThrow(Everything(scheme, "best", 1000m, bonusUnits: 1000m, penaltyUnits: 0m));
        var worst = evaluator.EvaluateOrThrow(Everything(scheme, "worst", -1000m, bonusUnits: 0m, penaltyUnits: 1000m));

        return best.ExactTotal == analysis.MaxTotal && best.BasePoints == analysis.MaxBasePoints
            && worst.ExactTotal == analysis.MinTotal && worst.BasePoints == analysis.MinBasePoints;
    }

    private static SubjectInput Everything(Scheme scheme, string id, decimal value, decimal bonusUnits, decimal penaltyUnits)
    {
        var input = SubjectInput.For(id);
        foreach (var indicator in scheme.Indicators)
        {
            input.Value(indicator.Measure, value);
        }

        foreach (var rule in scheme.Adjustments)
        {
            input.Value(rule.Measure, rule.Kind == AdjustmentKind.Bonus ? bonusUnits : penaltyUnits);
        }

        return input.Build();
    }

    private static IEnumerable<NodeResult> Flatten(NodeResult node)
        => new[] { node }.Concat(node.Children.SelectMany(Flatten));

    public sealed record IndicatorRecipe(int Weight, decimal Floor, decimal Cap, bool Exclude);

    public sealed record SchemeRecipe(IndicatorRecipe[] Indicators, decimal BonusPerUnit, decimal? BonusCap, decimal PenaltyPerUnit, decimal? PenaltyCap, decimal? ScopedCap)
    {
        /// <summary>Root normalize with sections s0 and s1 (indicators alternate between them); bonus, penalty and a penalty scoped to s0.</summary>
        public Scheme ToScheme()
            => Scheme.CreateBuilder("generated", "1").Name("Generated")
                .MinPoints(-50m).MaxPoints(130m).MaxBonus(5m)
                .Grade("A", 90m, 1.3m).Grade("C", 60m, 1m).Grade("D", null, 0.7m)
                .Root(WeightMode.Normalize, root =>
                {
                    for (var s = 0; s < 2 && s < Indicators.Length; s++)
                    {
                        root.Section("s" + s, s + 1, WeightMode.Normalize, section =>
                        {
                            for (var i = s; i < Indicators.Length; i += 2)
                            {
                                var r = Indicators[i];
                                section.Indicator("k" + i, r.Weight, "m" + i, Scorers.Linear(0m, 10m, r.Cap, r.Floor),
                                    k => k.WhenMissing(r.Exclude ? MissingValuePolicy.Exclude : MissingValuePolicy.Minimum));
                            }
                        });
                    }
                })
                .Bonus("bonus", "bonus_units", BonusPerUnit, BonusCap)
                .Penalty("penalty", "penalty_units", PenaltyPerUnit, PenaltyCap)
                .Penalty("scoped", "scoped_units", 2m, ScopedCap, p => p.ScopedTo("s0"))
                .Build();
    }

    public sealed record Case(SchemeRecipe Scheme, int[] Values, int BonusUnits, int PenaltyUnits, int ScopedUnits)
    {
        public SubjectInput Subject(PerfKit.Model.Scheme scheme)
        {
            var input = SubjectInput.For("subject").Value("bonus_units", BonusUnits).Value("penalty_units", PenaltyUnits).Value("scoped_units", ScopedUnits);
            for (var i = 0; i < scheme.Indicators.Length; i++)
            {
                if (Values[i] >= -20)
                {
                    input.Value("m" + i, Values[i]);
                }
            }

            return input.Build();
        }
    }

    public static class Cases
    {
        public static Arbitrary<Case> Arbitrary()
        {
            var indicator =
                from weight in Gen.Choose(1, 9)
                from floor in Gen.Elements(0m, 0.25m, -0.5m)
                from cap in Gen.Elements(1m, 1.2m)
                from exclude in Gen.Elements(false, true)
                select new IndicatorRecipe(weight, floor, cap, exclude);
            var sizes = Gen.Elements<decimal?>(null, 0m, 1.5m, 4m, 8m);
            var recipe =
                from count in Gen.Choose(1, 5)
                from indicators in Gen.ArrayOf(indicator, count)
                from bonusPerUnit in Gen.Elements(0m, 1m, 2.5m)
                from bonusCap in sizes
                from penaltyPerUnit in Gen.Elements(0m, 1m, 3m)
                from penaltyCap in sizes
                from scopedCap in sizes
                select new SchemeRecipe(indicators, bonusPerUnit, bonusCap, penaltyPerUnit, penaltyCap, scopedCap);
            var cases =
                from r in recipe
                from values in Gen.ArrayOf(Gen.Choose(-21, 14), 5)
                from bonus in Gen.Choose(0, 4)
                from penalty in Gen.Choose(0, 4)
                from scoped in Gen.Choose(0, 40)
                select new Case(r, values, bonus, penalty, scoped);
            return cases.ToArbitrary();
        }
    }
}
