using System;

namespace PerfKit.Cli;

/// <summary>Stops a command with an error message and an exit code; the message is printed to standard error as is.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public CliException()
        : this(ExitCodes.InvalidInput, "The command failed.")
    {
    }

    public CliException(string message)
        : this(ExitCodes.InvalidInput, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.InvalidInput;

    public int ExitCode { get; }
}
