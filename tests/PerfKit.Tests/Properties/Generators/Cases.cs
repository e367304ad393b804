using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Tests.Properties.Generators;

/// <summary>A scheme and one subject's data.</summary>
internal sealed record SchemeCase(SchemeDesc Scheme, SubjectDesc Subject)
{
    public override string ToString() => Scheme + "\n" + Subject;
}

/// <summary>A scheme, a changed copy that must score alike, and one subject's data.</summary>
internal sealed record PairCase(SchemeDesc Scheme, SchemeDesc Changed, string Change, SubjectDesc Subject)
{
    public override string ToString() => $"{Scheme}\nchanged ({Change}):\n{Changed}\n{Subject}";
}

/// <summary>A scheme and the same subject before and after one value moved in its better direction.</summary>
internal sealed record RaiseCase(SchemeDesc Scheme, SubjectDesc Before, SubjectDesc After, string Change)
{
    public override string ToString() => $"{Scheme}\nbefore {Before}\nafter ({Change}) {After}";
}

/// <summary>A scheme whose indicator <see cref="Target"/> lacks its value and is excluded, the scheme without that indicator, and the subject.</summary>
internal sealed record ExcludeCase(SchemeDesc Full, SchemeDesc Reduced, string Target, SubjectDesc Subject)
{
    public override string ToString() => $"{Full}\nwithout '{Target}':\n{Reduced}\n{Subject}";
}

/// <summary>A scheme and several subjects.</summary>
internal sealed record BatchCase(SchemeDesc Scheme, ImmutableArray<SubjectDesc> Subjects)
{
    public override string ToString() => Scheme + "\n" + string.Join("\n", Subjects);
}

/// <summary>Composite generators shared by the property classes.</summary>
internal static class Cases
{
    public static Gen<SchemeCase> SchemeAndSubject(SchemeOptions o, SubjectOptions? so = null) =>
        from s in SchemeGen.Scheme(o)
        from subject in SchemeGen.Subject(s, so ?? SubjectOptions.Any)
        select new SchemeCase(s, subject);

    /// <summary>Walks a result tree in pre-order.</summary>
    public static IEnumerable<NodeResult> Walk(NodeResult root)
    {
        yield return root;
        foreach (var child in root.Children)
        {
            foreach (var node in Walk(child))
            {
                yield return node;
            }
        }
    }

    /// <summary>Permutes the children of every group.</summary>
    public static Gen<GroupDesc> Permute(GroupDesc g) =>
        from children in Gen.CollectToArray(g.Children.Select(c => c is GroupDesc cg ? Permute(cg).Select(x => (NodeDesc)x) : Gen.Constant(c)))
        from order in Gen.Shuffle(children)
        select g.WithChildren(order);

    /// <summary>
    /// Rounds to <paramref name="decimals"/> places by the midpoint rule, computed independently of <see cref="Math.Round(decimal, int, MidpointRounding)"/>:
    /// scale to an integer part and a fraction and decide from the fraction and the sign.
    /// </summary>
    public static decimal RoundOracle(decimal value, int decimals, MidpointRounding mode)
    {
        var scale = 1m;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10m;
        }

        var scaled = value * scale;
        var floor = decimal.Floor(scaled);
        var fraction = scaled - floor;
        if (fraction == 0m)
        {
            return floor / scale;
        }

        var half = fraction.CompareTo(0.5m);
        var up = mode switch
        {
            MidpointRounding.ToNegativeInfinity => false,
            MidpointRounding.ToPositiveInfinity => true,
            MidpointRounding.ToZero => value < 0m,
            MidpointRounding.AwayFromZero => half > 0 || (half == 0 && value > 0m),
            _ => half > 0 || (half == 0 && decimal.Remainder(floor, 2m) != 0m),
        };
        return (up ? floor + 1m : floor) / scale;
    }

    /// <summary>
    /// Whether <paramref name="value"/> lies within <paramref name="tolerance"/> of a point where the rounding policy
    /// switches result: a midpoint between steps for AwayFromZero and ToEven, a step itself for the directed modes.
    /// </summary>
    public static bool NearRoundingBoundary(decimal value, int decimals, MidpointRounding mode, decimal tolerance)
    {
        var step = Step(decimals);
        var offset = mode is MidpointRounding.AwayFromZero or MidpointRounding.ToEven ? step / 2m : 0m;
        var shifted = value - offset;
        var below = decimal.Floor(shifted / step) * step;
        return shifted - below <= tolerance || below + step - shifted <= tolerance;
    }

    /// <summary>The smallest step of a total rounded to <paramref name="decimals"/> places: 10^−decimals.</summary>
    public static decimal Step(int decimals)
    {
        var step = 1m;
        for (var i = 0; i < decimals; i++)
        {
            step /= 10m;
        }

        return step;
    }

    /// <summary>Whether a value meets a threshold in a direction (on it passes).</summary>
    public static bool Meets(ScoreDirection direction, decimal value, decimal threshold)
        => direction == ScoreDirection.LowerIsBetter ? value <= threshold : value >= threshold;
}
