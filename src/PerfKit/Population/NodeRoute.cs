using System;
using System.Collections.Generic;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Population;

/// <summary>A node's position in a scheme as child indexes from the root, to reach its result in an assessment without a search.</summary>
internal sealed class NodeRoute
{
    private readonly int[] steps;

    private NodeRoute(string path, int[] steps)
    {
        Path = path;
        this.steps = steps;
    }

    public string Path { get; }

    /// <summary>Resolves a path in a scheme; null when the scheme has no such node.</summary>
    public static NodeRoute? TryCreate(Scheme scheme, string path)
    {
        if (!scheme.TryFindNode(path, out var target))
        {
            return null;
        }

        var route = new List<int>();
        SchemeNode node = scheme.Root;
        var parts = target.Path.Length == 0 ? [] : target.Path.Split('/');
        foreach (var id in parts)
        {
            var group = (GroupNode)node;
            var index = -1;
            for (var i = 0; i < group.Children.Length; i++)
            {
                if (string.Equals(group.Children[i].Id, id, StringComparison.Ordinal))
                {
                    index = i;
                    break;
                }
            }

            route.Add(index);
            node = group.Children[index];
        }

        return new NodeRoute(target.Path, [.. route]);
    }

    public NodeResult Find(Assessment assessment)
    {
        var node = assessment.Root;
        foreach (var step in steps)
        {
            node = node.Children[step];
        }

        return node;
    }
}
