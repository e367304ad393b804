using System.Collections.Immutable;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Population;

namespace PerfKit.Simulation;

/// <summary>
/// One variant evaluated on the population: the assessments, the subjects that failed, and the population statistics
/// (<see cref="GroupStatistics"/>) of the assessed subjects, overall and per group.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class VariantOutcome
{
    internal VariantOutcome(SchemeVariant variant, ImmutableArray<Assessment> assessments, ImmutableArray<EvaluationResult> failures, AssessmentPopulation? population, ImmutableArray<GroupStatistics> groups)
    {
        Variant = variant;
        Assessments = assessments;
        Failures = failures;
        Population = population;
        Statistics = population?.All.ComputeStatistics();
        Groups = groups;
    }

    /// <summary>Gets the variant.</summary>
    public SchemeVariant Variant { get; }

    /// <summary>Gets the variant's name.</summary>
    public string Name => Variant.Name;

    /// <summary>Gets the assessments of the subjects evaluated successfully, in population order.</summary>
    public ImmutableArray<Assessment> Assessments { get; }

    /// <summary>Gets the failed evaluations, in population order, each with its problems (never dropped silently).</summary>
    public ImmutableArray<EvaluationResult> Failures { get; }

    /// <summary>
    /// Gets the assessed subjects as a population (failed evaluations in its <see cref="AssessmentPopulation.Unassessed"/>),
    /// to group, rank or distribute further; <see langword="null"/> when every subject failed, since a population holds at
    /// least one assessment.
    /// </summary>
    public AssessmentPopulation? Population { get; }

    /// <summary>Gets the statistics of every assessed subject (<see cref="AssessmentPopulation.All"/>), or <see langword="null"/> when every subject failed.</summary>
    public GroupStatistics? Statistics { get; }

    /// <summary>
    /// Gets the statistics per group of the grouping keys (empty without keys or when every subject failed), in
    /// <see cref="GroupKey"/> order: values ordinally, the group of subjects lacking an attribute last.
    /// </summary>
    public ImmutableArray<GroupStatistics> Groups { get; }
}

/// <summary>How the count of one grade moves from the baseline to a variant.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GradeShift
{
    internal GradeShift(string grade, int baselineCount, int variantCount)
    {
        Grade = grade;
        BaselineCount = baselineCount;
        VariantCount = variantCount;
    }

    /// <summary>Gets the grade's name.</summary>
    public string Grade { get; }

    /// <summary>Gets the count under the baseline (0 when the baseline assessed nobody).</summary>
    public int BaselineCount { get; }

    /// <summary>Gets the count under the variant (0 when the variant assessed nobody).</summary>
    public int VariantCount { get; }

    /// <summary>Gets <see cref="VariantCount"/> − <see cref="BaselineCount"/>.</summary>
    public int Change => VariantCount - BaselineCount;
}

