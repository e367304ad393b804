using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Tests.Properties.Generators;
using Xunit;

namespace PerfKit.Tests.Properties;

/// <summary>
/// The totals path gives exactly the full path's decimals (or refuses exactly the subjects the full path refuses, with
/// the same first problem), on random valid schemes (every scorer kind, missing-value policy, gate kind, scoped
/// penalties, bonuses) and random subjects, with value and score overrides and stray measures mixed in.
/// </summary>
public class SchemeEvaluatorTotalsPropertyTests
{
    /// <summary>Every entry point of the totals path against <see cref="SchemeEvaluator.Evaluate"/> on the same subject.</summary>
    [Property(MaxTest = 1000)]
    public Property EvaluateTotals_AnySchemeAndSubject_SameDecimalsAsFullPath()
        => Prop.ForAll(Arb.From(Subjects(SchemeOptions.Any)), c => AssertSame(c.Scheme, c.Input));

    /// <summary>Schemes without zeroScore gates or scoped penalties take the straight-line kernel when every value is present; it must agree too.</summary>
    [Property(MaxTest = 1000)]
    public Property EvaluateTotals_AllValuesPresent_SameDecimalsAsFullPath()
        => Prop.ForAll(
            Arb.From(Subjects(SchemeOptions.Monotone with { Adjustments = true }, new SubjectOptions { AllowMissing = false, AlwaysBasePay = true }, extras: false)),
            c => AssertSame(c.Scheme, c.Input));

    private static Gen<TotalsCase> Subjects(SchemeOptions options, SubjectOptions? subjectOptions = null, bool extras = true) =>
        from d in SchemeGen.Scheme(options)
        from subject in SchemeGen.Subject(d, subjectOptions ?? SubjectOptions.Any)
        from overrideAt in Gen.Choose(-1, d.Indicators().Count() - 1)
        from kind in Gen.Elements(OverrideKind.Value, OverrideKind.Score)
        from fraction in Gen.Choose(0, 8)
        from stray in Gen.Elements(false, false, false, true)
        select Make(d, subject, extras ? overrideAt : -1, kind, fraction / 8m, extras && stray);

    private static TotalsCase Make(SchemeDesc d, SubjectDesc subject, int overrideAt, OverrideKind kind, decimal fraction, bool stray)
    {
        var scheme = SchemeFactory.Build(d);
        var input = SchemeFactory.ToInput(subject);
        if (overrideAt < 0 && !stray)
        {
            return new TotalsCase(scheme, input, d, subject, "none");
        }

        var b = SubjectInput.For(input.SubjectId);
        foreach (var (measure, value) in input.Values)
        {
            b.Value(measure, value);
        }

        foreach (var (measure, set) in input.Ratings)
        {
            foreach (var (role, ratings) in set.ByRole)
            {
                b.Ratings(measure, role, [.. ratings]);
            }
        }

        if (input.BasePay is { } pay)
        {
            b.BasePay(pay);
        }

        var change = "stray measure";
        if (stray)
        {
            b.Value("zz_stray", 1m);
        }

        if (overrideAt >= 0)
        {
            var indicator = scheme.Indicators[overrideAt];
            var scorer = indicator.Scorer;
            var replacement = kind == OverrideKind.Score
                ? scorer.MinimumScore + ((scorer.MaximumScore - scorer.MinimumScore) * fraction)
                : (fraction * 200m) - 40m;
            b.With(kind == OverrideKind.Score
                ? Override.OfScore(indicator.Path, replacement, "appeal", "committee")
                : Override.OfValue(indicator.Path, replacement, "appeal", "committee"));
            change = $"{kind} override of '{indicator.Path}' to {replacement}" + (stray ? " and a stray measure" : "");
        }

        return new TotalsCase(scheme, b.Build(), d, subject, change);
    }

    /// <summary>
    /// The full path takes the straight-line kernel too when it can, and records the figures from which the result tree
    /// is built on reading: its assessment must explain exactly what the general evaluation explains (the whole JSON
    /// explanation: every node's value, scores, weights, contributions, intermediates and notes; gates; adjustments;
    /// exclusions; overrides), or be refused with the same problems.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_AnySchemeAndSubject_ExplainsWhatTheGeneralEvaluationExplains()
        => Prop.ForAll(Arb.From(Subjects(SchemeOptions.Any)), c => AssertSameExplanation(c.Scheme, c.Input));

