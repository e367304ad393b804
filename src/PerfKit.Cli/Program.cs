using System.Threading.Tasks;

namespace PerfKit.Cli;

/// <summary>The <c>perfkit</c> executable: parses the command line and runs one command on the process's console.</summary>
public static class Program
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code: 0 ok, 1 data errors, 2 invalid input or usage (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, CliConsole.FromSystemConsole());
}
