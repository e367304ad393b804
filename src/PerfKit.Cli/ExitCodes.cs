namespace PerfKit.Cli;

/// <summary>The exit codes of the <c>perfkit</c> tool, documented in <c>docs/cli.md</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command ran and found nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, but the data had errors: rows that could not be scored, a scheme file with problems (validate), a policy error (analyze).</summary>
    public const int DataErrors = 1;

    /// <summary>The command could not run: unknown command or option, a missing or unreadable file, a scheme that does not load, a CSV header that does not fit the scheme.</summary>
    public const int InvalidInput = 2;
}
