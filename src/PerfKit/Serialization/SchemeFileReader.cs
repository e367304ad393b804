using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Building;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Serialization;

/// <summary>
/// Walks a parsed scheme file and feeds it to a <see cref="SchemeBuilder"/>, so the model's own validation runs too.
/// Shape problems (unknown, duplicate, missing, wrongly typed, null or inexact values) are reported with JSON paths;
/// the builder's problems are translated to the same JSON paths. A value that could not be read is "poisoned": the
/// builder gets a neutral stand-in, and model problems about that value, its container or its contents are left out,
/// as are cross-reference problems, so the report lists what is wrong in the file and nothing that merely follows from it.
/// </summary>
internal sealed class SchemeFileReader
{
    private const string Placeholder = "";
    private const string PlaceholderKind = "?";

    /// <summary>Model problems that follow from values elsewhere in the file; left out when any value could not be read.</summary>
    private static readonly HashSet<string> CrossReferenceCodes = new(StringComparer.Ordinal)
    {
        ProblemCodes.UnknownNode, ProblemCodes.GateUnknownGrade, ProblemCodes.GateNotIndicator, ProblemCodes.GateDirection,
        ProblemCodes.GateZeroScoreOrder, ProblemCodes.AdjustmentScope, ProblemCodes.GradeCoverage, ProblemCodes.GradeOrder,
        ProblemCodes.PointsBounds, ProblemCodes.MaxBonusRequired, ProblemCodes.MaxPointsRequired,
    };

    private readonly FileProblems problems;
    private readonly SchemeFileLimits limits;
    private readonly ScorerRegistry registry;
    private readonly PoisonedPaths poisoned = new();
    private readonly Dictionary<string, List<(JsonItem Item, string Path)>> nodes = new(StringComparer.Ordinal);
    private readonly List<int> gradeIndexes = [];
    private readonly List<int> gateIndexes = [];
    private readonly List<int> adjustmentIndexes = [];
    private readonly HashSet<string> usedKinds = new(StringComparer.Ordinal);
    private int nodeCount;
    private bool nodeLimitReported;

    private SchemeFileReader(FileProblems problems, SchemeFileLimits limits, ScorerRegistry registry)
    {
        this.problems = problems;
        this.limits = limits;
        this.registry = registry;
    }

    /// <summary>Reads the document; returns the scheme when neither the file nor the model has problems.</summary>
    public static Scheme? Read(JsonItem document, FileProblems problems, SchemeFileLimits limits, ScorerRegistry registry)
        => new SchemeFileReader(problems, limits, registry).Read(document);

    private Scheme? Read(JsonItem document)
    {
        if (document.Kind != JsonKind.Object)
        {
            problems.Add(ProblemCodes.JsonType, JsonPath.Root, document.Preview(), $"A scheme file holds one JSON object, not {document.Describe()}.", document.Offset);
            return null;
        }

        var m = new Members(this, document, JsonPath.Root);
        if (m.Get("$schema") is { } schema)
        {
            Expect(schema, JsonPath.Property(JsonPath.Root, "$schema"), JsonKind.String, "'$schema' must be a string (a reference to a JSON schema; it is not part of the scheme)");
        }

        var builder = new SchemeBuilder(m.String("id", required: true) ?? Placeholder, m.String("version", required: true) ?? Placeholder, registry);
        if (m.String("name", required: false) is { } name)
        {
            builder.Name(name);
        }

        ReadCultures(m, (c, t) => builder.Name(c, t));
        if (m.Number("points", required: false) is { } points)
        {
            builder.Points(points);
        }

        ReadRounding(m, builder);
        if (m.Number("maxBonus", required: false) is { } maxBonus)
        {
            builder.MaxBonus(maxBonus);
        }

        if (m.Number("minPoints", required: false) is { } minPoints)
        {
            builder.MinPoints(minPoints);
        }

        if (m.Number("maxPoints", required: false) is { } maxPoints)
        {
            builder.MaxPoints(maxPoints);
        }

        var versions = m.Get("scorerVersions");
        ReadGrades(m, builder);
        if (m.Get("root") is { } root)
        {
            ReadRoot(root, JsonPath.Property(JsonPath.Root, "root"), builder);
        }

        ReadGates(m, builder);
        ReadAdjustments(m, builder);
        m.Finish();
        if (versions is not null)
        {
            CheckScorerVersions(versions, JsonPath.Property(JsonPath.Root, "scorerVersions"));
        }

        if (nodeLimitReported || problems.IsFull)
        {
            // The tree was cut short, or no more problems can be reported: the model's view of a partial file adds nothing.
            return null;
        }

        builder.TryBuild(out var scheme, out var modelProblems, out var treeProblems);
        AddModelProblems(document, modelProblems, treeProblems);
        return problems.HasAny ? null : scheme;
    }

