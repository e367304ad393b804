using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.Simulation;

/// <summary>
/// The simulation's own small grouping and statistics: figures of a set of assessments, and the assessments grouped by
/// one attribute. Kept private to the simulation so it can give way to the population statistics.
/// </summary>
internal static class SimulationFigures
{
    public static PopulationFigures Of(Scheme scheme, IReadOnlyList<Assessment> assessments)
    {
        var count = assessments.Count;
        var byGrade = new Dictionary<string, int>(StringComparer.Ordinal);
        var gatePassed = new int[scheme.Gates.Length];
        decimal payout = 0m, totals = 0m;
        var allPassed = 0;
        foreach (var a in assessments)
        {
            byGrade[a.Grade.Name] = byGrade.GetValueOrDefault(a.Grade.Name) + 1;
            payout += a.Payout ?? 0m;
            totals += a.RoundedTotal;
            var all = true;
            for (var k = 0; k < a.Gates.Length; k++)
            {
                if (a.Gates[k].Passed)
                {
                    gatePassed[k]++;
                }
                else
                {
                    all = false;
                }
            }

            if (all)
            {
                allPassed++;
            }
        }

        var grades = scheme.Grades.Select(g =>
        {
            var n = byGrade.GetValueOrDefault(g.Name);
            return new GradeCount(g.Name, n, count == 0 ? null : (decimal)n / count);
        }).ToImmutableArray();
        var gates = scheme.Gates.Select((g, k) => new GatePassRate(g.Id, gatePassed[k], count)).ToImmutableArray();
        return new PopulationFigures(count, grades, payout, totals, gates, allPassed);
    }

    /// <summary>Groups by an attribute's value: values in ordinal order, then the subjects without the attribute (key null).</summary>
    public static IEnumerable<(string? Key, List<Assessment> Members)> GroupBy(IEnumerable<Assessment> assessments, string attribute)
    {
        var groups = new SortedDictionary<string, List<Assessment>>(StringComparer.Ordinal);
        var without = new List<Assessment>();
        foreach (var a in assessments)
        {
            if (a.Input.Attributes.TryGetValue(attribute, out var value))
            {
                if (!groups.TryGetValue(value, out var list))
                {
                    list = [];
                    groups[value] = list;
                }

                list.Add(a);
            }
            else
            {
                without.Add(a);
            }
        }

        foreach (var (key, members) in groups)
        {
            yield return (key, members);
        }

        if (without.Count > 0)
        {
            yield return (null, without);
        }
    }
}
