using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using PerfKit.Evaluation;
using PerfKit.Internal;

namespace PerfKit.Appeals;

/// <summary>One loan of a risk measure: its id, balance and whether it is non-performing.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LoanLine
{
    private LoanLine(string loanId, decimal balance, bool nonPerforming)
    {
        LoanId = loanId;
        Balance = balance;
        IsNonPerforming = nonPerforming;
    }

    /// <summary>Gets the loan's id (compared ordinally).</summary>
    public string LoanId { get; }

    /// <summary>Gets the balance (≥ 0 for a valid measure).</summary>
    public decimal Balance { get; }

    /// <summary>Gets a value indicating whether the loan is classified non-performing (substandard, doubtful or loss).</summary>
    public bool IsNonPerforming { get; }

    /// <summary>Creates a line item.</summary>
    /// <param name="loanId">The loan's id; non-blank.</param>
    /// <param name="balance">The balance; a negative one is reported as <c>riskMeasure.balance</c> by the measure.</param>
    /// <param name="nonPerforming">Whether the loan is non-performing.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loanId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="loanId"/> is blank.</exception>
    public static LoanLine Create(string loanId, decimal balance, bool nonPerforming) => new(Guard.NotBlank(loanId), balance, nonPerforming);
}

/// <summary>A due-diligence exemption (尽职免责): a named loan whose loss does not count against the subject, with reason, approver and instant.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LoanExemption
{
    private LoanExemption(string loanId, string reason, string approver, Instant approvedAt)
    {
        LoanId = loanId;
        Reason = reason;
        Approver = approver;
        ApprovedAt = approvedAt;
    }

    /// <summary>Gets the exempted loan's id.</summary>
    public string LoanId { get; }

    /// <summary>Gets why (e.g. the due-diligence review's finding).</summary>
    public string Reason { get; }

    /// <summary>Gets who approved it.</summary>
    public string Approver { get; }

    /// <summary>Gets when it was approved.</summary>
    public Instant ApprovedAt { get; }

    /// <summary>Creates an exemption.</summary>
    /// <param name="loanId">The loan's id; non-blank.</param>
    /// <param name="reason">Why; non-blank.</param>
    /// <param name="approver">Who approved; non-blank.</param>
    /// <param name="approvedAt">When.</param>
    /// <returns>The exemption.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is blank.</exception>
    public static LoanExemption Create(string loanId, string reason, string approver, Instant approvedAt)
        => new(Guard.NotBlank(loanId), Guard.NotBlank(reason), Guard.NotBlank(approver), approvedAt);
}

/// <summary>A ratio's numerator, denominator and value: value = numerator × scale ÷ denominator, one division, exact.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RatioFigures
{
    internal RatioFigures(decimal numerator, decimal denominator, decimal value)
    {
        Numerator = numerator;
        Denominator = denominator;
        Value = value;
    }

    /// <summary>Gets the numerator (e.g. the non-performing balance).</summary>
    public decimal Numerator { get; }

    /// <summary>Gets the denominator (e.g. the total loan balance).</summary>
    public decimal Denominator { get; }

    /// <summary>Gets numerator × scale ÷ denominator.</summary>
    public decimal Value { get; }
}