/// <summary>A subject whose grade differs between the baseline and a variant.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SubjectGradeChange
{
    internal SubjectGradeChange(Assessment baseline, Assessment variant)
    {
        Baseline = baseline;
        Variant = variant;
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId => Baseline.SubjectId;

    /// <summary>Gets the grade under the baseline.</summary>
    public GradeBand From => Baseline.Grade;

    /// <summary>Gets the grade under the variant.</summary>
    public GradeBand To => Variant.Grade;

    /// <summary>Gets the baseline assessment.</summary>
    public Assessment Baseline { get; }

    /// <summary>Gets the variant's assessment.</summary>
    public Assessment Variant { get; }
}

/// <summary>How a gate's pass rate moves from the baseline to a variant (gates matched by id).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GatePassRateChange
{
    internal GatePassRateChange(string gateId, GatePassRate? baseline, GatePassRate? variant)
    {
        GateId = gateId;
        Baseline = baseline;
        Variant = variant;
    }

    /// <summary>Gets the gate's id.</summary>
    public string GateId { get; }

    /// <summary>Gets the baseline's pass rate, or <see langword="null"/> when the baseline has no such gate or assessed nobody.</summary>
    public GatePassRate? Baseline { get; }

    /// <summary>Gets the variant's pass rate, or <see langword="null"/> when the variant has no such gate or assessed nobody.</summary>
    public GatePassRate? Variant { get; }

    /// <summary>Gets the variant's rate − the baseline's, or <see langword="null"/> when either side is absent.</summary>
    public decimal? Change => Baseline is { } b && Variant is { } v ? v.Rate - b.Rate : null;
}

/// <summary>The impact of a variant on one group of the grouping keys.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GroupImpact
{
    internal GroupImpact(GroupKey key, GroupStatistics? baseline, GroupStatistics? variant, ImmutableArray<GradeShift> gradeShifts, int gradeChanges)
    {
        Key = key;
        Baseline = baseline;
        Variant = variant;
        GradeShifts = gradeShifts;
        GradeChanges = gradeChanges;
    }

    /// <summary>Gets the group's key; a <see langword="null"/> value stands for the subjects lacking that attribute.</summary>
    public GroupKey Key { get; }

    /// <summary>Gets the group's statistics under the baseline, or <see langword="null"/> when none of its subjects was assessed there.</summary>
    public GroupStatistics? Baseline { get; }

    /// <summary>Gets the group's statistics under the variant, or <see langword="null"/> when none of its subjects was assessed there.</summary>
    public GroupStatistics? Variant { get; }

    /// <summary>Gets the group's grade distribution shift, in the grades' order.</summary>
    public ImmutableArray<GradeShift> GradeShifts { get; }

    /// <summary>Gets how many of the group's subjects (assessed under both) changed grade.</summary>
    public int GradeChanges { get; }

    /// <summary>Gets the change of the group's payout total; a side that assessed nobody in the group pays 0.</summary>
    public decimal PayoutTotalChange => WhatIfSimulator.PayoutTotal(Variant) - WhatIfSimulator.PayoutTotal(Baseline);

    /// <summary>Gets the change of the group's mean rounded total, or <see langword="null"/> when either side assessed nobody in the group.</summary>
    public decimal? MeanTotalChange => Baseline is { } b && Variant is { } v ? v.Totals.Mean - b.Totals.Mean : null;

    /// <summary>Gets the change of the group's all-gates pass rate, or <see langword="null"/> when either side assessed nobody in the group.</summary>
    public decimal? AllGatesPassRateChange => Baseline is { } b && Variant is { } v ? v.AllGatesPassRate - b.AllGatesPassRate : null;
}

/// <summary>A variant against the baseline (the first variant): grade shift, payout change, subjects whose grade changed, gate pass rates, per-group impact.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class VariantComparison
{
    internal VariantComparison(VariantOutcome baseline, VariantOutcome variant, ImmutableArray<GradeShift> gradeShifts, ImmutableArray<SubjectGradeChange> gradeChanges, ImmutableArray<GatePassRateChange> gates, ImmutableArray<GroupImpact> groups, ImmutableArray<string> notCompared)
    {
        Baseline = baseline;
        Variant = variant;
        GradeShifts = gradeShifts;
        GradeChanges = gradeChanges;
        Gates = gates;
        Groups = groups;
        NotCompared = notCompared;
    }

    /// <summary>Gets the baseline's outcome.</summary>
    public VariantOutcome Baseline { get; }

    /// <summary>Gets the variant's outcome.</summary>
    public VariantOutcome Variant { get; }

    /// <summary>Gets the grade distribution shift over all assessed subjects, in the grades' order (best first).</summary>
    public ImmutableArray<GradeShift> GradeShifts { get; }

    /// <summary>Gets the change of the payout total (variant − baseline); a side that assessed nobody pays 0.</summary>
    public decimal PayoutTotalChange => WhatIfSimulator.PayoutTotal(Variant.Statistics) - WhatIfSimulator.PayoutTotal(Baseline.Statistics);

    /// <summary>Gets the change of the mean rounded total, or <see langword="null"/> when either side assessed nobody.</summary>
    public decimal? MeanTotalChange => Baseline.Statistics is { } b && Variant.Statistics is { } v ? v.Totals.Mean - b.Totals.Mean : null;

    /// <summary>Gets the subjects assessed under both whose grade name differs (from → to), in population order.</summary>
    public ImmutableArray<SubjectGradeChange> GradeChanges { get; }

    /// <summary>Gets each gate's pass rate change: the baseline scheme's gates in order, then gates only the variant's scheme has.</summary>
    public ImmutableArray<GatePassRateChange> Gates { get; }

    /// <summary>Gets the change of the rate of subjects passing every gate, or <see langword="null"/> when either side assessed nobody.</summary>
    public decimal? AllGatesPassRateChange => Baseline.Statistics is { } b && Variant.Statistics is { } v ? v.AllGatesPassRate - b.AllGatesPassRate : null;

    /// <summary>Gets the impact per group (empty without grouping keys): the groups of either side, in <see cref="GroupKey"/> order.</summary>
    public ImmutableArray<GroupImpact> Groups { get; }

    /// <summary>Gets the ids of subjects that failed under the baseline, the variant or both, so they are in no grade change, in population order.</summary>
    public ImmutableArray<string> NotCompared { get; }
}

/// <summary>The result of a what-if simulation: every variant's outcome and each variant against the baseline.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SimulationReport
{
    internal SimulationReport(ImmutableArray<VariantOutcome> variants, ImmutableArray<VariantComparison> comparisons, int populationCount, ImmutableArray<string> groupBy)
    {
        Variants = variants;
        Comparisons = comparisons;
        PopulationCount = populationCount;
        GroupBy = groupBy;
    }

    /// <summary>Gets each variant's outcome, in given order; the first is the baseline.</summary>
    public ImmutableArray<VariantOutcome> Variants { get; }

    /// <summary>Gets the baseline's outcome.</summary>
    public VariantOutcome Baseline => Variants[0];

    /// <summary>Gets each later variant against the baseline, in given order.</summary>
    public ImmutableArray<VariantComparison> Comparisons { get; }

    /// <summary>Gets how many subjects the population holds.</summary>
    public int PopulationCount { get; }

    /// <summary>Gets the attribute keys grouped by (empty without a grouping).</summary>
    public ImmutableArray<string> GroupBy { get; }
}
