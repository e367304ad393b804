using System.Collections.Immutable;
using System.Linq;
using PerfKit.Model;

namespace PerfKit.Population;

/// <summary>How many subjects of a group hold one grade, and their share.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GradeCount
{
    internal GradeCount(GradeBand grade, int count, decimal share)
    {
        Grade = grade;
        Count = count;
        Share = share;
    }

    /// <summary>Gets the grade.</summary>
    public GradeBand Grade { get; }

    /// <summary>Gets the number of subjects holding it (possibly 0).</summary>
    public int Count { get; }

    /// <summary>Gets count ÷ group size, an unrounded decimal quotient (2 of 3 is 0.6666666666666666666666666667).</summary>
    public decimal Share { get; }
}

/// <summary>How one gate came out across a group.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GatePassRate
{
    internal GatePassRate(Gate gate, int passed, int failed, int missing, decimal rate)
    {
        Gate = gate;
        Passed = passed;
        Failed = failed;
        Missing = missing;
        Rate = rate;
    }

    /// <summary>Gets the gate.</summary>
    public Gate Gate { get; }

    /// <summary>Gets the number of subjects who passed it (including passes by <c>onMissing: pass</c>).</summary>
    public int Passed { get; }

    /// <summary>Gets the number of subjects who failed it (including those whose value was missing).</summary>
    public int Failed { get; }

    /// <summary>Gets how many of the <see cref="Failed"/> failed because the value or score read was missing.</summary>
    public int Missing { get; }

    /// <summary>Gets passed ÷ group size, an unrounded decimal quotient.</summary>
    public decimal Rate { get; }
}

/// <summary>The payouts of a group.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PayoutSummary
{
    internal PayoutSummary(decimal total, decimal basePayTotal, int withBasePay, int withoutBasePay, int cancelled)
    {
        Total = total;
        BasePayTotal = basePayTotal;
        WithBasePay = withBasePay;
        WithoutBasePay = withoutBasePay;
        Cancelled = cancelled;
    }

    /// <summary>Gets the sum of the payouts (each already rounded by the payroll rounding) of the subjects with base pay; cancelled pay counts 0.</summary>
    public decimal Total { get; }

    /// <summary>Gets the sum of the base pay of the subjects with base pay.</summary>
    public decimal BasePayTotal { get; }

    /// <summary>Gets the number of subjects with base pay (they have a payout).</summary>
    public int WithBasePay { get; }

    /// <summary>Gets the number of subjects without base pay (no payout; not in <see cref="Total"/>).</summary>
    public int WithoutBasePay { get; }

    /// <summary>Gets the number of subjects with base pay whose pay a cancelPayout gate cancelled.</summary>
    public int Cancelled { get; }
}

/// <summary>
/// The figures of one group (spec §7, issue "population statistics"): count; mean, median, minimum, maximum and
/// population standard deviation of the rounded totals (the rounded total is the number that grades, ranks and pays);
/// the grade distribution; gate pass rates per gate and for all gates together; payout totals.
/// </summary>
/// <remarks>Immutable and thread-safe. Shares and rates are unrounded decimal quotients; a display layer rounds them.</remarks>
public sealed class GroupStatistics
{
    private GroupStatistics(GroupKey key, DecimalSummary totals, ImmutableArray<GradeCount> grades, ImmutableArray<GatePassRate> gates, int allGatesPassed, decimal allGatesPassRate, PayoutSummary payout)
    {
        Key = key;
        Totals = totals;
        Grades = grades;
        Gates = gates;
        AllGatesPassed = allGatesPassed;
        AllGatesPassRate = allGatesPassRate;
        Payout = payout;
    }

    /// <summary>Gets the group's key.</summary>
    public GroupKey Key { get; }

    /// <summary>Gets the number of subjects.</summary>
    public int Count => Totals.Count;

    /// <summary>Gets the summary of the rounded totals (<see cref="Evaluation.Assessment.RoundedTotal"/>).</summary>
    public DecimalSummary Totals { get; }

    /// <summary>Gets, for every grade of the scheme from best to worst (grades nobody holds included, with 0), how many subjects hold it after capGrade gates (<see cref="Evaluation.Assessment.Grade"/>), and their share.</summary>
    public ImmutableArray<GradeCount> Grades { get; }

    /// <summary>Gets every gate's pass rate, in scheme order.</summary>
    public ImmutableArray<GatePassRate> Gates { get; }

    /// <summary>Gets the number of subjects who passed every gate (all subjects when the scheme has no gates).</summary>
    public int AllGatesPassed { get; }

    /// <summary>Gets the share of subjects who passed every gate: <see cref="AllGatesPassed"/> ÷ <see cref="Count"/>, unrounded.</summary>
    public decimal AllGatesPassRate { get; }

    /// <summary>Gets the payout totals.</summary>
    public PayoutSummary Payout { get; }

    /// <summary>Computes a group's statistics.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="System.OverflowException">A sum exceeds decimal's range.</exception>
    public static GroupStatistics Of(PopulationGroup group)
    {
        Internal.Guard.NotNull(group);
        var scheme = group.Population.Scheme;
        var members = group.Members;
        var n = members.Length;
        var totals = new decimal[n];
        var gradeCounts = new int[scheme.Grades.Length];
        var gatePassed = new int[scheme.Gates.Length];
        var gateMissing = new int[scheme.Gates.Length];
        var allPassed = 0;
        var payoutTotal = 0m;
        var basePayTotal = 0m;
        var withPay = 0;
        var cancelled = 0;
        for (var i = 0; i < n; i++)
        {
            var a = members[i];
            totals[i] = a.RoundedTotal;
            gradeCounts[a.Grade.Rank]++;
            var passedAll = true;
            for (var k = 0; k < a.Gates.Length; k++)
            {
                var gate = a.Gates[k];
                if (gate.Passed)
                {
                    gatePassed[k]++;
                }
                else
                {
                    passedAll = false;
                    if (gate.IsMissing)
                    {
                        gateMissing[k]++;
                    }
                }
            }

            if (passedAll)
            {
                allPassed++;
            }

            if (a.BasePay is { } pay)
            {
                withPay++;
                basePayTotal += pay;
                payoutTotal += a.Payout ?? 0m;
                if (a.PayoutCancelled)
                {
                    cancelled++;
                }
            }
        }

        System.Array.Sort(totals);
        var grades = scheme.Grades.Select(g => new GradeCount(g, gradeCounts[g.Rank], Share(gradeCounts[g.Rank], n))).ToImmutableArray();
        var gates = scheme.Gates.Select((g, k) => new GatePassRate(g, gatePassed[k], n - gatePassed[k], gateMissing[k], Share(gatePassed[k], n))).ToImmutableArray();
        return new GroupStatistics(group.Key, DecimalSummary.OfSorted(totals), grades, gates, allPassed, Share(allPassed, n),
            new PayoutSummary(payoutTotal, basePayTotal, withPay, n - withPay, cancelled));
    }

    internal static decimal Share(int count, int of) => (decimal)count / of;
}
