using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;
using PerfKit.Scoring;

namespace PerfKit.Evaluation;

/// <summary>
/// Everything an <see cref="Assessment"/> explains, recorded by the evaluation as flat arrays indexed like the plan
/// (nodes in pre-order, gates and adjustment rules in scheme order), from which the result objects
/// (<see cref="NodeResult"/>, <see cref="GateResult"/>, <see cref="AdjustmentResult"/>) are built the first time they
/// are read. The numbers are the evaluation's own, copied once; nothing is evaluated again, except that a built-in
/// number scorer (which never reports a problem and gives the same score either way) is asked again for its
/// intermediates and notes when its node is built.
/// </summary>
/// <remarks>Its figures are immutable; the result objects are built once on first read and published atomically. Thread-safe.</remarks>
internal sealed class AssessmentDetail
{
    /// <summary>Node flag: the scorer (or the minimum policy) produced a score, in the scorer-score block.</summary>
    public const byte HasScorerScore = 1;

    /// <summary>Node flag: the value scored is a number, in the number block.</summary>
    public const byte HasNumber = 2;

    /// <summary>Node flag: the value was missing.</summary>
    public const byte Missing = 4;

    /// <summary>Node flag: the node was excluded.</summary>
    public const byte Excluded = 8;

    /// <summary>Node flag: a zeroScore gate applied to the node.</summary>
    public const byte Zeroed = 16;

    /// <summary>Node flag: the node lies inside a group a zeroScore gate lowered to 0 (its contribution is 0).</summary>
    public const byte InsideLowered = 32;

    /// <summary>Node flag: a built-in number scorer scored the value; its intermediates and notes are asked for on reading.</summary>
    public const byte ExplainOnRead = 64;

    /// <summary>Gate flag: the gate passed.</summary>
    public const byte Passed = 1;

    /// <summary>Gate flag: the value or score it reads was missing (no actual).</summary>
    public const byte GateMissing = 2;

    /// <summary>Adjustment flag: the units were missing and read as zero.</summary>
    public const byte UnitsMissing = 1;

    private readonly EvaluationPlan plan;
    private readonly SubjectInput input;
    private readonly bool kernel;
    private readonly decimal[] data;
    private readonly byte[] flags;
    private readonly decimal[] effective;
    private readonly MeasureValue?[]? values;
    private readonly MeasureValue?[]? originals;
    private readonly ImmutableArray<KeyValuePair<string, decimal>>[]? intermediates;
    private readonly List<string>?[]? notes;

    // Built on first read and published once (Interlocked), so every reader sees the same objects.
    private NodeResult? root;
    private GateResult[]? gates;
    private AdjustmentResult[]? adjustments;
    private string? fingerprint;

    /// <summary>
    /// Initializes the record. <paramref name="data"/> holds, one block after another, the node scores, the scorer
    /// scores and the numbers scored (each <see cref="EvaluationPlan.Count"/> long), each gate's actual, and each
    /// rule's units, raw and applied points; <paramref name="flags"/> holds one byte per node, then per gate, then per
    /// rule. A record of the straight-line kernel (<paramref name="kernel"/>) keeps only the node scores and no node
    /// flags: there every indicator's value is the input's number, its scorer score is its score, and nothing is
    /// missing, excluded, zeroed or overridden. <paramref name="values"/> (every node's value) is given only when a
    /// value may be a rating set; <paramref name="intermediates"/> and <paramref name="notes"/> only when some node
    /// recorded its own.
    /// </summary>
    public AssessmentDetail(EvaluationPlan plan, SubjectInput input, bool kernel, decimal[] data, byte[] flags, decimal[] effective, MeasureValue?[]? values, MeasureValue?[]? originals, ImmutableArray<KeyValuePair<string, decimal>>[]? intermediates, List<string>?[]? notes)
    {
        this.plan = plan;
        this.input = input;
        this.kernel = kernel;
        this.data = data;
        this.flags = flags;
        this.effective = effective;
        this.values = values;
        this.originals = originals;
        this.intermediates = intermediates;
        this.notes = notes;
    }

    /// <summary>Gets the offset of the gate actuals in the data.</summary>
    public static int GateOffset(EvaluationPlan plan, bool kernel) => (kernel ? 1 : 3) * plan.Count;

    /// <summary>Gets the offset of the adjustment figures in the data.</summary>
    public static int AdjustmentOffset(EvaluationPlan plan, bool kernel) => GateOffset(plan, kernel) + plan.Scheme.Gates.Length;

    /// <summary>Gets the length of the data.</summary>
    public static int DataLength(EvaluationPlan plan, bool kernel) => AdjustmentOffset(plan, kernel) + (3 * plan.Scheme.Adjustments.Length);

    /// <summary>Gets the offset of the gate flags.</summary>
    public static int GateFlagOffset(EvaluationPlan plan, bool kernel) => kernel ? 0 : plan.Count;

    /// <summary>Gets the length of the flags.</summary>
    public static int FlagsLength(EvaluationPlan plan, bool kernel) => GateFlagOffset(plan, kernel) + plan.Scheme.Gates.Length + plan.Scheme.Adjustments.Length;

    /// <summary>Gets the result tree, built on first read.</summary>
    public NodeResult Root => root ?? Publish(ref root, Build(0));

