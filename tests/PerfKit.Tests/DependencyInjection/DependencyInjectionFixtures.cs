using System;
using System.IO;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Tests.DependencyInjection;

/// <summary>Small schemes and a temporary folder shared by the dependency-injection tests.</summary>
internal static class DependencyInjectionFixtures
{
    /// <summary>One indicator <c>a</c> (linear 0 → 10 on measure <c>m_a</c>), grades A ≥ 90 → 1.30, D → 0.70.</summary>
    public static Scheme Small(string id, string version, ScorerRegistry? registry = null, ScorerSpec? scorer = null)
        => Scheme.CreateBuilder(id, version, registry)
            .Name("Small scheme")
            .Grade("A", 90m, 1.30m)
            .Grade("D", null, 0.70m)
            .Root(WeightMode.Percent, r => r.Indicator("a", 100m, "m_a", scorer ?? Scorers.Linear(0m, 10m)))
            .Build();
}

/// <summary>A fresh folder under the system's temporary folder, deleted with its content on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("perfkit-di-").FullName;

    public string Path { get; }

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
