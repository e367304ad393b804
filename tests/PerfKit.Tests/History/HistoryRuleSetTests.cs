using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.History;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.History;

public partial class HistoryRuleSetTests
{
    private static readonly string[] Grades = ["A", "B", "C", "D"];

    private static readonly HistoryRule Promotion = HistoryRule.ConsecutiveGrades("promotion", "management-promotion", "A", GradeComparison.Exactly, 2, PeriodKind.Year);
    private static readonly HistoryRule Training = HistoryRule.AnyGrade("training", "training-or-transfer", "D", GradeComparison.Exactly, PeriodKind.Year);
    private static readonly HistoryRule Warning = HistoryRule.ConsecutiveGrades("warning", "warning", "C", GradeComparison.WorseThan, 3, PeriodKind.Quarter);
    private static readonly HistoryRule Steady = HistoryRule.RollingMean("steady", "steady-performer", 4, ValueComparison.AtLeast, 85m, PeriodKind.Quarter);

    private static HistoryRuleSet Rules(params HistoryRule[] rules) => HistoryRuleSet.Create(Grades, rules);

    private static AssessmentPeriod Y(int year) => AssessmentPeriod.OfYear(year);

    private static AssessmentPeriod Q(int year, int q) => AssessmentPeriod.Quarter(year, q);

    private static PerformanceArchive Archive(params (string Subject, AssessmentPeriod Period, decimal Total, string Grade)[] records)
    {
        var builder = PerformanceArchive.CreateBuilder(Grades);
        foreach (var (subject, period, total, grade) in records)
        {
            builder.Add(subject, period, total, grade);
        }

        return builder.Build();
    }

    [Fact]
    public void ConsecutiveGrades_TwoAYears_TriggersWithThosePeriods()
    {
        // S1: A 2021, A 2022, B 2023 → run of 2 A years (2021, 2022).
        var archive = Archive(("S1", Y(2021), 92m, "A"), ("S1", Y(2022), 95m, "A"), ("S1", Y(2023), 85m, "B"));

        var result = Rules(Promotion).Evaluate(archive);

        var trigger = Assert.Single(result.Triggers);
        Assert.Equal(("S1", "promotion", "management-promotion"), (trigger.SubjectId, trigger.RuleId, trigger.Outcome));
        Assert.Equal([Y(2021), Y(2022)], trigger.Periods.ToArray());
        Assert.Null(trigger.Mean);
        Assert.Equal("Subject 'S1' was graded A, A in 2 consecutive year periods (2021, 2022): rule 'promotion' → management-promotion.", trigger.Message);
        Assert.Equal(["management-promotion"], result.OutcomesFor("S1").ToArray());
    }

    [Fact]
    public void ConsecutiveGrades_MissingYear_BreaksTheRun()
    {
        // S2: A 2021, no record for 2022, A 2023 → two runs of 1: nothing.
        var archive = Archive(("S2", Y(2021), 92m, "A"), ("S2", Y(2023), 93m, "A"));

        Assert.Empty(Rules(Promotion).Evaluate(archive).Triggers);
    }

    [Fact]
    public void ConsecutiveGrades_LongerRun_IsOneTriggerWithTheWholeRun()
    {
        // S3: A 2020, 2021, 2022 → one maximal run of 3.
        var archive = Archive(("S3", Y(2020), 91m, "A"), ("S3", Y(2021), 92m, "A"), ("S3", Y(2022), 93m, "A"));

        var trigger = Assert.Single(Rules(Promotion).Evaluate(archive).Triggers);

        Assert.Equal([Y(2020), Y(2021), Y(2022)], trigger.Periods.ToArray());
    }

