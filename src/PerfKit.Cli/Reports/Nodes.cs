using System.Collections.Generic;
using PerfKit.Evaluation;

namespace PerfKit.Cli.Reports;

/// <summary>Walks an assessment's node tree.</summary>
internal static class Nodes
{
    /// <summary>Finds the result of a node by path, or null.</summary>
    public static NodeResult? Find(NodeResult root, string path)
    {
        if (root.Path == path)
        {
            return root;
        }

        foreach (var child in root.Children)
        {
            if (path.StartsWith(child.Path, System.StringComparison.Ordinal) && Find(child, path) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Every node in depth-first order.</summary>
    public static IEnumerable<NodeResult> All(NodeResult root)
    {
        yield return root;
        foreach (var child in root.Children)
        {
            foreach (var node in All(child))
            {
                yield return node;
            }
        }
    }
}