    // ----- scheme members -----------------------------------------------------------------------------------------

    private void ReadRounding(Members scheme, SchemeBuilder builder)
    {
        if (scheme.Object("rounding") is not { } rounding)
        {
            return;
        }

        var decimals = 2;
        if (rounding.Number("decimals", required: false) is { } d)
        {
            if (d != decimal.Truncate(d) || d < int.MinValue || d > int.MaxValue)
            {
                Report(ProblemCodes.JsonType, JsonPath.Property(rounding.Path, "decimals"), DecimalText.Canonical(d), "'decimals' must be a whole number (0 to 10).", rounding.ValueOffset("decimals"));
            }
            else
            {
                decimals = (int)d;
            }
        }

        var mode = rounding.String("mode", required: false);
        rounding.Finish();
        builder.Rounding(decimals, mode ?? FileNames.Name(FileNames.RoundingModes, MidpointRounding.AwayFromZero));
    }

    private void ReadGrades(Members scheme, SchemeBuilder builder)
    {
        var path = JsonPath.Property(scheme.Path, "grades");
        if (scheme.Get("grades") is not { } grades || !Expect(grades, path, JsonKind.Array, "'grades' must be an array of {name, minPoints, coefficient}"))
        {
            return;
        }

        for (var i = 0; i < grades.Items.Count; i++)
        {
            if (ObjectAt(grades.Items[i], JsonPath.Index(path, i), "a grade") is not { } g)
            {
                continue;
            }

            var name = g.String("name", required: true);
            var displayName = g.String("displayName", required: false);
            var cultures = new List<(string, string)>();
            ReadCultures(g, (c, t) => cultures.Add((c, t)));
            var minPoints = g.Number("minPoints", required: false);
            var coefficient = g.Number("coefficient", required: true);
            g.Finish();
            builder.Grade(name ?? Placeholder, minPoints, coefficient ?? 0m, n =>
            {
                if (displayName is not null)
                {
                    n.Name(displayName);
                }

                foreach (var (c, t) in cultures)
                {
                    n.Name(c, t);
                }
            });
            gradeIndexes.Add(i);
        }
    }

    private void ReadGates(Members scheme, SchemeBuilder builder)
    {
        var path = JsonPath.Property(scheme.Path, "gates");
        if (scheme.Get("gates") is not { } gates || !Expect(gates, path, JsonKind.Array, "'gates' must be an array of gates"))
        {
            return;
        }

        for (var k = 0; k < gates.Items.Count; k++)
        {
            if (ObjectAt(gates.Items[k], JsonPath.Index(path, k), "a gate") is not { } g)
            {
                continue;
            }

            var id = g.String("id", required: true) ?? Placeholder;
            var name = g.String("name", required: false);
            var cultures = new List<(string, string)>();
            ReadCultures(g, (c, t) => cultures.Add((c, t)));
            var on = g.Enum("on", FileNames.GateSubjects, required: true);
            string? node = null;
            if (on is GateSubject.IndicatorValue or GateSubject.NodeScore)
            {
                node = g.String("node", required: true);
            }
            else if (on is not null)
            {
                g.Forbid("node", "a gate on the base or the total reads no node");
            }
            else
            {
                g.Get("node");
            }

            var threshold = g.Number("threshold", required: true) ?? 0m;
            var direction = g.Enum("direction", FileNames.Directions, required: false);
            var consequence = g.Enum("consequence", FileNames.Consequences, required: true);
            string? target = null;
            if (consequence is GateConsequence.ZeroScore or GateConsequence.CapGrade)
            {
                target = g.String("target", required: true);
            }
            else if (consequence is not null)
            {
                g.Forbid("target", "cancelPayout names no target");
            }
            else
            {
                g.Get("target");
            }

            var onMissing = g.Enum("onMissing", FileNames.GateMissing, required: false);
            g.Finish();
            builder.Gate(id, gb =>
            {
                if (name is not null)
                {
                    gb.Name(name);
                }

                foreach (var (c, t) in cultures)
                {
                    gb.Name(c, t);
                }

                switch (on)
                {
                    case GateSubject.IndicatorValue when node is not null:
                        gb.OnValue(node, threshold);
                        break;
                    case GateSubject.NodeScore when node is not null:
                        gb.OnScore(node, threshold);
                        break;
                    case GateSubject.Base:
                        gb.OnBase(threshold);
                        break;
                    case GateSubject.Total:
                        gb.OnTotal(threshold);
                        break;
                }

                if (direction is { } d)
                {
                    gb.Direction(d);
                }

                switch (consequence)
                {
                    case GateConsequence.CancelPayout:
                        gb.CancelPayout();
                        break;
                    case GateConsequence.ZeroScore when target is not null:
                        gb.ZeroScore(target);
                        break;
                    case GateConsequence.CapGrade when target is not null:
                        gb.CapGrade(target);
                        break;
                }

                if (onMissing == GateMissingBehavior.Pass)
                {
                    gb.PassWhenMissing();
                }
            });
            gateIndexes.Add(k);
        }
    }

