using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using PerfKit.Cli.Input;
using PerfKit.Cli.Output;
using PerfKit.Cli.Reports;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Samples;
using PerfKit.Templates;

namespace PerfKit.Cli.Commands;

/// <summary>
/// <c>perfkit demo</c>: writes the embedded sample population of A-bank customer managers as an actuals CSV, scores it
/// with the embedded A-bank 2023 template exactly as <c>perfkit score</c> and <c>perfkit report</c> would, and writes
/// the results and the HTML report.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The number of sample subjects.</summary>
    public const int SubjectCount = 300;

    /// <summary>The template the demo scores.</summary>
    public const string Template = "a-bank-2023";

    public static Command Create(CliConsole console)
    {
        var outDir = new Option<string>("--out", "-o") { Description = "The folder to write actuals.csv, results.csv and report.html into (created when missing); default perfkit-demo.", DefaultValueFactory = _ => "perfkit-demo" };
        var lang = ReportCommand.LanguageOption();
        var command = new Command("demo", $"Score the embedded {Template} template on {SubjectCount} deterministic sample customer managers in four departments and write actuals.csv, results.csv and report.html.")
        {
            outDir,
            lang,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(outDir)!;
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.InvalidInput, $"Cannot create the folder '{folder}': {e.Message}");
            }

            var scheme = SchemeTemplates.Load(Template);
            var actuals = Path.Combine(folder, "actuals.csv");
            var results = Path.Combine(folder, "results.csv");
            var report = Path.Combine(folder, "report.html");
            WriteActuals(actuals, scheme, SamplePopulation.Generate(SubjectCount, withAttributes: true));

            var o = console.Out;
            await o.WriteLineAsync($"{scheme.Names.Default} ({scheme.Id}@{scheme.Version})").ConfigureAwait(false);
            await o.WriteLineAsync($"Sample population: {Text.Int(SubjectCount)} customer managers in departments {string.Join(", ", SamplePopulation.Departments)}.").ConfigureAwait(false);
            await o.WriteLineAsync($"Wrote {actuals}").ConfigureAwait(false);

            var run = new ScoringRun(console, scheme, actuals, null);
            var scored = new List<Assessment>();
            var labels = ReportLabels.For(parse.GetValue(lang)!);
            using (var writer = ResultWriter.Create(results, scheme, ["branch", "department"], null))
            {
                await ReportCommand.WriteAsync(run, report, labels, "department", a =>
                {
                    writer.Write(a);
                    scored.Add(a);
                }, cancellationToken).ConfigureAwait(false);
            }

            WriteDepartments(console, scheme, scored);
            await o.WriteLineAsync($"Wrote {results}").ConfigureAwait(false);
            await o.WriteLineAsync($"Wrote {report}").ConfigureAwait(false);
            await o.WriteLineAsync(run.Summary()).ConfigureAwait(false);
            await o.WriteLineAsync($"Next: perfkit explain --scheme {Template} --input {actuals} --subject CM004").ConfigureAwait(false);
            return run.Failed > 0 ? ExitCodes.DataErrors : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes sample inputs as an actuals CSV in the documented format.</summary>
    internal static void WriteActuals(string path, Scheme scheme, IEnumerable<SubjectInput> inputs)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        csv.WriteField(CsvSubjectSource.SubjectColumn);
        csv.WriteField(CsvSubjectSource.AttributePrefix + "department");
        csv.WriteField(CsvSubjectSource.AttributePrefix + "branch");
        foreach (var measure in scheme.Measures)
        {
            csv.WriteField(measure);
        }

        csv.WriteField(CsvSubjectSource.BasePayColumn);
        csv.EndRecord();
        foreach (var input in inputs)
        {
            csv.WriteField(input.SubjectId);
            csv.WriteField(input.Attributes.GetValueOrDefault("department", string.Empty));
            csv.WriteField(input.Attributes.GetValueOrDefault("branch", string.Empty));
            foreach (var measure in scheme.Measures)
            {
                csv.WriteField(input.Values.TryGetValue(measure, out var v) ? Text.Exact(v) : string.Empty);
            }

            csv.WriteField(input.BasePay is { } pay ? Text.Exact(pay) : string.Empty);
            csv.EndRecord();
        }
    }

    private static void WriteDepartments(CliConsole console, Scheme scheme, IReadOnlyList<Assessment> scored)
    {
        var headers = new List<string> { "Department", "Subjects" };
        headers.AddRange(scheme.Grades.Select(g => g.Name));
        headers.Add("Pay cancelled");
        var table = Tables.Create([.. headers]).Right([.. Enumerable.Range(1, headers.Count - 1)]);
        foreach (var group in scored.GroupBy(a => a.Input.Attributes.GetValueOrDefault("department", "—")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cells = new List<string> { group.Key, Text.Int(group.Count()) };
            cells.AddRange(scheme.Grades.Select(g => Text.Int(group.Count(a => a.Grade.Name == g.Name))));
            cells.Add(Text.Int(group.Count(a => a.PayoutCancelled)));
            table.Row([.. cells]);
        }

        console.Ansi.Write(table);
    }
}
