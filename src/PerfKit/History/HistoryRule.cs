using System;
using PerfKit.Internal;
using PerfKit.Periods;

namespace PerfKit.History;

/// <summary>What a <see cref="HistoryRule"/> looks at.</summary>
public enum HistoryRuleKind
{
    /// <summary>A run of at least N consecutive calendar periods whose grades all match.</summary>
    ConsecutiveGrades,

    /// <summary>Any single period whose grade matches.</summary>
    AnyGrade,

    /// <summary>The mean of the totals of N consecutive calendar periods compared with a value.</summary>
    RollingMean,
}

/// <summary>How a period's grade is compared with a rule's grade, on the scale best to worst.</summary>
public enum GradeComparison
{
    /// <summary>The same grade.</summary>
    Exactly,

    /// <summary>The same grade or a better one.</summary>
    OrBetter,

    /// <summary>The same grade or a worse one.</summary>
    OrWorse,

    /// <summary>A strictly better grade.</summary>
    BetterThan,

    /// <summary>A strictly worse grade ("below C").</summary>
    WorseThan,
}

/// <summary>How a rolling mean is compared with a rule's value.</summary>
public enum ValueComparison
{
    /// <summary>mean ≥ value.</summary>
    AtLeast,

    /// <summary>mean ≤ value.</summary>
    AtMost,

    /// <summary>mean &gt; value.</summary>
    Above,

    /// <summary>mean &lt; value.</summary>
    Below,
}

/// <summary>
/// A history rule as data (e.g. "graded A in two consecutive years → eligible for management promotion"): an id, the
/// outcome it triggers, and a condition on a subject's past results of one calendar period kind. Consecutive means
/// consecutive calendar periods (<see cref="AssessmentPeriod.Previous"/>): a period without a record breaks a run.
/// </summary>
/// <remarks>Immutable and thread-safe. Validated with the other rules of a set by <see cref="HistoryRuleSet.Create"/>.</remarks>
public sealed class HistoryRule
{
    private HistoryRule(HistoryRuleKind kind, string id, string outcome, PeriodKind periodKind, string? grade, GradeComparison? gradeComparison, int count, ValueComparison? valueComparison, decimal? value)
    {
        Kind = kind;
        Id = id;
        Outcome = outcome;
        PeriodKind = periodKind;
        Grade = grade;
        GradeComparison = gradeComparison;
        Count = count;
        ValueComparison = valueComparison;
        Value = value;
    }

    /// <summary>Gets what the rule looks at.</summary>
    public HistoryRuleKind Kind { get; }

    /// <summary>Gets the rule's id, unique in its set.</summary>
    public string Id { get; }

    /// <summary>Gets the outcome the rule triggers (e.g. <c>management-promotion</c>, <c>training-or-transfer</c>, <c>warning</c>).</summary>
    public string Outcome { get; }

    /// <summary>Gets the calendar period kind whose records the rule reads (records of other kinds are ignored).</summary>
    public PeriodKind PeriodKind { get; }

    /// <summary>Gets the grade compared with, for grade rules; <see langword="null"/> for a rolling mean.</summary>
    public string? Grade { get; }

    /// <summary>Gets how grades are compared, for grade rules.</summary>
    public GradeComparison? GradeComparison { get; }

    /// <summary>Gets the number of consecutive periods (1 for <see cref="HistoryRuleKind.AnyGrade"/>).</summary>
    public int Count { get; }

    /// <summary>Gets how the mean is compared, for a rolling mean.</summary>
    public ValueComparison? ValueComparison { get; }

    /// <summary>Gets the value the mean is compared with, for a rolling mean.</summary>
    public decimal? Value { get; }

    /// <summary>A run of at least <paramref name="count"/> consecutive periods whose grades all match (e.g. A, exactly, 2, years).</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="outcome">The outcome triggered.</param>
    /// <param name="grade">The grade compared with.</param>
    /// <param name="comparison">How grades are compared.</param>
    /// <param name="count">The number of consecutive periods, 1 to 1000.</param>
    /// <param name="periodKind">The calendar period kind.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparison"/> is not a defined value.</exception>
    public static HistoryRule ConsecutiveGrades(string id, string outcome, string grade, GradeComparison comparison, int count, PeriodKind periodKind)
        => new(HistoryRuleKind.ConsecutiveGrades, Guard.NotNull(id), Guard.NotNull(outcome), periodKind, Guard.NotNull(grade), Defined(comparison), count, null, null);

    /// <summary>Any single period whose grade matches (e.g. D, exactly, years).</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="outcome">The outcome triggered.</param>
    /// <param name="grade">The grade compared with.</param>
    /// <param name="comparison">How grades are compared.</param>
    /// <param name="periodKind">The calendar period kind.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparison"/> is not a defined value.</exception>
    public static HistoryRule AnyGrade(string id, string outcome, string grade, GradeComparison comparison, PeriodKind periodKind)
        => new(HistoryRuleKind.AnyGrade, Guard.NotNull(id), Guard.NotNull(outcome), periodKind, Guard.NotNull(grade), Defined(comparison), 1, null, null);

    /// <summary>
    /// The mean of the rounded totals of <paramref name="count"/> consecutive periods compared with <paramref name="value"/>
    /// (e.g. the mean of four quarters at least 85), so one strong or weak period does not decide alone.
    /// </summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="outcome">The outcome triggered.</param>
    /// <param name="count">The number of consecutive periods, 1 to 1000.</param>
    /// <param name="comparison">How the mean is compared.</param>
    /// <param name="value">The value, within ±10^24.</param>
    /// <param name="periodKind">The calendar period kind.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparison"/> is not a defined value.</exception>
    public static HistoryRule RollingMean(string id, string outcome, int count, ValueComparison comparison, decimal value, PeriodKind periodKind)
        => new(HistoryRuleKind.RollingMean, Guard.NotNull(id), Guard.NotNull(outcome), periodKind, null, null, count, Defined(comparison), value);

    /// <summary>Describes the rule in a sentence, e.g. <c>graded A (exactly) in 2 consecutive year periods → management-promotion</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        HistoryRuleKind.ConsecutiveGrades => $"{Id}: graded {GradeText()} in {Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} consecutive {Names.Period(PeriodKind)} periods → {Outcome}",
        HistoryRuleKind.AnyGrade => $"{Id}: graded {GradeText()} in a {Names.Period(PeriodKind)} period → {Outcome}",
        _ => $"{Id}: mean total of {Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} consecutive {Names.Period(PeriodKind)} periods {Names.Symbol(ValueComparison!.Value)} {DecimalText.Canonical(Value!.Value)} → {Outcome}",
    };

    private string GradeText() => GradeComparison switch
    {
        History.GradeComparison.Exactly => Grade!,
        History.GradeComparison.OrBetter => Grade + " or better",
        History.GradeComparison.OrWorse => Grade + " or worse",
        History.GradeComparison.BetterThan => "better than " + Grade,
        _ => "worse than " + Grade,
    };

    private static T Defined<T>(T value)
        where T : struct, Enum
        => Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined comparison.");
}
