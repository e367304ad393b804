using System;
using System.IO;
using System.Linq;
using PerfKit.DependencyInjection;
using PerfKit.Scoring;
using PerfKit.Serialization;
using PerfKit.Templates;
using PerfKit.Tests.Evaluation;
using PerfKit.Tests.Scoring;
using Xunit;

namespace PerfKit.Tests.DependencyInjection;

public sealed class SchemeCatalogTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Get_TemplateById_IsTheTemplateInstance()
    {
        var catalog = new SchemeCatalog(new PerfKitOptions().AddTemplate("a-bank-2023"), ScorerRegistry.Default);

        Assert.Same(SchemeTemplates.Load("a-bank-2023"), catalog.Get("a-bank-2023"));
        Assert.Same(SchemeTemplates.Load("a-bank-2023"), catalog.Get("a-bank-2023", "2023.1"));
    }

    [Fact]
    public void Schemes_TemplatesFilesAndCodeSchemes_AreInConfigurationOrder()
    {
        using var _ = new CultureScope("tr-TR");
        var file = folder.Write("small.json", SchemeFile.WriteString(DependencyInjectionFixtures.Small("from-file", "2")));
        var inCode = DependencyInjectionFixtures.Small("in-code", "1");

        var catalog = new SchemeCatalog(new PerfKitOptions().AddScheme(inCode).AddSchemeFile(file).AddTemplate("role-back-office"), ScorerRegistry.Default);

        Assert.Equal(["in-code@1", "from-file@2", "role-back-office@" + SchemeTemplates.Load("role-back-office").Version], catalog.Schemes.Select(s => s.Id + "@" + s.Version));
        Assert.Same(inCode, catalog.Schemes[0]);
    }

    [Fact]
    public void Constructor_TemplateAsSchemeFile_LoadsTheSameRules()
    {
        using var _ = new CultureScope("de-DE");
        var file = folder.Write("a-bank-2023.json", SchemeTemplates.GetJson("a-bank-2023"));

        var catalog = new SchemeCatalog(new PerfKitOptions().AddSchemeFile(file), ScorerRegistry.Default);

        Assert.Equal(SchemeTemplates.Load("a-bank-2023").Fingerprint, catalog.Get("a-bank-2023").Fingerprint);
    }

    [Fact]
    public void Get_SeveralVersionsOfAnId_ThrowsNamingTheVersions()
    {
        var catalog = new SchemeCatalog(
            new PerfKitOptions().AddScheme(DependencyInjectionFixtures.Small("branch", "2023.1")).AddScheme(DependencyInjectionFixtures.Small("branch", "2024.1")),
            ScorerRegistry.Default);

        var error = Assert.Throws<ArgumentException>(() => catalog.Get("branch"));

        Assert.Contains("2 versions (2023.1, 2024.1)", error.Message, StringComparison.Ordinal);
        Assert.Equal("2024.1", catalog.Get("branch", "2024.1").Version);
    }

    [Fact]
    public void Get_UnknownIdOrVersion_ThrowsListingTheConfiguredSchemes()
    {
        var catalog = new SchemeCatalog(new PerfKitOptions().AddScheme(DependencyInjectionFixtures.Small("branch", "1")), ScorerRegistry.Default);

        Assert.Contains("Configured: branch@1.", Assert.Throws<ArgumentException>(() => catalog.Get("other")).Message, StringComparison.Ordinal);
        Assert.Contains("No scheme 'branch@2' is configured. Configured: branch@1.", Assert.Throws<ArgumentException>(() => catalog.Get("branch", "2")).Message, StringComparison.Ordinal);
        Assert.False(catalog.TryGet("branch", "2", out var scheme));
        Assert.Null(scheme);
    }

    [Fact]
    public void Get_EmptyCatalogue_SaysNoneIsConfigured()
    {
        var catalog = new SchemeCatalog(new PerfKitOptions(), ScorerRegistry.Default);

        Assert.Empty(catalog.Schemes);
        Assert.Contains("Configured: none.", Assert.Throws<ArgumentException>(() => catalog.Get("a-bank-2023")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_NullArguments_ThrowArgumentNullException()
    {
        var catalog = new SchemeCatalog(new PerfKitOptions(), ScorerRegistry.Default);

        Assert.Throws<ArgumentNullException>(() => catalog.Get(null!));
        Assert.Throws<ArgumentNullException>(() => catalog.Get("a", null!));
        Assert.Throws<ArgumentNullException>(() => catalog.TryGet(null!, "1", out _));
    }

    [Fact]
    public void Constructor_UnknownTemplate_ReportsItWithTheAvailableNames()
    {
        var error = Assert.Throws<PerfKitConfigurationException>(() => new SchemeCatalog(new PerfKitOptions().AddTemplate("a-bank-2024"), ScorerRegistry.Default));

        Assert.Equal("Template 'a-bank-2024' does not exist; the templates are: " + string.Join(", ", SchemeTemplates.Names) + ".", Assert.Single(error.Errors));
    }

    [Fact]
    public void Constructor_MissingFileAndFolder_ReportBothPaths()
    {
        var missing = Path.Combine(folder.Path, "missing.json");

        var error = Assert.Throws<PerfKitConfigurationException>(() => new SchemeCatalog(new PerfKitOptions().AddSchemeFile(missing).AddSchemeFile(folder.Path), ScorerRegistry.Default));

        Assert.Equal<string>([$"Scheme file '{missing}' does not exist.", $"Scheme file '{folder.Path}' does not exist (it is a directory)."], error.Errors);
    }

    [Fact]
    public void Constructor_InvalidFile_ReportsEveryProblemWithFileLineAndColumn()
    {
        using var _ = new CultureScope("tr-TR");
        // Line 2 misspells "version"; line 3 breaks the JSON syntax after it.
        var file = folder.Write("broken.json", "{\n  \"id\": \"x\", \"versoin\": \"1\",\n  ]\n}\n");

        var error = Assert.Throws<PerfKitConfigurationException>(() => new SchemeCatalog(new PerfKitOptions().AddSchemeFile(file), ScorerRegistry.Default));

        var problems = error.SchemeFileProblems[file];
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.NotNull(p.Line));
        Assert.Equal(problems.Select(p => $"Scheme file '{file}' is invalid: {p}"), error.Errors);
        Assert.Contains($"Scheme file '{file}' is invalid: [", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FileWithHostScorerKind_LoadsWithTheGivenRegistryOnly()
    {
        using var _ = new CultureScope("de-DE");
        var registry = ScorerRegistry.Default.With(new ClosenessScorerKind());
        var scheme = DependencyInjectionFixtures.Small("close", "1", registry, Scorers.Custom("closeness", [new("target", 10m), new("tolerance", 5m)]));
        var file = folder.Write("close.json", SchemeFile.WriteString(scheme));

        var loaded = new SchemeCatalog(new PerfKitOptions().AddSchemeFile(file), registry);
        var error = Assert.Throws<PerfKitConfigurationException>(() => new SchemeCatalog(new PerfKitOptions().AddSchemeFile(file), ScorerRegistry.Default));

        Assert.Same(registry, loaded.Registry);
        Assert.Equal(scheme.Fingerprint, loaded.Get("close").Fingerprint);
        Assert.All(error.SchemeFileProblems[file], p => Assert.Equal(ProblemCodes.ScorerUnknownKind, p.Code));
    }

    [Fact]
    public void Constructor_SameIdAndVersionThreeTimes_ReportsOneErrorNamingEachSource()
    {
        using var _ = new CultureScope("tr-TR");
        var file = folder.Write("copy.json", SchemeTemplates.GetJson("a-bank-2023"));

        var error = Assert.Throws<PerfKitConfigurationException>(() => new SchemeCatalog(
            new PerfKitOptions().AddTemplate("a-bank-2023").AddSchemeFile(file).AddScheme(SchemeTemplates.Load("a-bank-2023")),
            ScorerRegistry.Default));

        Assert.Equal(
            $"Scheme 'a-bank-2023@2023.1' is configured 3 times: template 'a-bank-2023', scheme file '{file}', scheme 'a-bank-2023@2023.1' added in code; each id and version may be configured once.",
            Assert.Single(error.Errors));
    }

    [Fact]
    public void Constructor_SeveralKindsOfError_ReportsAllAtOnceInConfigurationOrder()
    {
        var missing = Path.Combine(folder.Path, "missing.json");

        var error = Assert.Throws<PerfKitConfigurationException>(() => new SchemeCatalog(
            new PerfKitOptions().AddSchemeFile(missing).AddTemplate("nope").AddTemplate("a-bank-2023").AddTemplate("a-bank-2023"),
            ScorerRegistry.Default));

        Assert.Equal(3, error.Errors.Length);
        Assert.StartsWith("Scheme file '", error.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Template 'nope'", error.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Scheme 'a-bank-2023@2023.1' is configured 2 times", error.Errors[2], StringComparison.Ordinal);
        Assert.StartsWith("PerfKit is not configured correctly (3 errors):\n- ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FileOverTheLimits_ReportsTheLimitProblem()
    {
        using var _ = new CultureScope("de-DE");
        var file = folder.Write("a-bank-2023.json", SchemeTemplates.GetJson("a-bank-2023"));

        var error = Assert.Throws<PerfKitConfigurationException>(() => new SchemeCatalog(
            new PerfKitOptions().AddSchemeFile(file).LimitFiles(SchemeFileLimits.Default.WithMaxBytes(100)), ScorerRegistry.Default));

        Assert.Equal(ProblemCodes.JsonLimit, Assert.Single(error.SchemeFileProblems[file]).Code);
    }
}
