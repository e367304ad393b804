using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using PerfKit.DependencyInjection;
using PerfKit.Evaluation;
using PerfKit.Scoring;
using PerfKit.Serialization;
using PerfKit.Tests.Evaluation;
using PerfKit.Tests.Scoring;
using Xunit;

namespace PerfKit.Tests.DependencyInjection;

public sealed class PerfKitServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void AddPerfKit_Called_RegistersFourSingletonsAndReturnsTheCollection()
    {
        var services = new ServiceCollection();

        var returned = services.AddPerfKit(o => o.AddTemplate("a-bank-2023"));

        Assert.Same(services, returned);
        foreach (var type in new[] { typeof(PerfKitOptions), typeof(ScorerRegistry), typeof(SchemeCatalog), typeof(SchemeEvaluatorCache) })
        {
            Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == type).Lifetime);
        }

        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<SchemeCatalog>(), provider.GetRequiredService<SchemeCatalog>());
        Assert.Same(provider.GetRequiredService<SchemeEvaluatorCache>(), provider.GetRequiredService<SchemeEvaluatorCache>());
        Assert.Equal("a-bank-2023", Assert.Single(provider.GetRequiredService<SchemeCatalog>().Schemes).Id);
    }

    [Fact]
    public void AddPerfKit_CalledTwice_AppliesBothDelegatesToTheSameOptions()
    {
        var services = new ServiceCollection()
            .AddPerfKit(o => o.AddTemplate("a-bank-2023"))
            .AddPerfKit(o => o.AddTemplate("role-back-office").UnknownMeasures(UnknownMeasureHandling.Ignore));

        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(PerfKitOptions));
        Assert.Equal(["a-bank-2023", "role-back-office"], provider.GetRequiredService<SchemeCatalog>().Schemes.Select(s => s.Id));
        Assert.Equal(UnknownMeasureHandling.Ignore, provider.GetRequiredService<SchemeEvaluatorCache>().Options.UnknownMeasures);
    }

    [Fact]
    public void AddPerfKit_NoDelegate_GivesAnEmptyCatalogueAndDefaultEvaluatorOptions()
    {
        using var provider = new ServiceCollection().AddPerfKit().BuildServiceProvider();

        Assert.Empty(provider.GetRequiredService<SchemeCatalog>().Schemes);
        Assert.Equal(UnknownMeasureHandling.Reject, provider.GetRequiredService<SchemeEvaluatorCache>().Options.UnknownMeasures);
        Assert.Equal(ScorerRegistry.Default.Kinds.Select(k => k.Name), provider.GetRequiredService<ScorerRegistry>().Kinds.Select(k => k.Name));
    }

    [Fact]
    public void AddPerfKit_EvaluatorOptions_TheCachedEvaluatorsApplyThem()
    {
        using var provider = new ServiceCollection()
            .AddPerfKit(o => o.AddScheme(DependencyInjectionFixtures.Small("s", "1")).UnknownMeasures(UnknownMeasureHandling.Ignore))
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<SchemeEvaluatorCache>().GetOrCreate(provider.GetRequiredService<SchemeCatalog>().Get("s"));

        // m_a = 9 on linear 0 → 10 scores 0.9 → 90 points; the unread measure "extra" is ignored, not rejected.
        var result = evaluator.Evaluate(SubjectInput.For("S1").Value("m_a", 9m).Value("extra", 1m).Build());

        Assert.True(result.Succeeded);
        Assert.Equal(90m, result.Assessment!.RoundedTotal);
    }

    [Fact]
    public void AddPerfKit_RegistrationsMadeBefore_AreKept()
    {
        var registry = ScorerRegistry.Default.With(new ClosenessScorerKind("near"));
        var cache = new SchemeEvaluatorCache();
        var services = new ServiceCollection().AddSingleton(registry).AddSingleton(cache);

        services.AddPerfKit();
        using var provider = services.BuildServiceProvider();

        Assert.Same(registry, provider.GetRequiredService<ScorerRegistry>());
        Assert.Same(registry, provider.GetRequiredService<SchemeCatalog>().Registry);
        Assert.Same(cache, provider.GetRequiredService<SchemeEvaluatorCache>());
    }

    [Fact]
    public void AddPerfKitScorerKind_KindInTheContainer_SchemeFilesMayUseIt()
    {
        using var culture = new CultureScope("tr-TR");
        var registry = ScorerRegistry.Default.With(new ClosenessScorerKind());
        var scheme = DependencyInjectionFixtures.Small("close", "1", registry, Scorers.Custom("closeness", [new("target", 10m), new("tolerance", 5m)]));
        var file = folder.Write("close.json", SchemeFile.WriteString(scheme));

        using var provider = new ServiceCollection()
            .AddPerfKitScorerKind<ClosenessScorerKind>()
            .AddPerfKit(o => o.AddSchemeFile(file))
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<SchemeEvaluatorCache>().GetOrCreate(provider.GetRequiredService<SchemeCatalog>().Get("close"));

        // closeness: 1 − |12 − 10| ÷ 5 = 1 − 0.4 = 0.6 → 60 points.
        Assert.Equal(60m, evaluator.EvaluateOrThrow(SubjectInput.For("S1").Value("m_a", 12m).Build()).RoundedTotal);
        Assert.True(provider.GetRequiredService<ScorerRegistry>().TryGet("closeness", out _));
    }

    [Fact]
    public void AddPerfKitScorerKind_SameTypeTwice_RegistersItOnce()
    {
        var services = new ServiceCollection().AddPerfKitScorerKind<ClosenessScorerKind>().AddPerfKitScorerKind<ClosenessScorerKind>();

        Assert.Single(services, d => d.ServiceType == typeof(IScorerKind));
    }

    [Fact]
    public void AddPerfKit_KindsClashingWithABuiltInAndEachOther_ThrowsListingBoth()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IScorerKind>(new ClosenessScorerKind("linear"))
            .AddSingleton<IScorerKind>(new ClosenessScorerKind("near"))
            .AddSingleton<IScorerKind>(new ClosenessScorerKind("near"))
            .AddPerfKit()
            .BuildServiceProvider();

        var error = Assert.Throws<PerfKitConfigurationException>(() => provider.GetRequiredService<SchemeCatalog>());

        Assert.Equal(2, error.Errors.Length);
        Assert.All(error.Errors, e => Assert.StartsWith("Scorer kind PerfKit.Tests.Scoring.ClosenessScorerKind cannot be registered: A scorer kind named '", e, StringComparison.Ordinal));
        Assert.Contains("'linear'", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("'near'", error.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AddPerfKit_ConfigureThrows_PropagatesTheException()
        => Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPerfKit(o => o.AddTemplate(" ")));

    [Fact]
    public void Extensions_NullServices_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PerfKitServiceCollectionExtensions.AddPerfKit(null!));
        Assert.Throws<ArgumentNullException>(() => PerfKitServiceCollectionExtensions.AddPerfKitScorerKind<ClosenessScorerKind>(null!));
    }
}
