using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PerfKit.Cli.Commands;

namespace PerfKit.Cli;

/// <summary>
/// The command line of the <c>perfkit</c> tool: builds the commands and runs one. Parse errors exit with 2; a command's
/// data errors with 1 (see <see cref="ExitCodes"/> and <c>docs/cli.md</c>).
/// </summary>
/// <remarks>Thread-safe: every run builds its own commands and writes only to the console it is given.</remarks>
public static class CliApp
{
    /// <summary>Runs the tool with arguments on a console.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Cancels a long run between rows.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = CreateRootCommand(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'perfkit --help' or 'perfkit <command> --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return e.ExitCode;
        }
    }

    /// <summary>Builds the root command with every subcommand.</summary>
    internal static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("perfkit: validate and analyze PerfKit scheme files, score a CSV of actuals, explain a subject, and write an HTML report.")
        {
            ValidateCommand.Create(console),
            AnalyzeCommand.Create(console),
            ScoreCommand.Create(console),
            ExplainCommand.Create(console),
            DiagnoseCommand.Create(console),
            SimulateCommand.Create(console),
            ReportCommand.Create(console),
            DemoCommand.Create(console),
        };
        return root;
    }

    /// <summary>Checks that an output's folder exists, so a typo fails before any work is done.</summary>
    internal static void CheckWritable(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.InvalidInput, $"Cannot write '{path}': the folder '{folder}' does not exist.");
        }
    }
}
