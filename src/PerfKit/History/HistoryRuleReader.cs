using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Serialization;

namespace PerfKit.History;

/// <summary>
/// Reads the JSON form of a <see cref="HistoryRuleSet"/> strictly, on the scheme file reader's JSON tree: duplicate
/// and unknown members, nulls, wrong types and numbers a decimal would round are problems with JSON paths; the rules
/// read are then validated as in code, with the model's paths mapped to JSON paths.
/// </summary>
internal sealed class HistoryRuleReader(SchemeFileLimits limits)
{
    private readonly FileProblems problems = new(limits.MaxProblems);
    private readonly Dictionary<string, int> offsets = new(StringComparer.Ordinal);

    public ImmutableArray<Problem> Problems(ReadOnlySpan<byte> utf8) => problems.ToProblems(utf8);

    public bool Read(ReadOnlySpan<byte> utf8, out ImmutableArray<string> grades, out ImmutableArray<HistoryRule> rules)
    {
        grades = [];
        rules = [];
        if (utf8.Length > limits.MaxBytes)
        {
            problems.Add(ProblemCodes.JsonLimit, JsonPath.Root, null, $"The text is {utf8.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes long; at most {limits.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} are read.", 0);
            return false;
        }

        if (utf8.IsEmpty || utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            problems.Add(ProblemCodes.JsonEmpty, JsonPath.Root, null, "The text is empty; a rule set is an object with 'grades' and 'rules'.", 0);
            return false;
        }

        var document = JsonTree.Parse(utf8, limits, problems);
        if (document is null)
        {
            return false;
        }

        if (!Expect(document, JsonPath.Root, JsonKind.Object, "A rule set must be an object"))
        {
            return false;
        }

        var root = new Members(this, document, JsonPath.Root);
        ImmutableArray<string>? scale = null;
        if (root.Get("grades", required: true) is { } gradesItem && Expect(gradesItem, "$.grades", JsonKind.Array, "'grades' must be an array of grade names, best first"))
        {
            offsets["grades"] = gradesItem.Offset;
            var names = ImmutableArray.CreateBuilder<string>();
            var ok = true;
            for (var i = 0; i < gradesItem.Items.Count; i++)
            {
                var item = gradesItem.Items[i];
                var at = JsonPath.Index("$.grades", i);
                offsets[$"grades[{i.ToString(CultureInfo.InvariantCulture)}]"] = item.Offset;
                if (Expect(item, at, JsonKind.String, "A grade name must be a text"))
                {
                    names.Add(item.Text!);
                }
                else
                {
                    ok = false;
                }
            }

            scale = ok ? names.ToImmutable() : null;
        }

        var read = new List<(int Index, HistoryRule Rule)>();
        var rulesOk = false;
        if (root.Get("rules", required: true) is { } rulesItem && Expect(rulesItem, "$.rules", JsonKind.Array, "'rules' must be an array of rule objects"))
        {
            rulesOk = true;
            for (var i = 0; i < rulesItem.Items.Count; i++)
            {
                var item = rulesItem.Items[i];
                var at = JsonPath.Index("$.rules", i);
                var model = $"rules[{i.ToString(CultureInfo.InvariantCulture)}]";
                offsets[model] = item.Offset;
                if (Expect(item, at, JsonKind.Object, "A rule must be an object") && ReadRule(new Members(this, item, at), model) is { } rule)
                {
                    read.Add((i, rule));
                }
                else
                {
                    rulesOk = false;
                }
            }
        }

        root.Finish();
        var modelProblems = new List<Problem>();
        HistoryRuleSet.Validate(scale, read, modelProblems);
        foreach (var p in modelProblems)
        {
            var offset = offsets.TryGetValue(p.Path, out var o) ? o
                : offsets.TryGetValue(p.Path.Split('.')[0], out var parent) ? parent
                : document.Offset;
            problems.Add(p.Code, "$." + p.Path, p.AttemptedValue, p.Message, offset);
        }

        if (problems.HasAny || scale is null || !rulesOk)
        {
            return false;
        }

        grades = scale.Value;
        rules = [.. read.Select(r => r.Rule)];
        return true;
    }

    private HistoryRule? ReadRule(Members m, string model)
    {
        var id = m.String("id", model);
        var outcome = m.String("outcome", model);
        var kind = m.Enum("kind", Names.Kinds, model);
        var period = m.Enum("period", Names.Periods, model);
        HistoryRule? rule = null;
        switch (kind)
        {
            case HistoryRuleKind.ConsecutiveGrades:
            case HistoryRuleKind.AnyGrade:
            {
                var grade = m.String("grade", model);
                var comparison = m.Enum("comparison", Names.GradeComparisons, model);
                int? count = kind == HistoryRuleKind.ConsecutiveGrades ? m.Count(model) : 1;
                m.Forbid("value", "a grade rule compares grades; only a rollingMean rule has a value");
                if (kind == HistoryRuleKind.AnyGrade)
                {
                    m.Forbid("count", "an anyGrade rule looks at one period at a time");
                }

                if (id is not null && outcome is not null && period is { } p && grade is not null && comparison is { } c && count is { } n)
                {
                    rule = kind == HistoryRuleKind.AnyGrade
                        ? HistoryRule.AnyGrade(id, outcome, grade, c, p)
                        : HistoryRule.ConsecutiveGrades(id, outcome, grade, c, n, p);
                }

                break;
            }

            case HistoryRuleKind.RollingMean:
            {
                var comparison = m.Enum("comparison", Names.ValueComparisons, model);
                var count = m.Count(model);
                var value = m.Number("value", model);
                m.Forbid("grade", "a rollingMean rule compares the mean total with a value, not grades");
                if (id is not null && outcome is not null && period is { } p && comparison is { } c && count is { } n && value is { } v)
                {
                    rule = HistoryRule.RollingMean(id, outcome, n, c, v, p);
                }

                break;
            }

            default:
                // The kind is missing or unknown (reported): its members cannot be checked, so none is called unknown.
                m.Ignore("grade", "comparison", "count", "value");
                break;
        }

        m.Finish();
        return rule;
    }

