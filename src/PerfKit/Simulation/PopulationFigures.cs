using System.Collections.Immutable;

namespace PerfKit.Simulation;

/// <summary>The number of subjects in one grade.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GradeCount
{
    internal GradeCount(string grade, int count, decimal? share)
    {
        Grade = grade;
        Count = count;
        Share = share;
    }

    /// <summary>Gets the grade's name.</summary>
    public string Grade { get; }

    /// <summary>Gets how many assessed subjects have the grade.</summary>
    public int Count { get; }

    /// <summary>Gets <see cref="Count"/> ÷ the number assessed, exact (one division); <see langword="null"/> when none was assessed.</summary>
    public decimal? Share { get; }
}

/// <summary>How many assessed subjects passed one gate.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GatePassRate
{
    internal GatePassRate(string gateId, int passed, int count)
    {
        GateId = gateId;
        Passed = passed;
        Count = count;
    }

    /// <summary>Gets the gate's id.</summary>
    public string GateId { get; }

    /// <summary>Gets how many passed (a gate on a missing value that does not pass when missing counts as failed).</summary>
    public int Passed { get; }

    /// <summary>Gets how many were assessed.</summary>
    public int Count { get; }

    /// <summary>Gets <see cref="Passed"/> ÷ <see cref="Count"/>, exact; <see langword="null"/> when none was assessed.</summary>
    public decimal? Rate => Count == 0 ? null : (decimal)Passed / Count;
}

/// <summary>
/// Figures of a set of assessed subjects under one scheme: count, grade distribution, payout total, mean rounded total,
/// gate pass rates per gate and for all gates together.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PopulationFigures
{
    internal PopulationFigures(int count, ImmutableArray<GradeCount> grades, decimal payoutTotal, decimal totalSum, ImmutableArray<GatePassRate> gates, int allGatesPassed)
    {
        Count = count;
        Grades = grades;
        PayoutTotal = payoutTotal;
        TotalSum = totalSum;
        Gates = gates;
        AllGatesPassed = allGatesPassed;
    }

    /// <summary>Gets how many subjects were assessed.</summary>
    public int Count { get; }

    /// <summary>Gets the count per grade, in the scheme's order (best first), grades with no subject included.</summary>
    public ImmutableArray<GradeCount> Grades { get; }

    /// <summary>Gets the sum of the payouts (subjects without base pay add nothing; a cancelled payout adds 0).</summary>
    public decimal PayoutTotal { get; }

    /// <summary>Gets the sum of the rounded totals.</summary>
    public decimal TotalSum { get; }

    /// <summary>Gets the mean rounded total, <see cref="TotalSum"/> ÷ <see cref="Count"/> exact; <see langword="null"/> when none was assessed.</summary>
    public decimal? MeanTotal => Count == 0 ? null : TotalSum / Count;

    /// <summary>Gets the pass rate of each gate, in the scheme's order.</summary>
    public ImmutableArray<GatePassRate> Gates { get; }

    /// <summary>Gets how many subjects passed every gate.</summary>
    public int AllGatesPassed { get; }

    /// <summary>Gets <see cref="AllGatesPassed"/> ÷ <see cref="Count"/>, exact; <see langword="null"/> when none was assessed.</summary>
    public decimal? AllGatesPassRate => Count == 0 ? null : (decimal)AllGatesPassed / Count;
}

/// <summary>The figures of the subjects sharing one value of the grouping attribute.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GroupFigures
{
    internal GroupFigures(string? key, PopulationFigures figures)
    {
        Key = key;
        Figures = figures;
    }

    /// <summary>Gets the attribute's value, or <see langword="null"/> for the subjects without the attribute.</summary>
    public string? Key { get; }

    /// <summary>Gets the group's figures.</summary>
    public PopulationFigures Figures { get; }
}
