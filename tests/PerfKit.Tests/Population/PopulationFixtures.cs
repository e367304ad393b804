using System.Collections.Generic;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Population;
using PerfKit.Scoring;
using Xunit;

namespace PerfKit.Tests.Population;

/// <summary>
/// A small scheme for population tests, evaluated by the real evaluator: root (percent) sales 50 + quality 50, both
/// linear 0 → 100, so a subject's total is (sales + quality) ÷ 2 points, or sales alone when quality is missing
/// (quality is excluded when missing; sales scores its minimum 0 when missing). Grades A ≥ 90 × 1.30, B ≥ 80 × 1.10,
/// C ≥ 60 × 1.00, D × 0.70. Gates (both cancel pay): sales ≥ 60, quality ≥ 50 (a missing quality fails);
/// optionally sales ≥ 30 or the grade is capped at D.
/// </summary>
internal static class PopulationFixtures
{
    public static Scheme Scheme(bool capGrade = false)
    {
        var builder = PerfKit.Model.Scheme.CreateBuilder("population-test", "1")
            .Name("Population test")
            .Grade("A", 90m, 1.30m)
            .Grade("B", 80m, 1.10m)
            .Grade("C", 60m, 1.00m)
            .Grade("D", null, 0.70m)
            .Root(WeightMode.Percent, r => r
                .Indicator("sales", 50m, "sales", Scorers.Linear(0m, 100m), i => i.WhenMissing(MissingValuePolicy.Minimum))
                .Indicator("quality", 50m, "quality", Scorers.Linear(0m, 100m), i => i.WhenMissing(MissingValuePolicy.Exclude)))
            .Gate("sales_gate", g => g.OnValue("sales", 60m).CancelPayout())
            .Gate("quality_gate", g => g.OnValue("quality", 50m).CancelPayout());
        if (capGrade)
        {
            // A subject whose sales are below 30 is graded D, whatever the total.
            builder.Gate("sales_cap", g => g.OnValue("sales", 30m).CapGrade("D"));
        }

        return builder.Build();
    }

    public static SubjectInput Subject(string id, string? department, decimal? sales, decimal? quality, decimal? basePay = 10000m, string? position = null)
    {
        var input = SubjectInput.For(id);
        if (department is not null)
        {
            input.Attribute("department", department);
        }

        if (position is not null)
        {
            input.Attribute("position", position);
        }

        if (sales is { } s)
        {
            input.Value("sales", s);
        }

        if (quality is { } q)
        {
            input.Value("quality", q);
        }

        if (basePay is { } pay)
        {
            input.BasePay(pay);
        }

        return input.Build();
    }

    public static AssessmentPopulation Evaluate(Scheme scheme, IEnumerable<SubjectInput> inputs)
    {
        var results = SchemeEvaluator.Create(scheme).EvaluateMany(inputs).ToList();
        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Problems)));
        return AssessmentPopulation.Create(results);
    }

    /// <summary>
    /// Ten subjects in two departments (totals = (sales + quality) ÷ 2; C3 has no quality, so its total is its sales):
    /// <code>
    /// id  dept       sales quality total grade  sales≥60 quality≥50 base pay  payout
    /// R1  retail        95      95    95  A      yes      yes       10000     13000
    /// R2  retail        92      88    90  A      yes      yes       10000     13000
    /// R3  retail        85      85    85  B      yes      yes       10000     11000
    /// R4  retail        70      80    75  C      yes      yes       10000     10000
    /// R5  retail        55      65    60  C      no       yes       10000         0 (cancelled)
    /// R6  retail        50      40    45  D      no       no        10000         0 (cancelled)
    /// C1  corporate    100      90    95  A      yes      yes       10000     13000
    /// C2  corporate     80      80    80  B      yes      yes        none      none
    /// C3  corporate     90       —    90  A      yes      missing   10000         0 (cancelled)
    /// C4  corporate     65      45    55  D      yes      no        10000         0 (cancelled)
    /// </code>
    /// </summary>
    public static IReadOnlyList<SubjectInput> TenSubjects() =>
    [
        Subject("R1", "retail", 95m, 95m),
        Subject("R2", "retail", 92m, 88m),
        Subject("R3", "retail", 85m, 85m),
        Subject("R4", "retail", 70m, 80m),
        Subject("R5", "retail", 55m, 65m),
        Subject("R6", "retail", 50m, 40m),
        Subject("C1", "corporate", 100m, 90m),
        Subject("C2", "corporate", 80m, 80m, basePay: null),
        Subject("C3", "corporate", 90m, null),
        Subject("C4", "corporate", 65m, 45m),
    ];

    public static AssessmentPopulation Ten() => Evaluate(Scheme(), TenSubjects());

    /// <summary>A population of subjects whose sales and quality are equal, so each total is that value.</summary>
    public static AssessmentPopulation WithTotals(params (string Id, decimal Total)[] subjects)
        => Evaluate(Scheme(), subjects.Select(s => Subject(s.Id, "retail", s.Total, s.Total)));

    public static ForcedDistributionBuilder Quotas() => ForcedDistribution.CreateBuilder(Scheme());
}