    private void ReadAdjustments(Members scheme, SchemeBuilder builder)
    {
        var path = JsonPath.Property(scheme.Path, "adjustments");
        if (scheme.Get("adjustments") is not { } adjustments || !Expect(adjustments, path, JsonKind.Array, "'adjustments' must be an array of bonus and penalty rules"))
        {
            return;
        }

        for (var k = 0; k < adjustments.Items.Count; k++)
        {
            if (ObjectAt(adjustments.Items[k], JsonPath.Index(path, k), "an adjustment rule") is not { } a)
            {
                continue;
            }

            var id = a.String("id", required: true) ?? Placeholder;
            var name = a.String("name", required: false);
            var cultures = new List<(string, string)>();
            ReadCultures(a, (c, t) => cultures.Add((c, t)));
            var kind = a.Enum("kind", FileNames.AdjustmentKinds, required: true) ?? AdjustmentKind.Penalty;
            var measure = a.String("measure", required: true) ?? Placeholder;
            var pointsPerUnit = a.Number("pointsPerUnit", required: true) ?? 0m;
            var cap = a.Number("cap", required: false);
            var scope = a.String("scope", required: false);
            var missing = a.Enum("missing", FileNames.AdjustmentMissing, required: false);
            a.Finish();
            void Configure(AdjustmentBuilder ab)
            {
                if (name is not null)
                {
                    ab.Name(name);
                }

                foreach (var (c, t) in cultures)
                {
                    ab.Name(c, t);
                }

                if (scope is not null)
                {
                    ab.ScopedTo(scope);
                }

                if (missing == AdjustmentMissingPolicy.Zero)
                {
                    ab.ZeroWhenMissing();
                }
            }

            if (kind == AdjustmentKind.Bonus)
            {
                builder.Bonus(id, measure, pointsPerUnit, cap, Configure);
            }
            else
            {
                builder.Penalty(id, measure, pointsPerUnit, cap, Configure);
            }

            adjustmentIndexes.Add(k);
        }
    }

    private void CheckScorerVersions(JsonItem versions, string path)
    {
        if (!Expect(versions, path, JsonKind.Object, "'scorerVersions' must be an object from scorer kind to version, e.g. {\"linear\": \"1\"}"))
        {
            return;
        }

        foreach (var member in versions.Members.Where(x => !x.Duplicate))
        {
            var at = JsonPath.Property(path, member.Name);
            if (!Expect(member.Value, at, JsonKind.String, $"The version of scorer kind '{member.Name}' must be a string"))
            {
                continue;
            }

            var version = member.Value.Text!;
            if (!registry.TryGet(member.Name, out var kind))
            {
                problems.Add(ProblemCodes.ScorerUnknownKind, at, member.Name,
                    $"No scorer kind '{member.Name}' is registered; use one of: {string.Join(", ", registry.Kinds.Select(k => k.Name))}, or register it in the ScorerRegistry.", member.NameOffset);
            }
            else if (!string.Equals(kind.Version, version, StringComparison.Ordinal))
            {
                problems.Add(ProblemCodes.ScorerVersion, at, version,
                    $"The file was written for version '{version}' of scorer kind '{member.Name}', but the registered kind is version '{kind.Version}', which may score differently. Load it with a registry holding version '{version}', or review the change and update the file.",
                    member.Value.Offset);
            }
            else if (!usedKinds.Contains(member.Name))
            {
                problems.Add(ProblemCodes.JsonUnknownProperty, at, member.Name, $"No indicator uses scorer kind '{member.Name}'; list only the kinds the scheme uses.", member.NameOffset);
            }
        }
    }

    // ----- tree ---------------------------------------------------------------------------------------------------

    private void ReadRoot(JsonItem item, string path, SchemeBuilder builder)
    {
        if (ObjectAt(item, path, "the root group") is not { } m)
        {
            return;
        }

        if (!CountNode(item, path))
        {
            return;
        }

        var id = m.String("id", required: true) ?? Placeholder;
        var kind = m.Enum("kind", FileNames.GroupKinds, required: true) ?? GroupKind.Custom;
        m.Forbid("weight", "the root group has no weight (it is the whole scheme)");
        var mode = ReadWeightMode(m) ?? WeightMode.Normalize;
        var group = builder.Root(id, mode).OfKind(kind);
        ReadCadence(m, group);
        Register(string.Empty, item, path);
        ReadGroupBody(m, group, string.Empty);
    }

