using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Tests.Properties.Generators;

/// <summary>A valid scheme, the same scheme with one defect, and the problem the defect must produce.</summary>
internal sealed record DefectCase(SchemeDesc Valid, SchemeDesc Broken, string Defect, string Code, string Path)
{
    public override string ToString() => $"defect: {Defect} → expect [{Code}] at '{Path}'\nbroken {Broken}";
}

/// <summary>Injects one random defect into a valid scheme description at a random node.</summary>
internal static class Defects
{
    private static readonly string[] BadIds = ["bad id", "x!y", "über", "-lead", "_x", "a.b", "a/b", "tab\tid", new string('k', 65)];

    public static Gen<DefectCase> Inject(SchemeDesc s)
    {
        var nodes = s.Nodes().ToArray();
        var nonRoot = nodes.Where(n => n.ParentPath is not null).ToArray();
        var groups = nodes.Where(n => n.Node is GroupDesc).ToArray();
        var indicators = nodes.Where(n => n.Node is IndicatorDesc).ToArray();
        var summed = groups.Where(n => ((GroupDesc)n.Node).Mode.RequiredSum is not null).ToArray();
        var pointGroups = groups.Where(n => ((GroupDesc)n.Node).Mode.Kind == WeightModeKind.Points).ToArray();
        var crowded = groups.Where(n => ((GroupDesc)n.Node).Children.Length >= 2).ToArray();

        var options = new List<Gen<DefectCase>>
        {
            from n in Gen.Elements(nonRoot)
            from w in SchemeGen.Pick(0m, -1m, -0.5m, -n.Node.Weight)
            select new DefectCase(s, s.Replace(n.Path, x => x.WithWeight(w)), $"weight {SchemeDesc.D(w)} at {n.Display}", ProblemCodes.WeightNonPositive, n.Path),

            from n in Gen.Elements(groups)
            select new DefectCase(s, s.Replace(n.Path, x => ((GroupDesc)x).WithChildren([])), $"no children at {n.Display}", ProblemCodes.GroupEmpty, n.Display),

            from n in Gen.Elements(indicators)
            from defect in Scorer(((IndicatorDesc)n.Node).Scorer)
            select new DefectCase(
                s,
                s.Replace(n.Path, x => (IndicatorDesc)x with { Scorer = defect.Scorer }),
                $"scorer {defect.Scorer} at {n.Display}",
                defect.Code,
                n.Path + ".scorer." + defect.Member),

            from n in Gen.Elements(nodes)
            from bad in Gen.Elements(BadIds)
            select new DefectCase(
                s,
                s.Replace(n.Path, x => x.WithId(bad)),
                $"id '{bad}' at {n.Display}",
                ProblemCodes.IdInvalid,
                n.ParentPath is { } parent ? SchemeDesc.ChildPath(parent, bad) : "/"),
        };

        if (summed.Length > 0)
        {
            options.Add(
                from n in Gen.Elements(summed)
                from index in Gen.Choose(0, ((GroupDesc)n.Node).Children.Length - 1)
                from delta in SchemeGen.Pick(0.001m, 0.5m, 1m, 10m)
                select new DefectCase(
                    s,
                    s.Replace(n.Path, x =>
                    {
                        var g = (GroupDesc)x;
                        return g.WithChildren(g.Children.Select((c, i) => i == index ? c.WithWeight(c.Weight + delta) : c));
                    }),
                    $"weight sum of {n.Display} off by {SchemeDesc.D(delta)}",
                    ProblemCodes.WeightSum,
                    n.Display));
        }

        if (pointGroups.Length > 0)
        {
            options.Add(
                from n in Gen.Elements(pointGroups)
                from points in SchemeGen.Pick(0m, -100m)
                select new DefectCase(
                    s,
                    s.Replace(n.Path, x => (GroupDesc)x with { Mode = new ModeDesc(WeightModeKind.Points, points) }),
                    $"points({SchemeDesc.D(points)}) at {n.Display}",
                    ProblemCodes.WeightPoints,
                    n.Display));
        }

        if (crowded.Length > 0)
        {
            options.Add(
                from n in Gen.Elements(crowded)
                from pair in Gen.Shuffle(Enumerable.Range(0, ((GroupDesc)n.Node).Children.Length))
                let g = (GroupDesc)n.Node
                let keep = g.Children[pair[0]].Id
                select new DefectCase(
                    s,
                    s.Replace(n.Path, x => g.WithChildren(g.Children.Select((c, i) => i == pair[1] ? c.WithId(keep) : c))),
                    $"children {pair[0]} and {pair[1]} of {n.Display} share id '{keep}'",
                    ProblemCodes.IdDuplicate,
                    SchemeDesc.ChildPath(n.Path, keep)));
        }

        return Gen.OneOf(options);
    }

