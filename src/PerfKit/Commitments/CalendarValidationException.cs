using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Internal;

namespace PerfKit.Commitments;

/// <summary>
/// Thrown by <see cref="BusinessCalendarBuilder.Build"/> and <see cref="BusinessCalendar.Parse"/> when the calendar has
/// problems; carries every problem found.
/// </summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class CalendarValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty or holds null.</exception>
    public CalendarValidationException(IEnumerable<Problem> problems)
        : this(Guard.NoNullItems(problems).ToImmutableArray())
    {
    }

    private CalendarValidationException(ImmutableArray<Problem> problems)
        : base(SchemeValidationException.Describe("The business calendar is not valid", problems))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Gets every problem found.</summary>
    public ImmutableArray<Problem> Problems { get; }
}