    private void ReadChild(JsonItem item, string path, GroupBuilder parent, string parentModelPath)
    {
        if (ObjectAt(item, path, "a child (a group with 'children', or an indicator with 'measure' and 'scorer')") is not { } m)
        {
            return;
        }

        if (!CountNode(item, path))
        {
            return;
        }

        var id = m.String("id", required: true) ?? Placeholder;
        var modelPath = parentModelPath.Length == 0 ? id : parentModelPath + "/" + id;
        if (m.Has("children") || (!m.Has("measure") && !m.Has("scorer") && (m.Has("weightMode") || m.Has("kind"))))
        {
            var kind = m.Enum("kind", FileNames.GroupKinds, required: true) ?? GroupKind.Custom;
            var weight = m.Number("weight", required: true) ?? 0m;
            var mode = ReadWeightMode(m) ?? WeightMode.Normalize;
            var group = parent.AddGroup(kind, id, weight, mode);
            ReadCadence(m, group);
            Register(modelPath, item, path);
            ReadGroupBody(m, group, modelPath);
            return;
        }

        var indicatorWeight = m.Number("weight", required: true) ?? 0m;
        var measure = m.String("measure", required: true) ?? Placeholder;
        var scorer = ReadScorer(m) ?? ScorerSpec.Create(PlaceholderKind, []);
        var name = m.String("name", required: false);
        var cultures = new List<(string, string)>();
        ReadCultures(m, (c, t) => cultures.Add((c, t)));
        var missing = m.Enum("missing", FileNames.MissingPolicies, required: false);
        var aggregation = m.Enum("aggregation", FileNames.Aggregations, required: false);
        var unit = m.String("unit", required: false);
        var prorated = m.Boolean("prorated");
        var tags = ReadTags(m);
        m.Finish();
        parent.Indicator(id, indicatorWeight, measure, scorer, i =>
        {
            if (name is not null)
            {
                i.Name(name);
            }

            foreach (var (c, t) in cultures)
            {
                i.Name(c, t);
            }

            if (missing is { } policy)
            {
                i.WhenMissing(policy);
            }

            if (aggregation is { } a)
            {
                i.AggregatedBy(a);
            }

            if (unit is not null)
            {
                i.Unit(unit);
            }

            if (prorated == true)
            {
                i.Prorated();
            }

            i.Tags([.. tags]);
        });
        Register(modelPath, item, path);
    }

    /// <summary>Reads a group's optional <c>cadence</c>; the builder checks where it may be declared.</summary>
    private static void ReadCadence(Members m, GroupBuilder group)
    {
        if (m.Enum("cadence", FileNames.Cadences, required: false) is { } cadence)
        {
            group.Cadence(cadence);
        }
    }

    private void ReadGroupBody(Members m, GroupBuilder group, string modelPath)
    {
        if (m.String("name", required: false) is { } name)
        {
            group.Name(name);
        }

        ReadCultures(m, (c, t) => group.Name(c, t));
        var path = JsonPath.Property(m.Path, "children");
        var children = m.Get("children");
        m.Finish();
        if (children is null)
        {
            Report(ProblemCodes.JsonMissingProperty, path, null, "A group needs 'children': an array of groups and indicators.", m.Item.Offset);
            return;
        }

        if (!Expect(children, path, JsonKind.Array, "'children' must be an array of groups and indicators"))
        {
            return;
        }

        for (var i = 0; i < children.Items.Count; i++)
        {
            ReadChild(children.Items[i], JsonPath.Index(path, i), group, modelPath);
        }
    }

    private bool CountNode(JsonItem item, string path)
    {
        if (++nodeCount <= limits.MaxNodes)
        {
            return true;
        }

        if (!nodeLimitReported)
        {
            nodeLimitReported = true;
            Report(ProblemCodes.JsonLimit, path, null, $"The scheme has more than {limits.MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} groups and indicators; the rest of the tree was not read.", item.Offset);
        }

        return false;
    }

