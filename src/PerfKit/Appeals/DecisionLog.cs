using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime.Text;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Periods;

namespace PerfKit.Appeals;

/// <summary>
/// The append-only decision log of one subject for one period: overrides, appeals, resolutions, confirmations and
/// exemptions in non-decreasing instant order. Appending returns a new log; the confirmation state and the overrides
/// to apply are derived from the entries alone.
/// </summary>
/// <remarks>Immutable and thread-safe. Start one with <see cref="Start"/>.</remarks>
public sealed class DecisionLog
{
    private DecisionLog(string subjectId, AssessmentPeriod period, ImmutableArray<DecisionEntry> entries, ConfirmationState state)
    {
        SubjectId = subjectId;
        Period = period;
        Entries = entries;
        State = state;
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the period the decisions concern.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the entries in the order appended (non-decreasing instants).</summary>
    public ImmutableArray<DecisionEntry> Entries { get; }

    /// <summary>Gets the confirmation state the entries lead to (see <see cref="ConfirmationMachine"/>); <see cref="ConfirmationState.Pending"/> when empty.</summary>
    public ConfirmationState State { get; }

    /// <summary>
    /// Gets the overrides to apply on re-evaluation: per indicator path (normalized as the scheme does, so <c>/a/b</c>
    /// and <c>a/b</c> are one) and kind, the latest override entry supersedes the earlier ones; in the order of the
    /// surviving entries.
    /// </summary>
    public ImmutableArray<Override> Overrides
    {
        get
        {
            var latest = new Dictionary<(OverrideKind, string), int>();
            for (var i = 0; i < Entries.Length; i++)
            {
                if (Entries[i].Override is { } o)
                {
                    latest[(o.Kind, Scheme.NormalizePath(o.Path))] = i;
                }
            }

            var result = ImmutableArray.CreateBuilder<Override>(latest.Count);
            for (var i = 0; i < Entries.Length; i++)
            {
                if (Entries[i].Override is { } o && latest[(o.Kind, Scheme.NormalizePath(o.Path))] == i)
                {
                    result.Add(o);
                }
            }

            return result.ToImmutable();
        }
    }

    /// <summary>Starts an empty log (state <see cref="ConfirmationState.Pending"/>).</summary>
    /// <param name="subjectId">The subject's id; non-blank.</param>
    /// <param name="period">The period.</param>
    /// <returns>The empty log.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is blank.</exception>
    public static DecisionLog Start(string subjectId, AssessmentPeriod period)
        => new(Guard.NotBlank(subjectId), Guard.NotNull(period), [], ConfirmationState.Pending);

    /// <summary>Gets the exemptions logged for a risk measure, in log order (feed them to <see cref="RiskMeasure.Apply"/>).</summary>
    /// <param name="measure">The risk measure's key.</param>
    /// <returns>The exemptions; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    public ImmutableArray<LoanExemption> ExemptionsFor(string measure)
    {
        Guard.NotNull(measure);
        var result = ImmutableArray.CreateBuilder<LoanExemption>();
        foreach (var entry in Entries)
        {
            if (entry.Exemption is { } e && string.Equals(entry.Measure, measure, StringComparison.Ordinal))
            {
                result.Add(e);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Appends an entry, returning the new log; this log is unchanged.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The new log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="DecisionLogException">The entry is dated before the last entry (<c>decision.order</c>), or is not allowed in the current state (<c>decision.transition</c>, naming the from and to states).</exception>
    public DecisionLog Append(DecisionEntry entry)
        => TryAppend(entry, out var log, out var problem) ? log : throw new DecisionLogException(problem);

    /// <summary>Appends an entry without throwing for a refused entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="log">The new log, or <see langword="null"/> when refused.</param>
    /// <param name="problem">Why it was refused (<c>decision.order</c> or <c>decision.transition</c>, path <c>entries[i]</c>), or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public bool TryAppend(DecisionEntry entry, [NotNullWhen(true)] out DecisionLog? log, [NotNullWhen(false)] out Problem? problem)
    {
        Guard.NotNull(entry);
        var path = "entries[" + Entries.Length.ToString(CultureInfo.InvariantCulture) + "]";
        log = null;
        if (!Entries.IsEmpty && entry.DecidedAt < Entries[^1].DecidedAt)
        {
            problem = new Problem(ProblemCodes.DecisionOrder, path, InstantPattern.ExtendedIso.Format(entry.DecidedAt),
                $"The log is append-only in time order: this {ConfirmationMachine.Name(entry.Kind)} entry is dated before the last entry ({InstantPattern.ExtendedIso.Format(Entries[^1].DecidedAt)}).",
                SubjectId);
            return false;
        }

        if (!ConfirmationMachine.TryNext(State, entry.Kind, out var next))
        {
            var sentence = ConfirmationMachine.Illegal(State, entry.Kind);
            problem = new Problem(ProblemCodes.DecisionTransition, path, ConfirmationMachine.Name(entry.Kind), char.ToUpperInvariant(sentence[0]) + sentence[1..], SubjectId);
            return false;
        }

        problem = null;
        log = new DecisionLog(SubjectId, Period, Entries.Add(entry), next);
        return true;
    }

    /// <summary>
    /// Returns the subject's input with the log's <see cref="Overrides"/> added, for re-evaluation. An override of the
    /// input for the same indicator and kind is replaced by the log's; the rest of the input (values, ratings, attributes, base pay, presence) is kept as it is.
    /// </summary>
    /// <param name="input">The original input of the same subject.</param>
    /// <returns>The input to re-evaluate (the original itself when the log has no override).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> belongs to another subject.</exception>
    public SubjectInput ApplyTo(SubjectInput input)
    {
        Guard.NotNull(input);
        if (!string.Equals(input.SubjectId, SubjectId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The input is subject '{input.SubjectId}'s, the log subject '{SubjectId}'s.", nameof(input));
        }

        var logged = Overrides;
        if (logged.IsEmpty)
        {
            return input;
        }

        var replaced = new HashSet<(OverrideKind, string)>();
        foreach (var o in logged)
        {
            replaced.Add((o.Kind, Scheme.NormalizePath(o.Path)));
        }

        var overrides = ImmutableArray.CreateBuilder<Override>();
        foreach (var o in input.Overrides)
        {
            if (!replaced.Contains((o.Kind, Scheme.NormalizePath(o.Path))))
            {
                overrides.Add(o);
            }
        }

        overrides.AddRange(logged);
        return input.WithOverrides(overrides.ToImmutable());
    }
}

/// <summary>Thrown by <see cref="DecisionLog.Append"/> when an entry is refused; the <see cref="Problem"/> says why.</summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class DecisionLogException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">Why the entry was refused.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    public DecisionLogException(Problem problem)
        : base(Guard.NotNull(problem).ToString()) => Problem = problem;

    /// <summary>Gets why the entry was refused.</summary>
    public Problem Problem { get; }
}
