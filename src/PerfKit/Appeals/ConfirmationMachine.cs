using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PerfKit.Appeals;

/// <summary>The confirmation state of a subject's result for a period, derived from its <see cref="DecisionLog"/>.</summary>
public enum ConfirmationState
{
    /// <summary>Neither confirmed nor appealed yet (the state of an empty log).</summary>
    Pending,

    /// <summary>The result was confirmed; final.</summary>
    Confirmed,

    /// <summary>The result is under appeal.</summary>
    Appealed,

    /// <summary>The appeal was decided; final.</summary>
    Resolved,
}

/// <summary>One allowed move of the confirmation state machine: an entry of <see cref="Kind"/> in state <see cref="From"/> leads to <see cref="To"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConfirmationTransition
{
    internal ConfirmationTransition(ConfirmationState from, DecisionKind kind, ConfirmationState to)
    {
        From = from;
        Kind = kind;
        To = to;
    }

    /// <summary>Gets the state before the entry.</summary>
    public ConfirmationState From { get; }

    /// <summary>Gets the entry's kind.</summary>
    public DecisionKind Kind { get; }

    /// <summary>Gets the state after the entry.</summary>
    public ConfirmationState To { get; }
}

/// <summary>
/// The confirmation state machine, as data: pending → confirmed; pending → appealed → resolved. Overrides and
/// exemptions may be recorded while pending or appealed and keep the state; confirmed and resolved are final.
/// </summary>
/// <remarks>Thread-safe (immutable data only).</remarks>
public static class ConfirmationMachine
{
    /// <summary>Gets every allowed move; an entry whose (state, kind) is not listed is an illegal transition.</summary>
    public static ImmutableArray<ConfirmationTransition> Transitions { get; } =
    [
        new(ConfirmationState.Pending, DecisionKind.Override, ConfirmationState.Pending),
        new(ConfirmationState.Pending, DecisionKind.Exemption, ConfirmationState.Pending),
        new(ConfirmationState.Pending, DecisionKind.Confirmation, ConfirmationState.Confirmed),
        new(ConfirmationState.Pending, DecisionKind.Appeal, ConfirmationState.Appealed),
        new(ConfirmationState.Appealed, DecisionKind.Override, ConfirmationState.Appealed),
        new(ConfirmationState.Appealed, DecisionKind.Exemption, ConfirmationState.Appealed),
        new(ConfirmationState.Appealed, DecisionKind.Resolution, ConfirmationState.Resolved),
    ];

    /// <summary>Looks up the state an entry of <paramref name="kind"/> leads to from <paramref name="from"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="kind">The entry's kind.</param>
    /// <param name="to">The next state when the move is allowed.</param>
    /// <returns><see langword="true"/> when the move is listed in <see cref="Transitions"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> or <paramref name="kind"/> is undefined.</exception>
    public static bool TryNext(ConfirmationState from, DecisionKind kind, out ConfirmationState to)
    {
        Defined(from);
        Defined(kind);
        foreach (var t in Transitions)
        {
            if (t.From == from && t.Kind == kind)
            {
                to = t.To;
                return true;
            }
        }

        to = from;
        return false;
    }

    /// <summary>Replays entry kinds from <see cref="ConfirmationState.Pending"/>.</summary>
    /// <param name="kinds">The kinds in log order.</param>
    /// <returns>The final state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is undefined.</exception>
    /// <exception cref="ArgumentException">A kind is not allowed in the state reached before it; the message names both states.</exception>
    public static ConfirmationState Replay(IEnumerable<DecisionKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var state = ConfirmationState.Pending;
        var i = 0;
        foreach (var kind in kinds)
        {
            if (!TryNext(state, kind, out var next))
            {
                throw new ArgumentException($"kinds[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]: {Illegal(state, kind)}", nameof(kinds));
            }

            state = next;
            i++;
        }

        return state;
    }

    /// <summary>The lower-case name of a kind, as written in messages.</summary>
    internal static string Name(DecisionKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The lower-case name of a state, as written in messages.</summary>
    internal static string Name(ConfirmationState state) => state.ToString().ToLowerInvariant();

    /// <summary>The sentence naming the from and to states of an illegal move.</summary>
    internal static string Illegal(ConfirmationState from, DecisionKind kind)
    {
        var to = kind switch
        {
            DecisionKind.Appeal => ConfirmationState.Appealed,
            DecisionKind.Resolution => ConfirmationState.Resolved,
            DecisionKind.Confirmation => ConfirmationState.Confirmed,
            _ => from,
        };
        var allowed = Transitions.Where(t => t.From == from).Select(t => Name(t.Kind)).ToList();
        var article = "aeiou".Contains(Name(kind)[0], StringComparison.Ordinal) ? "an" : "a";
        return $"{article} {Name(kind)} entry would move the confirmation state from '{Name(from)}' to '{Name(to)}', which is not allowed; "
               + (allowed.Count == 0 ? $"'{Name(from)}' is final." : $"from '{Name(from)}' the log takes: {string.Join(", ", allowed)}.");
    }

    private static void Defined<T>(T value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value is not defined.");
        }
    }
}
