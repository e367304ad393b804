using System;
using PerfKit.Evaluation;

namespace PerfKit.Benchmarks;

/// <summary>One A-bank subject's data as plain decimals, for <see cref="ABankFormula"/>.</summary>
/// <param name="NewAccounts">New accounts in the month.</param>
/// <param name="NetNewAccounts">Net new accounts in the month.</param>
/// <param name="MonthlyExam">Monthly exam points.</param>
/// <param name="Mentoring">Mentees.</param>
/// <param name="Activity">Activities.</param>
/// <param name="CustomerVisits">Customer visits in the quarter.</param>
/// <param name="NetBalanceGrowth">Net balance growth, CNY 10k.</param>
/// <param name="OverdueRate">Overdue rate, %.</param>
/// <param name="NplRate">NPL rate, %.</param>
/// <param name="Certificates">Certificates earned.</param>
/// <param name="BasePay">Base pay.</param>
public readonly record struct ABankInput(
    decimal NewAccounts,
    decimal NetNewAccounts,
    decimal MonthlyExam,
    decimal Mentoring,
    decimal Activity,
    decimal CustomerVisits,
    decimal NetBalanceGrowth,
    decimal OverdueRate,
    decimal NplRate,
    decimal Certificates,
    decimal BasePay)
{
    /// <summary>Reads the measures of the A-bank scheme from a subject's input.</summary>
    /// <param name="input">The input; every measure must be present.</param>
    /// <returns>The plain values.</returns>
    public static ABankInput From(SubjectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var v = input.Values;
        return new ABankInput(
            v["new_accounts"], v["net_new_accounts"], v["monthly_exam"], v["mentoring"], v["activity"],
            v["customer_visits"], v["net_balance_growth"], v["overdue_rate"], v["npl_rate"], v["certificates"],
            input.BasePay ?? throw new ArgumentException("The input has no base pay.", nameof(input)));
    }
}

/// <summary>The outcome of <see cref="ABankFormula.Evaluate"/>.</summary>
/// <param name="BasePoints">Root score × 100, exact.</param>
/// <param name="BonusPoints">The certificates bonus.</param>
/// <param name="ExactTotal">The clamped total, exact.</param>
/// <param name="RoundedTotal">The total rounded to 2 decimals, AwayFromZero.</param>
/// <param name="Grade">A, B, C or D.</param>
/// <param name="PayoutCancelled">Whether a gate cancelled the pay.</param>
/// <param name="Payout">Base pay × coefficient rounded to 2 decimals, or 0.</param>
public readonly record struct ABankOutcome(decimal BasePoints, decimal BonusPoints, decimal ExactTotal, decimal RoundedTotal, char Grade, bool PayoutCancelled, decimal Payout);

/// <summary>
/// The A bank's 2023 scheme written out by hand in plain decimal C#: the floor PerfKit's evaluator is measured
/// against. Same arithmetic in the same order as the evaluator (linear scores clamped to [0, 1], one weighted mean
/// per group with the sums in declared order, base = root × 100, bonus capped per rule and by maxBonus, one clamp
/// to [0, 105], one rounding, grade, three gates that cancel the pay, payout rounded), so results agree to the last
/// digit; <c>--verify</c> checks that on the sample subjects.
/// </summary>
public static class ABankFormula
{
    /// <summary>Evaluates one subject.</summary>
    /// <param name="x">The subject's values.</param>
    /// <returns>The outcome.</returns>
    public static ABankOutcome Evaluate(in ABankInput x)
    {
        // Monthly section, points(100): 50 + 30 + 10 + 6 + 4.
        var monthly = ((50m * Linear(x.NewAccounts, 0m, 10m))
                       + (30m * Linear(x.NetNewAccounts, 0m, 6m))
                       + (10m * Linear(x.MonthlyExam, 0m, 100m))
                       + (6m * Linear(x.Mentoring, 0m, 2m))
                       + (4m * Linear(x.Activity, 0m, 4m))) / 100m;

        // Quarterly section, points(100): 8 + 60 + 12 + 20; the two rates are lower-is-better.
        var quarterly = ((8m * Linear(x.CustomerVisits, 0m, 60m))
                         + (60m * Linear(x.NetBalanceGrowth, 0m, 500m))
                         + (12m * Linear(x.OverdueRate, 3m, 1m))
                         + (20m * Linear(x.NplRate, 2m, 0.5m))) / 100m;

        // Root, percent: 50 + 50; P = 100.
        var root = ((50m * monthly) + (50m * quarterly)) / 100m;
        var basePoints = root * 100m;

        // Certificates: 2.5 each, at most 5; all bonuses together at most maxBonus = 5.
        var bonus = decimal.Min(decimal.Min(x.Certificates * 2.5m, 5m), 5m);

        var exact = Math.Clamp(basePoints + bonus, 0m, 105m);
        var rounded = Math.Round(exact, 2, MidpointRounding.AwayFromZero);
        var (grade, coefficient) = rounded >= 90m ? ('A', 1.30m) : rounded >= 80m ? ('B', 1.10m) : rounded >= 60m ? ('C', 1.00m) : ('D', 0.70m);
        var cancelled = x.NewAccounts < 10m || x.NetNewAccounts < 6m || x.NetBalanceGrowth < 500m;
        var payout = cancelled ? 0m : Math.Round(x.BasePay * coefficient, 2, MidpointRounding.AwayFromZero);
        return new ABankOutcome(basePoints, bonus, exact, rounded, grade, cancelled, payout);
    }

    /// <summary>Linear score (x − b) ÷ (t − b) clamped to [0, 1].</summary>
    private static decimal Linear(decimal x, decimal baseline, decimal target)
    {
        var ratio = (x - baseline) / (target - baseline);
        return ratio < 0m ? 0m : ratio > 1m ? 1m : ratio;
    }
}
