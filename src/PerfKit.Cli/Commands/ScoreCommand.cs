using System.CommandLine;
using PerfKit.Cli.Input;
using PerfKit.Cli.Output;

namespace PerfKit.Cli.Commands;

/// <summary><c>perfkit score</c>: streams an actuals CSV through a scheme into a results CSV or JSON file.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var output = new Option<string>("--out", "-o") { Description = "The results file: .csv (one row per subject) or .json (an array of explanations).", Required = true };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Exit 0 even when rows failed (they are still reported on standard error)." };
        var command = new Command("score", "Score every row of an actuals CSV and write the results. Rows that cannot be read or scored are reported with their line and column, the rest are scored; exit 1 when any row failed unless --allow-errors.");
        common.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(allowErrors);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var period = CommonOptions.ParsePeriod(parse.GetValue(common.Period));
            var scheme = SchemeSource.Load(parse.GetRequiredValue(common.Scheme));
            var outPath = parse.GetRequiredValue(output);
            CliApp.CheckWritable(outPath);
            var run = new ScoringRun(console, scheme, parse.GetRequiredValue(common.Input), period);
            ResultWriter? writer = null;
            try
            {
                await run.RunAsync(keys => writer = ResultWriter.Create(outPath, scheme, keys, period), a => writer!.Write(a), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                writer?.Dispose();
            }

            await console.Out.WriteLineAsync(run.Summary(outPath)).ConfigureAwait(false);
            return run.Failed > 0 && !parse.GetValue(allowErrors) ? ExitCodes.DataErrors : ExitCodes.Ok;
        });
        return command;
    }
}
