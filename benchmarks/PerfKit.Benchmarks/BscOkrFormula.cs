using System;
using System.Collections.Generic;
using System.Globalization;
using PerfKit.Evaluation;

namespace PerfKit.Benchmarks;

/// <summary>
/// The embedded BSC-OKR template (<c>a-bank-bsc-okr</c>) written out by hand in plain decimal C#: 20 key results scored
/// by band tables on the completion ratio, 12 objectives, 4 dimensions, total = root × 100, rounded once, graded.
/// Same arithmetic in the same order as the evaluator (one division per group, sums in declared order, no precomputed
/// reciprocals), so totals agree to the last digit; <c>--verify</c> checks that.
/// </summary>
public static class BscOkrFormula
{
    /// <summary>The measures in the order <see cref="Evaluate"/> reads them.</summary>
    public static IReadOnlyList<string> Measures { get; } =
    [
        "net_balance_growth", "new_loan_customers", "interest_income", "eva", "priced_within_guidance_rate",
        "first_loan_customers", "customer_visits", "repeat_borrowing_rate", "customer_satisfaction", "on_time_disbursement_rate",
        "npl_rate", "overdue_rate", "post_loan_check_rate", "file_completeness_rate", "compliance_check_pass_rate",
        "exam_score", "training_hours", "mentoring",
    ];

    /// <summary>Generates <paramref name="count"/> subjects from a fixed linear congruential sequence.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The inputs, ids B000001, B000002, …</returns>
    public static IEnumerable<SubjectInput> Generate(int count)
    {
        var state = 2024u;
        decimal Next(int low, int high)
        {
            state = unchecked((state * 1103515245u) + 12345u);
            return low + ((state >> 8) % (uint)(high - low + 1));
        }

        for (var n = 1; n <= count; n++)
        {
            yield return SubjectInput.For("B" + n.ToString("000000", CultureInfo.InvariantCulture))
                .Value("net_balance_growth", Next(200, 700))
                .Value("new_loan_customers", Next(10, 40))
                .Value("interest_income", Next(30, 80))
                .Value("eva", Next(5, 30))
                .Value("priced_within_guidance_rate", Next(800, 1000) / 10m)
                .Value("first_loan_customers", Next(2, 12))
                .Value("customer_visits", Next(30, 80))
                .Value("repeat_borrowing_rate", Next(500, 950) / 10m)
                .Value("customer_satisfaction", Next(80, 100))
                .Value("on_time_disbursement_rate", Next(850, 1000) / 10m)
                .Value("npl_rate", Next(5, 25) / 10m)
                .Value("overdue_rate", Next(10, 35) / 10m)
                .Value("post_loan_check_rate", Next(60, 100))
                .Value("file_completeness_rate", Next(80, 100))
                .Value("compliance_check_pass_rate", Next(85, 100))
                .Value("exam_score", Next(60, 100))
                .Value("training_hours", Next(10, 40))
                .Value("mentoring", Next(0, 3))
                .BasePay(Next(80, 120) * 100m)
                .Build();
        }
    }

    /// <summary>Reads the measures in <see cref="Measures"/> order.</summary>
    /// <param name="input">The input; every measure must be present.</param>
    /// <returns>The values.</returns>
    public static decimal[] From(SubjectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = new decimal[Measures.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = input.Values[Measures[i]];
        }

        return values;
    }

