using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PerfKit.Serialization;
using PerfKit.Templates;

namespace PerfKit.Tests.Serialization;

/// <summary>A generated hostile scheme file: its bytes, the limits to load it with, and what was done to the template.</summary>
public sealed class MutatedFile(byte[] bytes, SchemeFileLimits limits, string description)
{
    public byte[] Bytes { get; } = bytes;

    public SchemeFileLimits Limits { get; } = limits;

    public string Description { get; } = description;

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        return $"{Description}; {Bytes.Length} bytes: {(text.Length > 2000 ? text[..2000] + "…" : text)}";
    }
}

/// <summary>
/// Generators of malformed and mutated scheme files, all starting from the checked-in template files. Each case is
/// made from one seed (shown in its description), and builds its own JSON tree: no node is shared between cases.
/// </summary>
public static class HostileSchemes
{
    private static readonly byte[][] Templates = [.. SchemeTemplates.Names.Select(n => Encoding.UTF8.GetBytes(SchemeTemplates.GetJson(n)))];

    /// <summary>Raw number texts, valid JSON or not: beyond the decimal range or precision, exponents, signs, leading zeros, NaN.</summary>
    private static readonly string[] RawNumbers =
    [
        "0", "-0", "0.0", "-0.0e-0", "1e400", "-1e400", "1E+29", "1e28", "1e-28", "1e-29", "5e-324", "1.7976931348623157e308",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950335", "-79228162514264337593543950336",
        "0.0000000000000000000000000001", "0.00000000000000000000000000001", "1.0000000000000000000000000001", "12345678901234567890123456789",
        "123456789012345678901234567890", "0.1234567890123456789012345678901", "1" + new string('0', 400), "0." + new string('0', 400) + "1",
        "100.000000000000000000000000000000000", "2.0", "2.5", "1e2", "1E-2", "-1", "-100", "1e999999999", "1e-999999999",
        "NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x1F", "1e", "--1", "1_000", "١",
    ];

