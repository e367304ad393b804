using System;
using System.Collections.Generic;
using System.Linq;
using PerfKit.Diagnostics;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;
using PerfKit.Tests.Scoring;
using Xunit;

namespace PerfKit.Tests.Diagnostics;

public class ContradictionFinderTests
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);
    private static readonly AssessmentPeriod Q2 = AssessmentPeriod.Quarter(2024, 2);

    /// <summary>Root (percent): loans 40 (linear 0 → 100, cap 1.2), complaints 40 (complaint rate, linear 5 → 0: lower is better), balance 20 (custom closeness scorer, no direction).</summary>
    private static Scheme PairScheme() => Scheme.CreateBuilder("pairs", "1", ScorerRegistry.Default.With(new ClosenessScorerKind()))
        .Name("Pairs")
        .MaxPoints(120m)
        .Grade("A", 90m, 1.3m)
        .Grade("D", null, 0.7m)
        .Root(WeightMode.Percent, r => r
            .Indicator("loans", 40m, "loans", Scorers.Linear(0m, 100m, cap: 1.2m))
            .Indicator("complaints", 40m, "complaint_rate", Scorers.Linear(5m, 0m))
            .Indicator("balance", 20m, "balance", Scorers.Custom("closeness", [new("target", 100m), new("tolerance", 50m)])))
        .Build();

    private static Assessment Assess(string id, decimal loans, decimal complaints, string? department = null)
    {
        var input = SubjectInput.For(id).Value("loans", loans).Value("complaint_rate", complaints).Value("balance", 100m);
        if (department is not null)
        {
            input.Attribute("department", department);
        }

        return SchemeEvaluator.Create(PairScheme()).EvaluateOrThrow(input.Build());
    }

    private static ContradictionFinder Finder(ScoreDirection? direction = null)
        => ContradictionFinder.Create([IndicatorPair.Create("loans-vs-complaints", "loans", "complaints", direction)]);

    /// <summary>
    /// Q1 → Q2 (loans score = loans ÷ 100, capped at 1.2; complaint rate lower is better):
    /// S1 retail: 100 → 120 (score 1.2, met), rate 1.0 → 1.5 (worse): finding.
    /// S2 retail: 90 (0.9, not met), rate 1.0 → 1.2: no.
    /// S3 corporate: 100 (1, met), rate 1.0 → 0.8 (better): no.
    /// S4: only in Q2: not compared.
    /// S5 corporate: 110 (1.1, met), rate 1.0 → 1.4 (worse): finding.
    /// S6 (no department): 100 (met), rate 1.0 → 1.0 (unchanged): no.
    /// </summary>
    private static (List<Assessment> Before, List<Assessment> Now) Populations() =>
    (
        [Assess("S1", 100m, 1.0m, "retail"), Assess("S2", 100m, 1.0m, "retail"), Assess("S3", 100m, 1.0m, "corporate"), Assess("S5", 100m, 1.0m, "corporate"), Assess("S6", 100m, 1.0m)],
        [Assess("S6", 100m, 1.0m), Assess("S5", 110m, 1.4m, "corporate"), Assess("S4", 120m, 3m, "retail"), Assess("S3", 100m, 0.8m, "corporate"), Assess("S2", 90m, 1.2m, "retail"), Assess("S1", 120m, 1.5m, "retail")]
    );

    [Fact]
    public void Find_TwoQuarters_FlagsMetOutputWithWorseQuality()
    {
        using var _ = new CultureScope("tr-TR");
        var (before, now) = Populations();

        var report = Finder().Find(Q1, before, Q2, now);

        Assert.True(report.Succeeded);
        Assert.Equal(5, report.Comparisons);
        Assert.Equal(["S1", "S5"], report.Findings.Select(f => f.SubjectId));
        var s1 = report.Findings[0];
        Assert.Equal(1.2m, s1.OutputScore);
        Assert.Equal(120m, s1.OutputValue);
        Assert.Equal(1.0m, s1.QualityPrevious);
        Assert.Equal(1.5m, s1.QualityCurrent);
        Assert.Equal(ScoreDirection.LowerIsBetter, s1.QualityDirection);
        Assert.Equal(Q1, s1.PreviousPeriod);
        Assert.Equal("Subject 'S1' met the target of 'loans' in 2024-Q2 (score 1.2) while 'complaints' got worse: 1 in 2024-Q1, 1.5 in 2024-Q2 (lower is better).", s1.Message);
    }

    [Fact]
    public void Find_DeclaredDirection_OverridesTheScorer()
    {
        var (before, now) = Populations();

        // Declared higher-is-better: S3 (met, 1.0 → 0.8) is now the deterioration; S1 and S5 went up.
        var report = Finder(ScoreDirection.HigherIsBetter).Find(Q1, before, Q2, now);

        Assert.Equal(["S3"], report.Findings.Select(f => f.SubjectId));
    }

    [Fact]
    public void Find_MetScore_IsConfigurable()
    {
        var (before, now) = Populations();

        // Met from 1.15: S1 (1.2) still, S5 (1.1) no longer.
        var report = ContradictionFinder.Create([IndicatorPair.Create("p", "loans", "complaints", metScore: 1.15m)]).Find(Q1, before, Q2, now);

        Assert.Equal(["S1"], report.Findings.Select(f => f.SubjectId));
    }

    [Fact]
    public void ByAttribute_Department_ComparesGroupMeans()
    {
        var (before, now) = Populations();
        var report = Finder().Find(Q1, before, Q2, now);

        var groups = report.ByAttribute("department");

        // corporate: S3, S5: mean score (1 + 1.1) ÷ 2 = 1.05 ≥ 1; mean rate (1 + 1) ÷ 2 = 1 → (0.8 + 1.4) ÷ 2 = 1.1: worse → contradiction; 1 flagged.
        // retail: S1, S2: mean score (1.2 + 0.9) ÷ 2 = 1.05 ≥ 1; mean rate 1 → (1.5 + 1.2) ÷ 2 = 1.35: contradiction; 1 flagged.
        // no department: S6: score 1, rate 1 → 1: no contradiction.
        Assert.Equal(["corporate", "retail", null], groups.Select(g => g.AttributeValue));
        Assert.Equal([1.05m, 1.05m, 1m], groups.Select(g => g.MeanOutputScore));
        Assert.Equal([1.1m, 1.35m, 1m], groups.Select(g => g.MeanQualityCurrent));
        Assert.Equal([1m, 1m, 1m], groups.Select(g => g.MeanQualityPrevious));
        Assert.Equal([true, true, false], groups.Select(g => g.IsContradiction));
        Assert.Equal([2, 2, 1], groups.Select(g => g.Subjects));
        Assert.Equal([1, 1, 0], groups.Select(g => g.Flagged));
        Assert.StartsWith("department 'corporate', pair 'loans-vs-complaints': 2 subject(s), 1 flagged;", groups[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EveryPairProblem_IsReportedAtOnce()
    {
        var e = Assert.Throws<RuleValidationException>(() => ContradictionFinder.Create(
        [
            IndicatorPair.Create("p", "loans", "complaints"),
            IndicatorPair.Create("p", "loans", "loans"),
            IndicatorPair.Create("bad id", "", "a//b", ScoreDirection.None),
            IndicatorPair.Create("q", "loans", "complaints", (ScoreDirection)7),
        ]));

        Assert.Equal(
            [
                (ProblemCodes.ContradictionPair, "pairs[1].id"),
                (ProblemCodes.ContradictionPair, "pairs[1].qualityPath"),
                (ProblemCodes.IdInvalid, "pairs[2].id"),
                (ProblemCodes.ContradictionPair, "pairs[2].outputPath"),
                (ProblemCodes.ContradictionPair, "pairs[2].qualityPath"),
                (ProblemCodes.ContradictionDirection, "pairs[2].qualityDirection"),
                (ProblemCodes.ContradictionDirection, "pairs[3].qualityDirection"),
            ],
            e.Problems.Select(p => (p.Code, p.Path)));
    }

    [Fact]
    public void Find_PeriodsOutOfOrder_IsAProblem()
    {
        var (before, now) = Populations();

        var report = Finder().Find(Q2, before, Q2, now);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ProblemCodes.ContradictionPeriods, problem.Code);
        Assert.Empty(report.Findings);
        Assert.Empty(report.ByAttribute("department"));
    }

    [Fact]
    public void Find_UnknownOrGroupPath_IsAProblemPerPeriod()
    {
        var (before, now) = Populations();

        var report = ContradictionFinder.Create([IndicatorPair.Create("p", "loans", "nps", ScoreDirection.HigherIsBetter)]).Find(Q1, before, Q2, now);

        Assert.Equal([(ProblemCodes.ContradictionUnknownIndicator, "pairs[0].qualityPath"), (ProblemCodes.ContradictionUnknownIndicator, "pairs[0].qualityPath")], report.Problems.Select(p => (p.Code, p.Path)));
    }

    [Fact]
    public void Find_DirectionlessQualityScorer_IsAProblemUnlessDeclared()
    {
        var (before, now) = Populations();

        var report = ContradictionFinder.Create([IndicatorPair.Create("p", "loans", "balance")]).Find(Q1, before, Q2, now);
        var declared = ContradictionFinder.Create([IndicatorPair.Create("p", "loans", "balance", ScoreDirection.HigherIsBetter)]).Find(Q1, before, Q2, now);

        Assert.Equal(ProblemCodes.ContradictionDirection, Assert.Single(report.Problems).Code);
        Assert.True(declared.Succeeded);
        Assert.Empty(declared.Findings); // balance is 100 in both periods
    }

    [Fact]
    public void Find_RatingQuality_IsAProblem()
    {
        var scheme = EvaluationFixtures.Start("rated").Root(WeightMode.Percent, r => r
            .Indicator("loans", 50m, "loans", Scorers.Linear(0m, 100m))
            .Indicator("service", 50m, "service", Scorers.Rating(1m, 5m, [new("peer", 1m)])))
            .Build();
        var a = SchemeEvaluator.Create(scheme).EvaluateOrThrow(SubjectInput.For("S1").Value("loans", 100m).Ratings("service", "peer", 4m).Build());

        var report = ContradictionFinder.Create([IndicatorPair.Create("p", "loans", "service", ScoreDirection.HigherIsBetter)]).Find(Q1, [a], Q2, [a]);

        Assert.Equal((ProblemCodes.ContradictionDirection, "pairs[0].qualityPath"), (Assert.Single(report.Problems).Code, report.Problems[0].Path));
    }

    [Fact]
    public void Find_DuplicateSubject_IsAProblem()
    {
        var (before, now) = Populations();
        now.Add(Assess("S1", 100m, 1m));

        var report = Finder().Find(Q1, before, Q2, now);

        Assert.Equal((ProblemCodes.DiagnosticsDuplicateSubject, "S1"), (Assert.Single(report.Problems).Code, report.Problems[0].SubjectId));
    }

    [Fact]
    public void Find_MissingQualityValue_IsNotCompared()
    {
        var scheme = EvaluationFixtures.Start("excl").Root(WeightMode.Percent, r => r
            .Indicator("loans", 50m, "loans", Scorers.Linear(0m, 100m))
            .Indicator("complaints", 50m, "complaint_rate", Scorers.Linear(5m, 0m), i => i.WhenMissing(MissingValuePolicy.Exclude)))
            .Build();
        var evaluator = SchemeEvaluator.Create(scheme);
        var before = evaluator.EvaluateOrThrow(SubjectInput.For("S1").Value("loans", 100m).Build());
        var now = evaluator.EvaluateOrThrow(SubjectInput.For("S1").Value("loans", 100m).Value("complaint_rate", 4m).Build());

        var report = ContradictionFinder.Create([IndicatorPair.Create("p", "loans", "complaints")]).Find(Q1, [before], Q2, [now]);

        Assert.True(report.Succeeded);
        Assert.Equal(0, report.Comparisons);
    }

    [Fact]
    public void Methods_Misuse_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => IndicatorPair.Create(null!, "a", "b"));
        Assert.Throws<ArgumentNullException>(() => ContradictionFinder.Create(null!));
        Assert.Throws<ArgumentException>(() => ContradictionFinder.Create([null!]));
        Assert.Throws<ArgumentNullException>(() => Finder().Find(null!, [], Q2, []));
        Assert.Throws<ArgumentException>(() => Finder().Find(Q1, [], Q2, []).ByAttribute(""));
    }

    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(IndicatorPair));
        Immutability.AssertImmutable(typeof(ContradictionFinding));
        Immutability.AssertImmutable(typeof(GroupContradiction));
        Immutability.AssertImmutable(typeof(ContradictionFinder));
    }
}
