using System.Collections.Immutable;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Simulation;

/// <summary>One variant evaluated on the population: the assessments, the subjects that failed, and the figures.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class VariantOutcome
{
    internal VariantOutcome(SchemeVariant variant, ImmutableArray<Assessment> assessments, ImmutableArray<EvaluationResult> failures, PopulationFigures figures, ImmutableArray<GroupFigures> groups)
    {
        Variant = variant;
        Assessments = assessments;
        Failures = failures;
        Figures = figures;
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

    /// <summary>Gets the figures over every assessed subject.</summary>
    public PopulationFigures Figures { get; }

    /// <summary>Gets the figures per value of the grouping attribute (empty without one): values in ordinal order, then the subjects without the attribute.</summary>
    public ImmutableArray<GroupFigures> Groups { get; }
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

    /// <summary>Gets the count under the baseline.</summary>
    public int BaselineCount { get; }

    /// <summary>Gets the count under the variant.</summary>
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

    /// <summary>Gets the baseline's pass rate, or <see langword="null"/> when the baseline has no such gate.</summary>
    public GatePassRate? Baseline { get; }

    /// <summary>Gets the variant's pass rate, or <see langword="null"/> when the variant has no such gate.</summary>
    public GatePassRate? Variant { get; }

    /// <summary>Gets the variant's rate − the baseline's, or <see langword="null"/> when either is absent or has no subject.</summary>
    public decimal? Change => Baseline?.Rate is { } b && Variant?.Rate is { } v ? v - b : null;
}

/// <summary>The impact of a variant on one group (one value of the grouping attribute).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GroupImpact
{
    internal GroupImpact(string? key, PopulationFigures baseline, PopulationFigures variant, ImmutableArray<GradeShift> gradeShifts, int gradeChanges)
    {
        Key = key;
        Baseline = baseline;
        Variant = variant;
        GradeShifts = gradeShifts;
        GradeChanges = gradeChanges;
    }

    /// <summary>Gets the attribute's value, or <see langword="null"/> for the subjects without the attribute.</summary>
    public string? Key { get; }

    /// <summary>Gets the group's figures under the baseline.</summary>
    public PopulationFigures Baseline { get; }

    /// <summary>Gets the group's figures under the variant.</summary>
    public PopulationFigures Variant { get; }

    /// <summary>Gets the group's grade distribution shift, in the grades' order.</summary>
    public ImmutableArray<GradeShift> GradeShifts { get; }

    /// <summary>Gets how many of the group's subjects (assessed under both) changed grade.</summary>
    public int GradeChanges { get; }

    /// <summary>Gets the change of the group's payout total.</summary>
    public decimal PayoutTotalChange => Variant.PayoutTotal - Baseline.PayoutTotal;

    /// <summary>Gets the change of the group's mean rounded total, or <see langword="null"/> when either side assessed nobody.</summary>
    public decimal? MeanTotalChange => Baseline.MeanTotal is { } b && Variant.MeanTotal is { } v ? v - b : null;

    /// <summary>Gets the change of the group's all-gates pass rate, or <see langword="null"/> when either side assessed nobody.</summary>
    public decimal? AllGatesPassRateChange => Baseline.AllGatesPassRate is { } b && Variant.AllGatesPassRate is { } v ? v - b : null;
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

    /// <summary>Gets the change of the payout total (variant − baseline).</summary>
    public decimal PayoutTotalChange => Variant.Figures.PayoutTotal - Baseline.Figures.PayoutTotal;

    /// <summary>Gets the change of the mean rounded total, or <see langword="null"/> when either side assessed nobody.</summary>
    public decimal? MeanTotalChange => Baseline.Figures.MeanTotal is { } b && Variant.Figures.MeanTotal is { } v ? v - b : null;

    /// <summary>Gets the subjects assessed under both whose grade name differs (from → to), in population order.</summary>
    public ImmutableArray<SubjectGradeChange> GradeChanges { get; }

    /// <summary>Gets each gate's pass rate change: the baseline's gates in order, then gates only the variant has.</summary>
    public ImmutableArray<GatePassRateChange> Gates { get; }

    /// <summary>Gets the change of the rate of subjects passing every gate, or <see langword="null"/> when either side assessed nobody.</summary>
    public decimal? AllGatesPassRateChange => Baseline.Figures.AllGatesPassRate is { } b && Variant.Figures.AllGatesPassRate is { } v ? v - b : null;

    /// <summary>Gets the impact per group (empty without a grouping attribute): keys of either side in ordinal order, then the subjects without the attribute.</summary>
    public ImmutableArray<GroupImpact> Groups { get; }

    /// <summary>Gets the ids of subjects that failed under the baseline, the variant or both, so they are in no grade change, in population order.</summary>
    public ImmutableArray<string> NotCompared { get; }
}

/// <summary>The result of a what-if simulation: every variant's outcome and each variant against the baseline.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SimulationReport
{
    internal SimulationReport(ImmutableArray<VariantOutcome> variants, ImmutableArray<VariantComparison> comparisons, int populationCount, string? groupBy)
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

    /// <summary>Gets the grouping attribute's key, or <see langword="null"/>.</summary>
    public string? GroupBy { get; }
}
