using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using PerfKit.Evaluation;
using PerfKit.Templates;
using Xunit;
using Xunit.Abstractions;

namespace PerfKit.Tests.Packages;

/// <summary>
/// Installs the packed packages like a payroll system would: a fresh console app in a temporary folder outside the
/// repository (so no Directory.Build.props or central package versions apply), its own nuget.config with the local
/// feed and the public registry, <c>dotnet add package</c> by version, a build with warnings as errors, and a run of a
/// pay run on the <c>a-bank-2023</c> template through <c>AddPerfKit</c>.
/// </summary>
[Collection(nameof(PackagesCollection))]
public sealed class ConsumerAppTests(PackedPackages packages, ITestOutputHelper output)
{
    private const string PublicRegistry = "https://api.nuget.org/v3/index.json";

    // Measures of a-bank-2023 in the order of the columns below.
    private static readonly string[] Measures =
        ["new_accounts", "net_new_accounts", "monthly_exam", "mentoring", "activity", "customer_visits", "net_balance_growth", "overdue_rate", "npl_rate", "certificates"];

    // The pay run: subject, base pay, then one value per measure.
    private static readonly (string Id, decimal BasePay, decimal[] Values)[] PayRun =
    [
        ("CM001", 10000m, [10m, 6m, 100m, 2m, 4m, 60m, 500m, 1m, 0.5m, 2m]),
        ("CM002", 9000m, [12m, 6m, 80m, 1m, 2m, 30m, 500m, 2m, 1.25m, 1m]),
        ("CM003", 11000m, [10m, 6m, 90m, 2m, 4m, 60m, 400m, 1m, 0.5m, 0m]),
    ];

