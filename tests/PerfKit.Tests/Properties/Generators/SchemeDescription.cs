using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Tests.Properties.Generators;

/// <summary>How a generated group writes its children's weights.</summary>
internal sealed record ModeDesc(WeightModeKind Kind, decimal N)
{
    public static ModeDesc Normalize { get; } = new(WeightModeKind.Normalize, 0m);

    public decimal? RequiredSum => Kind switch
    {
        WeightModeKind.Fraction => 1m,
        WeightModeKind.Percent => 100m,
        WeightModeKind.Points => N,
        _ => null,
    };

    public WeightMode ToWeightMode() => Kind switch
    {
        WeightModeKind.Fraction => WeightMode.Fraction,
        WeightModeKind.Percent => WeightMode.Percent,
        WeightModeKind.Points => WeightMode.PointsOf(N),
        _ => WeightMode.Normalize,
    };

    public override string ToString() => Kind == WeightModeKind.Points ? $"points({D(N)})" : Kind.ToString().ToLowerInvariant();

    private static string D(decimal value) => DecimalText.Canonical(value);
}

/// <summary>A node of a generated scheme description.</summary>
internal abstract record NodeDesc(string Id, decimal Weight)
{
    public abstract NodeDesc WithWeight(decimal weight);

    public abstract NodeDesc WithId(string id);
}

/// <summary>A generated group.</summary>
internal sealed record GroupDesc(string Id, decimal Weight, ModeDesc Mode, GroupKind Kind, ImmutableArray<NodeDesc> Children) : NodeDesc(Id, Weight)
{
    public override NodeDesc WithWeight(decimal weight) => this with { Weight = weight };

    public override NodeDesc WithId(string id) => this with { Id = id };

    public GroupDesc WithChildren(IEnumerable<NodeDesc> children) => this with { Children = [.. children] };
}

/// <summary>A generated indicator; its measure is unique in the scheme.</summary>
internal sealed record IndicatorDesc(string Id, decimal Weight, string Measure, ScorerDesc Scorer, MissingValuePolicy Missing) : NodeDesc(Id, Weight)
{
    public override NodeDesc WithWeight(decimal weight) => this with { Weight = weight };

    public override NodeDesc WithId(string id) => this with { Id = id };
}

/// <summary>A node of a description with its path and its parent's path (null for the root).</summary>
internal sealed record Located(NodeDesc Node, string Path, string? ParentPath, int Depth)
{
    public string Display => Path.Length == 0 ? "/" : Path;
}

/// <summary>What a generated gate looks at.</summary>
internal enum GateOn
{
    Value,
    Score,
    Base,
    Total,
}

internal sealed record GateDesc(string Id, GateOn On, string? NodePath, decimal Threshold, ScoreDirection? Direction, GateConsequence Consequence, string? Target, bool PassWhenMissing);

internal sealed record AdjustmentDesc(string Id, AdjustmentKind Kind, string Measure, decimal PointsPerUnit, decimal? Cap, string? Scope, bool ZeroWhenMissing);

internal sealed record GradeDesc(string Name, decimal? MinPoints, decimal Coefficient);

