using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Diagnostics;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Diagnostics;

public class CalibrationDiagnosticsTests
{
    /// <summary>
    /// A small BSC-like scheme: financial 0.5 → objective growth → loans (linear 0 → 100) 0.5, income (0 → 10, missing
    /// scores the minimum) 0.5; process 0.5 → objective quality → checks (0 → 100) 0.5, files (0 → 100, missing excluded) 0.5.
    /// A gate zeroes the checks score when fewer than 80 checks were done.
    /// </summary>
    internal static Scheme Bsc() => EvaluationFixtures.Start("bsc-like")
        .Root(WeightMode.Fraction, r => r
            .Dimension("financial", 0.5m, WeightMode.Fraction, d => d
                .Objective("growth", 1m, WeightMode.Fraction, o => o
                    .Indicator("loans", 0.5m, "loans", Scorers.Linear(0m, 100m))
                    .Indicator("income", 0.5m, "income", Scorers.Linear(0m, 10m), i => i.WhenMissing(MissingValuePolicy.Minimum))))
            .Dimension("process", 0.5m, WeightMode.Fraction, d => d
                .Objective("quality", 1m, WeightMode.Fraction, o => o
                    .Indicator("checks", 0.5m, "checks", Scorers.Linear(0m, 100m))
                    .Indicator("files", 0.5m, "files", Scorers.Linear(0m, 100m), i => i.WhenMissing(MissingValuePolicy.Exclude)))))
        .Gate("checks_floor", g => g.OnValue("process/quality/checks", 80m).ZeroScore("process/quality/checks"))
        .Build();

    internal static CalibrationOptions BscOptions(Action<CalibrationOptionsBuilder>? more = null)
    {
        var builder = CalibrationOptions.CreateBuilder()
            .Category("financial", DimensionCategory.Financial)
            .Category("process", DimensionCategory.InternalProcess);
        more?.Invoke(builder);
        return builder.Build();
    }

    internal static Assessment Subject(string id, decimal? loans, decimal? income, decimal checks, decimal? files, string? department = null, Override? with = null)
    {
        var input = SubjectInput.For(id).Value("checks", checks);
        if (loans is { } l)
        {
            input.Value("loans", l);
        }

        if (income is { } i)
        {
            input.Value("income", i);
        }

        if (files is { } f)
        {
            input.Value("files", f);
        }

        if (department is not null)
        {
            input.Attribute("department", department);
        }

        if (with is not null)
        {
            input.With(with);
        }

        return SchemeEvaluator.Create(Bsc()).EvaluateOrThrow(input.Build());
    }

    /// <summary>
    /// S1: loans 50 → 0.5, income 6 → 0.6 (all ≤ 0.6: too hard); checks 70 → 0.7 (the gate zeroes it to 0, but
    /// calibration reads 0.7), files 60 → 0.6 (all ≤ 0.7: below requirement).
    /// S2: loans 95 → 0.95, income 9 → 0.9 (all ≥ 0.9: too easy); checks 100 → 1, files missing → excluded: 1 alone, none.
    /// S3: loans 70 → 0.7, income 6 → 0.6 (neither); checks 71 → 0.71 (zeroed by the gate; read before gates),
    /// files 50 → 0.5: 0.71 &gt; 0.7, none.
    /// </summary>
    private static List<Assessment> Population() =>
    [
        Subject("S1", 50m, 6m, 70m, 60m, "retail"),
        Subject("S2", 95m, 9m, 100m, null, "corporate"),
        Subject("S3", 70m, 6m, 71m, 50m, "retail"),
    ];

    [Fact]
    public void Analyze_BscPopulation_FindsHandWorkedFindings()
    {
        var report = CalibrationDiagnostics.Analyze(Population(), BscOptions());

        Assert.True(report.Succeeded);
        Assert.Equal(3, report.SubjectCount);
        var actual = report.Findings.Select(f => (f.SubjectId, f.NodePath, f.RuleId)).ToList();
        Assert.Equal(
            [
                ("S1", "financial", CalibrationRules.TargetTooHard),
                ("S1", "financial/growth", CalibrationRules.TargetTooHard),
                ("S1", "process", CalibrationRules.BelowRequirement),
                ("S1", "process/quality", CalibrationRules.BelowRequirement),
                ("S2", "financial", CalibrationRules.TargetTooEasy),
                ("S2", "financial/growth", CalibrationRules.TargetTooEasy),
            ],
            actual);
    }

