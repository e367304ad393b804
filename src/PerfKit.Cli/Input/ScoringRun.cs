using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using Spectre.Console;

namespace PerfKit.Cli.Input;

/// <summary>
/// Streams an actuals CSV through a scheme's evaluator, one row at a time: every row that cannot be read or scored is
/// reported on standard error with file, line, column, subject, column name and value, and the rest are handed on.
/// </summary>
internal sealed class ScoringRun
{
    /// <summary>Files larger than this get a progress bar on a terminal (about two seconds of scoring on a small machine).</summary>
    private const long ProgressThresholdBytes = 4L * 1024 * 1024;

    private readonly CliConsole console;

    public ScoringRun(CliConsole console, Scheme scheme, string inputPath, AssessmentPeriod? period)
    {
        this.console = console;
        Scheme = scheme;
        InputPath = inputPath;
        Period = period;
    }

    public Scheme Scheme { get; }

    public string InputPath { get; }

    public AssessmentPeriod? Period { get; }

    public int Rows { get; private set; }

    public int Failed { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Gets the attribute keys of the input, in column order (after <see cref="RunAsync"/> opened it).</summary>
    public IReadOnlyList<string> AttributeKeys { get; private set; } = [];

    /// <summary>Opens the input (a header that does not fit stops with exit 2) and scores every row.</summary>
    public async Task RunAsync(Action<IReadOnlyList<string>> opened, Action<Assessment> scored, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var source = CsvSubjectSource.Open(InputPath, Scheme, Period);
        AttributeKeys = source.AttributeKeys;
        opened(AttributeKeys);
        var evaluator = SchemeEvaluator.Create(Scheme);
        var length = new System.IO.FileInfo(InputPath).Length;
        if (console.Interactive && length > ProgressThresholdBytes)
        {
            await console.Ansi.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Scoring " + Markup.Escape(System.IO.Path.GetFileName(InputPath)), maxValue: 1000);
                    await Loop(source, evaluator, scored, () => task.Value = source.Fraction * 1000d, cancellationToken).ConfigureAwait(false);
                    task.Value = 1000;
                }).ConfigureAwait(false);
        }
        else
        {
            await Loop(source, evaluator, scored, null, cancellationToken).ConfigureAwait(false);
        }

        Elapsed = watch.Elapsed;
    }

    private async Task Loop(CsvSubjectSource source, SchemeEvaluator evaluator, Action<Assessment> scored, Action? tick, CancellationToken cancellationToken)
    {
        await foreach (var row in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Rows++;
            if ((Rows & 1023) == 0)
            {
                tick?.Invoke();
            }

            if (row.Input is null)
            {
                Failed++;
                foreach (var error in row.Errors)
                {
                    await console.Error.WriteLineAsync(error).ConfigureAwait(false);
                }

                continue;
            }

            var result = evaluator.Evaluate(row.Input);
            if (result.Assessment is { } assessment)
            {
                scored(assessment);
                continue;
            }

            Failed++;
            foreach (var problem in result.Problems)
            {
                await console.Error.WriteLineAsync(Describe(source, row, problem)).ConfigureAwait(false);
            }
        }
    }

    private string Describe(CsvSubjectSource source, CsvRow row, Problem problem)
    {
        var column = source.ColumnOf(problem, Scheme);
        var where = column >= 0
            ? $"{InputPath}:{Text.Int(row.Line)}:{Text.Int(column + 1)}: subject '{row.SubjectId}', column '{source.ColumnName(column)}'"
            : $"{InputPath}:{Text.Int(row.Line)}: subject '{row.SubjectId}'";
        var value = problem.AttemptedValue is null ? string.Empty : $", value '{problem.AttemptedValue}'";
        return $"{where}{value}: [{problem.Code}] at {Text.PathOf(problem.Path)}: {problem.Message}";
    }

    /// <summary>One summary line: rows scored and failed, and the time taken.</summary>
    public string Summary(string? written = null)
        => $"{InputPath}: {Text.Int(Rows - Failed)} of {Text.Int(Rows)} rows scored, {Text.Int(Failed)} failed{(written is null ? string.Empty : "; results in " + written)} ({Text.Fixed((decimal)Elapsed.TotalSeconds, 1)} s).";
}
