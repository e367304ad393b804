using System;
using System.Collections.Generic;

namespace PerfKit.Serialization;

/// <summary>
/// The JSON paths of the values a file reader could not read ("poisoned"), indexed so that telling whether a model
/// problem may follow from any of them (<see cref="Affects"/>) costs time in the length of the problem's path, not in
/// the number of unreadable values: a file with many unreadable values and many model problems stays linear.
/// </summary>
/// <remarks>
/// <see cref="Affects"/> gives, for the well-formed paths <see cref="JsonPath"/> writes, the same answer as
/// <see cref="Related"/> over every poisoned path: the problem lies at or within an unreadable value, or an
/// unreadable value lies at most two steps within the problem's element. Not thread-safe.
/// </remarks>
internal sealed class PoisonedPaths
{
    private readonly HashSet<string> paths = new(StringComparer.Ordinal);

    /// <summary>Each poisoned path and the paths one and two steps above it: the problem paths a poisoned value affects from within.</summary>
    private readonly HashSet<string> containers = new(StringComparer.Ordinal);

    public int Count => paths.Count;

    public void Add(string path)
    {
        if (!paths.Add(path))
        {
            return;
        }

        containers.Add(path);
        var steps = Steps(path);
        for (var k = Math.Max(0, steps.Count - 2); k < steps.Count; k++)
        {
            containers.Add(path[..steps[k]]);
        }
    }

    /// <summary>True when a model problem at <paramref name="problem"/> may follow from a poisoned value.</summary>
    public bool Affects(string problem)
    {
        if (containers.Contains(problem) || paths.Contains(problem))
        {
            return true;
        }

        var lookup = paths.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var step in Steps(problem))
        {
            if (lookup.Contains(problem.AsSpan(0, step)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The definition <see cref="Affects"/> indexes: true when a model problem at <paramref name="problem"/> may follow
    /// from the unreadable value at <paramref name="poisoned"/>: the problem lies at or within that value, or the value
    /// lies at most two steps within the problem's element (a group's <c>children[i].weight</c> for its weight sum, a
    /// gate's <c>on</c> for the gate).
    /// </summary>
    public static bool Related(string poisoned, string problem)
    {
        if (Within(problem, poisoned, out _))
        {
            return true;
        }

        return Within(poisoned, problem, out var steps) && steps <= 2;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="container"/> or lies within it, <paramref name="steps"/> below it.</summary>
    private static bool Within(string path, string container, out int steps)
    {
        steps = 0;
        if (!path.StartsWith(container, StringComparison.Ordinal) || (path.Length > container.Length && path[container.Length] is not ('.' or '[')))
        {
            return false;
        }

        steps = Steps(path, container.Length).Count;
        return true;
    }

    /// <summary>The positions of the '.' and '[' that start the steps of <paramref name="path"/> from <paramref name="start"/> (quoted names are one step).</summary>
    private static List<int> Steps(string path, int start = 0)
    {
        var result = new List<int>();
        var quoted = false;
        for (var i = start; i < path.Length; i++)
        {
            var c = path[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    quoted = false;
                }
            }
            else if (c == '.' || (c == '[' && (i + 1 >= path.Length || path[i + 1] != '\'')))
            {
                result.Add(i);
            }
            else if (c == '[')
            {
                result.Add(i);
                quoted = true;
                i++;
            }
        }

        return result;
    }
}