    [Fact]
    public void ConsecutiveGrades_ThreeQuartersBelowC_CrossesTheYear()
    {
        // S5: D 2023-Q3, D 2023-Q4, D 2024-Q1 (consecutive quarters across the year) → warning.
        // S6: D, C, D, D → C is not below C: runs of 1 and 2, nothing.
        var archive = Archive(
            ("S5", Q(2023, 3), 50m, "D"), ("S5", Q(2023, 4), 55m, "D"), ("S5", Q(2024, 1), 58m, "D"),
            ("S6", Q(2024, 1), 50m, "D"), ("S6", Q(2024, 2), 60m, "C"), ("S6", Q(2024, 3), 50m, "D"), ("S6", Q(2024, 4), 50m, "D"));

        var result = Rules(Warning).Evaluate(archive);

        var trigger = Assert.Single(result.Triggers);
        Assert.Equal("S5", trigger.SubjectId);
        Assert.Equal([Q(2023, 3), Q(2023, 4), Q(2024, 1)], trigger.Periods.ToArray());
    }

    [Theory]
    [InlineData(GradeComparison.Exactly, "B", "B")]
    [InlineData(GradeComparison.OrBetter, "B", "A,B")]
    [InlineData(GradeComparison.OrWorse, "B", "B,C,D")]
    [InlineData(GradeComparison.BetterThan, "B", "A")]
    [InlineData(GradeComparison.WorseThan, "B", "C,D")]
    public void AnyGrade_Comparisons_FollowTheScale(GradeComparison comparison, string grade, string expected)
    {
        // One subject per grade, one year each; the scale is A > B > C > D.
        var archive = Archive(("A", Y(2024), 95m, "A"), ("B", Y(2024), 85m, "B"), ("C", Y(2024), 65m, "C"), ("D", Y(2024), 40m, "D"));

        var result = Rules(HistoryRule.AnyGrade("r", "o", grade, comparison, PeriodKind.Year)).Evaluate(archive);

        Assert.Equal(expected, string.Join(",", result.Subjects.Select(s => s.SubjectId)));
    }

    [Fact]
    public void AnyGrade_EachMatchingPeriod_TriggersOnItsOwn()
    {
        // S4: D 2021, B 2022, D 2023 → two triggers, one per D year.
        var archive = Archive(("S4", Y(2021), 50m, "D"), ("S4", Y(2022), 85m, "B"), ("S4", Y(2023), 55m, "D"));

        var result = Rules(Training).Evaluate(archive);

        Assert.Equal([Y(2021), Y(2023)], result.Triggers.Select(t => t.Periods.Single()).ToArray());
        Assert.Equal("Subject 'S4' was graded D in 2021: rule 'training' → training-or-transfer.", result.Triggers[0].Message);
    }

    [Fact]
    public void RollingMean_FourQuarters_ComparesTheExactMean()
    {
        using var _ = new CultureScope("de-DE");

        // S7: 80 + 90 + 85 + 86 = 341 ≥ 85 × 4 = 340 → mean 341 ÷ 4 = 85.25.
        // S8: 80 + 90 + 85 + 84.99 = 339.99 < 340 → nothing.
        var archive = Archive(
            ("S7", Q(2024, 1), 80m, "C"), ("S7", Q(2024, 2), 90m, "A"), ("S7", Q(2024, 3), 85m, "B"), ("S7", Q(2024, 4), 86m, "B"),
            ("S8", Q(2024, 1), 80m, "C"), ("S8", Q(2024, 2), 90m, "A"), ("S8", Q(2024, 3), 85m, "B"), ("S8", Q(2024, 4), 84.99m, "B"));

        var result = Rules(Steady).Evaluate(archive);

        var trigger = Assert.Single(result.Triggers);
        Assert.Equal("S7", trigger.SubjectId);
        Assert.Equal(85.25m, trigger.Mean);
        Assert.Equal("Subject 'S7' averaged 85.25 over 4 consecutive quarter periods (2024-Q1, 2024-Q2, 2024-Q3, 2024-Q4), ≥ 85: rule 'steady' → steady-performer.", trigger.Message);
    }