    private WeightMode? ReadWeightMode(Members m)
    {
        var path = JsonPath.Property(m.Path, "weightMode");
        var item = m.Get("weightMode");
        const string Rule = "'weightMode' must be \"fraction\", \"percent\", \"normalize\" or {\"points\": N}";
        if (item is null)
        {
            Report(ProblemCodes.JsonMissingProperty, path, null, "A group needs " + Rule + ".", m.Item.Offset);
            return null;
        }

        if (item.Kind == JsonKind.String && !item.Reported)
        {
            if (FileNames.TryParse(FileNames.WeightModes, item.Text!, out var kind))
            {
                return kind switch
                {
                    WeightModeKind.Fraction => WeightMode.Fraction,
                    WeightModeKind.Percent => WeightMode.Percent,
                    _ => WeightMode.Normalize,
                };
            }

            Report(ProblemCodes.JsonValue, path, item.Preview(), Rule + ".", item.Offset);
            return null;
        }

        if (item.Kind == JsonKind.Object)
        {
            var points = new Members(this, item, path);
            var n = points.Number("points", required: true);
            points.Finish();
            return n is { } total ? WeightMode.PointsOf(total) : null;
        }

        Expect(item, path, JsonKind.String, Rule);
        return null;
    }

    private ScorerSpec? ReadScorer(Members indicator)
    {
        var path = JsonPath.Property(indicator.Path, "scorer");
        var item = indicator.Get("scorer");
        if (item is null)
        {
            Report(ProblemCodes.JsonMissingProperty, path, null, "An indicator needs 'scorer': an object with 'kind' and the kind's parameters, e.g. {\"kind\": \"linear\", \"baseline\": 0, \"target\": 10}.", indicator.Item.Offset);
            return null;
        }

        if (!Expect(item, path, JsonKind.Object, "'scorer' must be an object with 'kind' and the kind's parameters"))
        {
            return null;
        }

        var m = new Members(this, item, path);
        var kind = m.String("kind", required: true);
        if (kind is not null && string.IsNullOrWhiteSpace(kind))
        {
            Report(ProblemCodes.JsonValue, JsonPath.Property(path, "kind"), kind, "'kind' must name a registered scorer kind, e.g. linear.", m.ValueOffset("kind"));
            kind = null;
        }

        var parameters = new List<KeyValuePair<string, ParameterValue>>();
        foreach (var member in item.Members.Where(x => !x.Duplicate && x.Name != "kind"))
        {
            var at = JsonPath.Property(path, member.Name);
            if (string.IsNullOrWhiteSpace(member.Name))
            {
                Report(ProblemCodes.JsonValue, at, member.Name, "A scorer parameter name must not be blank.", member.NameOffset);
                continue;
            }

            if (ReadParameter(member.Value, at) is { } value)
            {
                parameters.Add(new(member.Name, value));
            }
        }

        if (kind is null)
        {
            return null;
        }

        usedKinds.Add(kind);
        return ScorerSpec.Create(kind, parameters);
    }

    /// <summary>Converts a scorer parameter; null when any part of it could not be read (each part is reported).</summary>
    private ParameterValue? ReadParameter(JsonItem item, string path)
    {
        if (item.Reported)
        {
            Poison(path);
            return null;
        }

        switch (item.Kind)
        {
            case JsonKind.Number:
                return ReadNumber(item, path) is { } n ? ParameterValue.Of(n) : null;
            case JsonKind.String:
                return ParameterValue.Of(item.Text!);
            case JsonKind.Array:
            {
                var items = new List<ParameterValue>(item.Items.Count);
                var ok = true;
                for (var i = 0; i < item.Items.Count; i++)
                {
                    if (ReadParameter(item.Items[i], JsonPath.Index(path, i)) is { } v)
                    {
                        items.Add(v);
                    }
                    else
                    {
                        ok = false;
                    }
                }

                return ok ? ParameterValue.List(items) : null;
            }

            case JsonKind.Object:
            {
                var entries = new List<KeyValuePair<string, ParameterValue>>(item.Members.Count);
                var ok = true;
                foreach (var member in item.Members.Where(x => !x.Duplicate))
                {
                    var at = JsonPath.Property(path, member.Name);
                    if (string.IsNullOrWhiteSpace(member.Name))
                    {
                        Report(ProblemCodes.JsonValue, at, member.Name, "A name in a scorer parameter map must not be blank.", member.NameOffset);
                        ok = false;
                    }
                    else if (ReadParameter(member.Value, at) is { } v)
                    {
                        entries.Add(new(member.Name, v));
                    }
                    else
                    {
                        ok = false;
                    }
                }

                return ok ? ParameterValue.Map(entries) : null;
            }

            case JsonKind.Null:
                Report(ProblemCodes.JsonNull, path, "null", "A scorer parameter must not be null; omit it to use the kind's default.", item.Offset);
                return null;
            default:
                Report(ProblemCodes.JsonType, path, item.Preview(), "Booleans are not scorer parameters; use a number, a text, a list or a map (e.g. \"higherIsBetter\").", item.Offset);
                return null;
        }
    }

