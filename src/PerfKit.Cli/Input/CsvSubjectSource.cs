using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using CsvHelper;
using NodaTime;
using NodaTime.Text;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;

namespace PerfKit.Cli.Input;

/// <summary>
/// Reads subjects from an actuals CSV (format in <c>docs/csv-input.md</c>) one row at a time: the header is checked
/// against the scheme first (a header that does not fit stops the command with exit code 2), then each row becomes a
/// <see cref="SubjectInput"/> or a list of errors naming the file, line, column, subject, column and value.
/// </summary>
/// <remarks>Not thread-safe. Memory stays flat except for the set of subject ids seen, kept to report duplicates.</remarks>
internal sealed class CsvSubjectSource : IDisposable
{
    public const string SubjectColumn = "subject";
    public const string BasePayColumn = "base_pay";
    public const string JoinedColumn = "joined";
    public const string LeftColumn = "left";
    public const string AttributePrefix = "attr:";
    public const char RoleSeparator = '@';
    public const char RatingSeparator = ';';

    private readonly Stream stream;
    private readonly CsvReader csv;
    private readonly AssessmentPeriod? period;
    private readonly List<Column> columns = [];
    private readonly Dictionary<string, int> firstLineOf = new(StringComparer.Ordinal);
    private int subjectIndex = -1;
    private int basePayIndex = -1;
    private int joinedIndex = -1;
    private int leftIndex = -1;

    private CsvSubjectSource(string path, Stream stream, AssessmentPeriod? period)
    {
        Path = path;
        this.stream = stream;
        this.period = period;
        csv = CsvReader.Create(stream, CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            DetectSeparatorHint = false,
            TrimWhitespace = false,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true);
    }

    private enum ColumnKind
    {
        Subject,
        BasePay,
        Joined,
        Left,
        Attribute,
        Measure,
        Ratings,
    }

    /// <summary>Gets the file's path as given.</summary>
    public string Path { get; }

    /// <summary>Gets the attribute keys in column order.</summary>
    public IReadOnlyList<string> AttributeKeys => columns.Where(c => c.Kind == ColumnKind.Attribute).Select(c => c.Key).ToList();

    /// <summary>Gets the fraction of the file read so far (for progress), between 0 and 1.</summary>
    public double Fraction => stream.Length == 0 ? 1d : Math.Min(1d, (double)csv.ByteOffset / stream.Length);

    /// <summary>Opens a CSV and checks its header against the scheme.</summary>
    public static CsvSubjectSource Open(string path, Scheme scheme, AssessmentPeriod? period) => Open(path, [scheme], period);

