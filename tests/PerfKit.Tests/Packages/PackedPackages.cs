using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Packages;

/// <summary>The tests that open the packages and install them in a consumer app share one packing.</summary>
[CollectionDefinition(nameof(PackagesCollection))]
public sealed class PackagesCollection : ICollectionFixture<PackedPackages>
{
}

/// <summary>
/// Packs <c>PerfKit</c> and <c>PerfKit.DependencyInjection</c> once per test run into a local folder feed under a fresh
/// temporary folder outside the repository, from the build the tests run on (<c>dotnet pack --no-build</c> with the
/// test assembly's configuration, so nothing in the repository is rebuilt or written). Deletes the folder on dispose.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>The packed projects, by package id.</summary>
    public static readonly IReadOnlyList<string> Projects = ["PerfKit", "PerfKit.DependencyInjection"];

    public PackedPackages()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Directory.CreateTempSubdirectory("perfkit-packages-").FullName;
        if (Root.StartsWith(RepositoryRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The temporary folder {Root} is inside the repository; point TMPDIR elsewhere.");
        }

        // The version set once in Directory.Build.props, as the build stamped it on the assembly (without "+commit").
        Version = typeof(SchemeEvaluator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Configuration = typeof(PackedPackages).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        var nuspecs = Path.Combine(Root, "nuspec") + Path.DirectorySeparatorChar;
        var watch = Stopwatch.StartNew();
        foreach (var project in Projects)
        {
            Run(RepositoryRoot, ["pack", Path.Combine(RepositoryRoot, "src", project, project + ".csproj"), "-c", Configuration, "--no-build", "-o", Feed, "-p:NuspecOutputPath=" + nuspecs, "-nodeReuse:false"]);
        }

        PackTime = watch.Elapsed;
    }

    public string RepositoryRoot { get; }

    /// <summary>The temporary folder holding the feed, the consumer app and its packages folder.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Configuration { get; }

    public TimeSpan PackTime { get; }

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string SymbolPackage(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    /// <summary>Runs <c>dotnet</c> with the arguments in a folder, failing with its output unless it exits with 0 within 10 minutes.</summary>
    /// <returns>What it wrote to standard output.</returns>
    public static string Run(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under the outer build's MSBuild and VSTest settings; a nested dotnet must find its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within 10 minutes.\n{output}\n{errors}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode} in {workingDirectory}.\n{output}\n{errors}");
        }

        return output.ToString();
    }

    public void Dispose()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
                return;
            }
            catch (Exception e) when (attempt < 5 && e is IOException or UnauthorizedAccessException)
            {
                System.Threading.Thread.Sleep(500 * attempt);
            }
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PerfKit.sln not found above " + AppContext.BaseDirectory);
    }
}