    /// <summary>One invalid parameter for the scorer, with the expected code and the parameter's member path.</summary>
    private static Gen<(ScorerDesc Scorer, string Code, string Member)> Scorer(ScorerDesc scorer)
    {
        switch (scorer)
        {
            case LinearDesc l:
                return Gen.OneOf(
                    Gen.Constant<(ScorerDesc, string, string)>((l with { Target = l.Baseline, StartLine = null }, ProblemCodes.LinearBaselineEqualsTarget, "target")),
                    SchemeGen.Pick(0.5m, 0.99m, 0m, -1m).Select(c => ((ScorerDesc)(l with { Cap = c, Floor = null }), ProblemCodes.LinearCap, "cap")),
                    SchemeGen.Pick(0m, 0.5m).Select(extra => ((ScorerDesc)(l with { Floor = (l.Cap ?? 1m) + extra }), ProblemCodes.LinearFloor, "floor")),
                    SchemeGen.Pick(1m, 1.5m, -0.5m).Select(f => ((ScorerDesc)(l with { StartLine = l.Baseline + ((l.Target - l.Baseline) * f) }), ProblemCodes.LinearStartLine, "startLine")));
            case BandDesc b:
                var last = b.Bands.Length - 1;
                var options = new List<Gen<(ScorerDesc, string, string)>>
                {
                    Gen.Constant<(ScorerDesc, string, string)>((b with { Bands = b.Bands.SetItem(last, (b.Bands[last].Bound, 1.5m)) }, ProblemCodes.BandScoreRange, $"bands[{last}].score")),
                    SchemeGen.Pick(b.Bands[0].Score + 0.5m, -0.1m).Select(below => ((ScorerDesc)(b with { Below = below }), ProblemCodes.BandBelow, "below")),
                    b.Basis == BandBasis.Ratio
                        ? SchemeGen.Pick(0m, -10m).Select(t => ((ScorerDesc)(b with { Target = t }), ProblemCodes.BandTarget, "target"))
                        : Gen.Constant<(ScorerDesc, string, string)>((b with { Target = 10m }, ProblemCodes.BandTarget, "target")),
                };
                options.Add(b.Bands.Length == 1
                    ? Gen.Constant<(ScorerDesc, string, string)>((b with { Bands = b.Bands.Add((b.Bands[0].Bound, 1m)) }, ProblemCodes.BandBoundOrder, "bands[1].bound"))
                    : Gen.Choose(1, last).Select(i => ((ScorerDesc)(b with { Bands = Swap(b.Bands, i) }), ProblemCodes.BandBoundOrder, $"bands[{i}].bound")));
                return Gen.OneOf(options);
            case ThresholdDesc t:
                return Gen.OneOf(
                    SchemeGen.Pick(0m, 0.1m).Select(extra => ((ScorerDesc)(t with { Fail = (t.Pass ?? 1m) + extra }), ProblemCodes.ThresholdScores, "fail")),
                    Gen.Constant<(ScorerDesc, string, string)>((t with { Fail = -0.5m }, ProblemCodes.ThresholdScores, "fail")),
                    Gen.Constant<(ScorerDesc, string, string)>((t with { Pass = 1.5m, Fail = null }, ProblemCodes.ThresholdScores, "pass")));
            default:
                var r = (RatingDesc)scorer;
                return Gen.OneOf(
                    SchemeGen.Pick(0m, -1m).Select(below => ((ScorerDesc)(r with { High = r.Low + below, Target = null, Cap = null }), ProblemCodes.RatingScale, "high")),
                    Gen.Constant<(ScorerDesc, string, string)>((r with { Target = r.High + 1m, Cap = null }, ProblemCodes.RatingTarget, "target")),
                    Gen.Constant<(ScorerDesc, string, string)>((r with { Target = null, Cap = 1.2m }, ProblemCodes.RatingCap, "cap")),
                    Gen.Constant<(ScorerDesc, string, string)>((r with { Target = r.High, Cap = 0.5m }, ProblemCodes.RatingCap, "cap")),
                    SchemeGen.Pick(0m, -5m).Select(w => ((ScorerDesc)(r with { Roles = r.Roles.SetItem(0, (r.Roles[0].Role, w)) }), ProblemCodes.RatingRoles, "roles." + r.Roles[0].Role)),
                    Gen.Constant<(ScorerDesc, string, string)>((r with { Roles = [] }, ProblemCodes.RatingRoles, "roles")));
        }
    }

    private static ImmutableArray<(decimal Bound, decimal Score)> Swap(ImmutableArray<(decimal Bound, decimal Score)> bands, int i)
        => bands.SetItem(i, (bands[i - 1].Bound, bands[i].Score)).SetItem(i - 1, (bands[i].Bound, bands[i - 1].Score));
}
