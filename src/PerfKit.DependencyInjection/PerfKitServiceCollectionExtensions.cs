using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PerfKit;
using PerfKit.DependencyInjection;
using PerfKit.Scoring;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PerfKit's services in an <see cref="IServiceCollection"/>.</summary>
/// <remarks>Not thread-safe, like <see cref="IServiceCollection"/> itself: register services on one thread at start-up.</remarks>
public static class PerfKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers PerfKit, each service with <c>TryAdd</c> (a registration made before this call wins): the
    /// <see cref="PerfKitOptions"/> instance, a <see cref="ScorerRegistry"/> of the built-in scorer kinds plus every
    /// <see cref="IScorerKind"/> registered in the container, the <see cref="SchemeCatalog"/> of the configured schemes,
    /// and a <see cref="SchemeEvaluatorCache"/> with the configured evaluator options; all singletons.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds templates, scheme files and schemes and sets the evaluator options; may be null. Calling
    /// <c>AddPerfKit</c> again applies the new delegate to the same options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// The configuration is checked when the catalogue or the registry is first resolved, which throws a
    /// <see cref="PerfKitConfigurationException"/> listing every error; call
    /// <see cref="PerfKitServiceProviderExtensions.ValidatePerfKit{TProvider}"/> right after building the provider to fail
    /// at start-up rather than on the first request. Exceptions thrown by <paramref name="configure"/> propagate.
    /// </remarks>
    public static IServiceCollection AddPerfKit(this IServiceCollection services, Action<PerfKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.LastOrDefault(d => d.ServiceType == typeof(PerfKitOptions) && !d.IsKeyedService)?.ImplementationInstance as PerfKitOptions;
        if (options is null)
        {
            options = new PerfKitOptions();
            services.TryAddSingleton(options);
        }

        configure?.Invoke(options);
        services.TryAddSingleton(provider => CreateRegistry(provider.GetServices<IScorerKind>()));
        services.TryAddSingleton(provider => new SchemeCatalog(provider.GetRequiredService<PerfKitOptions>(), provider.GetRequiredService<ScorerRegistry>()));
        services.TryAddSingleton(provider => new SchemeEvaluatorCache(provider.GetRequiredService<PerfKitOptions>().EvaluatorOptions));
        return services;
    }

    /// <summary>
    /// Registers a host scorer kind as a singleton <see cref="IScorerKind"/> service (once per type, with
    /// <c>TryAddEnumerable</c>), so the <see cref="ScorerRegistry"/> that <see cref="AddPerfKit"/> registers includes it
    /// and scheme files may use it. The kind may take constructor dependencies from the container.
    /// </summary>
    /// <typeparam name="TKind">The scorer kind.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddPerfKitScorerKind<TKind>(this IServiceCollection services)
        where TKind : class, IScorerKind
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScorerKind, TKind>());
        return services;
    }

    private static ScorerRegistry CreateRegistry(IEnumerable<IScorerKind> kinds)
    {
        var registry = ScorerRegistry.Default;
        var errors = new List<string>();
        foreach (var kind in kinds)
        {
            try
            {
                registry = registry.With(kind);
            }
            catch (ArgumentException e)
            {
                errors.Add($"Scorer kind {kind.GetType().FullName} cannot be registered: {e.Message}");
            }
        }

        return errors.Count == 0
            ? registry
            : throw new PerfKitConfigurationException(errors, ImmutableDictionary<string, ImmutableArray<Problem>>.Empty);
    }
}
