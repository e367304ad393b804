using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Evaluation;

namespace PerfKit.Diagnostics;

/// <summary>The score diagnostics read from an indicator's result, and the population checks they share.</summary>
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

    /// <summary>Indexes a population by subject id, reporting repeated subjects (<c>diagnostics.duplicateSubject</c>) and mixed schemes (<c>diagnostics.mixedSchemes</c>).</summary>
    public static SortedDictionary<string, Assessment> Index(IEnumerable<Assessment> assessments, string what, List<Problem> problems)
    {
        var bySubject = new SortedDictionary<string, Assessment>(StringComparer.Ordinal);
        Assessment? first = null;
        foreach (var assessment in assessments)
        {
            if (assessment is null)
            {
                throw new ArgumentException("The sequence must not contain null items.", nameof(assessments));
            }

            if (!bySubject.TryAdd(assessment.SubjectId, assessment))
            {
                problems.Add(new Problem(ProblemCodes.DiagnosticsDuplicateSubject, what, assessment.SubjectId, $"Subject '{assessment.SubjectId}' appears more than once in the {what}; give one assessment per subject.", assessment.SubjectId));
            }

            first ??= assessment;
            if (!string.Equals(first.SchemeFingerprint, assessment.SchemeFingerprint, StringComparison.Ordinal))
            {
                problems.Add(new Problem(ProblemCodes.DiagnosticsMixedSchemes, what, assessment.Scheme.ToString(), $"Subject '{assessment.SubjectId}' was assessed by {assessment.Scheme}, but '{first.SubjectId}' by {first.Scheme}; a population is diagnosed under one scheme.", assessment.SubjectId));
            }
        }

        return bySubject;
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
