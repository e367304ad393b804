using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Scoring.BuiltIn;

namespace PerfKit.Evaluation;

/// <summary>
/// A scheme flattened once for evaluation: nodes in pre-order indexed 0..n−1 (the root is 0), children as ranges of
/// one index array, measures resolved to slots, gates sorted by the step that decides them and resolved to node and
/// grade indexes, adjustment rules resolved to slots and scope nodes. Everything a subject's evaluation looks up is an
/// array read; nothing here changes after construction, so one plan serves any number of threads.
/// </summary>
internal sealed class EvaluationPlan
{
    public EvaluationPlan(Scheme scheme)
    {
        Scheme = scheme;
        var list = new List<SchemeNode>();
        Flatten(scheme.Root, list);
        Nodes = [.. list];
        Count = Nodes.Length;
        IndexByPath = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            IndexByPath[Nodes[i].Path] = i;
        }

        Measures = scheme.Measures;
        SlotByMeasure = new Dictionary<string, int>(Measures.Length, StringComparer.Ordinal);
        for (var s = 0; s < Measures.Length; s++)
        {
            SlotByMeasure[Measures[s]] = s;
        }

        SortedMeasures = [.. Measures];
        SortedSlots = new int[Measures.Length];
        for (var s = 0; s < SortedSlots.Length; s++)
        {
            SortedSlots[s] = s;
        }

        Array.Sort(SortedMeasures, SortedSlots, StringComparer.Ordinal);

        Weights = new decimal[Count];
        Parents = new int[Count];
        ChildStart = new int[Count + 1];
        Indicator = new IndicatorNode?[Count];
        Slot = new int[Count];
        NumberScorers = new INumberScorer?[Count];
        ReadsRatings = new bool[Count];
        var childList = new List<int>();
        var indicators = new List<int>();
        var groupsBottomUp = new List<int>();
        Parents[0] = -1;
        for (var i = 0; i < Count; i++)
        {
            var node = Nodes[i];
            Weights[i] = node.Weight;
            ChildStart[i] = childList.Count;
            Slot[i] = -1;
            if (node is GroupNode group)
            {
                foreach (var child in group.Children)
                {
                    var c = IndexByPath[child.Path];
                    childList.Add(c);
                    Parents[c] = i;
                }
            }
            else
            {
                var indicator = (IndicatorNode)node;
                indicators.Add(i);
                Indicator[i] = indicator;
                Slot[i] = SlotByMeasure[indicator.Measure];
                ReadsRatings[i] = indicator.Scorer.InputKind != MeasureKind.Number;
                HasRatingIndicators |= ReadsRatings[i];
                NumberScorers[i] = indicator.Scorer as INumberScorer;
            }
        }

        ChildStart[Count] = childList.Count;
        ChildList = [.. childList];
        Indicators = [.. indicators];
        for (var i = Count - 1; i >= 0; i--)
        {
            if (Indicator[i] is null)
            {
                groupsBottomUp.Add(i);
            }
        }

        GroupsBottomUp = [.. groupsBottomUp];

        // Gates: indicator gates decide in step 3, group gates when their group is scored, base and total gates in step 8.
        var gates = scheme.Gates;
        GateNode = new int[gates.Length];
        GateZeroTarget = new int[gates.Length];
        GateCapGrade = new GradeBand?[gates.Length];
        var early = new List<int>();
        var late = new List<int>();
        var byGroup = new List<int>?[Count];
        for (var k = 0; k < gates.Length; k++)
        {
            var gate = gates[k];
            GateNode[k] = gate.NodePath is { } path ? IndexByPath[path] : -1;
            GateZeroTarget[k] = gate.Consequence == GateConsequence.ZeroScore ? IndexByPath[gate.ConsequenceTarget!] : -1;
            GateCapGrade[k] = gate.Consequence == GateConsequence.CapGrade ? scheme.FindGrade(gate.ConsequenceTarget!) : null;
            if (gate.Subject is GateSubject.Base or GateSubject.Total)
            {
                late.Add(k);
            }
            else if (Indicator[GateNode[k]] is not null)
            {
                early.Add(k);
            }
            else
            {
                (byGroup[GateNode[k]] ??= []).Add(k);
            }
        }

        EarlyGates = [.. early];
        LateGates = [.. late];
        GroupGateStart = new int[Count + 1];
        var groupGates = new List<int>();
        for (var g = 0; g < Count; g++)
        {
            GroupGateStart[g] = groupGates.Count;
            if (byGroup[g] is { } own)
            {
                groupGates.AddRange(own);
            }
        }

        GroupGateStart[Count] = groupGates.Count;
        GroupGateList = [.. groupGates];

        // Adjustments.
        var rules = scheme.Adjustments;
        AdjustmentSlot = new int[rules.Length];
        AdjustmentScope = new int[rules.Length];
        AdjustmentPath = new string[rules.Length];
        var scopes = new List<int>();
        for (var k = 0; k < rules.Length; k++)
        {
            AdjustmentSlot[k] = SlotByMeasure[rules[k].Measure];
            AdjustmentPath[k] = "adjustments." + rules[k].Id;
            AdjustmentScope[k] = rules[k].ScopePath is { } scope ? IndexByPath[scope] : -1;
            if (AdjustmentScope[k] >= 0 && !scopes.Contains(AdjustmentScope[k]))
            {
                scopes.Add(AdjustmentScope[k]);
            }
        }

