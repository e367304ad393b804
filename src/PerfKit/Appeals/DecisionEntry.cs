using System;
using NodaTime;
using NodaTime.Text;
using PerfKit.Evaluation;
using PerfKit.Internal;

namespace PerfKit.Appeals;

/// <summary>What a <see cref="DecisionEntry"/> records.</summary>
public enum DecisionKind
{
    /// <summary>An override of an indicator's value or score (see <see cref="Override"/>); keeps the confirmation state.</summary>
    Override,

    /// <summary>The subject appeals the result: pending → appealed.</summary>
    Appeal,

    /// <summary>The appeal is decided: appealed → resolved.</summary>
    Resolution,

    /// <summary>The subject (or the assessor on their behalf) confirms the result: pending → confirmed.</summary>
    Confirmation,

    /// <summary>A due-diligence exemption (尽职免责) of a loan from a risk measure; keeps the confirmation state.</summary>
    Exemption,
}

/// <summary>
/// One entry of a <see cref="DecisionLog"/>: what was decided (an override, an appeal, its resolution, a confirmation,
/// an exemption), by whom, when, why, and an optional reference (an appeal number, a committee minute).
/// </summary>
/// <remarks>Immutable and thread-safe. Create with the static factories.</remarks>
public sealed class DecisionEntry
{
    private DecisionEntry(DecisionKind kind, string author, Instant decidedAt, string reason, string? reference, Override? decidedOverride, string? measure, LoanExemption? exemption)
    {
        Kind = kind;
        Author = author;
        DecidedAt = decidedAt;
        Reason = reason;
        Reference = reference;
        Override = decidedOverride;
        Measure = measure;
        Exemption = exemption;
    }

    /// <summary>Gets what the entry records.</summary>
    public DecisionKind Kind { get; }

    /// <summary>Gets who decided (for an override its author, for an exemption its approver).</summary>
    public string Author { get; }

    /// <summary>Gets when it was decided.</summary>
    public Instant DecidedAt { get; }

    /// <summary>Gets why.</summary>
    public string Reason { get; }

    /// <summary>Gets the reference (appeal number, minute, ticket), or <see langword="null"/>.</summary>
    public string? Reference { get; }

    /// <summary>Gets the override of an <see cref="DecisionKind.Override"/> entry, else <see langword="null"/>.</summary>
    public Override? Override { get; }

    /// <summary>Gets the risk measure key of an <see cref="DecisionKind.Exemption"/> entry, else <see langword="null"/>.</summary>
    public string? Measure { get; }

    /// <summary>Gets the exemption of an <see cref="DecisionKind.Exemption"/> entry, else <see langword="null"/>.</summary>
    public LoanExemption? Exemption { get; }

    /// <summary>Records an override; author, instant and reason are the override's.</summary>
    /// <param name="decided">The override, created with its instant (<c>Override.OfValue(…, decidedAt)</c> or <c>OfScore(…, decidedAt)</c>).</param>
    /// <param name="reference">An optional reference, e.g. the appeal's number; non-blank when given.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decided"/> is null.</exception>
    /// <exception cref="ArgumentException">The override has no <see cref="Override.DecidedAt"/>, or <paramref name="reference"/> is blank.</exception>
    public static DecisionEntry ForOverride(Override decided, string? reference = null)
    {
        Guard.NotNull(decided);
        if (decided.DecidedAt is not { } at)
        {
            throw new ArgumentException("A logged override needs the instant it was decided; create it with the overload that takes decidedAt.", nameof(decided));
        }

        return new DecisionEntry(DecisionKind.Override, decided.Author, at, decided.Reason, OptionalReference(reference), decided, null, null);
    }

    /// <summary>Records a due-diligence exemption of a loan from a risk measure; author, instant and reason are the exemption's.</summary>
    /// <param name="measure">The risk measure's key, e.g. <c>npl_rate</c>.</param>
    /// <param name="exemption">The exemption.</param>
    /// <param name="reference">An optional reference, e.g. the committee's minute; non-blank when given.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> or <paramref name="exemption"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="measure"/> breaks the measure-key rule, or <paramref name="reference"/> is blank.</exception>
    public static DecisionEntry ForExemption(string measure, LoanExemption exemption, string? reference = null)
    {
        Guard.NotNull(exemption);
        return new DecisionEntry(DecisionKind.Exemption, exemption.Approver, exemption.ApprovedAt, exemption.Reason, OptionalReference(reference), null, MeasureKey(measure), exemption);
    }

    /// <summary>Records an appeal (pending → appealed).</summary>
    /// <param name="author">Who appeals; non-blank.</param>
    /// <param name="decidedAt">When.</param>
    /// <param name="reason">The grounds; non-blank.</param>
    /// <param name="reference">An optional reference; non-blank when given.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="author"/> or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="author"/>, <paramref name="reason"/> or <paramref name="reference"/> is blank.</exception>
    public static DecisionEntry Appeal(string author, Instant decidedAt, string reason, string? reference = null)
        => Plain(DecisionKind.Appeal, author, decidedAt, reason, reference);

    /// <summary>Records the decision on an appeal (appealed → resolved); the overrides it grants are logged as override entries.</summary>
    /// <param name="author">Who decided; non-blank.</param>
    /// <param name="decidedAt">When.</param>
    /// <param name="reason">The decision; non-blank.</param>
    /// <param name="reference">An optional reference; non-blank when given.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="author"/> or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="author"/>, <paramref name="reason"/> or <paramref name="reference"/> is blank.</exception>
    public static DecisionEntry Resolution(string author, Instant decidedAt, string reason, string? reference = null)
        => Plain(DecisionKind.Resolution, author, decidedAt, reason, reference);

    /// <summary>Records a confirmation of the result (pending → confirmed).</summary>
    /// <param name="author">Who confirmed; non-blank.</param>
    /// <param name="decidedAt">When.</param>
    /// <param name="reason">A remark, e.g. <c>confirmed in the quarterly review</c>; non-blank.</param>
    /// <param name="reference">An optional reference; non-blank when given.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="author"/> or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="author"/>, <paramref name="reason"/> or <paramref name="reference"/> is blank.</exception>
    public static DecisionEntry Confirmation(string author, Instant decidedAt, string reason, string? reference = null)
        => Plain(DecisionKind.Confirmation, author, decidedAt, reason, reference);

    /// <summary>Formats the entry on one line: <c>2024-04-02T08:30:00Z appeal by author: reason (ref R)</c>; culture-invariant.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
        => InstantPattern.ExtendedIso.Format(DecidedAt) + " " + ConfirmationMachine.Name(Kind) + " by " + Author + ": " + Reason
           + (Reference is null ? string.Empty : " (ref " + Reference + ")");

    private static DecisionEntry Plain(DecisionKind kind, string author, Instant decidedAt, string reason, string? reference)
        => new(kind, Guard.NotBlank(author), decidedAt, Guard.NotBlank(reason), OptionalReference(reference), null, null, null);

    private static string? OptionalReference(string? reference, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(reference))] string? name = null)
        => reference is null ? null : Guard.NotBlank(reference, name);

    internal static string MeasureKey(string measure, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(measure))] string? name = null)
    {
        Guard.NotNull(measure, name);
        if (!Measures.IsValid(measure))
        {
            throw new ArgumentException($"The measure key '{measure}' is invalid: {Measures.Rule}.", name);
        }

        return measure;
    }
}