/// <summary>
/// A risk measure computed from loan-level data, e.g. the NPL ratio = non-performing balance ÷ total loan balance,
/// with due-diligence exemptions (尽职免责). An exempted loan leaves the <b>numerator only</b>: its loss no longer
/// counts against the subject, while the loan stays in the book the subject manages, so an exemption never raises
/// the ratio.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RiskMeasure
{
    private RiskMeasure(string measure, ImmutableArray<LoanLine> lines, decimal scale)
    {
        Measure = measure;
        Lines = lines;
        Scale = scale;
    }

    /// <summary>Gets the measure key the value feeds (e.g. <c>npl_rate</c>).</summary>
    public string Measure { get; }

    /// <summary>Gets the line items in given order.</summary>
    public ImmutableArray<LoanLine> Lines { get; }

    /// <summary>Gets the factor the ratio is written in: 1 for a fraction, 100 for a percentage.</summary>
    public decimal Scale { get; }

    /// <summary>Creates the non-performing-loan ratio: Σ balance of non-performing lines × scale ÷ Σ balance of all lines.</summary>
    /// <param name="measure">The measure key, e.g. <c>npl_rate</c>.</param>
    /// <param name="lines">The loans.</param>
    /// <param name="scale">1 for a fraction (0.015), 100 for a percentage (1.5), as the scheme's indicator reads it; &gt; 0.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> or <paramref name="lines"/> is null, or a line is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="measure"/> breaks the measure-key rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not positive.</exception>
    public static RiskMeasure NonPerformingRatio(string measure, IEnumerable<LoanLine> lines, decimal scale = 1m)
    {
        var key = DecisionEntry.MeasureKey(measure);
        var items = Guard.NoNullItems(lines).ToImmutableArray();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(scale, 0m);
        return new RiskMeasure(key, items, scale);
    }

    /// <summary>
    /// Computes the measure before and after the exemptions. Problems (never thrown): a loan id on two lines, a negative
    /// balance, a book with no balance, an exemption naming an unknown loan, a loan exempted twice, an exemption of a
    /// performing loan, a decimal overflow; each names the loan.
    /// </summary>
    /// <param name="exemptions">The exemptions, e.g. <see cref="DecisionLog.ExemptionsFor"/>; empty leaves the measure unchanged.</param>
    /// <param name="subjectId">The subject the problems are reported for, or <see langword="null"/>.</param>
    /// <returns>The result: before and after figures, the exemptions applied, or the problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exemptions"/> is null or holds null.</exception>
    public RiskMeasureResult Apply(IEnumerable<LoanExemption> exemptions, string? subjectId = null)
    {
        var given = Guard.NoNullItems(exemptions).ToImmutableArray();
        var problems = ImmutableArray.CreateBuilder<Problem>();
        var byId = new Dictionary<string, LoanLine>(StringComparer.Ordinal);
        for (var i = 0; i < Lines.Length; i++)
        {
            var line = Lines[i];
            var path = Measure + ".lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (!byId.TryAdd(line.LoanId, line))
            {
                problems.Add(new Problem(ProblemCodes.RiskMeasureDuplicateLoan, path, line.LoanId, $"Loan '{line.LoanId}' is listed twice; list each loan once.", subjectId));
            }

            if (line.Balance < 0m)
            {
                problems.Add(new Problem(ProblemCodes.RiskMeasureBalance, path + ".balance", DecimalText.Canonical(line.Balance), $"The balance of loan '{line.LoanId}' is negative; it must be at least 0.", subjectId));
            }
        }

        RatioFigures? before = null;
        decimal nonPerforming = 0m, total = 0m;
        if (problems.Count == 0)
        {
            try
            {
                foreach (var line in Lines)
                {
                    total += line.Balance;
                    if (line.IsNonPerforming)
                    {
                        nonPerforming += line.Balance;
                    }
                }

                if (total == 0m)
                {
                    problems.Add(new Problem(ProblemCodes.RiskMeasureEmptyBook, Measure, "0", "The total loan balance is 0, so the ratio has no denominator.", subjectId));
                }
                else
                {
                    before = new RatioFigures(nonPerforming, total, nonPerforming * Scale / total);
                }
            }
            catch (OverflowException)
            {
                problems.Add(new Problem(ProblemCodes.ValueOverflow, Measure, null, "The loan balances overflow the decimal range.", subjectId));
            }
        }

        var exempted = new Dictionary<string, LoanExemption>(StringComparer.Ordinal);
        var applied = ImmutableArray.CreateBuilder<LoanExemption>();
        var exemptedBalance = 0m;
        for (var i = 0; i < given.Length; i++)
        {
            var e = given[i];
            var path = Measure + ".exemptions[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (!byId.TryGetValue(e.LoanId, out var line))
            {
                problems.Add(new Problem(ProblemCodes.ExemptionUnknownLoan, path, e.LoanId, $"The exemption names loan '{e.LoanId}', which is not among the measure's loans.", subjectId));
            }
            else if (!exempted.TryAdd(e.LoanId, e))
            {
                problems.Add(new Problem(ProblemCodes.ExemptionDuplicate, path, e.LoanId, $"Loan '{e.LoanId}' is exempted twice; exempt each loan once.", subjectId));
            }
            else if (!line.IsNonPerforming)
            {
                problems.Add(new Problem(ProblemCodes.ExemptionPerforming, path, e.LoanId, $"Loan '{e.LoanId}' is performing, so it carries no loss to exempt.", subjectId));
            }
            else
            {
                applied.Add(e);
                exemptedBalance += line.Balance;
            }
        }

        if (problems.Count > 0 || before is null)
        {
            return new RiskMeasureResult(Measure, before, null, [], problems.ToImmutable());
        }

        // Numerator only: the exempted loss leaves Σ non-performing; the loan stays in Σ balance.
        var numerator = nonPerforming - exemptedBalance;
        var after = new RatioFigures(numerator, total, numerator * Scale / total);
        return new RiskMeasureResult(Measure, before, after, applied.ToImmutable(), []);
    }
}

/// <summary>A risk measure before and after its due-diligence exemptions, or the problems that prevented it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RiskMeasureResult
{
    internal RiskMeasureResult(string measure, RatioFigures? before, RatioFigures? after, ImmutableArray<LoanExemption> exempted, ImmutableArray<Problem> problems)
    {
        Measure = measure;
        Before = before;
        After = after;
        Exempted = exempted;
        Problems = problems;
    }

    /// <summary>Gets the measure key.</summary>
    public string Measure { get; }

    /// <summary>Gets a value indicating whether the measure was computed without problems.</summary>
    [MemberNotNullWhen(true, nameof(Before), nameof(After))]
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>Gets the figures before the exemptions, or <see langword="null"/> when the loans themselves have problems.</summary>
    public RatioFigures? Before { get; }

    /// <summary>Gets the figures after the exemptions (same denominator, exempted losses left out of the numerator), or <see langword="null"/> on problems.</summary>
    public RatioFigures? After { get; }

    /// <summary>Gets the exemptions applied, in given order (empty on problems).</summary>
    public ImmutableArray<LoanExemption> Exempted { get; }

    /// <summary>Gets the problems (empty on success).</summary>
    public ImmutableArray<Problem> Problems { get; }
}

/// <summary>Feeds a <see cref="RiskMeasureResult"/> into a subject's input.</summary>
/// <remarks>Thread-safe (stateless).</remarks>
public static class RiskMeasureInput
{
    /// <summary>Sets the measure's value to its after-exemption value (<see cref="RiskMeasureResult.After"/>).</summary>
    /// <param name="builder">The subject's input builder.</param>
    /// <param name="result">A successful risk measure result.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="result"/> has problems (check <see cref="RiskMeasureResult.Succeeded"/> first).</exception>
    public static SubjectInputBuilder Value(this SubjectInputBuilder builder, RiskMeasureResult result)
    {
        Guard.NotNull(builder);
        Guard.NotNull(result);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The risk measure '{result.Measure}' has problems, so it has no value to feed: " + string.Join("; ", result.Problems));
        }

        return builder.Value(result.Measure, result.After.Value);
    }
}
