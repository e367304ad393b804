using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using PerfKit.Model;

namespace PerfKit.Serialization;

/// <summary>The outcome of <see cref="SchemeFile.Load(System.ReadOnlySpan{byte}, Scoring.ScorerRegistry?, SchemeFileLimits?)"/>: the scheme, or every problem found in the file.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SchemeLoadResult
{
    internal SchemeLoadResult(Scheme? scheme, ImmutableArray<Problem> problems)
    {
        Scheme = scheme;
        Problems = problems;
    }

    /// <summary>Gets a value indicating whether the file held a valid scheme.</summary>
    [MemberNotNullWhen(true, nameof(Scheme))]
    public bool Succeeded => Scheme is not null;

    /// <summary>Gets the scheme, or <see langword="null"/> when the file has problems.</summary>
    public Scheme? Scheme { get; }

    /// <summary>
    /// Gets every problem found, sorted by position in the file: syntax, shape and number problems (codes <c>json.*</c>)
    /// and the model's own problems (e.g. <c>weight.sum</c>), each with a JSON path such as
    /// <c>$.root.children[1].weight</c> and its <see cref="Problem.Line"/> and <see cref="Problem.Column"/>.
    /// Empty when <see cref="Succeeded"/>.
    /// </summary>
    public ImmutableArray<Problem> Problems { get; }
}
