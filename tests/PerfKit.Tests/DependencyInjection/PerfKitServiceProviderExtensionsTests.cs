using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using PerfKit.DependencyInjection;
using PerfKit.Templates;
using Xunit;

namespace PerfKit.Tests.DependencyInjection;

public sealed class PerfKitServiceProviderExtensionsTests
{
    [Fact]
    public void ValidatePerfKit_ValidConfiguration_CompilesAnEvaluatorForEveryScheme()
    {
        using var provider = new ServiceCollection()
            .AddPerfKit(o => o.AddTemplate("a-bank-2023").AddTemplate("a-bank-bsc-okr"))
            .BuildServiceProvider();

        var returned = provider.ValidatePerfKit();

        var cache = provider.GetRequiredService<SchemeEvaluatorCache>();
        Assert.Same(provider, returned);
        Assert.Equal(2, cache.Count);
        Assert.Same(SchemeTemplates.Load("a-bank-bsc-okr"), cache.GetOrCreate(SchemeTemplates.Load("a-bank-bsc-okr")).Scheme);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void ValidatePerfKit_WrongConfiguration_ThrowsEveryErrorAtStartUp()
    {
        var missing = Path.Combine(Path.GetTempPath(), "perfkit-no-such-folder", "scheme.json");
        using var provider = new ServiceCollection()
            .AddPerfKit(o => o.AddTemplate("a-bank-2023").AddTemplate("a-bank-2023").AddTemplate("b-bank").AddSchemeFile(missing))
            .BuildServiceProvider();

        var error = Assert.Throws<PerfKitConfigurationException>(() => provider.ValidatePerfKit());

        Assert.Equal<string>(
            [
                "Template 'b-bank' does not exist; the templates are: " + string.Join(", ", SchemeTemplates.Names) + ".",
                $"Scheme file '{missing}' does not exist.",
                "Scheme 'a-bank-2023@2023.1' is configured 2 times: template 'a-bank-2023', template 'a-bank-2023'; each id and version may be configured once.",
            ],
            error.Errors);
    }

    [Fact]
    public void ValidatePerfKit_WithoutAddPerfKit_ThrowsInvalidOperation()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.ValidatePerfKit());

        Assert.Contains("services.AddPerfKit(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatePerfKit_NullProvider_ThrowsArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => PerfKitServiceProviderExtensions.ValidatePerfKit<IServiceProvider>(null!));
}
