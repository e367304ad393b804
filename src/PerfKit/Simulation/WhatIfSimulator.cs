using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Population;

namespace PerfKit.Simulation;

/// <summary>
/// What-if simulation (spec §7, issue §7): evaluates two or more scheme variants on the same population and reports
/// them side by side, so a policy change (e.g. lowering the weight of scale indicators from 70% to 50%) is seen before
/// it is adopted.
/// </summary>
/// <remarks>Thread-safe (stateless).</remarks>
public static class WhatIfSimulator
{
    /// <summary>Evaluates every variant on the population and compares each later variant with the first (the baseline).</summary>
    /// <param name="variants">Two or more variants with distinct names and the same grade names in the same order.</param>
    /// <param name="population">The subjects' inputs, each subject once; enumerated once.</param>
    /// <param name="groupBy">Attribute keys (e.g. <c>department</c>) for the per-group impact, grouped as
    /// <see cref="AssessmentPopulation.GroupBy(string[])"/> groups; none for no grouping.</param>
    /// <returns>The report. Subjects whose evaluation fails in a variant are listed in that variant's failures and in <see cref="VariantComparison.NotCompared"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="variants"/>, <paramref name="population"/> or <paramref name="groupBy"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variants; a null variant or input; two variants share a name; the variants' grade names differ
    /// (the message lists both); two inputs share a subject id; a key of <paramref name="groupBy"/> is null, blank or repeated.</exception>
    /// <exception cref="InvalidOperationException">A host scorer broke its contract during evaluation.</exception>
    public static SimulationReport Run(IEnumerable<SchemeVariant> variants, IEnumerable<SubjectInput> population, params string[] groupBy)
    {
        var list = Guard.NoNullItems(variants).ToList();
        var inputs = Guard.NoNullItems(population).ToList();
        var keys = AssessmentPopulation.CheckKeys(Guard.NotNull(groupBy), nameof(groupBy));
        Check(list, inputs);
        var outcomes = list.Select(v => Evaluate(v, inputs, keys)).ToImmutableArray();
        var comparisons = outcomes.Skip(1).Select(o => Compare(outcomes[0], o, inputs, keys)).ToImmutableArray();
        return new SimulationReport(outcomes, comparisons, inputs.Count, keys);
    }

    internal static decimal PayoutTotal(GroupStatistics? statistics) => statistics?.Payout.Total ?? 0m;

    private static void Check(List<SchemeVariant> variants, List<SubjectInput> inputs)
    {
        if (variants.Count < 2)
        {
            throw new ArgumentException("A simulation compares at least two variants.", nameof(variants));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in variants)
        {
            if (!names.Add(v.Name))
            {
                throw new ArgumentException($"Two variants are named '{v.Name}'; name each variant once.", nameof(variants));
            }
        }

        var baseline = variants[0].Scheme.Grades.Select(g => g.Name).ToList();
        foreach (var v in variants.Skip(1))
        {
            var grades = v.Scheme.Grades.Select(g => g.Name).ToList();
            if (!grades.SequenceEqual(baseline, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"Variants must have the same grade names in the same order to be compared: '{variants[0].Name}' has {string.Join(", ", baseline)}; '{v.Name}' has {string.Join(", ", grades)}.",
                    nameof(variants));
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!ids.Add(input.SubjectId))
            {
                throw new ArgumentException($"Subject '{input.SubjectId}' appears twice in the population; give each subject once.", "population");
            }
        }
    }

    private static VariantOutcome Evaluate(SchemeVariant variant, List<SubjectInput> inputs, ImmutableArray<string> keys)
    {
        var evaluator = SchemeEvaluator.Create(variant.Scheme, variant.Options);
        var results = evaluator.EvaluateMany(inputs).ToList();
        var assessed = results.Where(r => r.Succeeded).Select(r => r.Assessment!).ToImmutableArray();
        var failures = results.Where(r => !r.Succeeded).ToImmutableArray();

        // A population holds at least one assessment: when every subject failed there are no statistics, only failures.
        var population = assessed.IsEmpty ? null : AssessmentPopulation.Create(results);
        var groups = population is null || keys.IsEmpty ? [] : population.GroupBy(keys).ComputeStatistics();
        return new VariantOutcome(variant, assessed, failures, population, groups);
    }

