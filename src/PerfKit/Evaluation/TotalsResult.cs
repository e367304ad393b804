using PerfKit.Model;

namespace PerfKit.Evaluation;

/// <summary>
/// The numbers of one subject's evaluation without the explanation (the totals path of <see cref="SchemeEvaluator"/>):
/// base, bonus and penalty points, the exact and rounded totals, the grade, gate outcomes and the payout. Each number
/// equals, to the last digit, the same-named member of the <see cref="Assessment"/> the full path gives for the same
/// subject; a subject the full path refuses is refused here too (<see cref="Succeeded"/> false).
/// </summary>
/// <remarks>Immutable and thread-safe. A plain value: copying it allocates nothing.</remarks>
public readonly struct TotalsResult
{
    internal TotalsResult(string? subjectId, decimal basePoints, decimal bonusPoints, decimal penaltyPoints, decimal unclampedTotal, decimal exactTotal, decimal roundedTotal, int gradeIndex, int earnedGradeIndex, decimal coefficient, bool payoutCancelled, int failedGates, decimal? payout)
    {
        SubjectId = subjectId;
        Succeeded = true;
        BasePoints = basePoints;
        BonusPoints = bonusPoints;
        PenaltyPoints = penaltyPoints;
        UnclampedTotal = unclampedTotal;
        ExactTotal = exactTotal;
        RoundedTotal = roundedTotal;
        GradeIndex = gradeIndex;
        EarnedGradeIndex = earnedGradeIndex;
        Coefficient = coefficient;
        PayoutCancelled = payoutCancelled;
        FailedGates = failedGates;
        Payout = payout;
    }

    private TotalsResult(string? subjectId, string problemCode, string problemPath)
    {
        SubjectId = subjectId;
        ProblemCode = problemCode;
        ProblemPath = problemPath;
        GradeIndex = -1;
        EarnedGradeIndex = -1;
    }

    /// <summary>Gets the subject's id when the subject was given as a <see cref="SubjectInput"/>; null for values given by slot.</summary>
    public string? SubjectId { get; }

    /// <summary>
    /// Gets a value indicating whether the subject was evaluated. When false, <see cref="ProblemCode"/> and
    /// <see cref="ProblemPath"/> name the first problem, the numbers are zero, and <see cref="SchemeEvaluator.Evaluate"/>
    /// on the same subject returns every problem with its message.
    /// </summary>
    public bool Succeeded { get; }

    /// <summary>Gets the code of the first problem (see <see cref="ProblemCodes"/>), or null on success.</summary>
    public string? ProblemCode { get; }

    /// <summary>Gets the path (node, measure or member) of the first problem, or null on success.</summary>
    public string? ProblemPath { get; }

    /// <summary>Gets the base points: root score × P, exact (<see cref="Assessment.BasePoints"/>).</summary>
    public decimal BasePoints { get; }

    /// <summary>Gets the bonus points applied (<see cref="Assessment.BonusPoints"/>).</summary>
    public decimal BonusPoints { get; }

    /// <summary>Gets the penalty points applied (<see cref="Assessment.PenaltyPoints"/>).</summary>
    public decimal PenaltyPoints { get; }

    /// <summary>Gets base + bonus − penalty before the clamp (<see cref="Assessment.UnclampedTotal"/>).</summary>
    public decimal UnclampedTotal { get; }

    /// <summary>Gets the exact total, clamped once (<see cref="Assessment.ExactTotal"/>).</summary>
    public decimal ExactTotal { get; }

    /// <summary>Gets the total rounded once by the scheme's policy (<see cref="Assessment.RoundedTotal"/>).</summary>
    public decimal RoundedTotal { get; }

    /// <summary>Gets the index in <see cref="Scheme.Grades"/> of the grade after any capGrade gate (<see cref="Assessment.Grade"/>); −1 on failure.</summary>
    public int GradeIndex { get; }

    /// <summary>Gets the index in <see cref="Scheme.Grades"/> of the grade the rounded total earned (<see cref="Assessment.EarnedGrade"/>); −1 on failure.</summary>
    public int EarnedGradeIndex { get; }

    /// <summary>Gets the pay coefficient of the grade (<see cref="Assessment.Coefficient"/>).</summary>
    public decimal Coefficient { get; }

    /// <summary>Gets a value indicating whether a failed cancelPayout gate cancelled the pay (<see cref="Assessment.PayoutCancelled"/>).</summary>
    public bool PayoutCancelled { get; }

    /// <summary>Gets the number of gates that failed; each gate's outcome can be written to a caller's buffer.</summary>
    public int FailedGates { get; }

    /// <summary>Gets the payout (<see cref="Assessment.Payout"/>): null without base pay.</summary>
    public decimal? Payout { get; }

    internal static TotalsResult Failure(string? subjectId, string code, string path) => new(subjectId, code, path);

    internal TotalsResult WithSubject(string? subjectId)
        => new(subjectId, BasePoints, BonusPoints, PenaltyPoints, UnclampedTotal, ExactTotal, RoundedTotal, GradeIndex, EarnedGradeIndex, Coefficient, PayoutCancelled, FailedGates, Payout);
}
