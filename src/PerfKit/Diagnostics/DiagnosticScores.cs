using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Evaluation;

namespace PerfKit.Diagnostics;

/// <summary>The score diagnostics read from an indicator's result, and the texts they share.</summary>
internal static class DiagnosticScores
{
    /// <summary>
    /// The indicator's score after overrides and before gates: <see cref="NodeResult.Score"/> unless a zeroScore gate
    /// lowered it, in which case the score override's replacement or else <see cref="NodeResult.ScorerScore"/>.
    /// Null when the indicator was excluded or its value was missing.
    /// </summary>
    public static decimal? BeforeGates(NodeResult result, Assessment assessment)
    {
        if (result.IsExcluded || result.IsMissing || result.Score is not { } score)
        {
            return null;
        }

        if (!result.ZeroedByGate)
        {
            return score;
        }

        decimal? replaced = null;
        foreach (var record in assessment.Overrides)
        {
            if (record.Override.Kind == OverrideKind.Score && string.Equals(record.Override.Path, result.Path, StringComparison.Ordinal))
            {
                replaced = record.Override.Replacement;
            }
        }

        return replaced ?? result.ScorerScore;
    }

    /// <summary>Finds a node's result by path, or null.</summary>
    public static NodeResult? Find(NodeResult root, string path)
    {
        if (path.Length == 0)
        {
            return root;
        }

        var current = root;
        foreach (var id in path.Split('/'))
        {
            NodeResult? next = null;
            foreach (var child in current.Children)
            {
                if (string.Equals(child.Node.Id, id, StringComparison.Ordinal))
                {
                    next = child;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The invariant percentage text of a share, to one decimal place (for sentences only).</summary>
    public static string Percent(decimal share) => Internal.DecimalText.Canonical(Math.Round(share * 100m, 1, MidpointRounding.AwayFromZero)) + "%";

    /// <summary>Joins canonical decimals with ", ".</summary>
    public static string List(IEnumerable<decimal> values)
    {
        var parts = ImmutableArray.CreateBuilder<string>();
        foreach (var v in values)
        {
            parts.Add(Internal.DecimalText.Canonical(v));
        }

        return string.Join(", ", parts);
    }
}