    [Fact]
    public void Analyze_ZeroedByGate_ReadsScoreBeforeGates()
    {
        var report = CalibrationDiagnostics.Analyze(Population(), BscOptions());

        // S1's checks were zeroed by the gate (70 < 80), yet the finding carries 0.7 = 70 / 100.
        var finding = report.Findings.Single(f => f.SubjectId == "S1" && f.NodePath == "process/quality");
        Assert.Equal([new("process/quality/checks", 0.7m), new("process/quality/files", 0.6m)], finding.Scores.ToArray());
        Assert.Equal(0.7m, finding.Threshold);
        Assert.Equal(DimensionCategory.InternalProcess, finding.Category);
        Assert.Equal(GroupKind.Objective, finding.Kind);
        Assert.Equal("Subject 'S1': every key result of 'process/quality' scored at or below 0.7 (0.7, 0.6): the work requirements were not met.", finding.Message);
    }

    [Fact]
    public void Analyze_ExcludedKr_IsNotCounted()
    {
        var report = CalibrationDiagnostics.Analyze([Subject("S2", 95m, 9m, 100m, null)], BscOptions());

        // files excluded: process scores only checks = 1, so nothing; financial 0.95 and 0.9 are too easy.
        Assert.DoesNotContain(report.Findings, f => f.NodePath.StartsWith("process", StringComparison.Ordinal));
        var easy = report.Findings.First(f => f.NodePath == "financial");
        Assert.Equal([new("financial/growth/loans", 0.95m), new("financial/growth/income", 0.9m)], easy.Scores.ToArray());
    }

    [Fact]
    public void Analyze_MissingKrScoredMinimum_IsNotCounted()
    {
        // income missing → scored the minimum 0 but not counted; loans 95 → 0.95 alone is too easy.
        // Counting the 0 would have made "all ≥ 0.9" false.
        var report = CalibrationDiagnostics.Analyze([Subject("S4", 95m, null, 100m, 100m)], BscOptions());

        var finding = Assert.Single(report.Findings, f => f.NodePath == "financial");
        Assert.Equal(CalibrationRules.TargetTooEasy, finding.RuleId);
        Assert.Equal([new("financial/growth/loans", 0.95m)], finding.Scores.ToArray());
    }

