using System.Collections.Generic;
using PerfKit.Evaluation;

namespace PerfKit.Samples;

/// <summary>
/// A deterministic population of A-bank customer managers: the same subjects and values on every machine and run
/// (a fixed linear congruential sequence, no clock, no shared random state). Optionally each subject gets a
/// department and a branch drawn from a second, independent sequence, so the measure values are the same with or
/// without attributes.
/// </summary>
internal static class SamplePopulation
{
    /// <summary>The departments subjects are spread over.</summary>
    public static readonly string[] Departments = ["corporate", "inclusive-finance", "retail", "wealth"];

    /// <summary>The branches subjects are spread over.</summary>
    public static readonly string[] Branches = ["east", "north", "south", "west"];

    /// <summary>Generates <paramref name="count"/> subjects with ids CM001, CM002, … (CM1000 and up past 999).</summary>
    public static IEnumerable<SubjectInput> Generate(int count, bool withAttributes)
    {
        var state = 20231u;
        var attributeState = 7919u;
        decimal Next(int low, int high)
        {
            state = unchecked((state * 1103515245u) + 12345u);
            return low + ((state >> 8) % (uint)(high - low + 1));
        }

        int Pick(int length)
        {
            attributeState = unchecked((attributeState * 1664525u) + 1013904223u);
            return (int)((attributeState >> 8) % (uint)length);
        }

        for (var n = 1; n <= count; n++)
        {
            var builder = SubjectInput.For($"CM{n:000}")
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
                .BasePay(Next(80, 120) * 100m);
            if (withAttributes)
            {
                builder.Attribute("department", Departments[Pick(Departments.Length)]).Attribute("branch", Branches[Pick(Branches.Length)]);
            }

            yield return builder.Build();
        }
    }
}