    private List<string> ReadTags(Members m)
    {
        var tags = new List<string>();
        var path = JsonPath.Property(m.Path, "tags");
        if (m.Get("tags") is not { } item || !Expect(item, path, JsonKind.Array, "'tags' must be an array of texts"))
        {
            return tags;
        }

        for (var i = 0; i < item.Items.Count; i++)
        {
            if (Expect(item.Items[i], JsonPath.Index(path, i), JsonKind.String, "A tag must be a text"))
            {
                tags.Add(item.Items[i].Text!);
            }
        }

        return tags;
    }

    private void ReadCultures(Members m, Action<string, string> set)
    {
        var path = JsonPath.Property(m.Path, "names");
        if (m.Get("names") is not { } names || !Expect(names, path, JsonKind.Object, "'names' must be an object from culture to name, e.g. {\"zh-CN\": \"月度考核\"}"))
        {
            return;
        }

        foreach (var member in names.Members.Where(x => !x.Duplicate))
        {
            if (Expect(member.Value, JsonPath.Property(path, member.Name), JsonKind.String, $"The name for culture '{member.Name}' must be a text"))
            {
                set(member.Name, member.Value.Text!);
            }
        }
    }

    private void Register(string modelPath, JsonItem item, string path)
    {
        if (!nodes.TryGetValue(modelPath, out var list))
        {
            nodes[modelPath] = list = [];
        }

        list.Add((item, path));
    }

    // ----- values -------------------------------------------------------------------------------------------------

    private Members? ObjectAt(JsonItem item, string path, string what)
        => Expect(item, path, JsonKind.Object, $"{Capitalize(what)} must be an object") ? new Members(this, item, path) : null;

    /// <summary>Checks a value's JSON type, reporting null and wrong types (once) and poisoning the path.</summary>
    private bool Expect(JsonItem item, string path, JsonKind kind, string rule)
    {
        if (item.Reported)
        {
            Poison(path);
            return false;
        }

        if (item.Kind == kind)
        {
            return true;
        }

        if (item.Kind == JsonKind.Null)
        {
            Report(ProblemCodes.JsonNull, path, "null", $"{rule}, not null. Scheme files never use null: omit an optional property to use its default.", item.Offset);
        }
        else
        {
            var hint = kind == JsonKind.Number && item.Kind == JsonKind.String ? " Write numbers without quotes." : string.Empty;
            Report(ProblemCodes.JsonType, path, item.Preview(), $"{rule}, not {item.Describe()}.{hint}", item.Offset);
        }

        return false;
    }

    private decimal? ReadNumber(JsonItem item, string path)
    {
        if (ExactDecimal.TryParse(item.Text!, out var value, out var failure))
        {
            return value;
        }

        Report(ProblemCodes.JsonNumber, path, item.Preview(), $"The number cannot be read exactly: {failure}. Scheme numbers are decimals with at most 28 decimal places and 28–29 significant digits.", item.Offset);
        return null;
    }

    private void Report(string code, string path, string? value, string message, int offset)
    {
        problems.Add(code, path, value, message, offset);
        Poison(path);
    }

    private void Poison(string path) => poisoned.Add(path);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // ----- model problems -----------------------------------------------------------------------------------------

    private void AddModelProblems(JsonItem document, ImmutableArray<Problem> modelProblems, Range treeRange)
    {
        var (treeStart, treeLength) = treeRange.GetOffsetAndLength(modelProblems.Length);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var anyPoisoned = poisoned.Count > 0;
        for (var i = 0; i < modelProblems.Length && !problems.IsFull; i++)
        {
            var p = modelProblems[i];
            var (path, offset) = i >= treeStart && i < treeStart + treeLength
                ? MapTreeProblem(document, p, occurrences)
                : MapSchemeProblem(document, p);
            if (anyPoisoned && (CrossReferenceCodes.Contains(p.Code) || poisoned.Affects(path)))
            {
                continue;
            }

            problems.Add(p.Code, path, p.AttemptedValue, p.Message, offset);
        }
    }

