using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.Appeals;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Appeals;

/// <summary>Tests of <see cref="RiskMeasure"/> and its <see cref="RiskMeasureResult"/>.</summary>
public sealed class RiskMeasureTests
{
    private static readonly Instant At = Instant.FromUtc(2024, 4, 2, 8, 30);

    /// <summary>Book of 10,000: L1 5000, L2 3000, L3 1500 performing; L4 300 and L5 200 non-performing (NPL 500).</summary>
    private static RiskMeasure Book(decimal scale = 100m) => RiskMeasure.NonPerformingRatio(
        "npl_rate",
        [
            LoanLine.Create("L1", 5000m, false),
            LoanLine.Create("L2", 3000m, false),
            LoanLine.Create("L3", 1500m, false),
            LoanLine.Create("L4", 300m, true),
            LoanLine.Create("L5", 200m, true),
        ],
        scale);

    private static LoanExemption Exempt(string loanId) => LoanExemption.Create(loanId, "diligence shown, borrower hit by flood", "risk.committee", At);

    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(RiskMeasure));
        Immutability.AssertImmutable(typeof(RiskMeasureResult));
        Immutability.AssertImmutable(typeof(RatioFigures));
    }

    [Fact]
    public void Apply_NoExemptions_RatioOfNonPerformingToTotal()
    {
        var result = Book().Apply([]);

        // 500 × 100 ÷ 10000 = 5 (%).
        Assert.True(result.Succeeded);
        Assert.Equal((500m, 10000m, 5m), (result.Before.Numerator, result.Before.Denominator, result.Before.Value));
        Assert.Equal((500m, 10000m, 5m), (result.After.Numerator, result.After.Denominator, result.After.Value));
        Assert.Empty(result.Exempted);
    }

    [Fact]
    public void Apply_OneExemption_LeavesNumeratorOnly()
    {
        var e = Exempt("L4");

        var result = Book().Apply([e], "CM1");

        // Numerator 500 − 300 = 200, denominator stays 10000: 200 × 100 ÷ 10000 = 2 (%).
        // (Removing L4 from both would give 200 × 100 ÷ 9700 = 2.0618…%; the rule is numerator only.)
        Assert.True(result.Succeeded);
        Assert.Equal(5m, result.Before.Value);
        Assert.Equal((200m, 10000m, 2m), (result.After.Numerator, result.After.Denominator, result.After.Value));
        Assert.Same(e, Assert.Single(result.Exempted));
        Assert.Equal("npl_rate", result.Measure);
    }

    [Fact]
    public void Apply_FractionScale_OneDivisionExact()
    {
        // 1 non-performing of 3 in total: 1 × 1 ÷ 3 = 0.3333333333333333333333333333 (28 digits, one division).
        var measure = RiskMeasure.NonPerformingRatio("npl", [LoanLine.Create("A", 1m, true), LoanLine.Create("B", 2m, false)]);

        var result = measure.Apply([]);

        Assert.Equal(1m / 3m, result.After!.Value);
        Assert.Equal(1m, measure.Scale);
    }

    [Fact]
    public void Apply_AllNonPerformingExempted_Zero()
    {
        // 0 × 100 ÷ 10000 = 0.
        var result = Book().Apply([Exempt("L5"), Exempt("L4")]);

        Assert.Equal(0m, result.After!.Value);
        Assert.Equal(["L5", "L4"], result.Exempted.Select(e => e.LoanId));
    }

    [Fact]
    public void Apply_UnknownLoan_ProblemNamingIt()
    {
        var result = Book().Apply([Exempt("L9")], "CM1");

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Before);
        Assert.Null(result.After);
        Assert.Empty(result.Exempted);
        var p = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.ExemptionUnknownLoan, "npl_rate.exemptions[0]", "L9", "CM1"), (p.Code, p.Path, p.AttemptedValue, p.SubjectId));
        Assert.Contains("L9", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DuplicateExemption_ProblemNamingItAtTheSecond()
    {
        var result = Book().Apply([Exempt("L4"), Exempt("L5"), Exempt("L4")]);

        var p = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.ExemptionDuplicate, "npl_rate.exemptions[2]", "L4"), (p.Code, p.Path, p.AttemptedValue));
    }

    [Fact]
    public void Apply_PerformingLoanExempted_Problem()
    {
        var p = Assert.Single(Book().Apply([Exempt("L1")]).Problems);

        Assert.Equal((ProblemCodes.ExemptionPerforming, "npl_rate.exemptions[0]", "L1"), (p.Code, p.Path, p.AttemptedValue));
    }

    [Fact]
    public void Apply_DuplicateLoanAndNegativeBalance_BothReportedNoFigures()
    {
        var measure = RiskMeasure.NonPerformingRatio("npl_rate", [LoanLine.Create("L1", 100m, false), LoanLine.Create("L1", 50m, true), LoanLine.Create("L2", -5m, false)]);

        var result = measure.Apply([], "CM1");

        Assert.Null(result.Before);
        Assert.Null(result.After);
        Assert.Equal(
            [(ProblemCodes.RiskMeasureDuplicateLoan, "npl_rate.lines[1]", "L1"), (ProblemCodes.RiskMeasureBalance, "npl_rate.lines[2].balance", "-5")],
            result.Problems.Select(p => (p.Code, p.Path, p.AttemptedValue)));
    }

    [Fact]
    public void Apply_EmptyBook_EmptyBookProblem()
    {
        var none = RiskMeasure.NonPerformingRatio("npl_rate", []).Apply([]);
        var zero = RiskMeasure.NonPerformingRatio("npl_rate", [LoanLine.Create("L1", 0m, true)]).Apply([]);

        Assert.Equal(ProblemCodes.RiskMeasureEmptyBook, Assert.Single(none.Problems).Code);
        Assert.Equal(ProblemCodes.RiskMeasureEmptyBook, Assert.Single(zero.Problems).Code);
    }

    [Fact]
    public void Apply_BalancesOverflow_ValueOverflowProblem()
    {
        var measure = RiskMeasure.NonPerformingRatio("npl_rate", [LoanLine.Create("L1", decimal.MaxValue, false), LoanLine.Create("L2", decimal.MaxValue, true)]);

        Assert.Equal(ProblemCodes.ValueOverflow, Assert.Single(measure.Apply([]).Problems).Code);
    }

    [Fact]
    public void NonPerformingRatio_Misuse_Throws()
    {
        Assert.Throws<ArgumentException>(() => RiskMeasure.NonPerformingRatio("npl rate", []));
        Assert.Throws<ArgumentNullException>(() => RiskMeasure.NonPerformingRatio(null!, []));
        Assert.Throws<ArgumentNullException>(() => RiskMeasure.NonPerformingRatio("npl", null!));
        Assert.Throws<ArgumentException>(() => RiskMeasure.NonPerformingRatio("npl", [null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskMeasure.NonPerformingRatio("npl", [], 0m));
        Assert.Throws<ArgumentNullException>(() => Book().Apply(null!));
        Assert.Throws<ArgumentException>(() => Book().Apply([null!]));
    }

    [Property]
    public bool Apply_NoExemptions_AfterEqualsBefore(int[] balances, bool[] flags)
    {
        var lines = balances.Select((b, i) => LoanLine.Create("L" + i, Math.Abs((long)b), i < flags.Length && flags[i])).ToList();
        var result = RiskMeasure.NonPerformingRatio("npl_rate", lines, 100m).Apply([]);
        if (!result.Succeeded)
        {
            return lines.Sum(l => l.Balance) == 0m && result.Problems.Single().Code == ProblemCodes.RiskMeasureEmptyBook;
        }

        return result.Before.Numerator == result.After.Numerator && result.Before.Denominator == result.After.Denominator
               && result.Before.Value == result.After.Value && result.Exempted.IsEmpty;
    }

    [Property]
    public bool Apply_ExemptingNonPerformingLoans_NeverRaisesTheRatio(int[] balances, bool[] flags, bool[] exempt)
    {
        var lines = balances.Select((b, i) => LoanLine.Create("L" + i, Math.Abs((long)b), i < flags.Length && flags[i])).ToList();
        var exemptions = lines.Where((l, i) => l.IsNonPerforming && i < exempt.Length && exempt[i]).Select(l => Exempt(l.LoanId)).ToList();
        var result = RiskMeasure.NonPerformingRatio("npl_rate", lines, 100m).Apply(exemptions);

        return !result.Succeeded
            || (result.After.Value <= result.Before.Value && result.After.Denominator == result.Before.Denominator
                && result.Before.Numerator - result.After.Numerator == lines.Where(l => exemptions.Any(e => e.LoanId == l.LoanId)).Sum(l => l.Balance));
    }
}