        ScopeNodes = [.. scopes];
        FullEffectiveWeights = EffectiveWeightsWithNothingExcluded();
        ContributionsCannotOverflow = ScoresTimesPointsFit();
        var anyZeroScore = false;
        foreach (var gate in gates)
        {
            anyZeroScore |= gate.Consequence == GateConsequence.ZeroScore;
        }

        var allNumbers = true;
        foreach (var i in Indicators)
        {
            allNumbers &= NumberScorers[i] is not null;
        }

        MinPoints = scheme.MinPoints;
        MaxPoints = scheme.MaxPoints;
        FullWeightSums = WeightSumsWithNothingExcluded();
        FastTotals = allNumbers && !anyZeroScore && ScopeNodes.Length == 0 && ContributionsCannotOverflow && FullWeightSums is not null;
    }

    /// <summary>
    /// Gets each group's Σ wᵢ over all its children, summed in declared order from 0 as the evaluation sums them (so
    /// it is the same decimal the evaluation computes when nothing is excluded), or null when a sum overflows, some
    /// weighted term wᵢ·sᵢ might, or an indicator is prorated (the straight-line kernel then does not apply).
    /// Indicators hold 0.
    /// </summary>
    public decimal[]? FullWeightSums { get; }

    private decimal[]? WeightSumsWithNothingExcluded()
    {
        if (LargestScore() is not { } largest)
        {
            return null;
        }

        var sums = new decimal[Count];
        try
        {
            // Weights are positive, so with Σ wᵢ × the largest score in range no weighted term and no Σ wᵢ·sᵢ of a
            // group can overflow.
            for (var g = 0; g < Count; g++)
            {
                var sum = 0m;
                for (var j = ChildStart[g]; j < ChildStart[g + 1]; j++)
                {
                    sum += Weights[ChildList[j]];
                }

                _ = sum * largest;
                sums[g] = sum;
            }
        }
        catch (OverflowException)
        {
            return null;
        }

        return sums;
    }

    /// <summary>
    /// Gets a value indicating whether the totals path may take the straight-line kernel when a subject's values are all
    /// present: every indicator has a built-in number scorer, no gate zeroes a score, no penalty is scoped, and no
    /// contribution can overflow (so skipping them cannot hide an overflow the full path would report).
    /// </summary>
    public bool FastTotals { get; }

    /// <summary>Gets the scheme's minPoints (read once: the scheme computes it on every read).</summary>
    public decimal MinPoints { get; }

    /// <summary>Gets the scheme's maxPoints (read once).</summary>
    public decimal MaxPoints { get; }

    public Scheme Scheme { get; }

    /// <summary>Gets the number of nodes.</summary>
    public int Count { get; }

    /// <summary>Gets the nodes in pre-order; index 0 is the root.</summary>
    public SchemeNode[] Nodes { get; }

    /// <summary>Gets the node index of each path.</summary>
    public Dictionary<string, int> IndexByPath { get; }

    /// <summary>Gets the measure keys by slot (the scheme's <see cref="Scheme.Measures"/> order).</summary>
    public ImmutableArray<string> Measures { get; }

    /// <summary>Gets the slot of each measure key.</summary>
    public Dictionary<string, int> SlotByMeasure { get; }

    /// <summary>Gets the measures in ordinal order (for a merge with an input's keys, which are in the same order).</summary>
    public string[] SortedMeasures { get; }

    /// <summary>Gets the slot of each of <see cref="SortedMeasures"/>.</summary>
    public int[] SortedSlots { get; }

    /// <summary>
    /// Writes an input's numbers into <paramref name="numbers"/> by slot, by one merge of the input's keys with
    /// <see cref="SortedMeasures"/> (both in ordinal order); calls <paramref name="unknown"/> for each key the scheme
    /// does not read, in key order, and stops when it returns false.
    /// </summary>
    /// <returns>False when <paramref name="unknown"/> stopped the read.</returns>
    public bool ReadNumbers<TState>(SubjectInput input, decimal?[] numbers, TState state, Func<TState, string, bool> unknown)
    {
        var keys = input.ValueKeys;
        var values = input.ValueNumbers;
        var measures = SortedMeasures;
        var m = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            var key = keys[k];
            var order = -1;
            while (m < measures.Length && (order = string.CompareOrdinal(key, measures[m])) > 0)
            {
                m++;
            }

            if (order == 0)
            {
                numbers[SortedSlots[m++]] = values[k];
            }
            else if (!unknown(state, key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets each node's weight as written.</summary>
    public decimal[] Weights { get; }

    /// <summary>Gets each node's parent index (−1 for the root).</summary>
    public int[] Parents { get; }

    /// <summary>Gets where each node's children start in <see cref="ChildList"/>; node i's children are [ChildStart[i], ChildStart[i + 1]).</summary>
    public int[] ChildStart { get; }

    /// <summary>Gets the children of all groups, each group's in declared order.</summary>
    public int[] ChildList { get; }

    /// <summary>Gets the indicator at each index, or null for a group.</summary>
    public IndicatorNode?[] Indicator { get; }

    /// <summary>Gets the measure slot each indicator reads (−1 for groups).</summary>
    public int[] Slot { get; }

    /// <summary>Gets the allocation-free form of each built-in number scorer, or null (groups, ratings, host scorers).</summary>
    public INumberScorer?[] NumberScorers { get; }

    /// <summary>Gets whether each node is an indicator whose scorer reads ratings.</summary>
    public bool[] ReadsRatings { get; }

    /// <summary>Gets a value indicating whether any indicator reads ratings.</summary>
    public bool HasRatingIndicators { get; }

    /// <summary>Gets the indicator indexes in pre-order.</summary>
    public int[] Indicators { get; }

    /// <summary>Gets the group indexes in reverse pre-order (every group after all its descendants).</summary>
    public int[] GroupsBottomUp { get; }

    /// <summary>Gets the node each gate reads (−1 for base and total gates).</summary>
    public int[] GateNode { get; }

    /// <summary>Gets the node a zeroScore gate zeroes (−1 otherwise).</summary>
    public int[] GateZeroTarget { get; }

    /// <summary>Gets the grade a capGrade gate caps at (null otherwise).</summary>
    public GradeBand?[] GateCapGrade { get; }

    /// <summary>Gets the gates on indicators, in scheme order.</summary>
    public int[] EarlyGates { get; }

    /// <summary>Gets the gates on base and total, in scheme order.</summary>
    public int[] LateGates { get; }

    /// <summary>Gets where each group's gates start in <see cref="GroupGateList"/>.</summary>
    public int[] GroupGateStart { get; }

    /// <summary>Gets the gates on groups, each group's in scheme order.</summary>
    public int[] GroupGateList { get; }

    /// <summary>Gets the measure slot of each adjustment rule.</summary>
    public int[] AdjustmentSlot { get; }

    /// <summary>Gets the scope node of each adjustment rule (−1 when unscoped).</summary>
    public int[] AdjustmentScope { get; }

    /// <summary>Gets each adjustment rule's problem path, <c>adjustments.&lt;id&gt;</c>.</summary>
    public string[] AdjustmentPath { get; }

    /// <summary>Gets the distinct scope nodes of scoped penalties.</summary>
    public int[] ScopeNodes { get; }

    /// <summary>
    /// Gets the effective weights when no node is excluded, computed with exactly the evaluation's arithmetic
    /// (effective[parent] × w ÷ Σw, the sum in declared order), or null when that arithmetic overflows.
    /// </summary>
    public decimal[]? FullEffectiveWeights { get; }

    /// <summary>
    /// Gets a value indicating whether no node's contribution (effective weight × score × P) can overflow: every score
    /// lies within its scorer's declared range (group scores within their children's), effective weights are at most 1,
    /// so |score| × P over the declared extremes bounds them all. When false the totals path computes the contributions
    /// as the full path does, so an overflow fails both paths alike.
    /// </summary>
    public bool ContributionsCannotOverflow { get; }

    private static void Flatten(SchemeNode node, List<SchemeNode> into)
    {
        into.Add(node);
        if (node is GroupNode group)
        {
            foreach (var child in group.Children)
            {
                Flatten(child, into);
            }
        }
    }

    private decimal[]? EffectiveWeightsWithNothingExcluded()
    {
        var effective = new decimal[Count];
        effective[0] = 1m;
        try
        {
            for (var g = 0; g < Count; g++)
            {
                if (Indicator[g] is not null)
                {
                    continue;
                }

                var weightSum = 0m;
                for (var j = ChildStart[g]; j < ChildStart[g + 1]; j++)
                {
                    weightSum += Weights[ChildList[j]];
                }

                for (var j = ChildStart[g]; j < ChildStart[g + 1]; j++)
                {
                    var c = ChildList[j];
                    effective[c] = effective[g] * Weights[c] / weightSum;
                }
            }
        }
        catch (OverflowException)
        {
            return null;
        }

        return effective;
    }

    private bool ScoresTimesPointsFit()
    {
        if (LargestScore() is not { } largest)
        {
            return false;
        }

        try
        {
            _ = largest * Math.Abs(Scheme.Points);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// The largest magnitude any node's score can have (at least 1): the largest bound of any scorer, since a group's
    /// score lies within its children's; null when an indicator is prorated (its scorer is created per subject, so its
    /// range is not known here).
    /// </summary>
    private decimal? LargestScore()
    {
        var largest = 1m;
        foreach (var indicator in Scheme.Indicators)
        {
            if (indicator.Prorated)
            {
                return null;
            }

            largest = decimal.Max(largest, decimal.Max(Math.Abs(indicator.Scorer.MinimumScore), Math.Abs(indicator.Scorer.MaximumScore)));
        }

        return largest;
    }
}