    private (string Path, int Offset) MapTreeProblem(JsonItem document, Problem p, Dictionary<string, int> occurrences)
    {
        // The node is the longest registered path the problem path starts with ("/" is the root group).
        var modelPath = p.Path;
        string? nodePath = null;
        if (modelPath.StartsWith('/'))
        {
            nodePath = string.Empty;
        }
        else if (nodes.ContainsKey(modelPath))
        {
            nodePath = modelPath;
        }
        else
        {
            for (var dot = modelPath.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = modelPath.IndexOf('.', dot + 1))
            {
                if (nodes.ContainsKey(modelPath[..dot]))
                {
                    nodePath = modelPath[..dot];
                }
            }
        }

        if (nodePath is null || !nodes.TryGetValue(nodePath, out var entries))
        {
            return Resolve(document, JsonPath.Root, ".root");
        }

        var tail = modelPath.StartsWith('/') ? modelPath[1..] : modelPath[nodePath.Length..];

        var entry = entries[0];
        if (tail.Length == 0)
        {
            if (p.Code == ProblemCodes.IdDuplicate)
            {
                var seen = occurrences[nodePath] = occurrences.GetValueOrDefault(nodePath) + 1;
                entry = entries[Math.Min(seen, entries.Count - 1)];
            }

            tail = p.Code switch
            {
                ProblemCodes.IdInvalid or ProblemCodes.IdDuplicate => ".id",
                ProblemCodes.WeightNonPositive => ".weight",
                ProblemCodes.WeightPoints => ".weightMode.points",
                ProblemCodes.WeightSum or ProblemCodes.GroupEmpty => ".children",
                _ => tail,
            };
        }
        else if (tail == ".scorer" && p.Code == ProblemCodes.ScorerUnknownKind)
        {
            tail = ".scorer.kind";
        }
        else if (tail == ".tags" && p.AttemptedValue is { } tag && entry.Item.Members.FirstOrDefault(x => x.Name == "tags" && !x.Duplicate)?.Value is { Kind: JsonKind.Array } tags)
        {
            // An invalid tag is reported at each occurrence; a repeated valid tag at its second and later occurrences.
            var key = nodePath + "\n" + tag;
            var seen = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            var wanted = Identifiers.IsValid(tag) ? seen + 1 : seen;
            for (var k = 0; k < tags.Items.Count; k++)
            {
                if (tags.Items[k].Kind == JsonKind.String && tags.Items[k].Text == tag && --wanted == 0)
                {
                    return (JsonPath.Index(JsonPath.Property(entry.Path, "tags"), k), tags.Items[k].Offset);
                }
            }
        }

        return Resolve(entry.Item, entry.Path, tail);
    }