    /// <summary>The same on subjects with every value present, where the kernel takes the full path.</summary>
    [Property(MaxTest = 500)]
    public Property Evaluate_AllValuesPresent_ExplainsWhatTheGeneralEvaluationExplains()
        => Prop.ForAll(
            Arb.From(Subjects(SchemeOptions.Monotone with { Adjustments = true }, new SubjectOptions { AllowMissing = false, AlwaysBasePay = true }, extras: false)),
            c => AssertSameExplanation(c.Scheme, c.Input));

    private static void AssertSameExplanation(Scheme scheme, SubjectInput input)
    {
        var evaluator = SchemeEvaluator.Create(scheme);
        var general = evaluator.EvaluateGeneral(input);
        var full = evaluator.Evaluate(input);
        Assert.Equal(general.Problems.Select(p => p.ToString()), full.Problems.Select(p => p.ToString()));
        if (general.Assessment is not { } expected)
        {
            Assert.Null(full.Assessment);
            return;
        }

        var actual = full.Assessment!;
        Assert.Equal(PerfKit.Explanation.AssessmentFormatter.ToJson(expected), PerfKit.Explanation.AssessmentFormatter.ToJson(actual));
        Assert.Equal(expected.Fingerprint, actual.Fingerprint);
        Assert.Equal(expected.PayoutCancelled, actual.PayoutCancelled);
        Assert.Same(actual.Root, actual.Root);
    }

    private static void AssertSame(Scheme scheme, SubjectInput input)
    {
        var evaluator = SchemeEvaluator.Create(scheme);

        // The general evaluation is the reference: the full path itself may take the same kernel as the totals path.
        var full = evaluator.EvaluateGeneral(input);
        var gates = new bool[scheme.Gates.Length];
        AssertSameTotals(full, evaluator.EvaluateTotals(input, gates), gates, input.SubjectId);

        var batch = evaluator.EvaluateTotalsManyParallel([input, input], 2, 1).ToArray();
        AssertSameTotals(full, batch[0], null, input.SubjectId);
        AssertSameTotals(full, batch[1], null, input.SubjectId);

        // Values by slot carry numbers only: no ratings, no overrides, no stray measures.
        if (evaluator.AcceptsValueSlots && input.Overrides.IsEmpty && input.Values.Keys.All(k => evaluator.TryGetMeasureSlot(k, out _)))
        {
            var row = evaluator.Measures.Select(m => input.Values.TryGetValue(m, out var v) ? v : (decimal?)null).ToArray();
            var slotGates = new bool[scheme.Gates.Length];
            AssertSameTotals(full, evaluator.EvaluateTotals(row, input.BasePay, slotGates), slotGates, null);
            var results = new TotalsResult[1];
            evaluator.EvaluateTotalsBatch(row, [input.BasePay], results);
            AssertSameTotals(full, results[0], null, null);
        }
    }

    private static void AssertSameTotals(EvaluationResult full, TotalsResult totals, bool[]? gates, string? subjectId)
    {
        Assert.Equal(subjectId, totals.SubjectId);
        if (full.Assessment is not { } a)
        {
            Assert.False(totals.Succeeded, "the full path refused the subject but the totals path did not");
            Assert.Equal(full.Problems[0].Code, totals.ProblemCode);
            Assert.Equal(full.Problems[0].Path, totals.ProblemPath);
            return;
        }

        Assert.True(totals.Succeeded, $"the totals path refused the subject: {totals.ProblemCode} at {totals.ProblemPath}");
        Assert.Equal(a.BasePoints, totals.BasePoints);
        Assert.Equal(a.BonusPoints, totals.BonusPoints);
        Assert.Equal(a.PenaltyPoints, totals.PenaltyPoints);
        Assert.Equal(a.UnclampedTotal, totals.UnclampedTotal);
        Assert.Equal(a.ExactTotal, totals.ExactTotal);
        Assert.Equal(a.RoundedTotal, totals.RoundedTotal);
        Assert.Equal(a.Grade.Rank, totals.GradeIndex);
        Assert.Equal(a.EarnedGrade.Rank, totals.EarnedGradeIndex);
        Assert.Equal(a.Coefficient, totals.Coefficient);
        Assert.Equal(a.PayoutCancelled, totals.PayoutCancelled);
        Assert.Equal(a.Payout, totals.Payout);
        Assert.Equal(a.FailedGates.Count(), totals.FailedGates);
        if (gates is not null)
        {
            Assert.Equal(a.Gates.Select(g => g.Passed), gates);
        }
    }

    /// <summary>A built scheme and input, with the descriptions they came from for the counterexample report.</summary>
    private sealed record TotalsCase(Scheme Scheme, SubjectInput Input, SchemeDesc Desc, SubjectDesc Subject, string Change)
    {
        public override string ToString() => $"{Desc}\n{Subject}\nchange: {Change}";
    }
}
