using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using PerfKit.Periods;

namespace PerfKit.History;

/// <summary>One rule triggered for one subject, with the periods that triggered it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HistoryTrigger
{
    internal HistoryTrigger(string subjectId, HistoryRule rule, ImmutableArray<AssessmentPeriod> periods, decimal? mean, string message)
    {
        SubjectId = subjectId;
        RuleId = rule.Id;
        Outcome = rule.Outcome;
        Periods = periods;
        Mean = mean;
        Message = message;
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the rule's id.</summary>
    public string RuleId { get; }

    /// <summary>Gets the outcome triggered.</summary>
    public string Outcome { get; }

    /// <summary>Gets the periods that triggered the rule, oldest first: the whole run, the one period, or the mean's window.</summary>
    public ImmutableArray<AssessmentPeriod> Periods { get; }

    /// <summary>Gets the rolling mean (Σ totals ÷ N; the decision compares Σ with value × N exactly), or <see langword="null"/> for grade rules.</summary>
    public decimal? Mean { get; }

    /// <summary>Gets a sentence naming the subject, the rule, the outcome and the periods.</summary>
    public string Message { get; }

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

/// <summary>The outcomes triggered for one subject.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SubjectOutcomes
{
    internal SubjectOutcomes(string subjectId, ImmutableArray<HistoryTrigger> triggers)
    {
        SubjectId = subjectId;
        Triggers = triggers;
        Outcomes = [.. triggers.Select(t => t.Outcome).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the distinct outcomes triggered, in the order of the rules that first triggered them.</summary>
    public ImmutableArray<string> Outcomes { get; }

    /// <summary>Gets the triggers, by rule in declared order, then oldest first.</summary>
    public ImmutableArray<HistoryTrigger> Triggers { get; }
}

/// <summary>The outcome of applying a <see cref="HistoryRuleSet"/> to a <see cref="PerformanceArchive"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HistoryEvaluation
{
    internal HistoryEvaluation(LocalDate? asOf, ImmutableArray<Problem> problems, ImmutableArray<SubjectOutcomes> subjects)
    {
        AsOf = asOf;
        Problems = problems;
        Subjects = subjects;
        Triggers = [.. subjects.SelectMany(s => s.Triggers)];
    }

    /// <summary>Gets the date the rules were applied as of, or <see langword="null"/> for the whole history.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>Gets a value indicating whether the rules could be applied (no problems).</summary>
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>Gets the problems that prevented it (e.g. a different grade scale), empty on success.</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets the subjects with at least one trigger, by subject id (ordinal).</summary>
    public ImmutableArray<SubjectOutcomes> Subjects { get; }

    /// <summary>Gets every trigger, by subject id, then rule in declared order, then oldest first.</summary>
    public ImmutableArray<HistoryTrigger> Triggers { get; }

    /// <summary>Gets the distinct outcomes triggered for a subject (empty when none).</summary>
    /// <param name="subjectId">The subject's id.</param>
    /// <returns>The outcomes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    public ImmutableArray<string> OutcomesFor(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        return Subjects.FirstOrDefault(s => string.Equals(s.SubjectId, subjectId, StringComparison.Ordinal))?.Outcomes ?? [];
    }
}
