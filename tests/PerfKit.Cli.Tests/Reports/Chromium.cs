using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace PerfKit.Cli.Tests.Reports;

/// <summary>Runs the Debian <c>chromium</c> package headless on a local file: its DOM after load, its console errors, a screenshot.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Loads the page and returns the serialized DOM and the lines of the browser log that report page errors.</summary>
    public static async Task<(string Dom, IReadOnlyList<string> PageErrors)> DumpDomAsync(string file)
    {
        var (output, log) = await RunAsync(["--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(file).AbsoluteUri]);
        var errors = log.Split('\n').Where(IsPageError).ToList();
        return (output, errors);
    }

    /// <summary>Saves a screenshot of the page at 1280 × 2000.</summary>
    public static async Task ScreenshotAsync(string file, string png)
        => await RunAsync(["--screenshot=" + png, "--window-size=1280,2000", new Uri(file).AbsoluteUri]);

    /// <summary>
    /// A log line about the page, not the browser's environment: console messages (the page's own log calls, uncaught
    /// exceptions) and failed loads; the D-Bus and GPU noise of a headless container is not about the page.
    /// </summary>
    internal static bool IsPageError(string line)
        => line.Contains(":CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal)
           || line.Contains("net::ERR_", StringComparison.Ordinal) || line.Contains("Refused to", StringComparison.Ordinal)
           || line.Contains("Failed to load resource", StringComparison.Ordinal);

    private static async Task<(string Output, string Log)> RunAsync(IEnumerable<string> args)
    {
        var profile = Directory.CreateTempSubdirectory("perfkit-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var flag in Flags.Append("--user-data-dir=" + profile.FullName).Concat(args))
            {
                start.ArgumentList.Add(flag);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var log = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within two minutes");
            }

            return (await output, await log);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The profile of a browser still shutting down; it is in the temp folder.
            }
        }
    }
}
