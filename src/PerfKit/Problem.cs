using System;
using System.Globalization;
using System.Text;
using PerfKit.Internal;

namespace PerfKit;

/// <summary>
/// One problem found in data: a scheme being built, a scheme file or a subject's values.
/// Problems are values (never thrown one by one); a validation reports all of them at once.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Problem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="code">A stable, dotted code such as <c>weight.sum</c>; see <see cref="ProblemCodes"/>.</param>
    /// <param name="path">Where the problem is: a node path such as <c>quarterly/npl_rate</c>, a member such as
    /// <c>grades[1]</c>, <c>/</c> for the root, or, for a scheme file, a JSON path such as <c>$.root.children[1].weight</c>.</param>
    /// <param name="attemptedValue">The offending value as text, or <see langword="null"/> when nothing was given.</param>
    /// <param name="message">A sentence saying what is wrong and what is allowed.</param>
    /// <param name="subjectId">The subject whose data is at fault, or <see langword="null"/> for scheme problems.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/>, <paramref name="path"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is blank.</exception>
    public Problem(string code, string path, string? attemptedValue, string message, string? subjectId = null)
        : this(code, path, attemptedValue, message, subjectId, null, null)
    {
    }

    private Problem(string code, string path, string? attemptedValue, string message, string? subjectId, int? line, int? column)
    {
        Code = Guard.NotBlank(code);
        Path = Guard.NotNull(path);
        AttemptedValue = attemptedValue;
        Message = Guard.NotBlank(message);
        SubjectId = subjectId;
        Line = line;
        Column = column;
    }

    /// <summary>Gets the stable problem code, e.g. <c>weight.sum</c>.</summary>
    public string Code { get; }

    /// <summary>Gets where the problem is (node path, member path, <c>/</c> for the root, or a JSON path in a scheme file).</summary>
    public string Path { get; }

    /// <summary>Gets the offending value as text, or <see langword="null"/> when the value was absent.</summary>
    public string? AttemptedValue { get; }

    /// <summary>Gets a sentence saying what is wrong and what is allowed.</summary>
    public string Message { get; }

    /// <summary>Gets the subject whose data is at fault, or <see langword="null"/> for a scheme problem.</summary>
    public string? SubjectId { get; }

    /// <summary>Gets the 1-based line of the offending token in a file, or <see langword="null"/> when the problem does not come from a file.</summary>
    public int? Line { get; }

    /// <summary>Gets the 1-based column (in Unicode characters) of the offending token in a file, or <see langword="null"/> when the problem does not come from a file.</summary>
    public int? Column { get; }

    /// <summary>Formats the problem on one line: <c>[code] subject 'S' at path (line L, column C): message (value: v)</c>; the subject and the position appear when known.</summary>
    /// <returns>The one-line description.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append('[').Append(Code).Append("] ");
        if (SubjectId is not null)
        {
            sb.Append("subject '").Append(SubjectId).Append("' ");
        }

        sb.Append("at ").Append(Path.Length == 0 ? "/" : Path);
        if (Line is { } line && Column is { } column)
        {
            sb.Append(" (line ").Append(line.ToString(CultureInfo.InvariantCulture))
              .Append(", column ").Append(column.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        sb.Append(": ").Append(Message);
        if (AttemptedValue is not null)
        {
            sb.Append(" (value: ").Append(AttemptedValue).Append(')');
        }

        return sb.ToString();
    }

    /// <summary>Returns a copy of this problem that also gives the position of the offending token in a file.</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column, counted in Unicode characters (a character outside the Basic Multilingual Plane counts once).</param>
    /// <returns>The located problem.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> or <paramref name="column"/> is below 1.</exception>
    public Problem At(int line, int column)
        => new(Code, Path, AttemptedValue, Message, SubjectId, Positive(line), Positive(column));

    internal Problem ForSubject(string subjectId) => new(Code, Path, AttemptedValue, Message, subjectId, Line, Column);

    private static int Positive(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, name);
        return value;
    }
}