/// <summary>
/// A scheme written as plain data, so properties can change it (scale weights, permute children, inject a defect,
/// drop an indicator) and build the changed scheme through <see cref="SchemeFactory"/>.
/// </summary>
internal sealed record SchemeDesc(
    decimal Points,
    int Decimals,
    MidpointRounding Mode,
    decimal? MaxBonus,
    decimal? MinPoints,
    decimal? MaxPoints,
    ImmutableArray<GradeDesc> Grades,
    ImmutableArray<GateDesc> Gates,
    ImmutableArray<AdjustmentDesc> Adjustments,
    GroupDesc Root)
{
    public static string ChildPath(string parent, string id) => parent.Length == 0 ? id : parent + "/" + id;

    /// <summary>All nodes in pre-order (declared order), the root first.</summary>
    public IEnumerable<Located> Nodes()
    {
        var stack = new Stack<Located>();
        stack.Push(new Located(Root, string.Empty, null, 0));
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            yield return item;
            if (item.Node is GroupDesc g)
            {
                for (var i = g.Children.Length - 1; i >= 0; i--)
                {
                    stack.Push(new Located(g.Children[i], ChildPath(item.Path, g.Children[i].Id), item.Path, item.Depth + 1));
                }
            }
        }
    }

    public IEnumerable<(IndicatorDesc Indicator, string Path)> Indicators()
        => Nodes().Where(n => n.Node is IndicatorDesc).Select(n => ((IndicatorDesc)n.Node, n.Path));

    public IEnumerable<(GroupDesc Group, string Path)> Groups()
        => Nodes().Where(n => n.Node is GroupDesc).Select(n => ((GroupDesc)n.Node, n.Path));

    /// <summary>Returns a copy with the node at <paramref name="path"/> replaced (the root is "").</summary>
    public SchemeDesc Replace(string path, Func<NodeDesc, NodeDesc> change)
        => this with { Root = (GroupDesc)ReplaceIn(Root, string.Empty, path, change) };

    /// <summary>Returns a copy where every group is rewritten bottom-up by <paramref name="change"/>.</summary>
    public SchemeDesc MapGroups(Func<GroupDesc, string, GroupDesc> change)
        => this with { Root = MapGroup(Root, string.Empty, change) };

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"scheme P={D(Points)} rounding={Decimals}/{Mode}");
        sb.Append(CultureInfo.InvariantCulture, $" maxBonus={Opt(MaxBonus)} minPoints={Opt(MinPoints)} maxPoints={Opt(MaxPoints)}\n");
        sb.Append("  grades: ").AppendJoin(", ", Grades.Select(g => $"{g.Name}≥{Opt(g.MinPoints)}→{D(g.Coefficient)}")).Append('\n');
        Write(sb, Root, string.Empty, 1);
        foreach (var g in Gates)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  gate {g.Id}: {g.On} {g.NodePath} {(g.Direction is null ? "" : g.Direction + " ")}{D(g.Threshold)} → {g.Consequence} {g.Target}{(g.PassWhenMissing ? " passWhenMissing" : "")}\n");
        }

        foreach (var a in Adjustments)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {a.Kind} {a.Id}: {a.Measure} × {D(a.PointsPerUnit)} cap {Opt(a.Cap)} scope {a.Scope ?? "-"}{(a.ZeroWhenMissing ? " zeroWhenMissing" : "")}\n");
        }

        return sb.ToString();
    }

    internal static string D(decimal value) => DecimalText.Canonical(value);

    internal static string Opt(decimal? value) => value is { } v ? D(v) : "-";

    private static void Write(StringBuilder sb, NodeDesc node, string path, int indent)
    {
        sb.Append(' ', indent * 2);
        if (node is GroupDesc g)
        {
            sb.Append(CultureInfo.InvariantCulture, $"[{node.Id}] w={D(node.Weight)} {g.Mode} {g.Kind}\n");
            foreach (var c in g.Children)
            {
                Write(sb, c, ChildPath(path, c.Id), indent + 1);
            }
        }
        else
        {
            var i = (IndicatorDesc)node;
            sb.Append(CultureInfo.InvariantCulture, $"{node.Id} w={D(node.Weight)} {i.Measure} {i.Scorer} missing={i.Missing}\n");
        }
    }

    private static NodeDesc ReplaceIn(NodeDesc node, string nodePath, string path, Func<NodeDesc, NodeDesc> change)
    {
        if (string.Equals(nodePath, path, StringComparison.Ordinal))
        {
            return change(node);
        }

        if (node is GroupDesc g && (nodePath.Length == 0 || path.StartsWith(nodePath + "/", StringComparison.Ordinal)))
        {
            return g.WithChildren(g.Children.Select(c => ReplaceIn(c, ChildPath(nodePath, c.Id), path, change)));
        }

        return node;
    }

    private static GroupDesc MapGroup(GroupDesc g, string path, Func<GroupDesc, string, GroupDesc> change)
    {
        var mapped = g.WithChildren(g.Children.Select(c => c is GroupDesc cg ? MapGroup(cg, ChildPath(path, c.Id), change) : c));
        return change(mapped, path);
    }
}

/// <summary>One subject's generated data.</summary>
internal sealed record SubjectDesc(
    string Id,
    ImmutableSortedDictionary<string, decimal> Values,
    ImmutableSortedDictionary<string, ImmutableArray<(string Role, ImmutableArray<decimal> Ratings)>> Ratings,
    decimal? BasePay)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"subject {Id} basePay={SchemeDesc.Opt(BasePay)}\n");
        foreach (var (measure, value) in Values)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {measure} = {SchemeDesc.D(value)}\n");
        }

        foreach (var (measure, roles) in Ratings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {measure} = ")
                .AppendJoin("; ", roles.Select(r => r.Role + ": " + string.Join(" ", r.Ratings.Select(SchemeDesc.D))))
                .Append('\n');
        }

        return sb.ToString();
    }
}
