using System.CommandLine;
using PerfKit.Periods;

namespace PerfKit.Cli.Commands;

/// <summary>Options shared by the commands that score a CSV.</summary>
internal sealed class CommonOptions
{
    public Option<string> Scheme { get; } = new("--scheme", "-s")
    {
        Description = "The scheme: a scheme file (.json) or a template name (" + SchemeSource.TemplateList + ").",
        Required = true,
    };

    public Option<string> Input { get; } = new("--input", "-i")
    {
        Description = "The actuals CSV (format: docs/csv-input.md).",
        Required = true,
    };

    public Option<string?> Period { get; } = new("--period")
    {
        Description = "The assessment period, e.g. 2024-03, 2024-Q1, 2024-H1, 2024 or 2024-01-15..2024-02-14; needed for the 'joined' and 'left' columns.",
    };

    public void AddTo(Command command, bool input = true, bool period = true)
    {
        command.Options.Add(Scheme);
        if (input)
        {
            command.Options.Add(Input);
        }

        if (period)
        {
            command.Options.Add(Period);
        }
    }

    public static AssessmentPeriod? ParsePeriod(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return AssessmentPeriod.TryParse(text, out var period, out var error)
            ? period
            : throw new CliException(ExitCodes.InvalidInput, $"--period '{text}' is not a period: {error}");
    }
}
