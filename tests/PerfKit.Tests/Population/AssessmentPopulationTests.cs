using System;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Population;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Population.PopulationFixtures;

namespace PerfKit.Tests.Population;

/// <summary>Tests of <see cref="AssessmentPopulation"/>, <see cref="PopulationGroup"/> and <see cref="PopulationGrouping"/>.</summary>
public sealed class AssessmentPopulationTests
{
    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(AssessmentPopulation));
        Immutability.AssertImmutable(typeof(PopulationGroup));
        Immutability.AssertImmutable(typeof(PopulationGrouping));
    }

    [Fact]
    public void Create_GivenInAnyOrder_HeldBySubjectIdOrdinal()
    {
        var population = Ten();

        // Ordinal: upper-case C before R, digits in order.
        Assert.Equal(["C1", "C2", "C3", "C4", "R1", "R2", "R3", "R4", "R5", "R6"], population.Assessments.Select(a => a.SubjectId));
        Assert.Equal(10, population.Count);
        Assert.Equal(10, population.All.Count);
        Assert.True(population.All.Key.IsAll);
        Assert.Same(population.Scheme, population.Assessments[0].Scheme);
    }

    [Fact]
    public void Create_FromResults_FailedSubjectsKeptApart()
    {
        var scheme = Scheme();
        var inputs = new[]
        {
            Subject("S1", "retail", 90m, 90m),
            SubjectInput.For("S2").Value("sales", "9O").Build(), // unparsable
        };

        var population = AssessmentPopulation.Create(SchemeEvaluator.Create(scheme).EvaluateMany(inputs));

        Assert.Equal(["S1"], population.Assessments.Select(a => a.SubjectId));
        var failed = Assert.Single(population.Unassessed);
        Assert.Equal("S2", failed.SubjectId);
        Assert.NotNull(population.Find("S1"));
        Assert.Null(population.Find("S2"));
    }

    [Fact]
    public void Create_MixedSchemes_Refused()
    {
        var first = SchemeEvaluator.Create(Scheme()).EvaluateOrThrow(Subject("S1", null, 90m, 90m));
        var second = SchemeEvaluator.Create(Scheme(capGrade: true)).EvaluateOrThrow(Subject("S2", null, 90m, 90m));

        var error = Assert.Throws<ArgumentException>(() => AssessmentPopulation.Create([first, second]));

        Assert.Contains("one scheme", error.Message, StringComparison.Ordinal);
        Assert.Contains("S2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameRulesBuiltTwice_Accepted()
    {
        // Two scheme instances with the same canonical form have the same fingerprint: the same rules.
        var first = SchemeEvaluator.Create(Scheme()).EvaluateOrThrow(Subject("S1", null, 90m, 90m));
        var second = SchemeEvaluator.Create(Scheme()).EvaluateOrThrow(Subject("S2", null, 80m, 80m));

        Assert.Equal(2, AssessmentPopulation.Create([first, second]).Count);
    }

    [Fact]
    public void Create_DuplicateSubject_Refused()
    {
        var evaluator = SchemeEvaluator.Create(Scheme());
        var a = evaluator.EvaluateOrThrow(Subject("S1", null, 90m, 90m));
        var b = evaluator.EvaluateOrThrow(Subject("S1", null, 80m, 80m));

        Assert.Throws<ArgumentException>(() => AssessmentPopulation.Create([a, b]));
        Assert.Throws<ArgumentException>(() => AssessmentPopulation.Create(evaluator.EvaluateMany([Subject("S1", null, 90m, 90m), SubjectInput.For("S1").Build()])));
    }

    [Fact]
    public void Create_EmptyNullOrAllFailed_Refused()
    {
        var evaluator = SchemeEvaluator.Create(Scheme());

        Assert.Throws<ArgumentException>(() => AssessmentPopulation.Create(Array.Empty<Assessment>()));
        Assert.Throws<ArgumentNullException>(() => AssessmentPopulation.Create((Assessment[])null!));
        Assert.Throws<ArgumentNullException>(() => AssessmentPopulation.Create((EvaluationResult[])null!));
        Assert.Throws<ArgumentException>(() => AssessmentPopulation.Create(new Assessment[] { null! }));
        Assert.Throws<ArgumentException>(() => AssessmentPopulation.Create(evaluator.EvaluateMany([SubjectInput.For("S1").Value("sales", "x").Build()])));
    }

    [Fact]
    public void GroupBy_Department_GroupsOrdinalWithMissingLast()
    {
        var inputs = TenSubjects().Append(Subject("X1", null, 70m, 70m)).ToList();
        var grouping = Evaluate(Scheme(), inputs).GroupBy("department");

        Assert.Equal(new[] { "department" }, grouping.Keys.AsEnumerable());
        Assert.Equal(["corporate", "retail", null], grouping.Groups.Select(g => g.Key.Values.Single()));
        Assert.Equal([4, 6, 1], grouping.Groups.Select(g => g.Count));
        Assert.Equal("department=(missing)", grouping.Groups[2].Key.ToString());
        Assert.True(grouping.Groups[2].Key.HasMissing);
        Assert.Equal(["X1"], grouping.Find([null])!.Members.Select(m => m.SubjectId));
        Assert.Equal(["R1", "R2", "R3", "R4", "R5", "R6"], grouping.Find("retail")!.Members.Select(m => m.SubjectId));
        Assert.Null(grouping.Find("treasury"));
        Assert.Equal(11, grouping.All.Count);
    }

    [Fact]
    public void GroupBy_TwoKeys_OneGroupPerCombination()
    {
        var population = Evaluate(Scheme(),
        [
            Subject("A", "retail", 90m, 90m, position: "manager"),
            Subject("B", "retail", 80m, 80m, position: "assistant"),
            Subject("C", "retail", 70m, 70m, position: "manager"),
            Subject("D", "corporate", 60m, 60m),
        ]);

        var grouping = population.GroupBy("department", "position");

        // corporate/(missing), retail/assistant, retail/manager.
        Assert.Equal(["department=corporate, position=(missing)", "department=retail, position=assistant", "department=retail, position=manager"],
            grouping.Groups.Select(g => g.Key.ToString()));
        Assert.Equal(["A", "C"], grouping.Find("retail", "manager")!.Members.Select(m => m.SubjectId));
        Assert.Equal("manager", grouping.Groups[2].Key.ValueOf("position"));
        Assert.Throws<ArgumentException>(() => grouping.Groups[2].Key.ValueOf("region"));
        Assert.Throws<ArgumentException>(() => grouping.Find("retail"));
    }

    [Fact]
    public void GroupBy_BadKeys_Refused()
    {
        var population = Ten();

        Assert.Throws<ArgumentException>(() => population.GroupBy());
        Assert.Throws<ArgumentException>(() => population.GroupBy(" "));
        Assert.Throws<ArgumentException>(() => population.GroupBy("department", "department"));
        Assert.Throws<ArgumentException>(() => population.GroupBy(new string[] { null! }));
        Assert.Throws<ArgumentNullException>(() => population.GroupBy((string[])null!));
    }

    [Fact]
    public void GroupKey_CompareAndEquality_OrdinalMissingLast()
    {
        var grouping = Ten().GroupBy("department");
        var corporate = grouping.Groups[0].Key;
        var retail = grouping.Groups[1].Key;

        Assert.True(corporate.CompareTo(retail) < 0);
        Assert.True(retail.CompareTo(null) > 0);
        Assert.Equal(corporate, grouping.Find("corporate")!.Key);
        Assert.Equal(corporate.GetHashCode(), grouping.Find("corporate")!.Key.GetHashCode());
        Assert.NotEqual(corporate, retail);
        Assert.Equal("(all)", GroupKey.All.ToString());
        Assert.Equal("department=retail (6 subjects)", grouping.Groups[1].ToString());
    }
}