    /// <summary>Raw string literals, escaped and not: lone surrogates, controls, reversed pairs, bad escapes.</summary>
    private static readonly string[] RawStrings =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"\\udfff\\ud800\"", "\"a\\ud83dz\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\u001f\"", "\"\\x41\"",
        "\"\\u12\"", "\"\\/\"", "\"tab\there\"", "\"new\nline\"", "\"\\uFEFF\"", "\"\\u2028\"", "\"unterminated", "''", "\"\"",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "\t", "NaN", "Infinity", "-Infinity", "1e3", "0.5", "-0", "null", "true", "false", "{}", "[]", "\u0000", "\u001f",
        "😀", "𝄞", "e\u0301", "\u202Eevil", "\u200B", "\uFEFF", "\u3000", "İı", "ﬃ", "月度考核", "\\", "\"", "/", "../..", "a/b/c", "/",
        "root", "linear", "band", "rating", "threshold", "custom", "percent", "higherIsBetter", "cancelPayout", "A", "D",
        "$schema", "kind", "sales/npl", "monthly", "a-bank-2023", new string('x', 65), new string('y', 129),
    ];

    private static readonly string[] Names =
    [
        "", " ", "colour", "Id", "ID", "Weight", "weightmode", "Children", "$schema", "$ref", "kind", "__proto__", "constructor",
        "名字", "😀", "\u0000", "a.b", "a[0]", "it's", "zh CN", "points", "names", "weight", "scorer", "measure", "bands", "roles",
    ];

    /// <summary>Cases built from JSON trees of the templates with hostile leaves, removed, added and duplicated members, deep nesting and big arrays.</summary>
    public static Gen<MutatedFile> StructuredMutations() => Gen.Choose(0, int.MaxValue).Select(Structured);

    /// <summary>Cases made by flipping, inserting, deleting, duplicating and truncating bytes of the template files, with byte order marks and invalid UTF-8.</summary>
    public static Gen<MutatedFile> ByteMutations() => Gen.Choose(0, int.MaxValue).Select(Bytes);

    /// <summary>Cases made by editing the template text: number and string tokens, repeated, dropped and swapped lines, CRLF and minified layouts.</summary>
    public static Gen<MutatedFile> TextMutations() => Gen.Choose(0, int.MaxValue).Select(Text);

    public static MutatedFile Structured(int seed)
    {
        var random = new Random(seed);
        var template = random.Next(Templates.Length);
        var root = JsonNode.Parse(Templates[template])!;
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var log = new List<string>();
        var operations = 1 + random.Next(3);
        for (var i = 0; i < operations; i++)
        {
            root = MutateTree(random, root, raw, log);
        }

        var options = new JsonSerializerOptions
        {
            WriteIndented = random.Next(2) == 0,
            Encoder = random.Next(2) == 0 ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default,
            MaxDepth = 4096,
        };
        var text = root is null ? "null" : root.ToJsonString(options);
        text = PlaceholderPattern.Replace(text, m => raw.TryGetValue(m.Value, out var replacement) ? replacement : m.Value);

        return new MutatedFile(Encoding.UTF8.GetBytes(text), PickLimits(random), $"structured seed {seed}, template {SchemeTemplates.Names[template]}: {string.Join("; ", log)}");
    }

    public static MutatedFile Bytes(int seed)
    {
        var random = new Random(seed);
        var template = random.Next(Templates.Length);
        var bytes = new List<byte>(Templates[template]);
        var log = new List<string>();
        var operations = 1 + random.Next(3);
        for (var i = 0; i < operations; i++)
        {
            MutateBytes(random, bytes, log);
        }

        return new MutatedFile([.. bytes], PickLimits(random), $"bytes seed {seed}, template {SchemeTemplates.Names[template]}: {string.Join("; ", log)}");
    }

    public static MutatedFile Text(int seed)
    {
        var random = new Random(seed);
        var template = random.Next(Templates.Length);
        var lines = Encoding.UTF8.GetString(Templates[template]).Split('\n').ToList();
        var log = new List<string>();
        var operations = 1 + random.Next(4);
        for (var i = 0; i < operations; i++)
        {
            MutateLines(random, lines, log);
        }

        var text = string.Join(random.Next(8) == 0 ? "\r\n" : "\n", lines);
        if (random.Next(8) == 0)
        {
            log.Add("minified");
            text = Regex.Replace(text, @"\n\s*", string.Empty);
        }

        return new MutatedFile(Encoding.UTF8.GetBytes(text), PickLimits(random), $"text seed {seed}, template {SchemeTemplates.Names[template]}: {string.Join("; ", log)}");
    }

    /// <summary>Mostly the default limits; sometimes tight ones, so the limit paths are crossed often.</summary>
    private static SchemeFileLimits PickLimits(Random random) => random.Next(5) != 0
        ? SchemeFileLimits.Default
        : SchemeFileLimits.Default
            .WithMaxDepth(1 + random.Next(20))
            .WithMaxValues(1 + random.Next(3000))
            .WithMaxNodes(1 + random.Next(60))
            .WithMaxStringLength(1 + random.Next(80))
            .WithMaxProblems(1 + random.Next(10))
            .WithMaxBytes(1 + random.Next(40_000));

    // ----- JSON trees --------------------------------------------------------------------------------------------

    private static readonly Regex PlaceholderPattern = new("\"~~raw[0-9]+~~\"", RegexOptions.CultureInvariant);

    /// <summary>Members a file may leave out.</summary>
    private static readonly string[] Optional =
    [
        "$schema", "names", "name", "displayName", "unit", "tags", "missing", "aggregation", "onMissing", "direction", "scorerVersions",
        "rounding", "gates", "adjustments", "cap", "scope", "points", "minPoints", "maxPoints", "floor", "mode", "basis", "below",
    ];

    /// <summary>Display texts any name may hold.</summary>
    private static readonly string[] DisplayTexts =
    [
        "月度考核", "😀 and 𝄞", "e\u0301", "\u00e9t\u00e9", "\ud83d\ude00", "tab\tand\nnewline", "\u0000nul", "quote \" and \\",
        "\u2028\u2029", "<script>&amp;", "İstanbul ı", "\u3000wide", "x",
    ];

    private static JsonNode? MutateTree(Random random, JsonNode? root, Dictionary<string, string> raw, List<string> log)
    {
        var slots = new List<Slot>();
        Collect(root, null, null, -1, slots);
        if (random.Next(2) == 0 && root is not null && Plausible(random, root, slots, raw, log))
        {
            return root;
        }

        var slot = slots[random.Next(slots.Count)];
        var current = slot.Get(root);
        var where = slot.Parent is null ? "$" : current?.GetPath() ?? slot.Describe();
        JsonNode? replacement;
        switch (random.Next(12))
        {
            case 0:
            case 1:
                replacement = HostileLeaf(random, raw, out var what);
                log.Add($"{where} = {what}");
                break;
            case 2:
                if (slot.Parent is JsonObject parentObject)
                {
                    parentObject.Remove(slot.Name!);
                    log.Add($"removed {where}");
                    return root;
                }

                if (slot.Parent is JsonArray parentArray)
                {
                    parentArray.RemoveAt(slot.Index);
                    log.Add($"removed {where}");
                    return root;
                }

                replacement = new JsonObject();
                log.Add("document = {}");
                break;
            case 3:
                if (current is JsonObject target)
                {
                    var name = Names[random.Next(Names.Length)];
                    if (!target.ContainsKey(name))
                    {
                        target[name] = HostileLeaf(random, raw, out var added);
                        log.Add($"{where}['{name}'] added = {added}");
                    }

                    return root;
                }

                goto case 4;
            case 4:
                if (current is JsonObject dupTarget && dupTarget.Count > 0)
                {
                    // A repeated member cannot be built as a tree: write a placeholder name and replace it in the text.
                    var existing = dupTarget.ElementAt(random.Next(dupTarget.Count)).Key;
                    var marker = Placeholder(raw, JsonValue.Create(existing).ToJsonString());
                    dupTarget[marker] = random.Next(2) == 0 ? dupTarget[existing]?.DeepClone() : HostileLeaf(random, raw, out _);
                    log.Add($"{where}['{existing}'] repeated");
                    return root;
                }

                replacement = WrongType(current);
                log.Add($"{where} changed type");
                break;
            case 5:
            {
                var depth = 1 + random.Next(random.Next(4) == 0 ? 200 : 30);
                replacement = current?.DeepClone();
                for (var d = 0; d < depth; d++)
                {
                    replacement = random.Next(2) == 0 ? new JsonArray(replacement) : new JsonObject { ["children"] = replacement };
                }

                log.Add($"{where} nested {depth} deep");
                break;
            }

            case 6:
                replacement = WrongType(current);
                log.Add($"{where} changed type");
                break;
            case 7:
            {
                var count = random.Next(random.Next(4) == 0 ? 3000 : 50);
                var array = new JsonArray();
                var item = current is JsonArray { Count: > 0 } source ? source[random.Next(source.Count)] : current;
                for (var k = 0; k < count; k++)
                {
                    array.Add(random.Next(3) == 0 ? HostileLeaf(random, raw, out _) : item?.DeepClone());
                }

                replacement = array;
                log.Add($"{where} = array of {count}");
                break;
            }

            case 8:
            {
                var donor = slots[random.Next(slots.Count)].Get(root);
                replacement = donor?.DeepClone();
                log.Add($"{where} = copy of {donor?.GetPath() ?? "null"}");
                break;
            }

            case 9:
                replacement = random.Next(3) switch
                {
                    0 => JsonValue.Create(string.Empty),
                    1 => new JsonObject(),
                    _ => new JsonArray(),
                };
                log.Add($"{where} emptied");
                break;
            case 10:
            {
                var number = RawNumbers[random.Next(RawNumbers.Length)];
                replacement = JsonValue.Create(Placeholder(raw, number));
                log.Add($"{where} = number {number}");
                break;
            }

            default:
                replacement = current is JsonValue value && value.GetValueKind() == JsonValueKind.String
                    ? JsonValue.Create(Placeholder(raw, RawStrings[random.Next(RawStrings.Length)]))
                    : JsonValue.Create(Texts[random.Next(Texts.Length)]);
                log.Add($"{where} = text");
                break;
        }

        if (slot.Parent is null)
        {
            return replacement;
        }

        slot.Set(replacement);
        return root;
    }

    /// <summary>A change a valid file survives more often than not: a number spelt another way, another display name, an optional member left out, members reordered.</summary>
    private static bool Plausible(Random random, JsonNode root, List<Slot> slots, Dictionary<string, string> raw, List<string> log)
    {
        switch (random.Next(5))
        {
            case 0:
            {
                var numbers = slots.Where(x => x.Get(root) is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList();
                if (numbers.Count == 0)
                {
                    return false;
                }

                var slot = numbers[random.Next(numbers.Count)];
                var text = slot.Get(root)!.ToJsonString();
                var spelt = Respell(random, text);
                slot.Set(JsonValue.Create(Placeholder(raw, spelt)));
                log.Add($"{slot.Describe()} spelt {spelt}");
                return true;
            }

            case 1:
            {
                var names = slots.Where(x => x.Get(root) is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    && (x.Name is "name" or "displayName" || x.Parent is JsonObject { Parent: JsonObject } p && p.GetPropertyName() == "names")).ToList();
                if (names.Count == 0)
                {
                    return false;
                }

                var slot = names[random.Next(names.Count)];
                var text = DisplayTexts[random.Next(DisplayTexts.Length)];
                slot.Set(JsonValue.Create(Placeholder(raw, "\"" + text + "\"")));
                log.Add($"{slot.Describe()} = \"{text}\"");
                return true;
            }

            case 2:
            {
                var optional = slots.Where(x => x.Parent is JsonObject && Optional.Contains(x.Name)).ToList();
                if (optional.Count == 0)
                {
                    return false;
                }

                var slot = optional[random.Next(optional.Count)];
                ((JsonObject)slot.Parent!).Remove(slot.Name!);
                log.Add($"removed {slot.Describe()}");
                return true;
            }

            case 3:
            {
                var objects = slots.Select(x => x.Get(root)).OfType<JsonObject>().ToList();
                if (objects.Count == 0)
                {
                    return false;
                }

                var target = objects[random.Next(objects.Count)];
                var members = target.ToList();
                target.Clear();
                foreach (var (key, value) in members.OrderBy(_ => random.Next()))
                {
                    target[key] = value;
                }

                log.Add($"{target.GetPath()} reordered");
                return true;
            }

            default:
                if (root is JsonObject document && !document.ContainsKey("$schema"))
                {
                    document["$schema"] = "./perfkit-scheme.schema.json";
                    log.Add("$schema added");
                    return true;
                }

                return false;
        }
    }

    /// <summary>The same number in another spelling: trailing zeros, an exponent, the point moved.</summary>
    private static string Respell(Random random, string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        switch (random.Next(4))
        {
            case 0:
                return point < 0 ? text + ".000" : text + "00";
            case 1:
                return text + (random.Next(2) == 0 ? "e0" : "E+0");
            case 2 when point >= 0:
            {
                var decimals = text.Length - point - 1;
                return text.Remove(point, 1) + "e-" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            default:
                return point < 0 ? text + "0e-1" : text + "0";
        }
    }

    private static JsonNode? HostileLeaf(Random random, Dictionary<string, string> raw, out string what)
    {
        switch (random.Next(10))
        {
            case 0:
                what = "null";
                return null;
            case 1:
                what = "boolean";
                return JsonValue.Create(random.Next(2) == 0);
            case 2:
            {
                var number = new[] { decimal.MaxValue, decimal.MinValue, 0m, -1m, 0.0000000000000000000000000001m, 1.5m, -0.0m, 100m, 2m }[random.Next(9)];
                what = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return JsonValue.Create(number);
            }

            case 3:
            {
                var number = new[] { 1e300, -1e300, double.Epsilon, 0.1 + 0.2, 1e-7, 123456789.123456789 }[random.Next(6)];
                what = number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return JsonValue.Create(number);
            }

            case 4:
                what = "raw number";
                return JsonValue.Create(Placeholder(raw, RawNumbers[random.Next(RawNumbers.Length)]));
            case 5:
                what = "raw string";
                return JsonValue.Create(Placeholder(raw, RawStrings[random.Next(RawStrings.Length)]));
            case 6:
            {
                var length = new[] { 4095, 4096, 4097, 10_000 }[random.Next(4)];
                what = $"text of {length}";
                return JsonValue.Create(new string(random.Next(2) == 0 ? 'a' : '月', length));
            }

            case 7:
                what = "object";
                return new JsonObject { [Names[random.Next(Names.Length)]] = JsonValue.Create(Texts[random.Next(Texts.Length)]) };
            case 8:
                what = "array";
                return new JsonArray(JsonValue.Create(random.Next(100)), JsonValue.Create(Texts[random.Next(Texts.Length)]));
            default:
            {
                var text = Texts[random.Next(Texts.Length)];
                what = "text";
                return JsonValue.Create(text);
            }
        }
    }

    private static JsonNode? WrongType(JsonNode? current) => current switch
    {
        JsonObject o => new JsonArray([.. o.Select(p => p.Value?.DeepClone())]),
        JsonArray a => new JsonObject(a.Select((item, i) => new KeyValuePair<string, JsonNode?>("i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), item?.DeepClone()))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>().Length),
        JsonValue v => JsonValue.Create(v.ToJsonString()),
        _ => new JsonObject(),
    };

    /// <summary>A unique marker put in the tree as a string and replaced by <paramref name="text"/> in the written JSON.</summary>
    private static string Placeholder(Dictionary<string, string> raw, string text)
    {
        var marker = "~~raw" + raw.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "~~";
        raw["\"" + marker + "\""] = text;
        return marker;
    }

    private static void Collect(JsonNode? node, JsonNode? parent, string? name, int index, List<Slot> slots)
    {
        slots.Add(new Slot(parent, name, index));
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    Collect(value, o, key, -1, slots);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Collect(a[i], a, null, i, slots);
                }

                break;
        }
    }

    /// <summary>Where a value sits: the document itself, a member of an object or an item of an array.</summary>
    private sealed record Slot(JsonNode? Parent, string? Name, int Index)
    {
        public JsonNode? Get(JsonNode? root) => Parent switch
        {
            null => root,
            JsonObject o => o[Name!],
            JsonArray a => a[Index],
            _ => null,
        };

        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject o)
            {
                o[Name!] = value;
            }
            else if (Parent is JsonArray a)
            {
                a[Index] = value;
            }
        }

        public string Describe() => Parent is null ? "$" : $"{Parent.GetPath()}{(Name is null ? $"[{Index}]" : "." + Name)}";
    }

    // ----- bytes -------------------------------------------------------------------------------------------------

    private static readonly byte[][] Insertions =
    [
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "\""u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
        "\\"u8.ToArray(), "\\u"u8.ToArray(), "0"u8.ToArray(), "-"u8.ToArray(), "e"u8.ToArray(), "."u8.ToArray(), "null"u8.ToArray(),
        "/*"u8.ToArray(), "//"u8.ToArray(), [0x00], [0xFF], [0xFE], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE6, 0x9C], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80], "\r"u8.ToArray(), "\t"u8.ToArray(), " "u8.ToArray(),
    ];

    /// <summary>The operations of <see cref="MutateBytes"/> by weight: bit flips, set bytes, insertions, deletions and copies most often.</summary>
    private static readonly int[] ByteOperations = [0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 6, 7, 8, 9];

    private static void MutateBytes(Random random, List<byte> bytes, List<string> log)
    {
        // Mostly changes that keep the file UTF-8, so the JSON reader and the scheme reader are reached, not only the encoding check.
        var aligned = random.Next(4) != 0;
        var at = Align(bytes, random.Next(bytes.Count + 1), aligned);
        switch (ByteOperations[random.Next(ByteOperations.Length)])
        {
            case 0 when bytes.Count > 0:
            {
                var i = Math.Min(at, bytes.Count - 1);
                var bit = random.Next(4) == 0 ? random.Next(8) : random.Next(7);
                bytes[i] ^= (byte)(1 << bit);
                log.Add($"flipped bit {bit} at {i}");
                break;
            }

            case 1 when bytes.Count > 0:
            {
                var i = Math.Min(at, bytes.Count - 1);
                bytes[i] = (byte)(random.Next(4) == 0 ? random.Next(256) : random.Next(0x20, 0x7F));
                log.Add($"set byte {i} to 0x{bytes[i]:X2}");
                break;
            }

            case 2:
            {
                var insertion = Insertions[random.Next(Insertions.Length)];
                bytes.InsertRange(at, insertion);
                log.Add($"inserted {Convert.ToHexString(insertion)} at {at}");
                break;
            }

            case 3:
            {
                var length = Align(bytes, Math.Min(bytes.Count, at + 1 + random.Next(random.Next(4) == 0 ? 2000 : 64)), aligned) - at;
                bytes.RemoveRange(at, length);
                log.Add($"deleted {length} at {at}");
                break;
            }

            case 4 when bytes.Count > 0:
            {
                var start = Align(bytes, random.Next(bytes.Count), aligned);
                var length = Align(bytes, Math.Min(bytes.Count, start + 1 + random.Next(random.Next(4) == 0 ? 3000 : 100)), aligned) - start;
                var copy = bytes.GetRange(start, length);
                bytes.InsertRange(at, copy);
                log.Add($"copied {length} from {start} to {at}");
                break;
            }

            case 5:
                bytes.RemoveRange(at, bytes.Count - at);
                log.Add($"truncated at {at}");
                break;
            case 6:
            {
                byte[][] marks = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x00, 0x00, 0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00]];
                var mark = marks[random.Next(marks.Length)];
                var where = random.Next(3) == 0 ? at : 0;
                bytes.InsertRange(where, mark);
                log.Add($"inserted mark {Convert.ToHexString(mark)} at {where}");
                break;
            }

            case 7:
            {
                // UTF-16 encoding of the whole file (what a misconfigured editor writes).
                var text = Encoding.UTF8.GetString([.. bytes]);
                var encoded = random.Next(2) == 0 ? Encoding.Unicode.GetBytes(text) : Encoding.BigEndianUnicode.GetBytes(text);
                bytes.Clear();
                bytes.AddRange(encoded);
                log.Add("re-encoded as UTF-16");
                break;
            }

            case 8 when bytes.Count > 2:
            {
                var a = random.Next(bytes.Count - 1);
                var b = random.Next(a + 1, bytes.Count);
                (bytes[a], bytes[b]) = (bytes[b], bytes[a]);
                log.Add($"swapped bytes {a} and {b}");
                break;
            }

            default:
            {
                var count = 1 + random.Next(16);
                var noise = new byte[count];
                random.NextBytes(noise);
                bytes.InsertRange(at, noise);
                log.Add($"inserted random {Convert.ToHexString(noise)} at {at}");
                break;
            }
        }
    }

    /// <summary>Moves an index past UTF-8 continuation bytes when <paramref name="aligned"/>, so a cut keeps the characters whole.</summary>
    private static int Align(List<byte> bytes, int index, bool aligned)
    {
        while (aligned && index < bytes.Count && (bytes[index] & 0xC0) == 0x80)
        {
            index++;
        }

        return index;
    }

    // ----- text --------------------------------------------------------------------------------------------------

    private static readonly Regex NumberToken = new(@"(?<=: |\[|, )-?\d+(\.\d+)?([eE][+-]?\d+)?", RegexOptions.CultureInvariant);

    private static readonly Regex StringToken = new(@"""(?:[^""\\]|\\.)*""", RegexOptions.CultureInvariant);

    /// <summary>The operations of <see cref="MutateLines"/> by weight: numbers and repeated lines most often, broken punctuation least.</summary>
    private static readonly int[] LineOperations = [0, 0, 0, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 6, 7];

    private static void MutateLines(Random random, List<string> lines, List<string> log)
    {
        var i = random.Next(lines.Count);
        switch (LineOperations[random.Next(LineOperations.Length)])
        {
            case 0:
            case 1:
            {
                var matches = NumberToken.Matches(lines[i]);
                var numbered = Enumerable.Range(0, lines.Count).Where(k => NumberToken.IsMatch(lines[k])).ToList();
                if (matches.Count == 0 && numbered.Count > 0)
                {
                    i = numbered[random.Next(numbered.Count)];
                    matches = NumberToken.Matches(lines[i]);
                }

                if (matches.Count > 0)
                {
                    var m = matches[random.Next(matches.Count)];
                    var number = random.Next(2) == 0 ? Respell(random, m.Value) : RawNumbers[random.Next(RawNumbers.Length)];
                    lines[i] = string.Concat(lines[i].AsSpan(0, m.Index), number, lines[i].AsSpan(m.Index + m.Length));
                    log.Add($"line {i + 1}: number {m.Value} → {number}");
                }

                break;
            }

            case 2:
            {
                var matches = StringToken.Matches(lines[i]);
                if (matches.Count > 0)
                {
                    var m = matches[random.Next(matches.Count)];
                    var text = random.Next(2) == 0 ? RawStrings[random.Next(RawStrings.Length)] : JsonValue.Create(Texts[random.Next(Texts.Length)]).ToJsonString();
                    lines[i] = string.Concat(lines[i].AsSpan(0, m.Index), text, lines[i].AsSpan(m.Index + m.Length));
                    log.Add($"line {i + 1}: string {m.Value} → {text}");
                }

                break;
            }

            case 3:
            {
                // One member a line: repeating a line repeats a member (or an array item) in the same object.
                var count = 1 + random.Next(random.Next(4) == 0 ? 500 : 2);
                lines.InsertRange(i, Enumerable.Repeat(lines[i], count));
                log.Add($"line {i + 1} repeated {count} times");
                break;
            }

            case 4:
                lines.RemoveAt(i);
                log.Add($"line {i + 1} removed");
                break;
            case 5:
            {
                var j = random.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                log.Add($"lines {i + 1} and {j + 1} swapped");
                break;
            }

            case 6:
            {
                var start = random.Next(lines.Count);
                var length = Math.Min(lines.Count - start, 1 + random.Next(40));
                var block = lines.GetRange(start, length);
                lines.InsertRange(i, block);
                log.Add($"lines {start + 1}–{start + length} copied before line {i + 1}");
                break;
            }

            default:
            {
                var line = lines[i];
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var trailing = line.EndsWith(',');
                lines[i] = random.Next(3) switch
                {
                    0 when colon >= 0 => line.Remove(colon, 1),
                    1 when trailing => line[..^1],
                    _ => line + ",",
                };
                log.Add($"line {i + 1} punctuation changed");
                break;
            }
        }
    }
}