    /// <summary>Gets every gate's result in scheme order, built on first read.</summary>
    public ImmutableArray<GateResult> Gates => ImmutableCollectionsMarshal.AsImmutableArray(gates ?? Publish(ref gates, BuildGates()));

    /// <summary>Gets every adjustment rule's result in scheme order, built on first read.</summary>
    public ImmutableArray<AdjustmentResult> Adjustments => ImmutableCollectionsMarshal.AsImmutableArray(adjustments ?? Publish(ref adjustments, BuildAdjustments()));

    /// <summary>Gets the evaluation's fingerprint (spec §9), computed on first read.</summary>
    public string Fingerprint(string schemeFingerprint)
        => fingerprint ?? Publish(ref fingerprint, Internal.Fingerprints.Combine(schemeFingerprint, input.Fingerprint));

    /// <summary>Keeps the first value published to <paramref name="field"/> and returns it.</summary>
    private static T Publish<T>(ref T? field, T value)
        where T : class
        => Interlocked.CompareExchange(ref field, value, null) ?? value;

    private GateResult[] BuildGates()
    {
        var gates = plan.Scheme.Gates;
        var at = GateOffset(plan, kernel);
        var flagAt = GateFlagOffset(plan, kernel);
        var results = new GateResult[gates.Length];
        for (var k = 0; k < results.Length; k++)
        {
            var f = flags[flagAt + k];
            var missing = (f & GateMissing) != 0;
            results[k] = new GateResult(gates[k], (f & Passed) != 0, missing, missing ? null : data[at + k]);
        }

        return results;
    }

    private AdjustmentResult[] BuildAdjustments()
    {
        var rules = plan.Scheme.Adjustments;
        var at = AdjustmentOffset(plan, kernel);
        var flagAt = GateFlagOffset(plan, kernel) + plan.Scheme.Gates.Length;
        var results = new AdjustmentResult[rules.Length];
        for (var k = 0; k < results.Length; k++)
        {
            var units = data[at + (3 * k)];
            var raw = data[at + (3 * k) + 1];
            var applied = data[at + (3 * k) + 2];
            results[k] = new AdjustmentResult(rules[k], units, raw, applied, raw - applied, (flags[flagAt + k] & UnitsMissing) != 0);
        }

        return results;
    }

    private NodeResult Build(int i)
    {
        var count = plan.Count;
        var first = plan.ChildStart[i];
        var childCount = plan.ChildStart[i + 1] - first;
        var childResults = ImmutableArray<NodeResult>.Empty;
        if (childCount > 0)
        {
            var array = new NodeResult[childCount];
            for (var j = 0; j < childCount; j++)
            {
                array[j] = Build(plan.ChildList[first + j]);
            }

            childResults = ImmutableCollectionsMarshal.AsImmutableArray(array);
        }

        var node = plan.Nodes[i];
        var indicator = plan.Indicator[i];
        byte f;
        MeasureValue? value;
        decimal? scorerScore;
        if (kernel)
        {
            f = indicator is null ? (byte)0 : (byte)(HasScorerScore | HasNumber | ExplainOnRead);
            value = indicator is null ? null : MeasureValue.Of(input.Values[indicator.Measure]);
            scorerScore = indicator is null ? null : data[i];
        }
        else
        {
            f = flags[i];
            value = values is not null ? values[i] : (f & HasNumber) != 0 ? MeasureValue.Of(data[(2 * count) + i]) : null;
            scorerScore = indicator is not null && (f & Excluded) == 0 && (f & HasScorerScore) != 0 ? data[count + i] : null;
        }

        var isExcluded = (f & Excluded) != 0;
        var original = originals?[i];
        var explained = intermediates is not null && !intermediates[i].IsDefault ? intermediates[i] : [];
        var noted = notes?[i] is { } list ? [.. list] : ImmutableArray<string>.Empty;
        if ((f & ExplainOnRead) != 0 && value is { } scored)
        {
            // A built-in number scorer: the same scorer (prorated by the same presence) on the same value gives the
            // score recorded, with its explanation.
            var outcome = Periods.Proration.ScorerFor(indicator!, input).Score(scored);
            explained = outcome.Intermediates.IsDefault ? [] : outcome.Intermediates;
            noted = outcome.Notes.IsDefaultOrEmpty ? noted : noted.AddRange(outcome.Notes);
        }

        var score = data[i];
        var zeroed = (f & Zeroed) != 0;
        var weight = effective[i];
        if (isExcluded)
        {
            return new NodeResult(node, value, original, (f & Missing) != 0, scorerScore, null, true, zeroed, weight, 0m, explained, noted, childResults);
        }

        if ((f & InsideLowered) != 0)
        {
            return new NodeResult(node, value, original, (f & Missing) != 0, scorerScore, score, false, zeroed, weight, 0m, explained, noted, childResults);
        }

        // Where no contribution can overflow, the node computes its own when read (the same expression); otherwise the
        // evaluation computed it without overflow, so computing it here gives the same number.
        var points = plan.Scheme.Points;
        return plan.ContributionsCannotOverflow
            ? new NodeResult(node, value, original, (f & Missing) != 0, scorerScore, score, zeroed, weight, points, explained, noted, childResults)
            : new NodeResult(node, value, original, (f & Missing) != 0, scorerScore, score, false, zeroed, weight, weight * score * points, explained, noted, childResults);
    }
}
