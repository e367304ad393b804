using NodaTime;
using PerfKit.Internal;

namespace PerfKit.Commitments;

/// <summary>
/// One promised piece of work, e.g. a loan application (<see cref="Application"/>) and its disbursement
/// (<see cref="Fulfilment"/>, absent while it is still open). Events are data: a blank id or subject, a repeated id, or a
/// fulfilment before the application are reported as problems by <see cref="CommitmentTracker"/>, not refused here.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CommitmentEvent
{
    private CommitmentEvent(string id, string subjectId, Instant application, Instant? fulfilment)
    {
        Id = id;
        SubjectId = subjectId;
        Application = application;
        Fulfilment = fulfilment;
    }

    /// <summary>Gets the event's id, e.g. a loan number; unique among the events evaluated together.</summary>
    public string Id { get; }

    /// <summary>Gets the subject (customer manager, team) answerable for the promise.</summary>
    public string SubjectId { get; }

    /// <summary>Gets when the application was made.</summary>
    public Instant Application { get; }

    /// <summary>Gets when the promise was fulfilled, or <see langword="null"/> while it is open.</summary>
    public Instant? Fulfilment { get; }

    /// <summary>Gets whether the event is still open (not fulfilled).</summary>
    public bool IsOpen => Fulfilment is null;

    /// <summary>Creates an event.</summary>
    /// <param name="id">The event's id.</param>
    /// <param name="subjectId">The subject answerable for it.</param>
    /// <param name="application">When the application was made.</param>
    /// <param name="fulfilment">When it was fulfilled, or <see langword="null"/> while open.</param>
    /// <returns>The event.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="id"/> or <paramref name="subjectId"/> is null.</exception>
    public static CommitmentEvent Create(string id, string subjectId, Instant application, Instant? fulfilment = null)
        => new(Guard.NotNull(id), Guard.NotNull(subjectId), application, fulfilment);
}