    private static VariantComparison Compare(VariantOutcome baseline, VariantOutcome variant, List<SubjectInput> inputs, ImmutableArray<string> keys)
    {
        var before = baseline.Assessments.ToDictionary(a => a.SubjectId, StringComparer.Ordinal);
        var after = variant.Assessments.ToDictionary(a => a.SubjectId, StringComparer.Ordinal);
        var changes = ImmutableArray.CreateBuilder<SubjectGradeChange>();
        var notCompared = ImmutableArray.CreateBuilder<string>();
        foreach (var input in inputs)
        {
            if (before.TryGetValue(input.SubjectId, out var b) && after.TryGetValue(input.SubjectId, out var a))
            {
                if (!string.Equals(b.Grade.Name, a.Grade.Name, StringComparison.Ordinal))
                {
                    changes.Add(new SubjectGradeChange(b, a));
                }
            }
            else
            {
                notCompared.Add(input.SubjectId);
            }
        }

        var gates = ImmutableArray.CreateBuilder<GatePassRateChange>();
        var baselineGates = baseline.Variant.Scheme.Gates;
        var variantGates = variant.Variant.Scheme.Gates;
        foreach (var g in baselineGates)
        {
            gates.Add(new GatePassRateChange(g.Id, Rate(baseline.Statistics, g.Id), Rate(variant.Statistics, g.Id)));
        }

        foreach (var g in variantGates.Where(g => !baselineGates.Any(b => string.Equals(b.Id, g.Id, StringComparison.Ordinal))))
        {
            gates.Add(new GatePassRateChange(g.Id, null, Rate(variant.Statistics, g.Id)));
        }

        var changeList = changes.ToImmutable();
        var groups = keys.IsEmpty ? [] : Impacts(baseline, variant, changeList, keys);
        var grades = baseline.Variant.Scheme.Grades;
        return new VariantComparison(baseline, variant, Shifts(grades, baseline.Statistics, variant.Statistics), changeList, gates.ToImmutable(), groups, notCompared.ToImmutable());
    }

    private static GatePassRate? Rate(GroupStatistics? statistics, string gateId)
        => statistics?.Gates.FirstOrDefault(r => string.Equals(r.Gate.Id, gateId, StringComparison.Ordinal));

    private static ImmutableArray<GroupImpact> Impacts(VariantOutcome baseline, VariantOutcome variant, ImmutableArray<SubjectGradeChange> changes, ImmutableArray<string> keys)
    {
        // The groups of either side in GroupKey order: a group can be absent on one side when its subjects all failed there.
        var grades = baseline.Variant.Scheme.Grades;
        return baseline.Groups.Concat(variant.Groups).Select(g => g.Key).Distinct().Order().Select(key =>
        {
            var b = baseline.Groups.FirstOrDefault(g => g.Key.Equals(key));
            var v = variant.Groups.FirstOrDefault(g => g.Key.Equals(key));
            var moved = changes.Count(c => KeyOf(c.Baseline, keys).Equals(key));
            return new GroupImpact(key, b, v, Shifts(grades, b, v), moved);
        }).ToImmutableArray();
    }

    private static GroupKey KeyOf(Assessment assessment, ImmutableArray<string> keys)
        => new(keys, [.. keys.Select(k => assessment.Input.Attributes.TryGetValue(k, out var value) ? value : null)]);

    private static ImmutableArray<GradeShift> Shifts(ImmutableArray<GradeBand> grades, GroupStatistics? baseline, GroupStatistics? variant)
        => [.. grades.Select((g, i) => new GradeShift(g.Name, baseline?.Grades[i].Count ?? 0, variant?.Grades[i].Count ?? 0))];
}
