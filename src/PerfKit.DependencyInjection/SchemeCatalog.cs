using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Serialization;
using PerfKit.Templates;

namespace PerfKit.DependencyInjection;

/// <summary>
/// The schemes a host configured with <c>services.AddPerfKit(o =&gt; ...)</c>: embedded templates, scheme files and
/// schemes built in code, each found by id and version. Resolve it from the service provider; it is registered as a
/// singleton and loaded when first resolved.
/// </summary>
/// <remarks>
/// Immutable and thread-safe once resolved. Scheme files are read once, with the container's
/// <see cref="ScorerRegistry"/> (the built-in kinds plus every <see cref="IScorerKind"/> registered in the container),
/// so files may use the host's scorer kinds.
/// </remarks>
public sealed class SchemeCatalog
{
    private readonly ImmutableDictionary<string, ImmutableArray<Scheme>> byId;

    internal SchemeCatalog(PerfKitOptions options, ScorerRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        var errors = new List<string>();
        var fileProblems = new Dictionary<string, ImmutableArray<Problem>>(StringComparer.Ordinal);
        var loaded = new List<(Scheme Scheme, SchemeSource Source)>();
        foreach (var source in options.Sources)
        {
            var scheme = source.Kind switch
            {
                SchemeSourceKind.Template => LoadTemplate(source.Text, errors),
                SchemeSourceKind.File => LoadFile(source.Text, registry, options.FileLimits, errors, fileProblems),
                _ => source.Scheme,
            };
            if (scheme is not null)
            {
                loaded.Add((scheme, source));
            }
        }

        foreach (var same in loaded.GroupBy(l => Key(l.Scheme.Id, l.Scheme.Version), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Scheme '{same.Key}' is configured {same.Count()} times: {string.Join(", ", same.Select(l => l.Source.Describe()))}; each id and version may be configured once.");
        }

        if (errors.Count > 0)
        {
            throw new PerfKitConfigurationException(errors, fileProblems);
        }

        Schemes = [.. loaded.Select(l => l.Scheme)];
        byId = Schemes.GroupBy(s => s.Id, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the schemes, in the order they were configured.</summary>
    public ImmutableArray<Scheme> Schemes { get; }

    /// <summary>Gets the scorer kinds the scheme files were read with: the built-ins plus the container's <see cref="IScorerKind"/> services.</summary>
    public ScorerRegistry Registry { get; }

    /// <summary>Gets the only configured scheme with an id.</summary>
    /// <param name="id">The scheme id (ordinal, case-sensitive), e.g. <c>a-bank-2023</c>.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">No configured scheme has that id, or several versions of it are configured (name the version with <see cref="Get(string, string)"/>); the message lists what is configured.</exception>
    public Scheme Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!byId.TryGetValue(id, out var versions))
        {
            throw new ArgumentException($"No scheme with id '{id}' is configured. Configured: {Listing()}.", nameof(id));
        }

        return versions.Length == 1
            ? versions[0]
            : throw new ArgumentException($"Scheme '{id}' is configured in {versions.Length} versions ({string.Join(", ", versions.Select(s => s.Version))}); name the version.", nameof(id));
    }

    /// <summary>Gets a configured scheme by id and version.</summary>
    /// <param name="id">The scheme id (ordinal, case-sensitive).</param>
    /// <param name="version">The scheme version (ordinal, case-sensitive), e.g. <c>2023.1</c>.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="version"/> is null.</exception>
    /// <exception cref="ArgumentException">No configured scheme has that id and version; the message lists what is configured.</exception>
    public Scheme Get(string id, string version)
        => TryGet(id, version, out var scheme)
            ? scheme
            : throw new ArgumentException($"No scheme '{Key(id, version)}' is configured. Configured: {Listing()}.", nameof(version));

    /// <summary>Finds a configured scheme by id and version without throwing when it is not configured.</summary>
    /// <param name="id">The scheme id (ordinal, case-sensitive).</param>
    /// <param name="version">The scheme version (ordinal, case-sensitive).</param>
    /// <param name="scheme">The scheme when found; otherwise <see langword="null"/>.</param>
    /// <returns>Whether the scheme is configured.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="version"/> is null.</exception>
    public bool TryGet(string id, string version, [NotNullWhen(true)] out Scheme? scheme)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        scheme = byId.TryGetValue(id, out var versions)
            ? versions.FirstOrDefault(s => string.Equals(s.Version, version, StringComparison.Ordinal))
            : null;
        return scheme is not null;
    }

    private static string Key(string id, string version) => id + "@" + version;

    private static Scheme? LoadTemplate(string name, List<string> errors)
    {
        if (SchemeTemplates.TryLoad(name, out var scheme))
        {
            return scheme;
        }

        errors.Add($"Template '{name}' does not exist; the templates are: {string.Join(", ", SchemeTemplates.Names)}.");
        return null;
    }

    private static Scheme? LoadFile(string path, ScorerRegistry registry, SchemeFileLimits? limits, List<string> errors, Dictionary<string, ImmutableArray<Problem>> fileProblems)
    {
        if (!File.Exists(path))
        {
            errors.Add($"Scheme file '{path}' does not exist{(Directory.Exists(path) ? " (it is a directory)" : string.Empty)}.");
            return null;
        }

        SchemeLoadResult result;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            result = SchemeFile.Load(stream, registry, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"Scheme file '{path}' cannot be read: {e.Message}");
            return null;
        }

        if (result.Succeeded)
        {
            return result.Scheme;
        }

        fileProblems[path] = result.Problems;
        errors.AddRange(result.Problems.Select(p => $"Scheme file '{path}' is invalid: {p}"));
        return null;
    }

    private string Listing()
        => Schemes.IsEmpty ? "none" : string.Join(", ", Schemes.Select(s => Key(s.Id, s.Version)));
}
