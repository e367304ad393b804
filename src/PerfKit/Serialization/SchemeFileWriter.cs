using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Serialization;

/// <summary>Writes a scheme's canonical file form (property order and omissions documented in docs/scheme-files.md).</summary>
internal static class SchemeFileWriter
{
    public const decimal DefaultPoints = 100m;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] WriteBytes(Scheme scheme) => Utf8.GetBytes(WriteText(scheme));

    public static string WriteText(Scheme scheme)
    {
        var w = new CanonicalJsonWriter();
        w.StartObject();
        w.Name("id").String(scheme.Id);
        w.Name("version").String(scheme.Version);
        w.Name("name").String(scheme.Names.Default);
        Cultures(w, scheme.Names);
        if (scheme.Points != DefaultPoints)
        {
            w.Name("points").Number(scheme.Points);
        }

        if (!scheme.Rounding.Equals(RoundingPolicy.Default))
        {
            w.Name("rounding").StartObject();
            w.Name("decimals").Number(scheme.Rounding.Decimals);
            w.Name("mode").String(FileNames.Name(FileNames.RoundingModes, scheme.Rounding.Mode));
            w.EndObject();
        }

        OptionalNumber(w, "maxBonus", scheme.MaxBonus);
        OptionalNumber(w, "minPoints", scheme.DeclaredMinPoints);
        OptionalNumber(w, "maxPoints", scheme.DeclaredMaxPoints);
        w.Name("scorerVersions").StartObject();
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var indicator in scheme.Indicators)
        {
            versions.TryAdd(indicator.ScorerSpec.Kind, indicator.ScorerVersion);
        }

        foreach (var (kind, version) in versions)
        {
            w.Name(kind).String(version);
        }

        w.EndObject();
        w.Name("grades").StartArray();
        foreach (var grade in scheme.Grades)
        {
            w.StartObject();
            w.Name("name").String(grade.Name);
            if (!string.Equals(grade.Names.Default, grade.Name, StringComparison.Ordinal))
            {
                w.Name("displayName").String(grade.Names.Default);
            }

            Cultures(w, grade.Names);
            OptionalNumber(w, "minPoints", grade.MinPoints);
            w.Name("coefficient").Number(grade.Coefficient);
            w.EndObject();
        }

        w.EndArray();
        w.Name("root");
        Group(w, scheme.Root, isRoot: true);
        if (!scheme.Gates.IsEmpty)
        {
            w.Name("gates").StartArray();
            foreach (var gate in scheme.Gates)
            {
                Gate(w, gate);
            }

            w.EndArray();
        }

        if (!scheme.Adjustments.IsEmpty)
        {
            w.Name("adjustments").StartArray();
            foreach (var rule in scheme.Adjustments)
            {
                Adjustment(w, rule);
            }

            w.EndArray();
        }

        w.EndObject();
        return w.ToString();
    }

    private static void Group(CanonicalJsonWriter w, GroupNode group, bool isRoot)
    {
        w.StartObject();
        w.Name("id").String(group.Id);
        w.Name("kind").String(FileNames.Name(FileNames.GroupKinds, group.Kind));
        Names(w, group.Names, group.Id);
        if (!isRoot)
        {
            w.Name("weight").Number(group.Weight);
        }

        w.Name("weightMode");
        if (group.ChildWeights.Kind == WeightModeKind.Points)
        {
            w.StartObject();
            w.Name("points").Number(group.ChildWeights.Points!.Value);
            w.EndObject();
        }
        else
        {
            w.String(FileNames.Name(FileNames.WeightModes, group.ChildWeights.Kind));
        }

        // Written only when declared, so the files and fingerprints of schemes without cadences do not change.
        if (group.Cadence is { } cadence)
        {
            w.Name("cadence").String(FileNames.Name(FileNames.Cadences, cadence));
        }

        w.Name("children").StartArray();
        foreach (var child in group.Children)
        {
            if (child is GroupNode g)
            {
                Group(w, g, isRoot: false);
            }
            else
            {
                Indicator(w, (IndicatorNode)child);
            }
        }

        w.EndArray();
        w.EndObject();
    }

    private static void Indicator(CanonicalJsonWriter w, IndicatorNode indicator)
    {
        w.StartObject();
        w.Name("id").String(indicator.Id);
        Names(w, indicator.Names, indicator.Id);
        w.Name("weight").Number(indicator.Weight);
        w.Name("measure").String(indicator.Measure);
        w.Name("scorer").StartObject();
        w.Name("kind").String(indicator.ScorerSpec.Kind);
        foreach (var (name, value) in indicator.ScorerSpec.Parameters)
        {
            w.Name(name);
            Parameter(w, value);
        }

        w.EndObject();
        if (indicator.Missing != MissingValuePolicy.Error)
        {
            w.Name("missing").String(FileNames.Name(FileNames.MissingPolicies, indicator.Missing));
        }

        if (indicator.Aggregation is { } aggregation)
        {
            w.Name("aggregation").String(FileNames.Name(FileNames.Aggregations, aggregation));
        }

        if (indicator.Unit is { } unit)
        {
            w.Name("unit").String(unit);
        }

        // Written only when true, so the canonical form (and fingerprint) of every other indicator is unchanged.
        if (indicator.Prorated)
        {
            w.Name("prorated").Boolean(true);
        }

        if (!indicator.Tags.IsEmpty)
        {
            w.Name("tags").StartArray();
            foreach (var tag in indicator.Tags)
            {
                w.String(tag);
            }

            w.EndArray();
        }

        w.EndObject();
    }

    private static void Parameter(CanonicalJsonWriter w, ParameterValue value)
    {
        switch (value.Kind)
        {
            case ParameterValueKind.Number:
                w.Number(value.Number);
                break;
            case ParameterValueKind.Text:
                w.String(value.Text);
                break;
            case ParameterValueKind.List:
                w.StartArray();
                foreach (var item in value.Items)
                {
                    Parameter(w, item);
                }

                w.EndArray();
                break;
            default:
                w.StartObject();
                foreach (var (name, item) in value.Entries)
                {
                    w.Name(name);
                    Parameter(w, item);
                }

                w.EndObject();
                break;
        }
    }

    private static void Gate(CanonicalJsonWriter w, Gate gate)
    {
        w.StartObject();
        w.Name("id").String(gate.Id);
        Names(w, gate.Names, gate.Id);
        w.Name("on").String(FileNames.Name(FileNames.GateSubjects, gate.Subject));
        if (gate.NodePath is { } node)
        {
            w.Name("node").String(NodePath(node));
        }

        w.Name("threshold").Number(gate.Threshold);
        if (gate.DeclaredDirection is { } direction)
        {
            w.Name("direction").String(FileNames.Name(FileNames.Directions, direction));
        }

        w.Name("consequence").String(FileNames.Name(FileNames.Consequences, gate.Consequence));
        if (gate.ConsequenceTarget is { } target)
        {
            w.Name("target").String(gate.Consequence == GateConsequence.ZeroScore ? NodePath(target) : target);
        }

        if (gate.OnMissing != GateMissingBehavior.Fail)
        {
            w.Name("onMissing").String(FileNames.Name(FileNames.GateMissing, gate.OnMissing));
        }

        w.EndObject();
    }

    private static void Adjustment(CanonicalJsonWriter w, AdjustmentRule rule)
    {
        w.StartObject();
        w.Name("id").String(rule.Id);
        Names(w, rule.Names, rule.Id);
        w.Name("kind").String(FileNames.Name(FileNames.AdjustmentKinds, rule.Kind));
        w.Name("measure").String(rule.Measure);
        w.Name("pointsPerUnit").Number(rule.PointsPerUnit);
        OptionalNumber(w, "cap", rule.Cap);
        if (rule.ScopePath is { } scope)
        {
            w.Name("scope").String(NodePath(scope));
        }

        if (rule.Missing != AdjustmentMissingPolicy.Error)
        {
            w.Name("missing").String(FileNames.Name(FileNames.AdjustmentMissing, rule.Missing));
        }

        w.EndObject();
    }

    /// <summary>Writes <c>name</c> unless it equals the fallback a loader would use (the id), then the per-culture names.</summary>
    private static void Names(CanonicalJsonWriter w, LocalizedText names, string fallback)
    {
        if (!string.Equals(names.Default, fallback, StringComparison.Ordinal))
        {
            w.Name("name").String(names.Default);
        }

        Cultures(w, names);
    }

    private static void Cultures(CanonicalJsonWriter w, LocalizedText names)
    {
        if (names.ByCulture.IsEmpty)
        {
            return;
        }

        w.Name("names").StartObject();
        foreach (var (culture, text) in names.ByCulture.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Name(culture).String(text);
        }

        w.EndObject();
    }

    private static void OptionalNumber(CanonicalJsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.Name(name).Number(v);
        }
    }

    /// <summary>The root is written <c>/</c>, every other node by its path (<c>monthly/new_accounts</c>).</summary>
    private static string NodePath(string path) => path.Length == 0 ? "/" : path;
}
