using System;
using PerfKit.Building;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Tests.Properties.Generators;

/// <summary>Turns descriptions into builders, schemes, inputs and assessments.</summary>
internal static class SchemeFactory
{
    public static SchemeBuilder ToBuilder(SchemeDesc d)
    {
        var b = Scheme.CreateBuilder("generated", "1")
            .Name("Generated scheme")
            .Points(d.Points)
            .Rounding(d.Decimals, d.Mode);
        if (d.MaxBonus is { } maxBonus)
        {
            b.MaxBonus(maxBonus);
        }

        if (d.MinPoints is { } min)
        {
            b.MinPoints(min);
        }

        if (d.MaxPoints is { } max)
        {
            b.MaxPoints(max);
        }

        foreach (var grade in d.Grades)
        {
            b.Grade(grade.Name, grade.MinPoints, grade.Coefficient);
        }

        b.Root(d.Root.Id, d.Root.Mode.ToWeightMode(), g => AddChildren(g, d.Root));
        foreach (var gate in d.Gates)
        {
            b.Gate(gate.Id, g => Configure(g, gate));
        }

        foreach (var a in d.Adjustments)
        {
            Action<AdjustmentBuilder> configure = r =>
            {
                if (a.Scope is { } scope)
                {
                    r.ScopedTo(scope);
                }

                if (a.ZeroWhenMissing)
                {
                    r.ZeroWhenMissing();
                }
            };
            if (a.Kind == AdjustmentKind.Bonus)
            {
                b.Bonus(a.Id, a.Measure, a.PointsPerUnit, a.Cap, configure);
            }
            else
            {
                b.Penalty(a.Id, a.Measure, a.PointsPerUnit, a.Cap, configure);
            }
        }

        return b;
    }

    public static Scheme Build(SchemeDesc d) => ToBuilder(d).Build();

    public static SubjectInput ToInput(SubjectDesc s)
    {
        var b = SubjectInput.For(s.Id);
        foreach (var (measure, value) in s.Values)
        {
            b.Value(measure, value);
        }

        foreach (var (measure, roles) in s.Ratings)
        {
            foreach (var (role, ratings) in roles)
            {
                b.Ratings(measure, role, [.. ratings]);
            }
        }

        if (s.BasePay is { } pay)
        {
            b.BasePay(pay);
        }

        return b.Build();
    }

    /// <summary>Builds and evaluates; a generated case is valid, so any problem is reported with the case.</summary>
    public static Assessment Evaluate(SchemeDesc d, SubjectDesc s) => Evaluate(SchemeEvaluator.Create(Build(d)), s);

    public static Assessment Evaluate(SchemeEvaluator evaluator, SubjectDesc s)
    {
        var result = evaluator.Evaluate(ToInput(s));
        return result.Assessment ?? throw new InvalidOperationException(
            "A generated subject could not be evaluated:\n" + string.Join("\n", result.Problems) + "\n" + evaluator.Scheme + "\n" + s);
    }

    private static void AddChildren(GroupBuilder g, GroupDesc d)
    {
        foreach (var child in d.Children)
        {
            if (child is GroupDesc cg)
            {
                g.Group(cg.Kind, cg.Id, cg.Weight, cg.Mode.ToWeightMode(), inner => AddChildren(inner, cg));
            }
            else
            {
                var i = (IndicatorDesc)child;
                g.Indicator(i.Id, i.Weight, i.Measure, i.Scorer.ToSpec(), ib => ib.WhenMissing(i.Missing));
            }
        }
    }

    private static void Configure(GateBuilder g, GateDesc gate)
    {
        _ = gate.On switch
        {
            GateOn.Value => g.OnValue(gate.NodePath!, gate.Threshold),
            GateOn.Score => g.OnScore(gate.NodePath!, gate.Threshold),
            GateOn.Base => g.OnBase(gate.Threshold),
            _ => g.OnTotal(gate.Threshold),
        };
        if (gate.Direction is { } direction)
        {
            g.Direction(direction);
        }

        _ = gate.Consequence switch
        {
            GateConsequence.CancelPayout => g.CancelPayout(),
            GateConsequence.ZeroScore => g.ZeroScore(gate.Target!),
            _ => g.CapGrade(gate.Target!),
        };
        if (gate.PassWhenMissing)
        {
            g.PassWhenMissing();
        }
    }
}
