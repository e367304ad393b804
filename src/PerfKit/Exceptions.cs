using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;

namespace PerfKit;

/// <summary>Thrown by a builder's <c>Build()</c> when the definition has problems; carries every problem found.</summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class SchemeValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public SchemeValidationException(IEnumerable<Problem> problems)
        : this(Guard.NoNullItems(problems).ToImmutableArray())
    {
    }

    private SchemeValidationException(ImmutableArray<Problem> problems)
        : base(Describe("The scheme is not valid", problems))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Gets every problem found, in a stable order: scheme header members (id, version, name, points, rounding), the tree in pre-order, then grades, adjustments, bounds and gates.</summary>
    public ImmutableArray<Problem> Problems { get; }

    internal static string Describe(string headline, ImmutableArray<Problem> problems)
        => problems.IsDefaultOrEmpty
            ? headline + "."
            : $"{headline}: {problems.Length} problem(s).{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}

/// <summary>
/// Thrown by <see cref="Evaluation.SchemeEvaluator.EvaluateOrThrow"/> when a subject's data cannot be scored
/// (a missing value under the <c>error</c> policy, an unparsable or non-finite value, an out-of-range rating,
/// a decimal overflow). Carries every problem found for the subject.
/// </summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class EvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="subjectId">The subject that could not be scored.</param>
    /// <param name="problems">The problems found; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public EvaluationException(string subjectId, IEnumerable<Problem> problems)
        : this(Guard.NotNull(subjectId), Guard.NoNullItems(problems).ToImmutableArray())
    {
    }

    private EvaluationException(string subjectId, ImmutableArray<Problem> problems)
        : base(SchemeValidationException.Describe($"Subject '{subjectId}' could not be evaluated", problems))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        SubjectId = subjectId;
        Problems = problems;
    }

    /// <summary>Gets the subject that could not be scored.</summary>
    public string SubjectId { get; }

    /// <summary>Gets every problem found for the subject.</summary>
    public ImmutableArray<Problem> Problems { get; }
}
