using System;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.History;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.History;

public class PerformanceArchiveBuilderTests
{
    [Fact]
    public void Add_Assessments_RecordsRoundedTotalAndGrade()
    {
        // a = 9 → 0.9 × 50, b = 10 → 1 × 30, c = 5 → 0.5 × 20: 45 + 30 + 10 = 85 → B.
        var scheme = EvaluationFixtures.ThreeIndicators();
        var assessment = EvaluationFixtures.Assess(scheme, EvaluationFixtures.Abc(9m, 10m, 5m, "S1"));

        var archive = PerformanceArchive.CreateBuilder(scheme).Add(AssessmentPeriod.OfYear(2024), [assessment]).Build();

        var record = Assert.Single(archive.RecordsFor("S1"));
        Assert.Equal((85m, "B", AssessmentPeriod.OfYear(2024)), (record.Total, record.Grade, record.Period));
        Assert.Equal(["A", "B", "C", "D"], archive.Grades.ToArray());
        Assert.Equal("S1 2024 85 B", record.ToString());
    }

    [Fact]
    public void Build_SchemeWithOtherGrades_IsRefused()
    {
        // The archive grades A > B > C > D; a scheme version grading Excellent > Good > Poor cannot join the history.
        var other = EvaluationFixtures.Assess(
            PerfKit.Model.Scheme.CreateBuilder("other", "2").Name("Other").Grade("Excellent", 90m, 1.2m).Grade("Good", 60m, 1m).Grade("Poor", null, 0.8m)
                .Root(PerfKit.Model.WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", PerfKit.Scoring.Scorers.Linear(0m, 10m))).Build(),
            SubjectInput.For("S1").Value("m_a", 10m).Build());

        var e = Assert.Throws<RuleValidationException>(() => PerformanceArchive.CreateBuilder(["A", "B", "C", "D"]).Add(AssessmentPeriod.OfYear(2024), other).Build());

        var problem = Assert.Single(e.Problems);
        Assert.Equal((ProblemCodes.HistoryGradeScale, "records[0]", "S1"), (problem.Code, problem.Path, problem.SubjectId));
        Assert.Contains("Excellent > Good > Poor", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EveryProblem_IsReportedAtOnce()
    {
        var builder = PerformanceArchive.CreateBuilder(["A", "A", "b c"])
            .Add("S", AssessmentPeriod.OfYear(2024), 90m, "Z")
            .Add("S", AssessmentPeriod.OfYear(2024), 90m, "A")
            .Add("T", AssessmentPeriod.OfYear(2024), -2_000_000_000_000_000_000_000_000m, "A");

        Assert.False(builder.TryBuild(out var archive, out var problems));

        Assert.Null(archive);
        Assert.Equal(
            [
                (ProblemCodes.HistoryGradeScale, "grades[1]"),
                (ProblemCodes.IdInvalid, "grades[2]"),
                (ProblemCodes.HistoryUnknownGrade, "records[0].grade"),
                (ProblemCodes.HistoryDuplicateRecord, "records[1]"),
                (ProblemCodes.HistoryTotal, "records[2].total"),
            ],
            problems.Select(p => (p.Code, p.Path)));
    }

    [Fact]
    public void Build_EmptyScale_IsAProblem()
    {
        var e = Assert.Throws<RuleValidationException>(() => PerformanceArchive.CreateBuilder(Array.Empty<string>()).Build());

        Assert.Equal((ProblemCodes.HistoryGradeScale, "grades"), (Assert.Single(e.Problems).Code, e.Problems[0].Path));
    }

    [Fact]
    public void Records_AreSortedBySubjectThenPeriod()
    {
        var archive = PerformanceArchive.CreateBuilder(["A", "B"])
            .Add("b", AssessmentPeriod.Quarter(2024, 2), 1m, "A")
            .Add("a", AssessmentPeriod.Quarter(2024, 3), 1m, "A")
            .Add("b", AssessmentPeriod.Quarter(2024, 1), 1m, "B")
            .Add("a", AssessmentPeriod.OfYear(2024), 1m, "B")
            .Build();

        Assert.Equal(["a 2024 1 B", "a 2024-Q3 1 A", "b 2024-Q1 1 B", "b 2024-Q2 1 A"], archive.Records.Select(r => r.ToString()));
        Assert.Equal(["a", "b"], archive.Subjects);
        Assert.Empty(archive.RecordsFor("c"));
    }

    [Fact]
    public void Methods_Misuse_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PerformanceArchive.CreateBuilder((PerfKit.Model.Scheme)null!));
        Assert.Throws<ArgumentException>(() => PerformanceArchive.CreateBuilder([null!]));
        Assert.Throws<ArgumentException>(() => PerformanceRecord.Create(" ", AssessmentPeriod.OfYear(2024), 1m, "A"));
        Assert.Throws<ArgumentNullException>(() => PerformanceArchive.CreateBuilder(["A"]).Add(null!, (Assessment)null!));
    }
}
