using System.Collections.Generic;
using PerfKit.Evaluation;

namespace PerfKit.Demo;

/// <summary>A deterministic set of A-bank customer managers: the same subjects and values on every machine and run.</summary>
public static class SampleSubjects
{
    /// <summary>Generates <paramref name="count"/> subjects from a fixed linear congruential sequence (no clock, no shared random state).</summary>
    /// <param name="count">How many subjects.</param>
    /// <returns>The inputs, ids CM001, CM002, …</returns>
    public static IEnumerable<SubjectInput> Generate(int count)
    {
        var state = 20231u;
        decimal Next(int low, int high)
        {
            state = unchecked((state * 1103515245u) + 12345u);
            return low + ((state >> 8) % (uint)(high - low + 1));
        }

        for (var n = 1; n <= count; n++)
        {
            yield return SubjectInput.For($"CM{n:000}")
                .Value("new_accounts", Next(9, 18))
                .Value("net_new_accounts", Next(5, 12))
                .Value("monthly_exam", Next(55, 100))
                .Value("mentoring", Next(0, 2))
                .Value("activity", Next(0, 4))
                .Value("customer_visits", Next(30, 70))
                .Value("net_balance_growth", Next(450, 800))
                .Value("overdue_rate", Next(5, 35) / 10m)
                .Value("npl_rate", Next(3, 25) / 10m)
                .Value("certificates", Next(0, 3))
                .BasePay(Next(80, 120) * 100m)
                .Build();
        }
    }
}
