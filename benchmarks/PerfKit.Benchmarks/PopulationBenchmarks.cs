using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Population;

namespace PerfKit.Benchmarks;

/// <summary>
/// Population operations on 100,000 A-bank subjects (the sample subjects, spread over eight departments): building the
/// population, statistics, rankings and a forced distribution, each for the whole population and per department.
/// The subjects are evaluated once in the setup; figures are per operation on the whole population.
/// </summary>
[MemoryDiagnoser]
public class PopulationBenchmarks
{
    private const int Subjects = 100_000;
    private static readonly string[] Departments = ["retail", "corporate", "sme", "private", "treasury", "rural", "cards", "wealth"];
    private ImmutableArray<Assessment> assessments = [];
    private AssessmentPopulation? population;
    private ForcedDistribution? wholeQuotas;
    private ForcedDistribution? departmentQuotas;

    /// <summary>Evaluates the subjects once and declares the quotas.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var scheme = SampleSchemes.ABank2023();
        var evaluator = SchemeEvaluator.Create(scheme);
        assessments = [.. SampleSubjects.Generate(Subjects).Select((input, i) => evaluator.EvaluateOrThrow(WithDepartment(input, Departments[i % Departments.Length])))];
        population = AssessmentPopulation.Create(assessments);
        wholeQuotas = ForcedDistribution.CreateBuilder(scheme).AtMost("A", 20m).AtLeast("D", 5m).Build();
        departmentQuotas = ForcedDistribution.CreateBuilder(scheme).AtMost("A", 20m).AtLeast("D", 5m).Split().WithinGroups("department").Build();
    }

    /// <summary>Builds a population from 100,000 assessments (sort by subject id, one-scheme and duplicate checks).</summary>
    /// <returns>The population's size.</returns>
    [Benchmark]
    public int CreatePopulation() => AssessmentPopulation.Create(assessments).Count;

    /// <summary>Statistics of the whole population and of each department.</summary>
    /// <returns>The sum of the group means (keeps the work observable).</returns>
    [Benchmark]
    public decimal Statistics()
    {
        var sum = population!.All.ComputeStatistics().Totals.Mean;
        foreach (var group in population.GroupBy("department").ComputeStatistics())
        {
            sum += group.Totals.Mean;
        }

        return sum;
    }

    /// <summary>Competition ranking by rounded total of the whole population and within each department.</summary>
    /// <returns>The last subject's rank.</returns>
    [Benchmark]
    public int Rankings()
    {
        var whole = population!.All.Rank();
        var byDepartment = population.GroupBy("department").Rank();
        return whole.Ranked[^1].Rank + byDepartment[^1].Ranked[^1].Rank;
    }

    /// <summary>Ranking of the whole population by one node's score (the monthly section).</summary>
    /// <returns>The last subject's rank.</returns>
    [Benchmark]
    public int RankingByNodeScore() => population!.All.Rank(RankingKey.Score("monthly")).Ranked[^1].Rank;

    /// <summary>A ≤ 20%, D ≥ 5% over the whole population, ties kept together.</summary>
    /// <returns>The number of subjects moved.</returns>
    [Benchmark]
    public int ForcedDistributionWhole() => wholeQuotas!.Apply(population!).Moved.Count();

    /// <summary>A ≤ 20%, D ≥ 5% within each department, ties split by subject id.</summary>
    /// <returns>The number of subjects moved.</returns>
    [Benchmark]
    public int ForcedDistributionByDepartment() => departmentQuotas!.Apply(population!).Moved.Count();

    private static SubjectInput WithDepartment(SubjectInput input, string department)
    {
        var builder = SubjectInput.For(input.SubjectId).Attribute("department", department);
        foreach (var (measure, value) in input.Values)
        {
            builder.Value(measure, value);
        }

        if (input.BasePay is { } pay)
        {
            builder.BasePay(pay);
        }

        return builder.Build();
    }
}