    /// <summary>Evaluates one subject.</summary>
    /// <param name="x">The values in <see cref="Measures"/> order.</param>
    /// <returns>The exact total (= base; no adjustments), the rounded total and the grade.</returns>
    public static (decimal ExactTotal, decimal RoundedTotal, char Grade) Evaluate(ReadOnlySpan<decimal> x)
    {
        // Financial 0.40: loan scale 0.40, profit 0.35, pricing 0.25.
        var loanScale = ((0.6m * Stretch(x[0], 500m)) + (0.4m * Stretch(x[1], 30m))) / (0.6m + 0.4m);
        var profit = ((0.6m * Stretch(x[2], 60m)) + (0.4m * Stretch(x[3], 20m))) / (0.6m + 0.4m);
        var pricing = (1m * Stretch(x[4], 95m)) / 1m;
        var financial = ((0.40m * loanScale) + (0.35m * profit) + (0.25m * pricing)) / (0.40m + 0.35m + 0.25m);

        // Customer 0.25: reach 0.40, retention 0.30, service 0.30.
        var reach = ((0.6m * Stretch(x[5], 8m)) + (0.4m * Stretch(x[6], 60m))) / (0.6m + 0.4m);
        var retention = (1m * Stretch(x[7], 80m)) / 1m;
        var service = ((0.6m * Stretch(x[8], 95m)) + (0.4m * Stretch(x[9], 95m))) / (0.6m + 0.4m);
        var customer = ((0.40m * reach) + (0.30m * retention) + (0.30m * service)) / (0.40m + 0.30m + 0.30m);

        // Internal process 0.20: asset quality 0.40, loan management 0.35, compliance 0.25.
        var quality = ((0.6m * Ceiling(x[10], 1.5m)) + (0.4m * Ceiling(x[11], 2.0m))) / (0.6m + 0.4m);
        var management = ((0.6m * Requirement(x[12], 100m)) + (0.4m * Requirement(x[13], 100m))) / (0.6m + 0.4m);
        var compliance = (1m * Requirement(x[14], 100m)) / 1m;
        var process = ((0.40m * quality) + (0.35m * management) + (0.25m * compliance)) / (0.40m + 0.35m + 0.25m);

        // Learning and growth 0.15: knowledge 0.40, training 0.30, mentoring 0.30.
        var knowledge = (1m * Requirement(x[15], 90m)) / 1m;
        var training = (1m * Requirement(x[16], 24m)) / 1m;
        var mentoring = (1m * Requirement(x[17], 2m)) / 1m;
        var learning = ((0.40m * knowledge) + (0.30m * training) + (0.30m * mentoring)) / (0.40m + 0.30m + 0.30m);

        var root = ((0.40m * financial) + (0.25m * customer) + (0.20m * process) + (0.15m * learning)) / (0.40m + 0.25m + 0.20m + 0.15m);
        var exact = Math.Clamp(root * 100m, 0m, 100m);
        var rounded = Math.Round(exact, 2, MidpointRounding.AwayFromZero);
        var grade = rounded >= 90m ? 'A' : rounded >= 80m ? 'B' : rounded >= 60m ? 'C' : 'D';
        return (exact, rounded, grade);
    }

    /// <summary>Stretch table, interpolated on r = x ÷ target: below 0.5 → 0; 0.5 → 0.3; 0.8 → 0.6; 1.0 → 1.0.</summary>
    private static decimal Stretch(decimal x, decimal target)
    {
        var r = x / target;
        if (r >= 1.0m)
        {
            return 1.0m;
        }

        if (r >= 0.8m)
        {
            return r == 0.8m ? 0.6m : 0.6m + ((1.0m - 0.6m) * ((r - 0.8m) / (1.0m - 0.8m)));
        }

        if (r >= 0.5m)
        {
            return r == 0.5m ? 0.3m : 0.3m + ((0.6m - 0.3m) * ((r - 0.5m) / (0.8m - 0.5m)));
        }

        return 0m;
    }

    /// <summary>Requirement table, in steps on r = x ÷ target: ≥ 1.0 → 1.0; ≥ 0.9 → 0.8; ≥ 0.7 → 0.5; else 0.</summary>
    private static decimal Requirement(decimal x, decimal target)
    {
        var r = x / target;
        return r >= 1.0m ? 1.0m : r >= 0.9m ? 0.8m : r >= 0.7m ? 0.5m : 0m;
    }

    /// <summary>Ceiling table, in steps on r = x ÷ ceiling (lower is better): ≤ 1.0 → 1.0; ≤ 1.1 → 0.8; ≤ 1.3 → 0.5; else 0.</summary>
    private static decimal Ceiling(decimal x, decimal ceiling)
    {
        var r = x / ceiling;
        return r <= 1.0m ? 1.0m : r <= 1.1m ? 0.8m : r <= 1.3m ? 0.5m : 0m;
    }
}