    private (string Path, int Offset) MapSchemeProblem(JsonItem document, Problem p)
    {
        var path = p.Path;
        if (path == "/")
        {
            return Resolve(document, JsonPath.Root, ".root");
        }

        if (path.StartsWith("scheme.", StringComparison.Ordinal))
        {
            return Resolve(document, JsonPath.Root, path["scheme".Length..]);
        }

        foreach (var (collection, indexes) in new[] { ("grades", gradeIndexes), ("gates", gateIndexes), ("adjustments", adjustmentIndexes) })
        {
            if (!path.StartsWith(collection + "[", StringComparison.Ordinal))
            {
                continue;
            }

            var close = path.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !int.TryParse(path.AsSpan(collection.Length + 1, close - collection.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= indexes.Count)
            {
                break;
            }

            var tail = path[(close + 1)..];
            tail = (collection, tail, p.Code) switch
            {
                ("grades", "", ProblemCodes.IdInvalid or ProblemCodes.GradeDuplicate) => ".name",
                ("grades", ".name", _) => ".displayName",
                ("gates" or "adjustments", "", ProblemCodes.IdInvalid or ProblemCodes.IdDuplicate) => ".id",
                ("gates", ".zeroScore" or ".capGrade", _) => ".target",
                _ => tail,
            };
            return Resolve(document, JsonPath.Root, "." + collection + "[" + indexes[index].ToString(CultureInfo.InvariantCulture) + "]" + tail);
        }

        return Resolve(document, JsonPath.Root, "." + path);
    }

    /// <summary>
    /// Follows a model member path (<c>.scorer.bands[2].score</c>) from a JSON value, matching the longest property name
    /// at each step; the position is that of the deepest value found (the containing object when a member is absent).
    /// </summary>
    private static (string Path, int Offset) Resolve(JsonItem start, string startPath, string tail)
    {
        JsonItem? item = start;
        var path = startPath;
        var offset = start.Offset;
        var rest = tail.AsSpan();
        while (rest.Length > 0)
        {
            if (rest[0] == '[')
            {
                var close = rest.IndexOf(']');
                if (close < 0 || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return (path + rest.ToString(), offset);
                }

                path = JsonPath.Index(path, index);
                item = item is { Kind: JsonKind.Array } && index < item.Items.Count ? item.Items[index] : null;
                offset = item?.Offset ?? offset;
                rest = rest[(close + 1)..];
                continue;
            }

            if (rest[0] == '.')
            {
                rest = rest[1..];
            }

            JsonMember? match = null;
            if (item is { Kind: JsonKind.Object })
            {
                foreach (var member in item.Members)
                {
                    if (!member.Duplicate && rest.StartsWith(member.Name, StringComparison.Ordinal)
                        && (rest.Length == member.Name.Length || rest[member.Name.Length] is '.' or '[')
                        && (match is null || member.Name.Length > match.Name.Length))
                    {
                        match = member;
                    }
                }
            }

            string name;
            if (match is not null)
            {
                name = match.Name;
                item = match.Value;
                offset = item.Offset;
            }
            else
            {
                var end = rest.IndexOfAny('.', '[');
                name = (end < 0 ? rest : rest[..end]).ToString();
                item = null;
            }

            path = JsonPath.Property(path, name);
            rest = rest[name.Length..];
        }

        return (path, offset);
    }

    /// <summary>Reads the members of one object: typed getters, required and forbidden members, and unknown ones.</summary>
    private sealed class Members(SchemeFileReader owner, JsonItem item, string path)
    {
        private readonly HashSet<string> known = new(StringComparer.Ordinal);

        public JsonItem Item { get; } = item;

        public string Path { get; } = path;

        public bool Has(string name) => Item.Members.Any(m => !m.Duplicate && m.Name == name);

        public JsonItem? Get(string name)
        {
            known.Add(name);
            return Item.Members.FirstOrDefault(m => !m.Duplicate && m.Name == name)?.Value;
        }

        public int ValueOffset(string name) => Get(name)?.Offset ?? Item.Offset;

        public string? String(string name, bool required)
        {
            var value = Required(name, required);
            return value is not null && owner.Expect(value, JsonPath.Property(Path, name), JsonKind.String, $"'{name}' must be a text") ? value.Text : null;
        }

        public decimal? Number(string name, bool required)
        {
            var value = Required(name, required);
            var at = JsonPath.Property(Path, name);
            return value is not null && owner.Expect(value, at, JsonKind.Number, $"'{name}' must be a number") ? owner.ReadNumber(value, at) : null;
        }

        public bool? Boolean(string name)
        {
            var value = Get(name);
            if (value is null)
            {
                return null;
            }

            if (value.Kind == JsonKind.False && !value.Reported)
            {
                return false;
            }

            return owner.Expect(value, JsonPath.Property(Path, name), JsonKind.True, $"'{name}' must be true or false") ? true : null;
        }

                public T? Enum<T>(string name, IReadOnlyList<(string Name, T Value)> table, bool required)
            where T : struct
        {
            var value = Required(name, required);
            var at = JsonPath.Property(Path, name);
            var rule = $"'{name}' must be one of: {FileNames.List(table)}";
            if (value is null || !owner.Expect(value, at, JsonKind.String, rule))
            {
                return null;
            }

            if (FileNames.TryParse(table, value.Text!, out var result))
            {
                return result;
            }

            owner.Report(ProblemCodes.JsonValue, at, value.Preview(), rule + ".", value.Offset);
            return null;
        }

        public Members? Object(string name)
        {
            var value = Get(name);
            var at = JsonPath.Property(Path, name);
            return value is not null && owner.Expect(value, at, JsonKind.Object, $"'{name}' must be an object") ? new Members(owner, value, at) : null;
        }

        public void Forbid(string name, string reason)
        {
            known.Add(name);
            if (Item.Members.FirstOrDefault(m => !m.Duplicate && m.Name == name) is { } member)
            {
                owner.problems.Add(ProblemCodes.JsonUnknownProperty, JsonPath.Property(Path, name), member.Value.Preview(), $"'{name}' is not allowed here: {reason}. Remove it.", member.NameOffset);
            }
        }

        /// <summary>Reports every member no getter asked for.</summary>
        public void Finish()
        {
            string? allowed = null;
            foreach (var member in Item.Members)
            {
                if (member.Duplicate || known.Contains(member.Name))
                {
                    continue;
                }

                if (owner.problems.IsFull)
                {
                    owner.problems.MarkCutShort();
                    return;
                }

                var near = known.FirstOrDefault(k => string.Equals(k, member.Name, StringComparison.OrdinalIgnoreCase));
                allowed ??= string.Join(", ", known.Order(StringComparer.Ordinal));
                var hint = near is not null ? $" Did you mean '{near}'? Names are case-sensitive." : $" Allowed here: {allowed}.";
                owner.problems.Add(ProblemCodes.JsonUnknownProperty, JsonPath.Property(Path, member.Name), member.Name, $"'{member.Name}' is not a property of this object.{hint}", member.NameOffset);
            }
        }

        private JsonItem? Required(string name, bool required)
        {
            var value = Get(name);
            if (value is null && required)
            {
                owner.Report(ProblemCodes.JsonMissingProperty, JsonPath.Property(Path, name), null, $"'{name}' is required here.", Item.Offset);
            }

            return value;
        }
    }
}
