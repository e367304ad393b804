using System;
using System.IO;
using Spectre.Console;

namespace PerfKit.Cli;

/// <summary>Where a command writes: standard output (results, tables), standard error (errors, warnings), and whether a person watches (progress bars).</summary>
/// <remarks>Not thread-safe; one command at a time.</remarks>
public sealed class CliConsole
{
    private CliConsole(TextWriter output, TextWriter error, bool interactive, bool ansi)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!ansi)
        {
            // Plain text (tests, redirected output): a fixed width, so tables render the same everywhere.
            Ansi.Profile.Width = 160;
        }
    }

    /// <summary>Gets the writer for results and tables.</summary>
    public TextWriter Out { get; }

    /// <summary>Gets the writer for errors and warnings.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets a value indicating whether a person watches a terminal (progress bars are shown only then).</summary>
    public bool Interactive { get; }

    /// <summary>Gets the Spectre console over <see cref="Out"/>.</summary>
    internal IAnsiConsole Ansi { get; }

    /// <summary>Creates a console over the process's standard output and error; ANSI and progress only on a terminal.</summary>
    /// <returns>The console.</returns>
    public static CliConsole FromSystemConsole()
    {
        var terminal = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        return new CliConsole(Console.Out, Console.Error, terminal, terminal);
    }

    /// <summary>Creates a plain-text, non-interactive console over two writers (for tests and embedding).</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The console.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CliConsole Capture(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return new CliConsole(output, error, interactive: false, ansi: false);
    }
}
