using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Population;

namespace PerfKit.Benchmarks;

/// <summary>
/// Population operations on 100,000 A-bank assessments in 20 departments: building the population, statistics and
/// rankings per department, and a forced distribution (A at most 20%, D at least 5%) per department.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Population")]
public class PopulationBenchmarks
{
    private const int Subjects = 100_000;
    private Assessment[] assessments = [];
    private AssessmentPopulation population = null!;
    private Population.ForcedDistribution distribution = null!;

    /// <summary>Evaluates the subjects once (a few seconds).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var scheme = SampleSchemes.ABank2023();
        var evaluator = SchemeEvaluator.Create(scheme);
        assessments = [.. SampleSubjects.Generate(Subjects).Select((x, n) => evaluator.EvaluateOrThrow(InDepartment(x, n % 20)))];
        population = AssessmentPopulation.Create(assessments);
        distribution = Population.ForcedDistribution.CreateBuilder(scheme).AtMost("A", 20m).AtLeast("D", 5m).WithinGroups("department").Build();
    }

    /// <summary>Builds the population from the assessments.</summary>
    /// <returns>The population.</returns>
    [Benchmark]
    public AssessmentPopulation Create() => AssessmentPopulation.Create(assessments);

    /// <summary>Statistics of every department.</summary>
    /// <returns>The statistics.</returns>
    [Benchmark]
    public ImmutableArray<GroupStatistics> Statistics() => population.GroupBy("department").ComputeStatistics();

    /// <summary>Competition ranking on the rounded total within every department.</summary>
    /// <returns>The rankings.</returns>
    [Benchmark]
    public ImmutableArray<GroupRanking> Rankings() => population.GroupBy("department").Rank();

    /// <summary>The forced distribution within every department.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public DistributionResult ForcedDistribution() => distribution.Apply(population);

    private static SubjectInput InDepartment(SubjectInput input, int department)
    {
        var b = SubjectInput.For(input.SubjectId).Attribute("department", "d" + department.ToString("00", CultureInfo.InvariantCulture));
        foreach (var (measure, value) in input.Values)
        {
            b.Value(measure, value);
        }

        if (input.BasePay is { } pay)
        {
            b.BasePay(pay);
        }

        return b.Build();
    }
}
