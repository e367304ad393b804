using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Serialization;

namespace PerfKit.Cli.Tests;

/// <summary>The result of one in-process run of the tool: exit code, standard output and standard error (LF line endings).</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the tool in-process through <see cref="CliApp.RunAsync"/> with captured output, in a forced culture, in a fresh temp folder.</summary>
public sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Folder = Path.Combine(Path.GetTempPath(), "perfkit-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>Gets the temp folder of this run, deleted on dispose.</summary>
    public string Folder { get; }

    /// <summary>
    /// The quick-start scheme of the README as a scheme file: loans (weight 60, linear 0 → 500), npl_rate (weight 40,
    /// linear 2 → 0.5, lower is better), grades A ≥ 90 × 1.3, B ≥ 80 × 1.1, C ≥ 60 × 1, D × 0.7, a certificates bonus
    /// of 2.5 a unit up to 5, and a gate cancelling pay when npl_rate is above 1.5.
    /// </summary>
    public static Scheme BranchScheme() => BranchScheme(60m, 40m);

    /// <summary>The branch scheme with other weights for loans and npl_rate (Percent, summing to 100).</summary>
    public static Scheme BranchScheme(decimal loans, decimal npl) => Scheme.CreateBuilder("branch-cm", "2024.1").Name("Branch customer manager").Name("zh-CN", "支行客户经理")
        .Grade("A", 90m, 1.30m).Grade("B", 80m, 1.10m).Grade("C", 60m, 1.00m).Grade("D", null, 0.70m)
        .Root(WeightMode.Percent, root => root
            .Indicator("loans", loans, "loans", Scorers.Linear(baseline: 0m, target: 500m))
            .Indicator("npl_rate", npl, "npl_rate", Scorers.Linear(baseline: 2m, target: 0.5m)))
        .MaxBonus(5m).Bonus("certificates", "certificates", pointsPerUnit: 2.5m)
        .Gate("npl_gate", g => g.OnValue("npl_rate", 1.5m).CancelPayout())
        .Build();

    /// <summary>Writes a file into the run's folder and returns its path.</summary>
    public string File(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes <see cref="BranchScheme()"/> as a scheme file and returns its path.</summary>
    public string SchemeFilePath() => File("branch.json", SchemeFile.WriteString(BranchScheme()));

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Runs the tool with the current culture set to <paramref name="culture"/>.</summary>
    public static async Task<CliResult> RunAsync(string culture, params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var code = await CliApp.RunAsync(args, CliConsole.Capture(output, error));
            return new CliResult(code, Normalize(output.ToString()), Normalize(error.ToString()));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system; the temp folder is cleaned by the system.
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