    [Theory]
    [InlineData(ValueComparison.AtLeast, "85", true)]
    [InlineData(ValueComparison.Above, "85", false)]
    [InlineData(ValueComparison.AtMost, "85", true)]
    [InlineData(ValueComparison.Below, "85", false)]
    [InlineData(ValueComparison.Below, "85.01", true)]
    public void RollingMean_Comparisons_AreExactOnTheBoundary(ValueComparison comparison, string value, bool triggers)
    {
        // 84 + 86 = 170 = 85 × 2: the mean is exactly 85.
        var archive = Archive(("S", Q(2024, 1), 84m, "B"), ("S", Q(2024, 2), 86m, "B"));
        var rule = HistoryRule.RollingMean("r", "o", 2, comparison, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), PeriodKind.Quarter);

        Assert.Equal(triggers, Rules(rule).Evaluate(archive).Triggers.Length == 1);
    }

    [Fact]
    public void RollingMean_SlidingWindows_EachWindowTriggers()
    {
        // 90, 90, 70, 90 over windows of 2: (90+90)/2 = 90 ≥ 85 yes; (90+70)/2 = 80 no; (70+90)/2 = 80 no.
        var archive = Archive(("S", Q(2024, 1), 90m, "A"), ("S", Q(2024, 2), 90m, "A"), ("S", Q(2024, 3), 70m, "C"), ("S", Q(2024, 4), 90m, "A"));

        var result = Rules(HistoryRule.RollingMean("r", "o", 2, ValueComparison.AtLeast, 85m, PeriodKind.Quarter)).Evaluate(archive);

        Assert.Equal([Q(2024, 2)], result.Triggers.Select(t => t.Periods[^1]).ToArray());
    }

    [Fact]
    public void Evaluate_AsOf_KeepsOnlyTriggersEndingAtTheLatestPeriod()
    {
        var archive = Archive(("S1", Y(2021), 92m, "A"), ("S1", Y(2022), 95m, "A"), ("S1", Y(2023), 85m, "B"));
        var rules = Rules(Promotion);

        // As of 2023-12-31 the latest year is 2023 (B): the run ended in 2022, nothing now.
        Assert.Empty(rules.Evaluate(archive, new LocalDate(2023, 12, 31)).Triggers);

        // As of 2022-12-31 the run 2021–2022 ends at the latest year: triggered.
        var at2022 = rules.Evaluate(archive, new LocalDate(2022, 12, 31));
        Assert.Equal([Y(2021), Y(2022)], Assert.Single(at2022.Triggers).Periods.ToArray());
        Assert.Equal(new LocalDate(2022, 12, 31), at2022.AsOf);

        // As of 2023-06-30 the latest complete year is still 2022; 2023 has not ended.
        Assert.Single(rules.Evaluate(archive, new LocalDate(2023, 6, 30)).Triggers);

        // As of 2022-06-30 only 2021 has ended: a run of 1.
        Assert.Empty(rules.Evaluate(archive, new LocalDate(2022, 6, 30)).Triggers);
    }

    [Fact]
    public void Evaluate_OtherPeriodKinds_AreIgnored()
    {
        // Quarterly A grades do not count towards a yearly rule.
        var archive = Archive(("S", Q(2024, 1), 95m, "A"), ("S", Q(2024, 2), 95m, "A"), ("S", AssessmentPeriod.Custom(new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 1)), 95m, "A"));

        Assert.Empty(Rules(Promotion).Evaluate(archive).Triggers);
    }

    [Fact]
    public void Evaluate_SeveralRules_ListsOutcomesPerSubject()
    {
        // S: A 2022, A 2023 (promotion) and quarterly D, D, D in 2024 (warning); T: D 2023 (training). Outcomes in rule order.
        var archive = Archive(("S", Y(2022), 91m, "A"), ("S", Y(2023), 92m, "A"), ("S", Q(2024, 1), 40m, "D"), ("S", Q(2024, 2), 40m, "D"), ("S", Q(2024, 3), 40m, "D"), ("T", Y(2023), 40m, "D"));

        var result = Rules(Promotion, Training, Warning, Steady).Evaluate(archive);

        Assert.Equal(["S", "T"], result.Subjects.Select(s => s.SubjectId));
        Assert.Equal(["management-promotion", "warning"], result.OutcomesFor("S").ToArray());
        Assert.Equal(["training-or-transfer"], result.OutcomesFor("T").ToArray());
        Assert.Empty(result.OutcomesFor("nobody"));
    }

    [Fact]
    public void Evaluate_DifferentGradeScale_IsAProblem()
    {
        var archive = PerformanceArchive.CreateBuilder(["Excellent", "Good", "Poor"]).Add("S", Y(2024), 95m, "Excellent").Build();

        var result = Rules(Promotion).Evaluate(archive);

        Assert.False(result.Succeeded);
        Assert.Equal(ProblemCodes.HistoryGradeScale, Assert.Single(result.Problems).Code);
        Assert.Empty(result.Triggers);
    }

    [Fact]
    public void Create_EveryRuleProblem_IsReportedAtOnce()
    {
        var e = Assert.Throws<RuleValidationException>(() => HistoryRuleSet.Create(
            ["A", "B", "A", "b c"],
            [
                HistoryRule.ConsecutiveGrades("r1", "ok", "E", GradeComparison.Exactly, 0, PeriodKind.Custom),
                HistoryRule.AnyGrade("r1", "bad outcome", "A", GradeComparison.Exactly, (PeriodKind)42),
                HistoryRule.RollingMean("-x", "ok", 1001, ValueComparison.AtLeast, 2_000_000_000_000_000_000_000_000m, PeriodKind.Month),
            ]));

        Assert.Equal(
            [
                (ProblemCodes.HistoryGradeScale, "grades[2]"),
                (ProblemCodes.IdInvalid, "grades[3]"),
                (ProblemCodes.HistoryPeriodKind, "rules[0].period"),
                (ProblemCodes.HistoryUnknownGrade, "rules[0].grade"),
                (ProblemCodes.HistoryCount, "rules[0].count"),
                (ProblemCodes.IdDuplicate, "rules[1].id"),
                (ProblemCodes.IdInvalid, "rules[1].outcome"),
                (ProblemCodes.HistoryPeriodKind, "rules[1].period"),
                (ProblemCodes.IdInvalid, "rules[2].id"),
                (ProblemCodes.HistoryCount, "rules[2].count"),
                (ProblemCodes.HistoryTotal, "rules[2].value"),
            ],
            e.Problems.Select(p => (p.Code, p.Path)));
    }

    [Fact]
    public void Create_EmptyScale_IsAProblem()
    {
        Assert.False(HistoryRuleSet.TryCreate([], [], out var set, out var problems));
        Assert.Null(set);
        Assert.Equal((ProblemCodes.HistoryGradeScale, "grades"), (Assert.Single(problems).Code, problems[0].Path));
    }

    [Fact]
    public void Factories_Misuse_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => HistoryRule.AnyGrade(null!, "o", "A", GradeComparison.Exactly, PeriodKind.Year));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryRule.AnyGrade("r", "o", "A", (GradeComparison)9, PeriodKind.Year));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryRule.RollingMean("r", "o", 2, (ValueComparison)9, 1m, PeriodKind.Year));
        Assert.Throws<ArgumentException>(() => HistoryRuleSet.Create(Grades, [null!]));
        Assert.Throws<ArgumentNullException>(() => Rules().Evaluate(null!));
    }

    [Fact]
    public void ToString_Rules_DescribeThemselves()
    {
        Assert.Equal("promotion: graded A in 2 consecutive year periods → management-promotion", Promotion.ToString());
        Assert.Equal("warning: graded worse than C in 3 consecutive quarter periods → warning", Warning.ToString());
        Assert.Equal("training: graded D in a year period → training-or-transfer", Training.ToString());
        Assert.Equal("steady: mean total of 4 consecutive quarter periods ≥ 85 → steady-performer", Steady.ToString());
    }

    [Property(MaxTest = 200)]
    public Property Evaluate_HistoryShorterThanCount_NeverTriggers()
    {
        var gen = from count in Gen.Choose(2, 8)
                  from length in Gen.Choose(0, count - 1)
                  from grades in Gen.ArrayOf(Gen.Elements(Grades), length)
                  from totals in Gen.ArrayOf(Gen.Choose(0, 10000), length)
                  from start in Gen.Choose(2000, 2030)
                  select (count, grades, totals, start);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var builder = PerformanceArchive.CreateBuilder(Grades);
            var period = Q(c.start, 1);
            for (var i = 0; i < c.grades.Length; i++, period = period.Next())
            {
                builder.Add("S", period, c.totals[i] / 100m, c.grades[i]);
            }

            var rules = Rules(
                HistoryRule.ConsecutiveGrades("c", "o", "D", GradeComparison.OrBetter, c.count, PeriodKind.Quarter),
                HistoryRule.RollingMean("m", "o", c.count, ValueComparison.AtLeast, -1m, PeriodKind.Quarter));
            return rules.Evaluate(builder.Build()).Triggers.IsEmpty;
        });
    }

    [Property(MaxTest = 200)]
    public Property RollingMean_AnyWindow_EqualsTheHandComputedMean()
    {
        var gen = from count in Gen.Choose(1, 6)
                  from totals in Gen.ArrayOf(Gen.Choose(0, 100000), count)
                  select totals;
        return Prop.ForAll(gen.ToArbitrary(), totals =>
        {
            var builder = PerformanceArchive.CreateBuilder(Grades);
            var period = AssessmentPeriod.Month(2024, 1);
            var sum = 0m;
            var lowest = decimal.MaxValue;
            foreach (var t in totals)
            {
                var total = t / 1000m;
                builder.Add("S", period, total, "B");
                period = period.Next();
                sum += total;
                lowest = Math.Min(lowest, total);
            }

            // The mean is never below the lowest total, so "mean ≥ lowest" holds for the one full window.
            var rule = HistoryRule.RollingMean("m", "o", totals.Length, ValueComparison.AtLeast, lowest, PeriodKind.Month);
            var trigger = Rules(rule).Evaluate(builder.Build()).Triggers.Single();
            return trigger.Mean == sum / totals.Length && trigger.Periods.Length == totals.Length;
        });
    }

    [Property(MaxTest = 100)]
    public Property Evaluate_AnyRecordOrder_SameTriggers()
    {
        var gen = from grades in Gen.ArrayOf(Gen.Elements(Grades), 8)
                  from seed in Gen.Choose(0, 1000)
                  select (grades, seed);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var records = c.grades.Select((g, i) => PerformanceRecord.Create(i % 2 == 0 ? "S" : "T", Q(2020, (i / 2) + 1), 60m + i, g)).ToList();
            var random = new Random(c.seed);
            var shuffled = records.OrderBy(_ => random.Next()).ToList();
            var rules = Rules(Promotion, Training, Warning, Steady, HistoryRule.ConsecutiveGrades("b", "o", "B", GradeComparison.OrBetter, 2, PeriodKind.Quarter));
            var a = rules.Evaluate(Build(records)).Triggers.Select(t => t.Message);
            var b = rules.Evaluate(Build(shuffled)).Triggers.Select(t => t.Message);
            return a.SequenceEqual(b);
        });

        static PerformanceArchive Build(IEnumerable<PerformanceRecord> records)
        {
            var builder = PerformanceArchive.CreateBuilder(Grades);
            foreach (var r in records)
            {
                builder.Add(r);
            }

            return builder.Build();
        }
    }

    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(HistoryRule));
        Immutability.AssertImmutable(typeof(HistoryRuleSet));
        Immutability.AssertImmutable(typeof(HistoryTrigger));
        Immutability.AssertImmutable(typeof(SubjectOutcomes));
        Immutability.AssertImmutable(typeof(HistoryEvaluation));
        Immutability.AssertImmutable(typeof(PerformanceRecord));
        Immutability.AssertImmutable(typeof(PerformanceArchive));
    }
}