    [Fact]
    public void Analyze_ScoreOverride_CountsTheReplacement()
    {
        // S1's loans 0.5 replaced by 0.9 on appeal: 0.9 and income 0.6 → neither too hard (0.9 > 0.6) nor too easy (0.6 < 0.9).
        var appealed = Subject("S1", 50m, 6m, 70m, 60m, with: Override.OfScore("financial/growth/loans", 0.9m, "appeal 7", "HR"));

        var report = CalibrationDiagnostics.Analyze([appealed], BscOptions());

        Assert.DoesNotContain(report.Findings, f => f.NodePath.StartsWith("financial", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_Shares_AreFlaggedOverChecked()
    {
        var report = CalibrationDiagnostics.Analyze(Population(), BscOptions());

        var tooHard = report.Shares.Single(s => s.NodePath == "financial" && s.RuleId == CalibrationRules.TargetTooHard);

        // 1 of 3 subjects (S1): 1 ÷ 3.
        Assert.Equal(3, tooHard.Checked);
        Assert.Equal(1, tooHard.Flagged);
        Assert.Equal(1m / 3m, tooHard.Share);
        Assert.Null(tooHard.AttributeKey);
        Assert.Equal("1 of 3 subjects (33.3%) had every key result of 'financial' at or below 0.6: below the advice share, so review these subjects individually rather than the targets.", tooHard.Advice);

        // Shares list every checked rule in scheme pre-order: financial (hard, easy), growth (hard, easy), process, quality.
        Assert.Equal(
            ["financial:target-too-hard", "financial:target-too-easy", "financial/growth:target-too-hard", "financial/growth:target-too-easy", "process:below-requirement", "process/quality:below-requirement"],
            report.Shares.Select(s => s.NodePath + ":" + s.RuleId));
    }

    [Fact]
    public void SharesBy_Department_GroupsSubjectsAndAdvises()
    {
        using var _ = new CultureScope("tr-TR");
        var population = Population();
        population.Add(Subject("S5", 20m, 1m, 90m, 90m));
        var report = CalibrationDiagnostics.Analyze(population, BscOptions());

        var shares = report.SharesBy("department").Where(s => s.NodePath == "financial" && s.RuleId == CalibrationRules.TargetTooHard).ToList();

        // corporate: S2 not too hard, 0 of 1; retail: S1 flagged, S3 not, 1 of 2 = 0.5 ≥ the advice share 0.5;
        // no department: S5 (0.2, 0.1) flagged, 1 of 1.
        Assert.Equal(["corporate", "retail", null], shares.Select(s => s.AttributeValue));
        Assert.Equal([0m, 0.5m, 1m], shares.Select(s => s.Share));
        Assert.All(shares, s => Assert.Equal("department", s.AttributeKey));
        Assert.Equal("0 of 1 subjects (0%) had every key result of 'financial' at or below 0.6: no change is suggested on this evidence.", shares[0].Advice);
        Assert.Equal("1 of 2 subjects (50%) had every key result of 'financial' at or below 0.6: the targets look too hard; consider lowering them for the next period.", shares[1].Advice);
    }

    [Fact]
    public void Analyze_AdviceForEasyTargetsAndRequirements_NamesTheChange()
    {
        var report = CalibrationDiagnostics.Analyze([Subject("S2", 95m, 9m, 100m, null), Subject("S1", 50m, 6m, 70m, 60m)], BscOptions(b => b.AdviceShare(0.5m)));

        // too easy: S2 alone, 1 of 2 = 0.5; below requirement: S1 alone, 1 of 2 = 0.5.
        Assert.EndsWith("the targets look too easy; consider raising them for the next period.", report.Shares.Single(s => s.NodePath == "financial" && s.RuleId == CalibrationRules.TargetTooEasy).Advice, StringComparison.Ordinal);
        Assert.EndsWith("check that the requirements are realistic.", report.Shares.Single(s => s.NodePath == "process").Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_PathThresholds_OverrideTheCategory()
    {
        // financial/growth gets too hard at ≤ 0.5 only: S1 (0.5, 0.6) is not flagged there, still flagged on financial (0.6).
        var options = BscOptions(b => b.Thresholds("financial/growth", CalibrationThresholds.Create(tooHard: 0.5m)));

        var report = CalibrationDiagnostics.Analyze(Population(), options);

        Assert.Contains(report.Findings, f => f.SubjectId == "S1" && f.NodePath == "financial");
        Assert.DoesNotContain(report.Findings, f => f.NodePath == "financial/growth");
    }

    [Fact]
    public void Analyze_NoCategories_UsesStretchEverywhere()
    {
        // Uncategorised: every group uses too hard ≤ 0.6 and too easy ≥ 0.9, process included; below requirement is off.
        var report = CalibrationDiagnostics.Analyze([Subject("S9", 100m, 10m, 95m, 90m)]);

        // Every KR ≥ 0.9: 1, 1, 0.95, 0.9 → too easy on all four groups.
        Assert.Equal(4, report.Findings.Count(f => f.RuleId == CalibrationRules.TargetTooEasy));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == CalibrationRules.BelowRequirement);
    }

    [Fact]
    public void Analyze_CheckKindsAndNone_SelectGroups()
    {
        var options = BscOptions(b => b.Check(GroupKind.Objective).Thresholds("process/quality", CalibrationThresholds.None).Thresholds(string.Empty, CalibrationThresholds.Create(belowRequirement: 0.7m)));

        var report = CalibrationDiagnostics.Analyze(Population(), options);

        // Dimensions are no longer checked; quality is switched off; the root is checked by path: S1's KRs 0.5, 0.6, 0.7, 0.6 ≤ 0.7.
        Assert.Equal([("S1", "", CalibrationRules.BelowRequirement), ("S1", "financial/growth", CalibrationRules.TargetTooHard), ("S2", "financial/growth", CalibrationRules.TargetTooEasy)], report.Findings.Select(f => (f.SubjectId, f.NodePath, f.RuleId)));
    }

    [Fact]
    public void Analyze_OnTheBscOkrTemplate_ReadsDeclaredCategories()
    {
        var scheme = PerfKit.Templates.SchemeTemplates.Load("a-bank-bsc-okr");
        var input = SubjectInput.For("M1");
        foreach (var measure in scheme.Measures)
        {
            input.Value(measure, 0m);
        }

        var assessment = SchemeEvaluator.Create(scheme).EvaluateOrThrow(input.Build());
        var options = CalibrationOptions.CreateBuilder()
            .Category("financial", DimensionCategory.Financial)
            .Category("customer", DimensionCategory.Customer)
            .Category("process", DimensionCategory.InternalProcess)
            .Category("learning", DimensionCategory.LearningAndGrowth)
            .Build();

        var report = CalibrationDiagnostics.Analyze([assessment], options);

        // Zero values: stretch KRs score 0 (below a ratio of 0.5) → too hard on financial, customer and their 6 objectives;
        // requirement KRs score 0 (ratio 0 < 0.7) → below requirement on process, learning and their 6 objectives.
        // Lower-is-better ceilings (NPL, overdue) at 0 score 1, so asset_quality is not below requirement and neither is process.
        Assert.Equal(8, report.Findings.Count(f => f.RuleId == CalibrationRules.TargetTooHard));
        Assert.Equal(["learning", "learning/knowledge", "learning/mentoring", "learning/training", "process/compliance", "process/loan_management"],
            report.Findings.Where(f => f.RuleId == CalibrationRules.BelowRequirement).Select(f => f.NodePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Analyze_UnknownGroupPath_IsAProblem()
    {
        var options = CalibrationOptions.CreateBuilder().Category("finance", DimensionCategory.Financial).Thresholds("financial/growth/loans", CalibrationThresholds.Stretch).Build();

        var report = CalibrationDiagnostics.Analyze(Population(), options);

        Assert.False(report.Succeeded);
        Assert.Empty(report.Findings);
        Assert.Equal([(ProblemCodes.CalibrationUnknownGroup, "categories", "finance"), (ProblemCodes.CalibrationUnknownGroup, "pathThresholds", "financial/growth/loans")],
            report.Problems.Select(p => (p.Code, p.Path, p.AttemptedValue)));
    }

    [Fact]
    public void Analyze_DuplicateSubject_IsAProblem()
    {
        var report = CalibrationDiagnostics.Analyze([Subject("S1", 50m, 6m, 70m, 60m), Subject("S1", 60m, 6m, 70m, 60m)]);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ProblemCodes.DiagnosticsDuplicateSubject, problem.Code);
        Assert.Equal("S1", problem.SubjectId);
        Assert.Empty(report.Shares);
    }

    [Fact]
    public void Analyze_MixedSchemes_IsAProblem()
    {
        var other = EvaluationFixtures.Assess(EvaluationFixtures.ThreeIndicators(), EvaluationFixtures.Abc(1m, 1m, 1m, "S2"));

        var report = CalibrationDiagnostics.Analyze([Subject("S1", 50m, 6m, 70m, 60m), other]);

        Assert.Equal(ProblemCodes.DiagnosticsMixedSchemes, Assert.Single(report.Problems).Code);
    }

    [Fact]
    public void Analyze_Empty_IsAnEmptyReport()
    {
        var report = CalibrationDiagnostics.Analyze([]);

        Assert.True(report.Succeeded);
        Assert.Equal(0, report.SubjectCount);
        Assert.Empty(report.Findings);
        Assert.Empty(report.SharesBy("department"));
    }

    [Fact]
    public void Analyze_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CalibrationDiagnostics.Analyze(null!));
        Assert.Throws<ArgumentException>(() => CalibrationDiagnostics.Analyze([null!]));
        Assert.Throws<ArgumentException>(() => CalibrationDiagnostics.Analyze([]).SharesBy(" "));
    }

    [Property(MaxTest = 60)]
    public Property Analyze_AnySubjectOrder_SameFindingsAndShares()
    {
        var subject = from loans in Gen.Choose(0, 110)
                      from income in Gen.Choose(0, 11)
                      from checks in Gen.Choose(0, 100)
                      from files in Gen.Choose(0, 100)
                      from dept in Gen.Elements("retail", "corporate")
                      select (loans, income, checks, files, dept);
        var gen = from list in Gen.ListOf(subject)
                  from seed in Gen.Choose(0, 1000)
                  select (list, seed);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var assessments = c.list.Take(6).Select((s, i) => Subject("S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), s.loans, s.income, s.checks, s.files, s.dept)).ToList();
            var random = new Random(c.seed);
            var shuffled = assessments.OrderBy(_ => random.Next()).ToList();
            var options = BscOptions();
            var a = CalibrationDiagnostics.Analyze(assessments, options);
            var b = CalibrationDiagnostics.Analyze(shuffled, options);
            return a.Findings.Select(f => f.Message).SequenceEqual(b.Findings.Select(f => f.Message))
                && a.SharesBy("department").Select(s => s.Advice).SequenceEqual(b.SharesBy("department").Select(s => s.Advice));
        });
    }

    [Property(MaxTest = 60)]
    public Property Analyze_AnyFinding_EveryScoreIsOnTheRulesSide()
    {
        var gen = from loans in Gen.Choose(0, 110)
                  from income in Gen.Choose(0, 11)
                  from checks in Gen.Choose(0, 100)
                  from files in Gen.Choose(0, 100)
                  select (loans, income, checks, files);
        return Prop.ForAll(gen.ToArbitrary(), s =>
        {
            var report = CalibrationDiagnostics.Analyze([Subject("S", s.loans, s.income, s.checks, s.files)], BscOptions());
            return report.Findings.All(f => f.Scores.Length > 0 && f.Scores.All(k => f.RuleId == CalibrationRules.TargetTooEasy ? k.Value >= f.Threshold : k.Value <= f.Threshold));
        });
    }
}
