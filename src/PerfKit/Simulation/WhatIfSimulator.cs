using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;

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
    /// <param name="groupBy">An attribute key (e.g. <c>department</c>) for the per-group impact, or <see langword="null"/>.</param>
    /// <returns>The report. Subjects whose evaluation fails in a variant are listed in that variant's failures and in <see cref="VariantComparison.NotCompared"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="variants"/> or <paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variants; a null variant or input; two variants share a name; the variants' grade names differ
    /// (the message lists both); two inputs share a subject id; <paramref name="groupBy"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">A host scorer broke its contract during evaluation.</exception>
    public static SimulationReport Run(IEnumerable<SchemeVariant> variants, IEnumerable<SubjectInput> population, string? groupBy = null)
    {
        var list = Guard.NoNullItems(variants).ToList();
        var inputs = Guard.NoNullItems(population).ToList();
        if (groupBy is not null)
        {
            Guard.NotBlank(groupBy);
        }

        Check(list, inputs);
        var outcomes = list.Select(v => Evaluate(v, inputs, groupBy)).ToImmutableArray();
        var comparisons = outcomes.Skip(1).Select(o => Compare(outcomes[0], o, inputs, groupBy)).ToImmutableArray();
        return new SimulationReport(outcomes, comparisons, inputs.Count, groupBy);
    }

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

    private static VariantOutcome Evaluate(SchemeVariant variant, List<SubjectInput> inputs, string? groupBy)
    {
        var evaluator = SchemeEvaluator.Create(variant.Scheme, variant.Options);
        var assessments = ImmutableArray.CreateBuilder<Assessment>();
        var failures = ImmutableArray.CreateBuilder<EvaluationResult>();
        foreach (var result in evaluator.EvaluateMany(inputs))
        {
            if (result.Succeeded)
            {
                assessments.Add(result.Assessment);
            }
            else
            {
                failures.Add(result);
            }
        }

        var assessed = assessments.ToImmutable();
        var groups = groupBy is null
            ? []
            : SimulationFigures.GroupBy(assessed, groupBy).Select(g => new GroupFigures(g.Key, SimulationFigures.Of(variant.Scheme, g.Members))).ToImmutableArray();
        return new VariantOutcome(variant, assessed, failures.ToImmutable(), SimulationFigures.Of(variant.Scheme, assessed), groups);
    }

    private static VariantComparison Compare(VariantOutcome baseline, VariantOutcome variant, List<SubjectInput> inputs, string? groupBy)
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
        var variantGates = variant.Figures.Gates.ToDictionary(g => g.GateId, StringComparer.Ordinal);
        foreach (var g in baseline.Figures.Gates)
        {
            gates.Add(new GatePassRateChange(g.GateId, g, variantGates.GetValueOrDefault(g.GateId)));
        }

        var baselineGateIds = baseline.Figures.Gates.Select(g => g.GateId).ToHashSet(StringComparer.Ordinal);
        foreach (var g in variant.Figures.Gates.Where(g => !baselineGateIds.Contains(g.GateId)))
        {
            gates.Add(new GatePassRateChange(g.GateId, null, g));
        }

        var changeList = changes.ToImmutable();
        var groups = groupBy is null ? [] : Impacts(baseline, variant, changeList, groupBy);
        return new VariantComparison(baseline, variant, Shifts(baseline.Figures, variant.Figures), changeList, gates.ToImmutable(), groups, notCompared.ToImmutable());
    }

    private static ImmutableArray<GroupImpact> Impacts(VariantOutcome baseline, VariantOutcome variant, ImmutableArray<SubjectGradeChange> changes, string groupBy)
    {
        // Keys of either side in ordinal order (a group can be empty on one side when its subjects failed there),
        // then the subjects without the attribute.
        var keys = baseline.Groups.Concat(variant.Groups).Where(g => g.Key is not null).Select(g => g.Key!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var result = ImmutableArray.CreateBuilder<GroupImpact>();
        foreach (var key in keys)
        {
            result.Add(Impact(key, Find(baseline, key), Find(variant, key)));
        }

        if (baseline.Groups.Any(g => g.Key is null) || variant.Groups.Any(g => g.Key is null))
        {
            result.Add(Impact(null, Find(baseline, null), Find(variant, null)));
        }

        return result.ToImmutable();

        GroupImpact Impact(string? key, PopulationFigures b, PopulationFigures a)
        {
            var moved = changes.Count(c => string.Equals(c.Baseline.Input.Attributes.GetValueOrDefault(groupBy), key, StringComparison.Ordinal));
            return new GroupImpact(key, b, a, Shifts(b, a), moved);
        }

        static PopulationFigures Find(VariantOutcome outcome, string? key)
            => outcome.Groups.FirstOrDefault(g => string.Equals(g.Key, key, StringComparison.Ordinal))?.Figures
               ?? SimulationFigures.Of(outcome.Variant.Scheme, []);
    }

    private static ImmutableArray<GradeShift> Shifts(PopulationFigures baseline, PopulationFigures variant)
        => baseline.Grades.Zip(variant.Grades, (b, v) => new GradeShift(b.Grade, b.Count, v.Count)).ToImmutableArray();
}
