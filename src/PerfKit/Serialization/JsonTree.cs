using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PerfKit.Serialization;

/// <summary>The JSON type of a <see cref="JsonItem"/>.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>One JSON value with its byte offset; numbers keep their raw token text so they can be read exactly.</summary>
internal sealed class JsonItem(JsonKind kind, int offset)
{
    public JsonKind Kind { get; } = kind;

    /// <summary>Gets the byte offset of the value's first token (an opening bracket or quote, or a number's first character).</summary>
    public int Offset { get; } = offset;

    /// <summary>Gets or sets the string value, or a number's raw token text.</summary>
    public string? Text { get; set; }

    /// <summary>Gets or sets a value indicating whether a problem was already reported for this value (too long, bad escape), so readers skip it.</summary>
    public bool Reported { get; set; }

    public List<JsonMember> Members { get; } = kind == JsonKind.Object ? [] : null!;

    public List<JsonItem> Items { get; } = kind == JsonKind.Array ? [] : null!;

    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.True or JsonKind.False => "a boolean",
        _ => "null",
    };

    public string? Preview()
    {
        const int Max = 64;
        var text = Kind switch
        {
            JsonKind.String or JsonKind.Number => Text,
            JsonKind.True => "true",
            JsonKind.False => "false",
            JsonKind.Null => "null",
            _ => null,
        };
        return text is { Length: > Max } ? string.Concat(text.AsSpan(0, Max), "…") : text;
    }
}

/// <summary>A property of a JSON object; a repeated name is kept but marked (and reported once).</summary>
internal sealed record JsonMember(string Name, int NameOffset, JsonItem Value, bool Duplicate);

