using System;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Simulation;

/// <summary>A named scheme to simulate on a population (e.g. <c>current</c> and <c>scale-50</c>), with its evaluator options.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SchemeVariant
{
    private SchemeVariant(string name, Scheme scheme, EvaluatorOptions options)
    {
        Name = name;
        Scheme = scheme;
        Options = options;
    }

    /// <summary>Gets the variant's name, unique within a simulation.</summary>
    public string Name { get; }

    /// <summary>Gets the scheme.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the evaluator options (pay rounding, unknown measures).</summary>
    public EvaluatorOptions Options { get; }

    /// <summary>Creates a variant.</summary>
    /// <param name="name">The name; non-blank.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">Evaluator options; <see cref="EvaluatorOptions.Default"/> when null. A population given every
    /// variant's measures needs <see cref="UnknownMeasureHandling.Ignore"/> when the variants read different measures.</param>
    /// <returns>The variant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="scheme"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static SchemeVariant Of(string name, Scheme scheme, EvaluatorOptions? options = null)
        => new(Guard.NotBlank(name), Guard.NotNull(scheme), options ?? EvaluatorOptions.Default);
}
