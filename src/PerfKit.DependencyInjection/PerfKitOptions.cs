using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Serialization;

namespace PerfKit.DependencyInjection;

/// <summary>
/// What <c>services.AddPerfKit(o =&gt; ...)</c> registers: the schemes of the <see cref="SchemeCatalog"/> (embedded
/// templates, scheme files and schemes built in code, in the order they are added) and the options of the evaluators
/// the <see cref="SchemeEvaluatorCache"/> compiles. Each method returns the same instance, so calls chain:
/// <c>o.AddTemplate("a-bank-2023").AddSchemeFile("schemes/branch.json").UnknownMeasures(UnknownMeasureHandling.Ignore)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The methods check their arguments only; whether a template exists and whether a scheme file loads is checked when
/// the catalogue is first resolved (or by <c>ValidatePerfKit()</c> at start-up), which reports every configuration
/// error at once in a <see cref="PerfKitConfigurationException"/>.
/// </para>
/// <para>
/// Not thread-safe: configure it on one thread inside the <c>AddPerfKit</c> delegate, before the service provider is
/// built. The catalogue and the cache read it once, when they are first resolved; later changes have no effect on them.
/// </para>
/// </remarks>
public sealed class PerfKitOptions
{
    private readonly List<SchemeSource> sources = [];
    private RoundingPolicy payRounding = RoundingPolicy.Default;
    private UnknownMeasureHandling unknownMeasures = UnknownMeasureHandling.Reject;

    /// <summary>Creates empty options; <c>AddPerfKit</c> creates the one instance a container uses.</summary>
    internal PerfKitOptions()
    {
    }

    /// <summary>Gets the names of the embedded templates added with <see cref="AddTemplate"/>, in the order added.</summary>
    public ImmutableArray<string> Templates
        => [.. sources.Where(s => s.Kind == SchemeSourceKind.Template).Select(s => s.Text)];

    /// <summary>Gets the full paths of the scheme files added with <see cref="AddSchemeFile"/>, in the order added.</summary>
    public ImmutableArray<string> SchemeFiles
        => [.. sources.Where(s => s.Kind == SchemeSourceKind.File).Select(s => s.Text)];

    /// <summary>Gets the schemes added with <see cref="AddScheme"/>, in the order added.</summary>
    public ImmutableArray<Scheme> Schemes
        => [.. sources.Where(s => s.Kind == SchemeSourceKind.Scheme).Select(s => s.Scheme!)];

    /// <summary>
    /// Gets the options of the evaluators the <see cref="SchemeEvaluatorCache"/> compiles, as set by
    /// <see cref="UnknownMeasures"/> and <see cref="PayRounding"/> (by default those of <see cref="EvaluatorOptions.Default"/>).
    /// </summary>
    /// <value>A new immutable <see cref="EvaluatorOptions"/> on each call.</value>
    public EvaluatorOptions EvaluatorOptions => new() { PayRounding = payRounding, UnknownMeasures = unknownMeasures };

    /// <summary>Gets the limits applied when reading scheme files; <see langword="null"/> (the default) means <see cref="SchemeFileLimits.Default"/>.</summary>
    public SchemeFileLimits? FileLimits { get; private set; }

    /// <summary>All sources in the order added.</summary>
    internal IReadOnlyList<SchemeSource> Sources => sources;

    /// <summary>Adds an embedded template to the catalogue by name (ordinal, case-sensitive), as <c>SchemeTemplates.Load(name)</c> loads it.</summary>
    /// <param name="name">The template name, one of <c>PerfKit.Templates.SchemeTemplates.Names</c>, e.g. <c>a-bank-2023</c>.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space. An unknown name is reported at validation, with the names available.</exception>
    public PerfKitOptions AddTemplate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        sources.Add(new SchemeSource(SchemeSourceKind.Template, name, null));
        return this;
    }

    /// <summary>Adds a scheme file (see <c>docs/scheme-files.md</c>) to the catalogue; it is read when the catalogue is first resolved.</summary>
    /// <param name="path">The file's path; a relative path is resolved against the current directory now, when this method is called.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, white space or not a valid path. A missing or invalid file is reported at validation, with every problem of its content.</exception>
    public PerfKitOptions AddSchemeFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"'{path}' is not a valid file path: {e.Message}", nameof(path), e);
        }

        sources.Add(new SchemeSource(SchemeSourceKind.File, fullPath, null));
        return this;
    }

    /// <summary>Adds a scheme built in code (with <see cref="Scheme.CreateBuilder"/>) to the catalogue.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    public PerfKitOptions AddScheme(Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        sources.Add(new SchemeSource(SchemeSourceKind.Scheme, scheme.Id + "@" + scheme.Version, scheme));
        return this;
    }

    /// <summary>Sets what the evaluators do with a value for a measure their scheme does not read (default <see cref="UnknownMeasureHandling.Reject"/>).</summary>
    /// <param name="handling">The handling.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handling"/> is not a defined value.</exception>
    public PerfKitOptions UnknownMeasures(UnknownMeasureHandling handling)
    {
        if (!Enum.IsDefined(handling))
        {
            throw new ArgumentOutOfRangeException(nameof(handling), handling, "Use a defined UnknownMeasureHandling value.");
        }

        unknownMeasures = handling;
        return this;
    }

    /// <summary>Sets the rounding of payouts to the currency's minor unit (default 2 decimals, <see cref="MidpointRounding.AwayFromZero"/>).</summary>
    /// <param name="rounding">The rounding policy.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rounding"/> is null.</exception>
    public PerfKitOptions PayRounding(RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(rounding);
        payRounding = rounding;
        return this;
    }

    /// <summary>Sets the limits applied when reading scheme files (default <see cref="SchemeFileLimits.Default"/>).</summary>
    /// <param name="limits">The limits.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public PerfKitOptions LimitFiles(SchemeFileLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        FileLimits = limits;
        return this;
    }
}