/// <summary>
/// Tokenizes UTF-8 JSON with <see cref="Utf8JsonReader"/> into <see cref="JsonItem"/>s without recursion, enforcing the
/// depth, value-count and string-length limits and reporting duplicate properties, with positions.
/// </summary>
internal static class JsonTree
{
    public static JsonItem? Parse(ReadOnlySpan<byte> utf8, SchemeFileLimits limits, FileProblems problems)
    {
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = limits.MaxDepth + 1,
        };
        var reader = new Utf8JsonReader(utf8, options);
        var stack = new List<Frame>();
        JsonItem? root = null;
        var values = 0;
        try
        {
            while (reader.Read())
            {
                var offset = checked((int)reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    {
                        var frame = stack[^1];
                        var name = ReadString(ref reader, out var bad);
                        var path = Path(stack, name, pending: false);
                        if (bad)
                        {
                            problems.Add(ProblemCodes.JsonEncoding, path, null, "The property name holds an escaped unpaired surrogate (e.g. \\ud800 alone); write well-formed Unicode.", offset);
                        }
                        else if (name.Length > limits.MaxStringLength)
                        {
                            problems.Add(ProblemCodes.JsonLimit, path, null, $"The property name is {Count(name.Length)} characters long; at most {Count(limits.MaxStringLength)} are accepted.", offset);
                        }

                        frame.PendingName = name;
                        frame.PendingDuplicate = !frame.Names!.Add(name);
                        frame.PendingOffset = offset;
                        if (frame.PendingDuplicate)
                        {
                            problems.Add(ProblemCodes.JsonDuplicateProperty, path, name, $"The property '{name}' appears more than once in this object; the first one counts. Remove the repetition.", offset);
                        }

                        continue;
                    }

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        if (stack.Count > 0)
                        {
                            stack[^1].PendingName = null;
                        }

                        continue;
                }

                if (++values > limits.MaxValues)
                {
                    problems.Add(ProblemCodes.JsonLimit, Path(stack, null, pending: true), null, $"The file holds more than {Count(limits.MaxValues)} JSON values; reading stopped here.", offset);
                    return null;
                }

                JsonItem item;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (stack.Count + 1 > limits.MaxDepth)
                        {
                            problems.Add(ProblemCodes.JsonLimit, Path(stack, null, pending: true), null, $"Objects and arrays are nested more than {Count(limits.MaxDepth)} deep; reading stopped here.", offset);
                            return null;
                        }

                        item = new JsonItem(reader.TokenType == JsonTokenType.StartObject ? JsonKind.Object : JsonKind.Array, offset);
                        break;
                    case JsonTokenType.String:
                    {
                        item = new JsonItem(JsonKind.String, offset) { Text = ReadString(ref reader, out var bad) };
                        if (bad)
                        {
                            problems.Add(ProblemCodes.JsonEncoding, Path(stack, null, pending: true), null, "The string holds an escaped unpaired surrogate (e.g. \\ud800 alone); write well-formed Unicode.", offset);
                            item.Reported = true;
                        }
                        else if (item.Text.Length > limits.MaxStringLength)
                        {
                            problems.Add(ProblemCodes.JsonLimit, Path(stack, null, pending: true), null, $"The string is {Count(item.Text.Length)} characters long; at most {Count(limits.MaxStringLength)} are accepted.", offset);
                            item.Reported = true;
                        }

                        break;
                    }

                    case JsonTokenType.Number:
                        item = new JsonItem(JsonKind.Number, offset) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
                        break;
                    case JsonTokenType.True:
                        item = new JsonItem(JsonKind.True, offset);
                        break;
                    case JsonTokenType.False:
                        item = new JsonItem(JsonKind.False, offset);
                        break;
                    default:
                        item = new JsonItem(JsonKind.Null, offset);
                        break;
                }

                if (stack.Count == 0)
                {
                    root = item;
                }
                else
                {
                    var parent = stack[^1];
                    if (parent.Container.Kind == JsonKind.Array)
                    {
                        parent.Container.Items.Add(item);
                    }
                    else
                    {
                        parent.Container.Members.Add(new JsonMember(parent.PendingName!, parent.PendingOffset, item, parent.PendingDuplicate));
                        if (item.Kind is not (JsonKind.Object or JsonKind.Array))
                        {
                            parent.PendingName = null;
                        }
                    }
                }

                if (item.Kind is JsonKind.Object or JsonKind.Array)
                {
                    stack.Add(new Frame(item));
                }
            }
        }
        catch (JsonException e)
        {
            ReportSyntax(utf8, e, Path(stack, null, pending: true), problems);
            return null;
        }

        return root;
    }

    private static string ReadString(ref Utf8JsonReader reader, out bool bad)
    {
        try
        {
            bad = false;
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            bad = true;
            return string.Empty;
        }
    }

    private static void ReportSyntax(ReadOnlySpan<byte> utf8, JsonException e, string path, FileProblems problems)
    {
        var offset = OffsetOf(utf8, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        // NaN and infinities: the reader stops at the letter (after any sign), or at a leading '+'.
        var start = offset;
        if (start > 0 && start <= utf8.Length && utf8[start - 1] is (byte)'-' or (byte)'+')
        {
            start--;
        }

        var rest = utf8[offset..];
        var signed = rest.Length > 0 && rest[0] is (byte)'-' or (byte)'+';
        if (signed)
        {
            rest = rest[1..];
        }

        if (StartsWithIgnoreCase(rest, "nan"u8) || StartsWithIgnoreCase(rest, "inf"u8))
        {
            var end = offset + (signed ? 1 : 0) + TokenLength(rest);
            var token = Encoding.UTF8.GetString(utf8[start..end]);
            problems.Add(ProblemCodes.JsonNumber, path, token, "NaN and infinities are not numbers in a scheme file; every value must be a finite decimal such as 0.5 or 100.", start);
            return;
        }

        problems.Add(ProblemCodes.JsonSyntax, path, null, "The file is not well-formed JSON: " + message, offset);
    }

    private static int TokenLength(ReadOnlySpan<byte> text)
    {
        var n = 0;
        while (n < text.Length && n < 16 && char.IsAsciiLetter((char)text[n]))
        {
            n++;
        }

        return n;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        if (text.Length < word.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if ((text[i] | 0x20) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Turns the reader's 0-based line and byte position within the line into a byte offset.</summary>
    private static int OffsetOf(ReadOnlySpan<byte> utf8, long line, long bytePositionInLine)
    {
        var offset = 0;
        for (long seen = 0; seen < line && offset < utf8.Length; offset++)
        {
            if (utf8[offset] == (byte)'\n')
            {
                seen++;
            }
        }

        return (int)Math.Min(utf8.Length, offset + bytePositionInLine);
    }

    /// <summary>The JSON path of the open containers, plus the member being read when <paramref name="pending"/> (or <paramref name="name"/> when given).</summary>
    private static string Path(List<Frame> stack, string? name, bool pending)
    {
        var path = JsonPath.Root;
        for (var i = 0; i < stack.Count; i++)
        {
            var frame = stack[i];
            var last = i == stack.Count - 1;
            if (last && name is not null)
            {
                return JsonPath.Property(path, name);
            }

            if (last && !pending)
            {
                break;
            }

            if (frame.Container.Kind == JsonKind.Array)
            {
                path = JsonPath.Index(path, last ? frame.Container.Items.Count : frame.Container.Items.Count - 1);
            }
            else if (frame.PendingName is { } member)
            {
                path = JsonPath.Property(path, member);
            }
        }

        return path;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private sealed class Frame(JsonItem container)
    {
        public JsonItem Container { get; } = container;

        public HashSet<string>? Names { get; } = container.Kind == JsonKind.Object ? new HashSet<string>(StringComparer.Ordinal) : null;

        public string? PendingName { get; set; }

        public int PendingOffset { get; set; }

        public bool PendingDuplicate { get; set; }
    }
}
