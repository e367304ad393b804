using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Internal;

namespace PerfKit.Serialization;

/// <summary>
/// Thrown by <see cref="SchemeFile.LoadOrThrow(ReadOnlySpan{byte}, Scoring.ScorerRegistry?, SchemeFileLimits?)"/> and its
/// overloads when a scheme file has problems; carries every problem found, each with its JSON path, line and column.
/// </summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class SchemeLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty or holds null.</exception>
    public SchemeLoadException(IEnumerable<Problem> problems)
        : this(Guard.NoNullItems(problems).ToImmutableArray())
    {
    }

    private SchemeLoadException(ImmutableArray<Problem> problems)
        : base(SchemeValidationException.Describe("The scheme file could not be loaded", problems))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Gets every problem found, sorted by position in the file.</summary>
    public ImmutableArray<Problem> Problems { get; }
}
