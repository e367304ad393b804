using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace PerfKit.Commitments;

/// <summary>Reads the line-oriented text form of a <see cref="BusinessCalendar"/>.</summary>
internal static class BusinessCalendarText
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    public static string DayName(IsoDayOfWeek day) => DayNames[(int)day - 1];

    public static bool TryParse(string text, out BusinessCalendar? calendar, out ImmutableArray<Problem> problems)
    {
        var builder = BusinessCalendar.CreateBuilder();
        var syntax = new List<Problem>();
        var weekendLine = 0;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].TrimEnd('\r');
            var tokens = Tokens(line);
            if (tokens.Count == 0 || line[tokens[0].Start] == '#')
            {
                continue;
            }

            var (keywordStart, keywordLength) = tokens[0];
            var keyword = line.Substring(keywordStart, keywordLength);
            void Report(string path, int column, string? value, string message)
                => syntax.Add(new Problem(ProblemCodes.CalendarSyntax, path, value, message).At(lineNumber, column + 1));

            switch (keyword)
            {
                case "weekend":
                    if (weekendLine != 0)
                    {
                        Report("weekend", keywordStart, keyword, $"The weekend is already given on line {weekendLine.ToString(CultureInfo.InvariantCulture)}; give it once.");
                        break;
                    }

                    weekendLine = lineNumber;
                    ReadWeekend(line, tokens, builder, lineNumber, Report);
                    break;
                case "holiday":
                case "makeup":
                    if (tokens.Count != 2)
                    {
                        Report(keyword == "holiday" ? "holidays" : "makeUpDays", keywordStart, line.Trim(), $"Write '{keyword}' and one date{(keyword == "holiday" ? " or range" : string.Empty)}, e.g. '{keyword} 2024-02-04{(keyword == "holiday" ? " or holiday 2024-02-10..2024-02-17" : string.Empty)}'.");
                        break;
                    }

                    ReadDates(line, tokens[1], keyword, builder, lineNumber, Report);
                    break;
                default:
                    Report("calendar", keywordStart, keyword, "Unknown directive; write 'weekend', 'holiday' or 'makeup' (or '#' for a comment).");
                    break;
            }
        }

        if (syntax.Count > 0)
        {
            calendar = null;
            problems = [.. syntax, .. builder.Validate()];
            return false;
        }

        return builder.TryBuild(out calendar, out problems);
    }

    private static void ReadWeekend(string line, List<(int Start, int Length)> tokens, BusinessCalendarBuilder builder, int lineNumber, Action<string, int, string?, string> report)
    {
        if (tokens.Count == 2 && string.Equals(line.Substring(tokens[1].Start, tokens[1].Length), "none", StringComparison.OrdinalIgnoreCase))
        {
            builder.WeekendAt([], lineNumber, tokens[0].Start + 1);
            return;
        }

        if (tokens.Count == 1)
        {
            report("weekend", tokens[0].Start, null, "Name the weekend days, e.g. 'weekend Sat Sun', or write 'weekend none'.");
            return;
        }

        var days = new List<IsoDayOfWeek>();
        var ok = true;
        for (var i = 1; i < tokens.Count; i++)
        {
            var name = line.Substring(tokens[i].Start, tokens[i].Length);
            var found = Array.FindIndex(DayNames, d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
            if (found < 0)
            {
                report("weekend", tokens[i].Start, name, "Not a day of the week; write Mon, Tue, Wed, Thu, Fri, Sat or Sun.");
                ok = false;
                continue;
            }

            days.Add((IsoDayOfWeek)(found + 1));
        }

        if (ok)
        {
            builder.WeekendAt(days, lineNumber, tokens[0].Start + 1);
        }
    }

    private static void ReadDates(string line, (int Start, int Length) token, string keyword, BusinessCalendarBuilder builder, int lineNumber, Action<string, int, string?, string> report)
    {
        var path = keyword == "holiday" ? "holidays" : "makeUpDays";
        var value = line.Substring(token.Start, token.Length);
        var dots = value.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0 && keyword == "holiday")
        {
            var firstText = value[..dots];
            var lastText = value[(dots + 2)..];
            var first = DatePattern.Parse(firstText);
            var last = DatePattern.Parse(lastText);
            if (!first.Success)
            {
                report(path, token.Start, firstText, "Not a date; write yyyy-MM-dd, e.g. 2024-02-10.");
            }

            if (!last.Success)
            {
                report(path, token.Start + dots + 2, lastText, "Not a date; write yyyy-MM-dd, e.g. 2024-02-17.");
            }

            if (first.Success && last.Success)
            {
                if (last.Value < first.Value)
                {
                    report(path, token.Start, value, "The range ends before it starts; write first..last, both inclusive.");
                }
                else
                {
                    builder.HolidaysAt(first.Value, last.Value, lineNumber, token.Start + 1);
                }
            }

            return;
        }

        var date = DatePattern.Parse(value);
        if (!date.Success)
        {
            report(path, token.Start, value, "Not a date; write yyyy-MM-dd, e.g. 2024-02-04.");
        }
        else if (keyword == "holiday")
        {
            builder.HolidaysAt(date.Value, date.Value, lineNumber, token.Start + 1);
        }
        else
        {
            builder.MakeUpDayAt(date.Value, lineNumber, token.Start + 1);
        }
    }

    /// <summary>The start and length of each run of characters other than spaces and tabs.</summary>
    private static List<(int Start, int Length)> Tokens(string line)
    {
        var tokens = new List<(int Start, int Length)>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ' && line[i] != '\t')
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add((start, i - start));
            }
        }

        return tokens;
    }
}
