using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PerfKit.DependencyInjection;

/// <summary>
/// Thrown at start-up, when the <see cref="SchemeCatalog"/> or the scorer registry is first resolved (or by
/// <c>ValidatePerfKit()</c>), if PerfKit's configuration is wrong: an unknown template name, a scheme file that is
/// missing, unreadable or invalid, a scheme id and version configured twice, or a scorer kind that cannot be
/// registered. It lists every error at once; the message has one line per error.
/// </summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class PerfKitConfigurationException : Exception
{
    internal PerfKitConfigurationException(IReadOnlyList<string> errors, IReadOnlyDictionary<string, ImmutableArray<Problem>> schemeFileProblems)
        : base(Describe(errors))
    {
        Errors = [.. errors];
        SchemeFileProblems = schemeFileProblems.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets every configuration error, one sentence each, in configuration order; a scheme file's problems come one per line, each naming the file.</summary>
    public ImmutableArray<string> Errors { get; }

    /// <summary>Gets the problems of each scheme file that did not load, by the file's full path; each problem has its JSON path, line and column.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<Problem>> SchemeFileProblems { get; }

    private static string Describe(IReadOnlyList<string> errors)
        => $"PerfKit is not configured correctly ({errors.Count} {(errors.Count == 1 ? "error" : "errors")}):"
            + string.Concat(errors.Select(e => "\n- " + e));
}