    /// <summary>Opens a CSV and checks its header against the measures of several schemes (a what-if simulation's variants).</summary>
    public static CsvSubjectSource Open(string path, IReadOnlyList<Scheme> schemes, AssessmentPeriod? period)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, $"Cannot read '{path}': {e.Message}");
        }

        var source = new CsvSubjectSource(path, stream, period);
        try
        {
            source.ReadHeader(schemes);
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Reads the rows, one at a time.</summary>
    public async IAsyncEnumerable<CsvRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadRow();
        }
    }

    /// <summary>Reads the rows synchronously, one at a time.</summary>
    public IEnumerable<CsvRow> Read()
    {
        while (csv.Read())
        {
            yield return ReadRow();
        }
    }

    public void Dispose()
    {
        csv.Dispose();
        stream.Dispose();
    }

    /// <summary>Parses a number strictly and culture-invariantly: optional '-', digits, one optional '.'.</summary>
    public static bool TryParseNumber(string text, out decimal value)
        => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
           && text.Length > 0 && text[0] != '+' && text[0] != '.' && text[^1] != '.';

    private void ReadHeader(IReadOnlyList<Scheme> schemes)
    {
        var label = string.Join(" and ", schemes.Select(s => $"{s.Id}@{s.Version}").Distinct(StringComparer.Ordinal));
        var header = csv.Headers;
        if (header is not { Count: > 0 } || header is [""])
        {
            throw new CliException(ExitCodes.InvalidInput, $"{Path}:1: the file is empty; the first line must be the header (at least the column '{SubjectColumn}').");
        }

        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ratingMeasures = schemes.SelectMany(s => s.Indicators).Where(i => i.Scorer.InputKind == MeasureKind.Ratings).Select(i => i.Measure).ToHashSet(StringComparer.Ordinal);
        var allMeasures = schemes.SelectMany(s => s.Measures).Distinct(StringComparer.Ordinal).ToList();
        var measures = allMeasures.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            var at = $"{Path}:1:{Text.Int(i + 1)}";
            if (!seen.TryAdd(name, i))
            {
                errors.Add($"{at}: column '{name}' appears twice (first as column {Text.Int(seen[name] + 1)}).");
                columns.Add(new Column(ColumnKind.Attribute, name, string.Empty, string.Empty));
                continue;
            }

            Column column;
            if (name == SubjectColumn)
            {
                column = new Column(ColumnKind.Subject, name, name, string.Empty);
                subjectIndex = i;
            }
            else if (name == BasePayColumn)
            {
                column = new Column(ColumnKind.BasePay, name, name, string.Empty);
                basePayIndex = i;
            }
            else if (name is JoinedColumn or LeftColumn)
            {
                if (period is null)
                {
                    errors.Add($"{at}: column '{name}' (a presence date) needs the assessment period: add --period, e.g. --period 2024-Q1.");
                }

                column = new Column(name == JoinedColumn ? ColumnKind.Joined : ColumnKind.Left, name, name, string.Empty);
                if (name == JoinedColumn)
                {
                    joinedIndex = i;
                }
                else
                {
                    leftIndex = i;
                }
            }
            else if (name.StartsWith(AttributePrefix, StringComparison.Ordinal))
            {
                var key = name[AttributePrefix.Length..];
                if (key.Trim().Length == 0)
                {
                    errors.Add($"{at}: attribute column '{name}' has no key; write e.g. '{AttributePrefix}department'.");
                }

                column = new Column(ColumnKind.Attribute, name, key, string.Empty);
            }
            else if (name.IndexOf(RoleSeparator, StringComparison.Ordinal) is var split and > 0)
            {
                var measure = name[..split];
                var role = name[(split + 1)..];
                if (!ratingMeasures.Contains(measure))
                {
                    errors.Add(measures.Contains(measure)
                        ? $"{at}: column '{name}' gives ratings, but measure '{measure}' of scheme {label} takes a number; name the column '{measure}'."
                        : $"{at}: column '{name}' names measure '{measure}', which scheme {label} does not use.");
                }
                else if (role.Trim().Length == 0)
                {
                    errors.Add($"{at}: rating column '{name}' has no rater role; write e.g. '{measure}@superior'.");
                }

                column = new Column(ColumnKind.Ratings, name, measure, role);
            }
            else if (measures.Contains(name))
            {
                if (ratingMeasures.Contains(name))
                {
                    errors.Add($"{at}: measure '{name}' takes ratings by rater role; give one column per role, e.g. '{name}@superior'.");
                }

                column = new Column(ColumnKind.Measure, name, name, string.Empty);
            }
            else
            {
                errors.Add($"{at}: column '{name}' is not a measure of scheme {label}, a rating column (measure@role), an attribute (attr:key) or one of '{SubjectColumn}', '{BasePayColumn}', '{JoinedColumn}', '{LeftColumn}'.");
                column = new Column(ColumnKind.Attribute, name, string.Empty, string.Empty);
            }

            columns.Add(column);
        }

        if (subjectIndex < 0)
        {
            errors.Insert(0, $"{Path}:1: missing column '{SubjectColumn}' (the subject id).");
        }

        foreach (var measure in allMeasures)
        {
            var given = columns.Any(c => (c.Kind is ColumnKind.Measure or ColumnKind.Ratings) && c.Key == measure);
            if (!given)
            {
                var kind = ratingMeasures.Contains(measure) ? $"at least one rating column '{measure}@<role>'" : $"a column '{measure}'";
                errors.Add($"{Path}:1: missing column for measure '{measure}' of scheme {label}: add {kind} (leave a cell empty when a subject has no value).");
            }
        }

        if (errors.Count > 0)
        {
            throw new CliException(ExitCodes.InvalidInput, $"The header of '{Path}' does not fit scheme {label}:\n" + string.Join("\n", errors));
        }
    }

    private CsvRow ReadRow()
    {
        var line = (int)csv.LineNumber;
        var errors = new List<string>();
        var count = csv.FieldCount;
        var cells = new string[Math.Max(count, columns.Count)];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = i < count ? csv.GetString(i) : string.Empty;
        }

        string Cell(int index) => cells[index];

        var subject = subjectIndex < count ? Cell(subjectIndex) : string.Empty;
        string At(int index, string? subjectId = null)
        {
            var name = columns[index].Name;
            var who = (subjectId ?? subject).Length == 0 ? string.Empty : $"subject '{subjectId ?? subject}', ";
            return $"{Path}:{Text.Int(line)}:{Text.Int(index + 1)}: {who}column '{name}', value '{Cell(index)}'";
        }

        if (count != columns.Count)
        {
            errors.Add($"{Path}:{Text.Int(line)}: {(subject.Length == 0 ? string.Empty : $"subject '{subject}': ")}the row has {Text.Int(count)} fields, the header {Text.Int(columns.Count)}.");
        }

        if (subject.Trim().Length == 0)
        {
            errors.Add($"{At(subjectIndex)}: the subject id is empty.");
            return new CsvRow(line, subject, null, errors);
        }

        if (!firstLineOf.TryAdd(subject, line))
        {
            errors.Add($"{At(subjectIndex)}: subject '{subject}' appears again; it was first on line {Text.Int(firstLineOf[subject])}.");
            return new CsvRow(line, subject, null, errors);
        }

        var builder = SubjectInput.For(subject);
        Dictionary<string, List<(string Role, decimal[] Values)>>? ratings = null;
        for (var i = 0; i < columns.Count && i < count; i++)
        {
            var column = columns[i];
            var cell = cells[i];
            switch (column.Kind)
            {
                case ColumnKind.Attribute when column.Key.Length > 0 && cell.Length > 0:
                    builder.Attribute(column.Key, cell);
                    break;
                case ColumnKind.Measure when cell.Length > 0:
                    builder.Value(column.Key, cell);
                    break;
                case ColumnKind.Ratings when cell.Length > 0:
                    var parts = cell.Split(RatingSeparator);
                    var values = new decimal[parts.Length];
                    var ok = true;
                    for (var p = 0; p < parts.Length && ok; p++)
                    {
                        ok = TryParseNumber(parts[p], out values[p]);
                    }

                    if (!ok)
                    {
                        errors.Add($"{At(i)}: measure '{column.Key}', role '{column.Role}': ratings are numbers separated by '{RatingSeparator}', each with '.' as the decimal point, e.g. 4;4.5;3.");
                    }
                    else
                    {
                        ratings ??= new Dictionary<string, List<(string, decimal[])>>(StringComparer.Ordinal);
                        if (!ratings.TryGetValue(column.Key, out var list))
                        {
                            ratings[column.Key] = list = [];
                        }

                        list.Add((column.Role, values));
                    }

                    break;
                case ColumnKind.BasePay when cell.Length > 0:
                    if (TryParseNumber(cell, out var pay))
                    {
                        builder.BasePay(pay);
                    }
                    else
                    {
                        errors.Add($"{At(i)}: the base pay is not a number with '.' as the decimal point and no group separators.");
                    }

                    break;
                default:
                    break;
            }
        }

        if (ratings is not null)
        {
            foreach (var (measure, roles) in ratings)
            {
                foreach (var (role, values) in roles)
                {
                    builder.Ratings(measure, role, values);
                }
            }
        }

        if (period is not null && (joinedIndex >= 0 || leftIndex >= 0))
        {
            var joined = ReadDate(joinedIndex, At, errors, Cell);
            var left = ReadDate(leftIndex, At, errors, Cell);
            if (joined.Ok && left.Ok && (joined.Date is not null || left.Date is not null))
            {
                builder.Presence(period, joined.Date, left.Date);
            }
        }

        return errors.Count > 0 ? new CsvRow(line, subject, null, errors) : new CsvRow(line, subject, builder.Build(), errors);
    }

    private static (bool Ok, LocalDate? Date) ReadDate(int index, Func<int, string?, string> at, List<string> errors, Func<int, string> cell)
    {
        if (index < 0 || cell(index).Length == 0)
        {
            return (true, null);
        }

        var parsed = LocalDatePattern.Iso.Parse(cell(index));
        if (parsed.Success)
        {
            return (true, parsed.Value);
        }

        errors.Add($"{at(index, null)}: not a date in the form yyyy-MM-dd.");
        return (false, null);
    }

    /// <summary>The column of a problem the evaluator reported, by the measure or indicator path it names.</summary>
    public int ColumnOf(Problem problem, Scheme scheme)
    {
        var path = problem.Path;
        var measure = scheme.TryFindNode(path, out var node) && node is IndicatorNode indicator ? indicator.Measure : path;
        if (path == "basePay")
        {
            return basePayIndex;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Kind is ColumnKind.Measure or ColumnKind.Ratings && columns[i].Key == measure)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The name of a column by index.</summary>
    public string ColumnName(int index) => columns[index].Name;

    private sealed record Column(ColumnKind Kind, string Name, string Key, string Role);
}
