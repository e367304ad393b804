using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PerfKit.Cli.Input;
using PerfKit.Cli.Reports;
using PerfKit.Evaluation;

namespace PerfKit.Cli.Commands;

/// <summary><c>perfkit report --html report.html</c>: scores a CSV and writes the self-contained HTML report.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var html = new Option<string>("--html") { Description = "The report file to write (one self-contained HTML page).", Required = true };
        var lang = LanguageOption();
        var groupBy = GroupByOption();
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Exit 0 even when rows failed (they are reported on standard error and counted in the report)." };
        var command = new Command("report", "Score an actuals CSV and write a self-contained HTML report: summary, grade distribution, score histogram, dimension averages by group, gate pass rates, calibration findings, ranking and a drill-down per subject. Exit 1 when any row failed unless --allow-errors.");
        common.AddTo(command);
        command.Options.Add(html);
        command.Options.Add(lang);
        command.Options.Add(groupBy);
        command.Options.Add(allowErrors);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var period = CommonOptions.ParsePeriod(parse.GetValue(common.Period));
            var scheme = SchemeSource.Load(parse.GetRequiredValue(common.Scheme));
            var outPath = parse.GetRequiredValue(html);
            CliApp.CheckWritable(outPath);
            var run = new ScoringRun(console, scheme, parse.GetRequiredValue(common.Input), period);
            var failed = await WriteAsync(run, outPath, ReportLabels.For(parse.GetValue(lang)!), parse.GetValue(groupBy)!, null, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(run.Summary(outPath)).ConfigureAwait(false);
            return failed > 0 && !parse.GetValue(allowErrors) ? ExitCodes.DataErrors : ExitCodes.Ok;
        });
        return command;
    }

    internal static Option<string> LanguageOption()
    {
        var lang = new Option<string>("--lang") { Description = "The report's language: en (default) or zh-CN.", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong("en", "zh-CN");
        return lang;
    }

    internal static Option<string> GroupByOption()
        => new("--group-by") { Description = "The subject attribute the report groups by (the CSV column attr:<key>); default department.", DefaultValueFactory = _ => "department" };

    /// <summary>Scores the run's CSV and writes the report; returns the number of rows that failed.</summary>
    internal static async Task<int> WriteAsync(ScoringRun run, string outPath, ReportLabels labels, string groupKey, Action<Assessment>? alsoScored, CancellationToken cancellationToken)
    {
        var assessments = new List<Assessment>();
        await run.RunAsync(_ => { }, a =>
        {
            assessments.Add(a);
            alsoScored?.Invoke(a);
        }, cancellationToken).ConfigureAwait(false);
        var data = ReportBuilder.Build(run.Scheme, assessments, labels, Path.GetFileName(run.InputPath), run.Period?.ToString(), run.Failed, groupKey);
        Write(outPath, HtmlReport.Render(data));
        return run.Failed;
    }

    internal static void Write(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, $"Cannot write '{path}': {e.Message}");
        }
    }
}
