using System.Collections.Generic;
using PerfKit.Evaluation;

namespace PerfKit.Cli.Input;

/// <summary>One data row of an actuals CSV: its first line, the subject, and either an input to evaluate or the row's errors.</summary>
internal sealed class CsvRow
{
    public CsvRow(int line, string subjectId, SubjectInput? input, IReadOnlyList<string> errors)
    {
        Line = line;
        SubjectId = subjectId;
        Input = input;
        Errors = errors;
    }

    /// <summary>Gets the 1-based line of the file on which the row starts.</summary>
    public int Line { get; }

    /// <summary>Gets the subject id as written (may be empty for a row without one).</summary>
    public string SubjectId { get; }

    /// <summary>Gets the input, or <see langword="null"/> when the row could not be read (see <see cref="Errors"/>).</summary>
    public SubjectInput? Input { get; }

    /// <summary>Gets the row's reading errors, each naming file, line, column, subject, column name and value.</summary>
    public IReadOnlyList<string> Errors { get; }
}
