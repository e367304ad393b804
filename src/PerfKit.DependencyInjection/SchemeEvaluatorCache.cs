using System;
using System.Collections.Concurrent;
using System.Threading;
using PerfKit.Evaluation;
using PerfKit.Model;

namespace PerfKit.DependencyInjection;

/// <summary>
/// Compiled <see cref="SchemeEvaluator"/>s by scheme fingerprint (<see cref="Scheme.Fingerprint"/>, the SHA-256 of the
/// canonical scheme file): each scheme is compiled once, on first use, with the same <see cref="EvaluatorOptions"/>,
/// and the evaluator is shared by every caller afterwards. <c>AddPerfKit</c> registers one as a singleton, with the
/// options set by <see cref="PerfKitOptions"/>.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: when several threads ask for the same scheme at the same time, the scheme is compiled once and all of
/// them get the same evaluator. Evaluators are kept for the cache's lifetime (one per distinct scheme).
/// </para>
/// <para>
/// Schemes with the same fingerprint are the same rules and share one evaluator, whose <see cref="SchemeEvaluator.Scheme"/>
/// is the instance first seen. A scorer kind is identified by its name and version in the scheme, so a host kind must
/// change its version when its behaviour changes.
/// </para>
/// </remarks>
public sealed class SchemeEvaluatorCache
{
    private readonly ConcurrentDictionary<string, Lazy<SchemeEvaluator>> evaluators = new(StringComparer.Ordinal);

    /// <summary>Creates an empty cache.</summary>
    /// <param name="options">The options of every evaluator the cache compiles; <see cref="EvaluatorOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options' pay rounding is null or their unknown-measure handling is not a defined value.</exception>
    public SchemeEvaluatorCache(EvaluatorOptions? options = null)
    {
        options ??= EvaluatorOptions.Default;
        if (options.PayRounding is null)
        {
            throw new ArgumentException("EvaluatorOptions.PayRounding must be set.", nameof(options));
        }

        if (!Enum.IsDefined(options.UnknownMeasures))
        {
            throw new ArgumentException("EvaluatorOptions.UnknownMeasures must be a defined UnknownMeasureHandling value.", nameof(options));
        }

        Options = options;
    }

    /// <summary>Gets the options of every evaluator the cache compiles.</summary>
    public EvaluatorOptions Options { get; }

    /// <summary>Gets the number of schemes compiled or being compiled.</summary>
    public int Count => evaluators.Count;

    /// <summary>Gets the evaluator of a scheme, compiling it on the first call for its fingerprint.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The evaluator; the same instance for every scheme with the same fingerprint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    public SchemeEvaluator GetOrCreate(Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return evaluators.GetOrAdd(
            scheme.Fingerprint,
            static (_, state) => new Lazy<SchemeEvaluator>(() => SchemeEvaluator.Create(state.Scheme, state.Options), LazyThreadSafetyMode.ExecutionAndPublication),
            (Scheme: scheme, Options)).Value;
    }
}
