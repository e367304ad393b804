using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Explanation;

/// <summary>
/// Renders an <see cref="Assessment"/> as a readable text (one line per node, names in a chosen culture) or as JSON
/// whose bytes are identical across runs, threads, machines and current cultures (spec §9).
/// </summary>
/// <remarks>
/// Thread-safe (stateless). Numbers are exact and culture-invariant, written without trailing zeros or exponents
/// (1.50 → 1.5); the JSON property order is fixed and documented in <c>docs/evaluation.md</c>.
/// </remarks>
public static class AssessmentFormatter
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Renders the assessment as JSON (UTF-8, LF line endings, 2-space indentation).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static string ToJson(Assessment assessment) => Encoding.UTF8.GetString(ToUtf8Json(assessment));

    /// <summary>Renders the assessment as UTF-8 JSON bytes (no byte order mark).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static byte[] ToUtf8Json(Assessment assessment) => Utf8Json(Guard.NotNull(assessment), WriteJson);

    /// <summary>Writes a value with the explanation writer settings (2-space indentation, LF, all of Unicode unescaped) into UTF-8 bytes.</summary>
    internal static byte[] Utf8Json<T>(T value, Action<T, Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(value, writer);
        }

        return stream.ToArray();
    }

    /// <summary>Writes the assessment as one JSON object to a writer the caller owns (e.g. inside a batch array).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteJson(Assessment assessment, Utf8JsonWriter writer)
    {
        Guard.NotNull(assessment);
        Guard.NotNull(writer);
        writer.WriteStartObject();
        writer.WriteString("subject", assessment.SubjectId);
        writer.WriteStartObject("scheme");
        writer.WriteString("id", assessment.Scheme.Id);
        writer.WriteString("version", assessment.Scheme.Version);
        writer.WriteString("fingerprint", assessment.SchemeFingerprint);
        writer.WriteEndObject();
        writer.WriteString("inputFingerprint", assessment.InputFingerprint);
        writer.WriteString("fingerprint", assessment.Fingerprint);
        Number(writer, "basePoints", assessment.BasePoints);
        Number(writer, "bonusPoints", assessment.BonusPoints);
        Number(writer, "penaltyPoints", assessment.PenaltyPoints);
        Number(writer, "unclampedTotal", assessment.UnclampedTotal);
        Number(writer, "exactTotal", assessment.ExactTotal);
        Number(writer, "roundedTotal", assessment.RoundedTotal);
        writer.WriteString("grade", assessment.Grade.Name);
        writer.WriteString("earnedGrade", assessment.EarnedGrade.Name);
        Number(writer, "coefficient", assessment.Coefficient);
        writer.WriteBoolean("payoutCancelled", assessment.PayoutCancelled);
        Number(writer, "basePay", assessment.BasePay);
        Number(writer, "payout", assessment.Payout);
        writer.WritePropertyName("root");
        WriteNode(writer, assessment.Root, assessment.Scheme);
        WriteGates(writer, assessment.Gates);
        WriteAdjustments(writer, assessment.Adjustments);
        writer.WriteStartArray("exclusions");
        foreach (var exclusion in assessment.Exclusions)
        {
            writer.WriteStartObject();
            writer.WriteString("path", exclusion.Path);
            writer.WriteString("reason", exclusion.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("overrides");
        foreach (var record in assessment.Overrides)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", Camel(record.Override.Kind.ToString()));
            writer.WriteString("path", record.Override.Path);
            Number(writer, "replacement", record.Override.Replacement);
            if (record.OriginalValue is { } original)
            {
                writer.WritePropertyName("originalValue");
                WriteValue(writer, original);
            }

            Number(writer, "originalScore", record.OriginalScore);
            writer.WriteString("reason", record.Override.Reason);
            writer.WriteString("author", record.Override.Author);
            if (record.Override.DecidedAt is { } decidedAt)
            {
                writer.WriteString("decidedAt", NodaTime.Text.InstantPattern.ExtendedIso.Format(decidedAt));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Renders the assessment as text: a header, one line per node (indented by depth), gates, adjustments, exclusions, overrides and payout.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="culture">The culture whose names are shown (e.g. zh-CN); the default names when null. Numbers are always invariant.</param>
    /// <returns>The text, lines separated by LF.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static string ToText(Assessment assessment, CultureInfo? culture = null)
    {
        Guard.NotNull(assessment);
        var scheme = assessment.Scheme;
        var sb = new StringBuilder();
        Line(sb, $"Subject {assessment.SubjectId} — {scheme.Names.Get(culture)} ({scheme.Id}@{scheme.Version})");
        Line(sb, $"Scheme fingerprint (SHA-256 of the canonical scheme file): {assessment.SchemeFingerprint}");
        Line(sb, $"Input fingerprint: {assessment.InputFingerprint}; evaluation fingerprint: {assessment.Fingerprint}");
        Line(sb, $"Total {N(assessment.RoundedTotal)} (exact {N(assessment.ExactTotal)}) = base {N(assessment.BasePoints)} + bonus {N(assessment.BonusPoints)} − penalty {N(assessment.PenaltyPoints)}"
                 + (assessment.UnclampedTotal != assessment.ExactTotal ? $", clamped from {N(assessment.UnclampedTotal)} to [{N(scheme.MinPoints)}, {N(scheme.MaxPoints)}]" : string.Empty)
                 + $", rounded {scheme.Rounding}");
        Line(sb, $"Grade {assessment.Grade.Name} × {N(assessment.Coefficient)}"
                 + (assessment.Grade != assessment.EarnedGrade ? $" (earned {assessment.EarnedGrade.Name}, capped by a gate)" : string.Empty));
        Line(sb, "Nodes (value → score × effective weight × P = points):");
        WriteTextNode(sb, assessment.Root, culture, scheme.Points, 1);
        if (!assessment.Gates.IsEmpty)
        {
            Line(sb, "Gates:");
            foreach (var gate in assessment.Gates)
            {
                WriteTextGate(sb, gate, culture);
            }
        }

        WriteTextAdjustments(sb, assessment.Adjustments, culture);

        foreach (var e in assessment.Exclusions)
        {
            Line(sb, $"Excluded {e.Path}: {e.Reason}");
        }

        foreach (var o in assessment.Overrides)
        {
            var original = o.Override.Kind == OverrideKind.Value
                ? (o.OriginalValue is { } v ? v.ToString() : "missing")
                : (o.OriginalScore is { } s ? N(s) : "none");
            Line(sb, $"Override of {Camel(o.Override.Kind.ToString())} at {o.Override.Path}: {original} → {N(o.Override.Replacement)} by {o.Override.Author}{(o.Override.DecidedAt is { } at ? " at " + NodaTime.Text.InstantPattern.ExtendedIso.Format(at) : string.Empty)}: {o.Override.Reason}");
        }

        Line(sb, assessment.Payout is { } payout
            ? $"Payout {N(payout)}" + (assessment.PayoutCancelled ? " (cancelled by a failed gate)" : $" = base pay {N(assessment.BasePay!.Value)} × {N(assessment.Coefficient)}")
            : "Payout not computed (no base pay given)");
        return sb.ToString();
    }

    internal static void WriteTextGate(StringBuilder sb, GateResult gate, CultureInfo? culture)
    {
        var g = gate.Gate;
        var comparison = g.Direction == ScoreDirection.LowerIsBetter ? "≤" : "≥";
        var subject = g.Subject switch
        {
            GateSubject.IndicatorValue => $"value of {g.NodePath}",
            GateSubject.NodeScore => $"score of {(g.NodePath!.Length == 0 ? "/" : g.NodePath)}",
            GateSubject.Base => "base",
            _ => "total",
        };
        var actual = gate.IsMissing ? "missing" : N(gate.Actual!.Value);
        var outcome = gate.Passed ? "passed" : $"FAILED → {Camel(g.Consequence.ToString())}{(g.ConsequenceTarget is { } t ? " " + t : string.Empty)}";
        Line(sb, $"  {g.Id} ({g.Names.Get(culture)}): {subject} {actual} {comparison} {N(g.Threshold)}: {outcome}");
    }

    internal static void WriteTextAdjustments(StringBuilder sb, System.Collections.Immutable.ImmutableArray<AdjustmentResult> adjustments, CultureInfo? culture)
    {
        if (!adjustments.IsEmpty)
        {
            Line(sb, "Adjustments:");
            foreach (var a in adjustments)
            {
                var sign = a.Rule.Kind == AdjustmentKind.Bonus ? "+" : "−";
                var cap = a.Rule.Cap is { } c ? $", cap {N(c)}" : string.Empty;
                var dropped = a.Dropped != 0m ? $", {N(a.Dropped)} dropped" : string.Empty;
                var missing = a.UnitsMissing ? " (units missing, read as 0)" : string.Empty;
                Line(sb, $"  {a.Rule.Id} ({a.Rule.Names.Get(culture)}): {N(a.Units)} × {N(a.Rule.PointsPerUnit)}{cap} = {N(a.Raw)}; applied {sign}{N(a.Applied)}{dropped}{missing}");
            }
        }
    }

    private static void WriteTextNode(StringBuilder sb, NodeResult node, CultureInfo? culture, decimal points, int depth)
    {
        var indent = new string(' ', depth * 2);
        var label = node.Path.Length == 0 ? "/" : node.Node.Id;
        var name = node.Node.Names.Get(culture);
        string detail;
        if (node.IsExcluded)
        {
            detail = "excluded";
        }
        else
        {
            var value = node.Node is IndicatorNode indicator
                ? (node.Value is { } v ? v.ToString() + (indicator.Unit is { } u ? " " + u : string.Empty) : "missing") + " → "
                : string.Empty;
            var overridden = node.OriginalValue is not null || (node.ScorerScore is { } raw && node.Score != raw && !node.ZeroedByGate) ? " (overridden)" : string.Empty;
            var zeroed = node.ZeroedByGate ? " (zeroed by gate)" : string.Empty;
            var inside = node.Contribution != node.EffectiveWeight * node.Score!.Value * points ? " (inside a group zeroed by a gate)" : string.Empty;
            detail = $"{value}{N(node.Score!.Value)}{overridden}{zeroed} × {N(node.EffectiveWeight)} × {N(points)} = {N(node.Contribution)}{inside}";
        }

        var scorer = node.Node is IndicatorNode ind ? $" [{ind.ScorerSpec}]" : string.Empty;
        Line(sb, $"{indent}{label} {name} (weight {N(node.Weight)}): {detail}{scorer}");
        foreach (var note in node.Notes)
        {
            Line(sb, $"{indent}  note: {note}");
        }

        foreach (var child in node.Children)
        {
            WriteTextNode(sb, child, culture, points, depth + 1);
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, NodeResult node, Scheme scheme)
    {
        writer.WriteStartObject();
        writer.WriteString("id", node.Node.Id);
        writer.WriteString("path", node.Path);
        writer.WriteString("name", node.Node.Names.Default);
        if (node.Node is GroupNode group)
        {
            writer.WriteString("kind", Camel(group.Kind.ToString()));
            writer.WriteString("weightMode", group.ChildWeights.ToString());
        }
        else
        {
            writer.WriteString("kind", "indicator");
        }

        Number(writer, "weight", node.Weight);
        Number(writer, "effectiveWeight", node.EffectiveWeight);
        writer.WriteBoolean("excluded", node.IsExcluded);
        Number(writer, "score", node.Score);
        Number(writer, "contribution", node.Contribution);
        if (node.Node is IndicatorNode indicator)
        {
            writer.WriteString("measure", indicator.Measure);
            writer.WriteBoolean("missing", node.IsMissing);
            if (node.Value is { } value)
            {
                writer.WritePropertyName("value");
                WriteValue(writer, value);
            }

            if (node.OriginalValue is { } original)
            {
                writer.WritePropertyName("originalValue");
                WriteValue(writer, original);
            }

            writer.WriteStartObject("scorer");
            writer.WriteString("kind", indicator.ScorerSpec.Kind);
            writer.WriteString("version", indicator.ScorerVersion);
            writer.WriteStartObject("parameters");
            foreach (var (name, parameter) in indicator.ScorerSpec.Parameters)
            {
                writer.WritePropertyName(name);
                WriteParameter(writer, parameter);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            Number(writer, "scorerScore", node.ScorerScore);
            writer.WriteBoolean("zeroedByGate", node.ZeroedByGate);
            writer.WriteStartObject("intermediates");
            foreach (var (name, number) in node.Intermediates)
            {
                Number(writer, name, number);
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteBoolean("zeroedByGate", node.ZeroedByGate);
        }

        writer.WriteStartArray("notes");
        foreach (var note in node.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        if (node.Node is GroupNode)
        {
            writer.WriteStartArray("children");
            foreach (var child in node.Children)
            {
                WriteNode(writer, child, scheme);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    internal static void WriteAdjustments(Utf8JsonWriter writer, System.Collections.Immutable.ImmutableArray<AdjustmentResult> adjustments)
    {
        writer.WriteStartArray("adjustments");
        foreach (var adjustment in adjustments)
        {
            writer.WriteStartObject();
            writer.WriteString("id", adjustment.Rule.Id);
            writer.WriteString("kind", Camel(adjustment.Rule.Kind.ToString()));
            writer.WriteString("measure", adjustment.Rule.Measure);
            Number(writer, "units", adjustment.Units);
            writer.WriteBoolean("unitsMissing", adjustment.UnitsMissing);
            Number(writer, "raw", adjustment.Raw);
            Number(writer, "applied", adjustment.Applied);
            Number(writer, "dropped", adjustment.Dropped);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the <c>gates</c> array, one object per gate result in order.</summary>
    internal static void WriteGates(Utf8JsonWriter writer, IEnumerable<GateResult> gates)
    {
        writer.WriteStartArray("gates");
        foreach (var gate in gates)
        {
            WriteGate(writer, gate);
        }

        writer.WriteEndArray();
    }

    internal static void WriteGate(Utf8JsonWriter writer, GateResult gate)
    {
        var g = gate.Gate;
        writer.WriteStartObject();
        writer.WriteString("id", g.Id);
        writer.WriteString("on", g.Subject switch
        {
            GateSubject.IndicatorValue => "value",
            GateSubject.NodeScore => "score",
            GateSubject.Base => "base",
            _ => "total",
        });
        if (g.NodePath is { } path)
        {
            writer.WriteString("node", path);
        }

        Number(writer, "threshold", g.Threshold);
        writer.WriteString("direction", Camel(g.Direction.ToString()));
        Number(writer, "actual", gate.Actual);
        writer.WriteBoolean("missing", gate.IsMissing);
        writer.WriteBoolean("passed", gate.Passed);
        writer.WriteString("consequence", Camel(g.Consequence.ToString()));
        if (g.ConsequenceTarget is { } target)
        {
            writer.WriteString("target", target);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, MeasureValue value)
    {
        if (value.Kind == MeasureKind.Number)
        {
            writer.WriteRawValue(DecimalText.Canonical(value.Number), skipInputValidation: true);
            return;
        }

        writer.WriteStartObject();
        foreach (var (role, ratings) in value.Ratings!.ByRole)
        {
            writer.WriteStartArray(role);
            foreach (var rating in ratings)
            {
                writer.WriteRawValue(DecimalText.Canonical(rating), skipInputValidation: true);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter writer, ParameterValue value)
    {
        switch (value.Kind)
        {
            case ParameterValueKind.Number:
                writer.WriteRawValue(DecimalText.Canonical(value.Number), skipInputValidation: true);
                break;
            case ParameterValueKind.Text:
                writer.WriteStringValue(value.Text);
                break;
            case ParameterValueKind.List:
                writer.WriteStartArray();
                foreach (var item in value.Items)
                {
                    WriteParameter(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (var (name, item) in value.Entries)
                {
                    writer.WritePropertyName(name);
                    WriteParameter(writer, item);
                }

                writer.WriteEndObject();
                break;
        }
    }

    internal static void Number(Utf8JsonWriter writer, string name, decimal? value)
    {
        writer.WritePropertyName(name);
        if (value is { } v)
        {
            writer.WriteRawValue(DecimalText.Canonical(v), skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    internal static string N(decimal value) => DecimalText.Canonical(value);

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    internal static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
