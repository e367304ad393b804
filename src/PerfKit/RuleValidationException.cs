using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Internal;

namespace PerfKit;

/// <summary>
/// Thrown when a definition given as data (calibration options, indicator pairs, history rules, a performance archive)
/// has problems; carries every problem found, not only the first.
/// </summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class RuleValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty or holds a null item.</exception>
    public RuleValidationException(IEnumerable<Problem> problems)
        : this(Guard.NoNullItems(problems).ToImmutableArray())
    {
    }

    private RuleValidationException(ImmutableArray<Problem> problems)
        : base(SchemeValidationException.Describe("The definition is not valid", problems))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Gets every problem found, in the order of the definition.</summary>
    public ImmutableArray<Problem> Problems { get; }
}