    private bool Expect(JsonItem item, string path, JsonKind kind, string rule)
    {
        if (item.Reported)
        {
            return false;
        }

        if (item.Kind == kind)
        {
            return true;
        }

        if (item.Kind == JsonKind.Null)
        {
            problems.Add(ProblemCodes.JsonNull, path, "null", $"{rule}, not null. Omit nothing that is required and write no nulls.", item.Offset);
        }
        else
        {
            var hint = kind == JsonKind.Number && item.Kind == JsonKind.String ? " Write numbers without quotes." : string.Empty;
            problems.Add(ProblemCodes.JsonType, path, item.Preview(), $"{rule}, not {item.Describe()}.{hint}", item.Offset);
        }

        return false;
    }

    /// <summary>Reads the members of one object and reports those no getter asked for.</summary>
    private sealed class Members(HistoryRuleReader owner, JsonItem item, string path)
    {
        private readonly HashSet<string> known = new(StringComparer.Ordinal);

        public JsonItem? Get(string name, bool required)
        {
            known.Add(name);
            var value = item.Members.FirstOrDefault(m => !m.Duplicate && m.Name == name)?.Value;
            if (value is null && required)
            {
                owner.problems.Add(ProblemCodes.JsonMissingProperty, JsonPath.Property(path, name), null, $"'{name}' is required here.", item.Offset);
            }

            return value;
        }

        public string? String(string name, string model)
        {
            var value = Get(name, required: true);
            Note(model, name, value);
            return value is not null && owner.Expect(value, JsonPath.Property(path, name), JsonKind.String, $"'{name}' must be a text") ? value.Text : null;
        }

        public decimal? Number(string name, string model)
        {
            var value = Get(name, required: true);
            Note(model, name, value);
            var at = JsonPath.Property(path, name);
            if (value is null || !owner.Expect(value, at, JsonKind.Number, $"'{name}' must be a number"))
            {
                return null;
            }

            if (ExactDecimal.TryParse(value.Text!, out var number, out var failure))
            {
                return number;
            }

            owner.problems.Add(ProblemCodes.JsonNumber, at, value.Preview(), $"The number cannot be read exactly: {failure}.", value.Offset);
            return null;
        }

        public int? Count(string model)
        {
            var number = Number("count", model);
            if (number is not { } n)
            {
                return null;
            }

            if (n != decimal.Truncate(n) || n < int.MinValue || n > int.MaxValue)
            {
                var value = Get("count", required: false)!;
                owner.problems.Add(ProblemCodes.HistoryCount, JsonPath.Property(path, "count"), value.Preview(), "The count of periods must be a whole number from 1 to 1000.", value.Offset);
                return null;
            }

            return (int)n;
        }

        public T? Enum<T>(string name, IReadOnlyList<(string Name, T Value)> table, string model)
            where T : struct
        {
            var value = Get(name, required: true);
            Note(model, name, value);
            var at = JsonPath.Property(path, name);
            var rule = $"'{name}' must be one of: {FileNames.List(table)}";
            if (value is null || !owner.Expect(value, at, JsonKind.String, rule))
            {
                return null;
            }

            if (FileNames.TryParse(table, value.Text!, out var result))
            {
                return result;
            }

            owner.problems.Add(ProblemCodes.JsonValue, at, value.Preview(), rule + ".", value.Offset);
            return null;
        }

        public void Forbid(string name, string reason)
        {
            known.Add(name);
            if (item.Members.FirstOrDefault(m => !m.Duplicate && m.Name == name) is { } member)
            {
                owner.problems.Add(ProblemCodes.JsonUnknownProperty, JsonPath.Property(path, name), member.Value.Preview(), $"'{name}' is not allowed here: {reason}. Remove it.", member.NameOffset);
            }
        }

        public void Ignore(params string[] names) => known.UnionWith(names);

        public void Finish()
        {
            foreach (var member in item.Members)
            {
                if (member.Duplicate || known.Contains(member.Name))
                {
                    continue;
                }

                var near = known.FirstOrDefault(k => string.Equals(k, member.Name, StringComparison.OrdinalIgnoreCase));
                var hint = near is not null ? $" Did you mean '{near}'? Names are case-sensitive." : $" Allowed here: {string.Join(", ", known.Order(StringComparer.Ordinal))}.";
                owner.problems.Add(ProblemCodes.JsonUnknownProperty, JsonPath.Property(path, member.Name), member.Name, $"'{member.Name}' is not a property of this object.{hint}", member.NameOffset);
            }
        }

        private void Note(string model, string name, JsonItem? value)
        {
            if (value is not null)
            {
                owner.offsets[model + "." + name] = value.Offset;
            }
        }
    }
}