    [Fact]
    public void PayRun_ConsumerAppWithThePackagesFromTheLocalFeed_PrintsThePayoutsWorkedOutByHand()
    {
        var watch = Stopwatch.StartNew();
        var app = Directory.CreateDirectory(Path.Combine(packages.Root, "consumer")).FullName;
        var packagesFolder = Path.Combine(packages.Root, "nuget-packages");
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), ProjectFile);
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program());
        File.WriteAllText(Path.Combine(app, "nuget.config"), NuGetConfig());
        // A packages folder of its own, so a PerfKit of the same version installed on this machine before cannot stand in.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packagesFolder };

        PackedPackages.Run(app, ["add", "package", "PerfKit", "--version", packages.Version, "--no-restore"], environment);
        PackedPackages.Run(app, ["add", "package", "PerfKit.DependencyInjection", "--version", packages.Version, "--no-restore"], environment);
        PackedPackages.Run(app, ["add", "package", "Microsoft.Extensions.DependencyInjection", "--version", VersionOf(typeof(ServiceCollection)), "--no-restore"], environment);
        PackedPackages.Run(app, ["build", "-c", "Release", "-nodeReuse:false"], environment);
        var printed = PackedPackages.Run(app, [Path.Combine(app, "bin", "Release", "net10.0", "Consumer.dll")], environment).Replace("\r\n", "\n", StringComparison.Ordinal);
        output.WriteLine($"Packing took {packages.PackTime.TotalSeconds:0.0} s; writing, restoring, building and running the consumer took {watch.Elapsed.TotalSeconds:0.0} s.");

        // Every indicator of a-bank-2023 is linear and capped at 1; effective weights are section 0.5 × points / 100.
        // CM001: every value at its target → each score 1 → base 100; certificates 2 × 2.5 = 5 (cap 5) → total 105,
        //   grade A (≥ 90) × 1.3 → payout 10000 × 1.3 = 13000.00; all three gates pass.
        // CM002: monthly (50 × min(12/10, 1) + 30 × 6/6 + 10 × 80/100 + 6 × 1/2 + 4 × 2/4) / 100 = (50 + 30 + 8 + 3 + 2) / 100 = 0.93;
        //   quarterly (8 × 30/60 + 60 × 500/500 + 12 × (2 − 3)/(1 − 3) + 20 × (1.25 − 2)/(0.5 − 2)) / 100 = (4 + 60 + 6 + 10) / 100 = 0.80;
        //   base (0.93 + 0.80) / 2 × 100 = 86.5; certificates 1 × 2.5 → total 89 → grade B (≥ 80) × 1.1 → 9000 × 1.1 = 9900.00.
        // CM003: monthly (50 + 30 + 10 × 0.9 + 6 + 4) / 100 = 0.99; quarterly (8 + 60 × 400/500 + 12 + 20) / 100 = (8 + 48 + 12 + 20) / 100 = 0.88;
        //   base (0.99 + 0.88) / 2 × 100 = 93.5, no certificate → total 93.5, grade A; net balance growth 400 < 500 fails
        //   gate_net_balance, which cancels the pay: payout 0.00.
        var expected = new List<string>
        {
            $"scheme a-bank-2023@2023.1 {SchemeTemplates.Load("a-bank-2023").Fingerprint}",
            $"packages PerfKit {packages.Version}, PerfKit.DependencyInjection {packages.Version}",
            "CM001 total 105.00 grade A payout 13000.00 failed gates: -",
            "CM002 total 89.00 grade B payout 9900.00 failed gates: -",
            "CM003 total 93.50 grade A payout 0.00 failed gates: gate_net_balance",
        };
        // The fingerprints a pay run stores are not worked out by hand: the library computes them here, in-process.
        var evaluator = SchemeEvaluator.Create(SchemeTemplates.Load("a-bank-2023"));
        expected.AddRange(PayRun.Select(s => $"{s.Id} fingerprint {evaluator.EvaluateOrThrow(Input(s)).Fingerprint}"));

        Assert.Equal(string.Join("\n", expected) + "\n", printed);
        Assert.Contains(packages.Feed, File.ReadAllText(Path.Combine(packagesFolder, "perfkit", packages.Version, ".nupkg.metadata")), StringComparison.Ordinal);
        Assert.Contains(packages.Feed, File.ReadAllText(Path.Combine(packagesFolder, "perfkit.dependencyinjection", packages.Version, ".nupkg.metadata")), StringComparison.Ordinal);
    }

    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
        </Project>

        """;

    private static SubjectInput Input((string Id, decimal BasePay, decimal[] Values) subject)
    {
        var input = SubjectInput.For(subject.Id).BasePay(subject.BasePay);
        for (var i = 0; i < Measures.Length; i++)
        {
            input.Value(Measures[i], subject.Values[i]);
        }

        return input.Build();
    }

    private static string Program()
    {
        var subjects = string.Join(",\n", PayRun.Select(s =>
            $"    SubjectInput.For(\"{s.Id}\").BasePay({Literal(s.BasePay)})"
            + string.Concat(Measures.Select((m, i) => $".Value(\"{m}\", {Literal(s.Values[i])})"))
            + ".Build()"));
        return $$"""
            using System;
            using System.Globalization;
            using System.Linq;
            using System.Reflection;
            using Microsoft.Extensions.DependencyInjection;
            using PerfKit.DependencyInjection;
            using PerfKit.Evaluation;

            // A payroll host: PerfKit registered at start-up, the configuration validated before the first pay run.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var services = new ServiceCollection();
            services.AddPerfKit(o => o.AddTemplate("a-bank-2023"));
            using var provider = services.BuildServiceProvider().ValidatePerfKit();

            var scheme = provider.GetRequiredService<SchemeCatalog>().Get("a-bank-2023");
            var evaluator = provider.GetRequiredService<SchemeEvaluatorCache>().GetOrCreate(scheme);
            SubjectInput[] payRun =
            [
            {{subjects}},
            ];

            Console.WriteLine($"scheme {scheme.Id}@{scheme.Version} {scheme.Fingerprint}");
            Console.WriteLine($"packages PerfKit {Version(typeof(SchemeEvaluator))}, PerfKit.DependencyInjection {Version(typeof(SchemeCatalog))}");
            var fingerprints = new System.Collections.Generic.List<string>();
            foreach (var result in evaluator.EvaluateMany(payRun))
            {
                if (!result.Succeeded)
                {
                    Console.Error.WriteLine(string.Join("\n", result.Problems));
                    return 1;
                }

                var a = result.Assessment!;
                var failed = a.FailedGates.Any() ? string.Join(",", a.FailedGates.Select(g => g.Gate.Id)) : "-";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.SubjectId} total {a.RoundedTotal:0.00} grade {a.Grade.Name} payout {a.Payout:0.00} failed gates: {failed}"));
                fingerprints.Add($"{a.SubjectId} fingerprint {a.Fingerprint}");
            }

            fingerprints.ForEach(Console.WriteLine);
            return 0;

            static string Version(Type type)
                => type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

            """;
    }

    private static string Literal(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    private static string VersionOf(Type type)
        => System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(type.Assembly)!.InformationalVersion.Split('+')[0];

    private string NuGetConfig()
    {
        // This machine's packages folder is a folder feed too: NodaTime and the DI packages the solution restored come
        // from there without a download, the public registry serves anything else. PerfKit comes from the local feed only.
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var machineSource = Directory.Exists(machinePackages) ? $"""<add key="machine" value="{machinePackages}" />""" : string.Empty;
        var machineMapping = Directory.Exists(machinePackages) ? """<packageSource key="machine"><package pattern="*" /></packageSource>""" : string.Empty;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages.Feed}" />
                {machineSource}
                <add key="nuget.org" value="{PublicRegistry}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="PerfKit" /><package pattern="PerfKit.*" /></packageSource>
                {machineMapping}
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>

            """;
    }
}
