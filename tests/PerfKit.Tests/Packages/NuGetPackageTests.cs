using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Packages;

/// <summary>Opens the packed .nupkg and .snupkg files (zip files) and checks what a consumer gets.</summary>
[Collection(nameof(PackagesCollection))]
public sealed class NuGetPackageTests(PackedPackages packages)
{
    [Fact]
    public void PerfKitPackage_Files_AreTheLibraryDocsReadmeLicenseAndSchema()
    {
        using var package = ZipFile.OpenRead(packages.Package("PerfKit"));

        var files = Files(package);

        Assert.Equal(
            ["LICENSE", "PerfKit.nuspec", "README.md", "contentFiles/any/any/schemas/perfkit-scheme.schema.json", "lib/net10.0/PerfKit.dll", "lib/net10.0/PerfKit.xml", "schemas/perfkit-scheme.schema.json"],
            files);
        Assert.Equal(SchemeFile.JsonSchema, Text(package, "schemas/perfkit-scheme.schema.json"));
        Assert.Equal(SchemeFile.JsonSchema, Text(package, "contentFiles/any/any/schemas/perfkit-scheme.schema.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(packages.RepositoryRoot, "src", "PerfKit", "README.md")), Text(package, "README.md"));
        Assert.Equal(File.ReadAllText(Path.Combine(packages.RepositoryRoot, "LICENSE")), Text(package, "LICENSE"));
        Assert.Contains("<member name=\"T:PerfKit.Evaluation.SchemeEvaluator\">", Text(package, "lib/net10.0/PerfKit.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void DependencyInjectionPackage_Files_AreTheLibraryDocsReadmeAndLicenseOnly()
    {
        using var package = ZipFile.OpenRead(packages.Package("PerfKit.DependencyInjection"));

        Assert.Equal(
            ["LICENSE", "PerfKit.DependencyInjection.nuspec", "README.md", "lib/net10.0/PerfKit.DependencyInjection.dll", "lib/net10.0/PerfKit.DependencyInjection.xml"],
            Files(package));
        Assert.Equal(File.ReadAllText(Path.Combine(packages.RepositoryRoot, "src", "PerfKit.DependencyInjection", "README.md")), Text(package, "README.md"));
        Assert.Contains("<member name=\"M:Microsoft.Extensions.DependencyInjection.PerfKitServiceCollectionExtensions.AddPerfKit(", Text(package, "lib/net10.0/PerfKit.DependencyInjection.xml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PerfKit")]
    [InlineData("PerfKit.DependencyInjection")]
    public void Nuspec_Metadata_NamesVersionLicenseReadmeAndSourceCommit(string id)
    {
        var metadata = Nuspec(id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(packages.Version, Value(metadata, "version"));
        Assert.Equal("PerfKit contributors", Value(metadata, "authors"));
        var license = Element(metadata, "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.True(Value(metadata, "description").Length > 80, "The description should say what the package does.");
        Assert.Contains("performance-assessment", Value(metadata, "tags").Split(' '));
        var repository = Element(metadata, "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
    }

    [Fact]
    public void Nuspec_Dependencies_CoreNeedsNodaTimeAndTheDiPackageOnlyCoreAndDiAbstractions()
    {
        Assert.Equal(["NodaTime"], Dependencies("PerfKit").Keys);
        var di = Dependencies("PerfKit.DependencyInjection");
        Assert.Equal(["Microsoft.Extensions.DependencyInjection.Abstractions", "PerfKit"], di.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(packages.Version, di["PerfKit"]);
    }

    [Theory]
    [InlineData("PerfKit")]
    [InlineData("PerfKit.DependencyInjection")]
    public void SymbolPackage_Pdb_MatchesTheDeterministicLibrary(string id)
    {
        using var package = ZipFile.OpenRead(packages.Package(id));
        using var symbols = ZipFile.OpenRead(packages.SymbolPackage(id));
        using var pe = new PEReader(new MemoryStream(Bytes(package, $"lib/net10.0/{id}.dll")));
        using var pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Bytes(symbols, $"lib/net10.0/{id}.pdb")));

        var debug = pe.ReadDebugDirectory();
        var codeView = pe.ReadCodeViewDebugDirectoryData(debug.Single(e => e.Type == DebugDirectoryEntryType.CodeView));
        var pdbId = pdb.GetMetadataReader().DebugMetadataHeader!.Id;

        Assert.Contains(debug, e => e.Type == DebugDirectoryEntryType.Reproducible);
        Assert.Equal(codeView.Guid, new Guid(pdbId.AsSpan(0, 16)));
        Assert.Equal($"{id}.pdb", Path.GetFileName(codeView.Path));
    }

    private static List<string> Files(ZipArchive package)
        => package.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .Order(StringComparer.Ordinal).ToList();

    private static byte[] Bytes(ZipArchive package, string name)
    {
        using var stream = (package.GetEntry(name) ?? throw new InvalidOperationException($"The package has no {name}.")).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(ZipArchive package, string name)
        => Regex.Replace(new StreamReader(new MemoryStream(Bytes(package, name))).ReadToEnd(), "\r\n", "\n");

    private XElement Nuspec(string id)
    {
        using var package = ZipFile.OpenRead(packages.Package(id));
        return Element(XDocument.Parse(Text(package, id + ".nuspec")).Root!, "metadata");
    }

    private Dictionary<string, string> Dependencies(string id)
    {
        var group = Assert.Single(Element(Nuspec(id), "dependencies").Elements(), e => e.Name.LocalName == "group");
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        return group.Elements().ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!, StringComparer.Ordinal);
    }

    private static XElement Element(XElement parent, string name)
        => parent.Elements().SingleOrDefault(e => e.Name.LocalName == name) ?? throw new InvalidOperationException($"The nuspec has no <{name}>.");

    private static string Value(XElement parent, string name) => Element(parent, name).Value;
}
