using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Scoring;

namespace PerfKit.Appeals;

/// <summary>How one node differs between two assessments of the same subject.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class NodeChange
{
    internal NodeChange(string path, NodeResult? before, NodeResult? after)
    {
        Path = path;
        ValueBefore = before?.Value;
        ValueAfter = after?.Value;
        ScoreBefore = before?.Score;
        ScoreAfter = after?.Score;
        ContributionBefore = before?.Contribution ?? 0m;
        ContributionAfter = after?.Contribution ?? 0m;
    }

    /// <summary>Gets the node's path.</summary>
    public string Path { get; }

    /// <summary>Gets the value scored before (null for groups, missing values, or a node only in the after assessment).</summary>
    public MeasureValue? ValueBefore { get; }

    /// <summary>Gets the value scored after.</summary>
    public MeasureValue? ValueAfter { get; }

    /// <summary>Gets the final score before (null when excluded or absent).</summary>
    public decimal? ScoreBefore { get; }

    /// <summary>Gets the final score after.</summary>
    public decimal? ScoreAfter { get; }

    /// <summary>Gets the contribution in points before (0 when absent).</summary>
    public decimal ContributionBefore { get; }

    /// <summary>Gets the contribution in points after (0 when absent).</summary>
    public decimal ContributionAfter { get; }

    /// <summary>Gets <see cref="ContributionAfter"/> − <see cref="ContributionBefore"/>.</summary>
    public decimal ContributionChange => ContributionAfter - ContributionBefore;
}

/// <summary>
/// A "before / after" comparison of two assessments of the same subject, e.g. the original result and the result
/// re-evaluated with an appeal's overrides: totals, grade, payout, and the nodes and gates that changed.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AssessmentComparison
{
    private AssessmentComparison(Assessment before, Assessment after, ImmutableArray<NodeChange> nodes, ImmutableArray<string> gates)
    {
        Before = before;
        After = after;
        ChangedNodes = nodes;
        ChangedGates = gates;
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId => Before.SubjectId;

    /// <summary>Gets the assessment before.</summary>
    public Assessment Before { get; }

    /// <summary>Gets the assessment after.</summary>
    public Assessment After { get; }

    /// <summary>Gets the change of the rounded total (after − before): the number that grades and pays.</summary>
    public decimal TotalChange => After.RoundedTotal - Before.RoundedTotal;

    /// <summary>Gets the change of the exact total (after − before).</summary>
    public decimal ExactTotalChange => After.ExactTotal - Before.ExactTotal;

    /// <summary>Gets a value indicating whether the grade's name differs.</summary>
    public bool GradeChanged => !string.Equals(Before.Grade.Name, After.Grade.Name, StringComparison.Ordinal);

    /// <summary>Gets the change of the payout (after − before), or <see langword="null"/> when either has none (no base pay).</summary>
    public decimal? PayoutChange => Before.Payout is { } b && After.Payout is { } a ? a - b : null;

    /// <summary>
    /// Gets the nodes whose value, score, exclusion or contribution differ, matched by path: the before tree in
    /// pre-order, then nodes only in the after tree in pre-order.
    /// </summary>
    public ImmutableArray<NodeChange> ChangedNodes { get; }

    /// <summary>Gets the ids of gates that passed on one side and failed on the other (or exist on one side only), in the before scheme's order, then the after scheme's.</summary>
    public ImmutableArray<string> ChangedGates { get; }

    /// <summary>Compares two assessments of the same subject.</summary>
    /// <param name="before">The assessment before (e.g. the original).</param>
    /// <param name="after">The assessment after (e.g. re-evaluated with overrides).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The assessments are of different subjects.</exception>
    public static AssessmentComparison Between(Assessment before, Assessment after)
    {
        Guard.NotNull(before);
        Guard.NotNull(after);
        if (!string.Equals(before.SubjectId, after.SubjectId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Compare assessments of one subject; got '{before.SubjectId}' and '{after.SubjectId}'.", nameof(after));
        }

        var afterNodes = new Dictionary<string, NodeResult>(StringComparer.Ordinal);
        foreach (var n in PreOrder(after.Root))
        {
            afterNodes[n.Path] = n;
        }

        var nodes = ImmutableArray.CreateBuilder<NodeChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in PreOrder(before.Root))
        {
            seen.Add(b.Path);
            afterNodes.TryGetValue(b.Path, out var a);
            if (a is null || Differs(b, a))
            {
                nodes.Add(new NodeChange(b.Path, b, a));
            }
        }

        foreach (var a in PreOrder(after.Root))
        {
            if (!seen.Contains(a.Path))
            {
                nodes.Add(new NodeChange(a.Path, null, a));
            }
        }

        var gates = ImmutableArray.CreateBuilder<string>();
        var afterGates = new Dictionary<string, GateResult>(StringComparer.Ordinal);
        foreach (var g in after.Gates)
        {
            afterGates[g.Gate.Id] = g;
        }

        var beforeGates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in before.Gates)
        {
            beforeGates.Add(g.Gate.Id);
            if (!afterGates.TryGetValue(g.Gate.Id, out var a) || a.Passed != g.Passed)
            {
                gates.Add(g.Gate.Id);
            }
        }

        foreach (var g in after.Gates)
        {
            if (!beforeGates.Contains(g.Gate.Id))
            {
                gates.Add(g.Gate.Id);
            }
        }

        return new AssessmentComparison(before, after, nodes.ToImmutable(), gates.ToImmutable());
    }

    private static bool Differs(NodeResult b, NodeResult a)
        => b.Value != a.Value || b.Score != a.Score || b.IsExcluded != a.IsExcluded || b.Contribution != a.Contribution;

    private static IEnumerable<NodeResult> PreOrder(NodeResult root)
    {
        var stack = new Stack<NodeResult>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.Children.Length - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }
}
