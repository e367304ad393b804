using System;
using PerfKit.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Checks PerfKit's configuration in a built service provider.</summary>
/// <remarks>Thread-safe as far as the provider is: the services it resolves are thread-safe singletons.</remarks>
public static class PerfKitServiceProviderExtensions
{
    /// <summary>
    /// Validates PerfKit's configuration at start-up: resolves the <see cref="SchemeCatalog"/> (which loads every
    /// template and scheme file with the container's scorer kinds) and compiles an evaluator for each of its schemes into
    /// the <see cref="SchemeEvaluatorCache"/>, so the first pay run does not pay for it. Call it right after building the
    /// provider, e.g. <c>using var provider = services.BuildServiceProvider().ValidatePerfKit();</c>.
    /// </summary>
    /// <typeparam name="TProvider">The provider's type, returned as is for chaining.</typeparam>
    /// <param name="provider">The service provider.</param>
    /// <returns><paramref name="provider"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><c>AddPerfKit</c> was not called on the provider's services.</exception>
    /// <exception cref="PerfKitConfigurationException">The configuration is wrong; the exception lists every error.</exception>
    public static TProvider ValidatePerfKit<TProvider>(this TProvider provider)
        where TProvider : IServiceProvider
    {
        ArgumentNullException.ThrowIfNull(provider);
        var catalog = provider.GetService<SchemeCatalog>();
        var cache = provider.GetService<SchemeEvaluatorCache>();
        if (catalog is null || cache is null)
        {
            throw new InvalidOperationException("PerfKit's services are not registered; call services.AddPerfKit(...) before building the service provider.");
        }

        foreach (var scheme in catalog.Schemes)
        {
            cache.GetOrCreate(scheme);
        }

        return provider;
    }
}
