using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Scoring;

/// <summary>
/// A scorer kind, registered by name in a <see cref="ScorerRegistry"/>: it checks a <see cref="ScorerSpec"/>'s
/// parameters and creates the <see cref="IScorer"/> that maps a period value to a normalized score.
/// This is the extension point for a host's own scoring rules.
/// </summary>
/// <remarks>Implementations must be thread-safe and free of side effects.</remarks>
public interface IScorerKind
{
    /// <summary>Gets the kind name used in schemes and files, e.g. <c>closeness</c>; letters, digits, '-' and '_'.</summary>
    string Name { get; }

    /// <summary>Gets the kind's version; it enters the scheme's audit trail so a changed formula is visible.</summary>
    string Version { get; }

    /// <summary>
    /// Reads the parameters, reporting every problem through <paramref name="parameters"/>, and creates the scorer.
    /// When any problem was reported the returned scorer is discarded.
    /// </summary>
    /// <param name="parameters">The parameters with problem reporting; unread parameters are reported as unknown.</param>
    /// <returns>The scorer, or <see langword="null"/> when the parameters are unusable.</returns>
    IScorer? Create(ScorerParameterReader parameters);
}

/// <summary>
/// Maps an indicator's period value to a normalized score where 1 means "target met" (spec §3).
/// Deterministic, decimal in and decimal out, and it explains itself through <see cref="ScoreOutcome"/>.
/// </summary>
/// <remarks>Implementations must be immutable and thread-safe.</remarks>
public interface IScorer
{
    /// <summary>Gets the kind of value read.</summary>
    MeasureKind InputKind { get; }

    /// <summary>Gets which way values are better; <see cref="ScoreDirection.None"/> for a scorer that is not monotone.</summary>
    ScoreDirection Direction { get; }

    /// <summary>Gets the score of the worst possible value (used by the <c>minimum</c> missing-value policy).</summary>
    decimal MinimumScore { get; }

    /// <summary>Gets the score of the best possible value.</summary>
    decimal MaximumScore { get; }

    /// <summary>Scores one value.</summary>
    /// <param name="value">The value, of <see cref="InputKind"/>.</param>
    /// <returns>The score with its intermediate values, or a data problem.</returns>
    ScoreOutcome Score(MeasureValue value);
}

/// <summary>The outcome of scoring one value: a score with intermediate values and notes, or a data problem.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct ScoreOutcome
{
    private ScoreOutcome(bool valid, bool missing, decimal score, ImmutableArray<KeyValuePair<string, decimal>> intermediates, ImmutableArray<string> notes, string? errorCode, string? errorMessage)
    {
        IsValid = valid;
        IsMissing = missing;
        Score = score;
        Intermediates = intermediates.IsDefault ? [] : intermediates;
        Notes = notes.IsDefault ? [] : notes;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Gets a value indicating whether the value was scored.</summary>
    public bool IsValid { get; }

    /// <summary>Gets a value indicating whether the value counts as missing (e.g. no ratings at all); the indicator's missing-value policy applies.</summary>
    public bool IsMissing { get; }

    /// <summary>Gets the normalized score when <see cref="IsValid"/>.</summary>
    public decimal Score { get; }

    /// <summary>Gets named intermediate values, e.g. <c>ratio</c>, for the explanation.</summary>
    public ImmutableArray<KeyValuePair<string, decimal>> Intermediates { get; }

    /// <summary>Gets notes for the explanation, e.g. which rater roles were dropped.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the problem code when the value could not be scored.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the problem sentence when the value could not be scored.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Creates a successful outcome.</summary>
    /// <param name="score">The normalized score, within the scorer's minimum and maximum.</param>
    /// <param name="intermediates">Named intermediate values, or default for none.</param>
    /// <param name="notes">Notes, or default for none.</param>
    /// <returns>The outcome.</returns>
    public static ScoreOutcome Scored(decimal score, ImmutableArray<KeyValuePair<string, decimal>> intermediates = default, ImmutableArray<string> notes = default)
        => new(true, false, score, intermediates, notes, null, null);

    /// <summary>Creates an outcome for a value that is present but unusable (e.g. a rating outside the scale).</summary>
    /// <param name="code">A stable problem code such as <c>rating.outOfScale</c>.</param>
    /// <param name="message">A sentence saying what is wrong and what is allowed.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is blank.</exception>
    public static ScoreOutcome Invalid(string code, string message) => new(false, false, 0m, default, default, Guard.NotBlank(code), Guard.NotBlank(message));

    /// <summary>Creates an outcome for a value that counts as missing (the indicator's missing-value policy applies).</summary>
    /// <param name="message">Why the value counts as missing.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is blank.</exception>
    public static ScoreOutcome Missing(string message) => new(false, true, 0m, default, default, ProblemCodes.ValueMissing, Guard.NotBlank(message));
}
