using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using PerfKit.Internal;
using PerfKit.Periods;
using static PerfKit.Explanation.AssessmentFormatter;

namespace PerfKit.Explanation;

/// <summary>
/// Renders a <see cref="PeriodAssessment"/> (sections with cadences) or a <see cref="SegmentedAssessment"/> (a subject
/// scored per segment) as a readable text or as JSON whose bytes are identical across runs, threads, machines and
/// current cultures (spec §9). Each sub-period's or segment's own <see cref="Evaluation.Assessment"/> is nested in
/// the layout of <see cref="AssessmentFormatter"/>.
/// </summary>
/// <remarks>
/// Thread-safe (stateless). Numbers in JSON are exact, culture-invariant and without trailing zeros (90.50 → 90.5);
/// the text shows the rounded total with the scheme's decimals and the payout with the pay rounding's decimals
/// (90.50, 6500.00). The JSON property order is fixed and documented in <c>docs/periods.md</c>.
/// </remarks>
public static class PeriodAssessmentFormatter
{
    /// <summary>Renders a period assessment as JSON (UTF-8, LF line endings, 2-space indentation).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static string ToJson(PeriodAssessment assessment) => Encoding.UTF8.GetString(ToUtf8Json(assessment));

    /// <summary>Renders a period assessment as UTF-8 JSON bytes (no byte order mark).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static byte[] ToUtf8Json(PeriodAssessment assessment) => AssessmentFormatter.Utf8Json(Guard.NotNull(assessment), WriteJson);

    /// <summary>Writes a period assessment as one JSON object to a writer the caller owns.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="writer">The writer.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static void WriteJson(PeriodAssessment assessment, Utf8JsonWriter writer)
    {
        Guard.NotNull(assessment);
        Guard.NotNull(writer);
        WriteHeader(writer, assessment.SubjectId, assessment.Period, assessment.Scheme, assessment.SchemeFingerprint, assessment.InputFingerprint, assessment.Fingerprint);
        writer.WriteStartArray("sections");
        foreach (var section in assessment.Sections)
        {
            writer.WriteStartObject();
            writer.WriteString("path", section.Path);
            writer.WriteString("name", section.Section.Names.Default);
            writer.WriteString("cadence", Camel(section.Cadence.ToString()));
            Number(writer, "weight", section.Section.Weight);
            writer.WriteStartArray("scores");
            for (var i = 0; i < section.Periods.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("period", section.Periods[i].ToString());
                Number(writer, "score", section.Scores[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("excluded", section.IsExcluded);
            Number(writer, "score", section.Score);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Number(writer, "rootScore", assessment.RootScore);
        Number(writer, "basePoints", assessment.BasePoints);
        Number(writer, "bonusPoints", assessment.BonusPoints);
        Number(writer, "penaltyPoints", assessment.PenaltyPoints);
        Number(writer, "unclampedTotal", assessment.UnclampedTotal);
        Number(writer, "exactTotal", assessment.ExactTotal);
        Number(writer, "roundedTotal", assessment.RoundedTotal);
        writer.WriteString("grade", assessment.Grade.Name);
        writer.WriteString("earnedGrade", assessment.EarnedGrade.Name);
        Number(writer, "coefficient", assessment.Coefficient);
        WriteGates(writer, assessment.Gates);
        WriteAdjustments(writer, assessment.Adjustments);
        writer.WriteStartArray("shares");
        foreach (var share in assessment.Shares)
        {
            writer.WriteStartObject();
            writer.WriteString("period", share.Period.ToString());
            writer.WriteString("cadence", Camel(share.Cadence.ToString()));
            writer.WriteStartArray("sections");
            foreach (var path in share.Sections)
            {
                writer.WriteStringValue(path);
            }

            writer.WriteEndArray();
            Number(writer, "fraction", share.Fraction);
            Number(writer, "amount", share.Amount);
            writer.WriteBoolean("cancelled", share.Cancelled);
            writer.WriteStartArray("cancelledBy");
            foreach (var gate in share.CancelledBy)
            {
                writer.WriteStringValue(gate.Gate.Id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("payoutCancelled", assessment.PayoutCancelled);
        Number(writer, "basePay", assessment.BasePay);
        Number(writer, "payout", assessment.Payout);
        writer.WriteStartArray("subPeriods");
        foreach (var sub in assessment.SubPeriods)
        {
            writer.WriteStartObject();
            writer.WriteString("period", sub.Period.ToString());
            writer.WriteString("cadence", Camel(sub.Cadence.ToString()));
            writer.WritePropertyName("assessment");
            AssessmentFormatter.WriteJson(sub.Assessment, writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Renders a period assessment as text: a header with the fingerprints, each section's scores per sub-period and
    /// mean, the combined totals, grade, whole-period gates, adjustments, the pay shares and the payout, then each
    /// sub-period's own explanation (as <see cref="AssessmentFormatter.ToText"/>), indented.
    /// </summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="culture">The culture whose names are shown (e.g. zh-CN); the default names when null. Numbers are always invariant.</param>
    /// <returns>The text, lines separated by LF.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static string ToText(PeriodAssessment assessment, CultureInfo? culture)
    {
        Guard.NotNull(assessment);
        var scheme = assessment.Scheme;
        var sb = new StringBuilder();
        Line(sb, $"Subject {assessment.SubjectId} — {scheme.Names.Get(culture)} ({scheme.Id}@{scheme.Version}), period {assessment.Period} ({SchemeVersion.Text(assessment.Period.Interval)})");
        Line(sb, $"Scheme fingerprint (SHA-256 of the canonical scheme file): {assessment.SchemeFingerprint}");
        Line(sb, $"Input fingerprint: {assessment.InputFingerprint}; evaluation fingerprint: {assessment.Fingerprint}");
        Line(sb, "Sections (score per sub-period → mean):");
        foreach (var section in assessment.Sections)
        {
            var scores = string.Join(", ", section.Periods.Select((p, i) => $"{p} {(section.Scores[i] is { } s ? N(s) : "excluded")}"));
            Line(sb, $"  {section.Section.Id} {section.Section.Names.Get(culture)} (weight {N(section.Section.Weight)}, per {Camel(section.Cadence.ToString())}): {scores} → {(section.Score is { } m ? N(m) : "excluded")}");
        }

        Line(sb, $"Root {N(assessment.RootScore)} × {N(scheme.Points)} = base {N(assessment.BasePoints)}");
        Line(sb, $"Total {Fixed(assessment.RoundedTotal, scheme.Rounding.Decimals)} (exact {N(assessment.ExactTotal)}) = base {N(assessment.BasePoints)} + bonus {N(assessment.BonusPoints)} − penalty {N(assessment.PenaltyPoints)}"
                 + (assessment.UnclampedTotal != assessment.ExactTotal ? $", clamped from {N(assessment.UnclampedTotal)} to [{N(scheme.MinPoints)}, {N(scheme.MaxPoints)}]" : string.Empty)
                 + $", rounded once ({scheme.Rounding})");
        Line(sb, $"Grade {assessment.Grade.Name} × {N(assessment.Coefficient)}"
                 + (assessment.Grade != assessment.EarnedGrade ? $" (earned {assessment.EarnedGrade.Name}, capped by a gate)" : string.Empty));
        if (!assessment.Gates.IsEmpty)
        {
            Line(sb, "Gates for the whole period:");
            foreach (var gate in assessment.Gates)
            {
                WriteTextGate(sb, gate, culture);
            }
        }

        WriteTextAdjustments(sb, assessment.Adjustments, culture);
        Line(sb, assessment.BasePay is { } pay
            ? $"Pay shares of {N(pay)} × {N(assessment.Coefficient)} = {N(pay * assessment.Coefficient)}:"
            : "Pay shares (no base pay given):");
        foreach (var share in assessment.Shares)
        {
            var amount = share.Amount is { } a ? $", amount {N(a)}" : string.Empty;
            var status = share.Cancelled ? "CANCELLED by " + string.Join(", ", share.CancelledBy.Select(g => g.Gate.Id)) : "paid";
            Line(sb, $"  {share.Period} ({string.Join(", ", share.Sections)}): fraction {N(share.Fraction)}{amount}: {status}");
        }

        Line(sb, assessment.Payout is { } payout
            ? $"Payout {Fixed(payout, assessment.PayRounding.Decimals)}"
              + (assessment.PayoutCancelled ? " (every share cancelled by a failed gate)" : $" = pay × the shares not cancelled, rounded once ({assessment.PayRounding})")
            : "Payout not computed (no base pay given)");
        foreach (var sub in assessment.SubPeriods)
        {
            Line(sb, $"Sub-period {sub.Period} ({Camel(sub.Cadence.ToString())}):");
            Indent(sb, AssessmentFormatter.ToText(sub.Assessment, culture));
        }

        return sb.ToString();
    }

    /// <summary>Renders a segmented assessment as JSON (UTF-8, LF line endings, 2-space indentation).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static string ToJson(SegmentedAssessment assessment) => Encoding.UTF8.GetString(ToUtf8Json(assessment));

    /// <summary>Renders a segmented assessment as UTF-8 JSON bytes (no byte order mark).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static byte[] ToUtf8Json(SegmentedAssessment assessment) => AssessmentFormatter.Utf8Json(Guard.NotNull(assessment), WriteJson);

    /// <summary>Writes a segmented assessment as one JSON object to a writer the caller owns.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="writer">The writer.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static void WriteJson(SegmentedAssessment assessment, Utf8JsonWriter writer)
    {
        Guard.NotNull(assessment);
        Guard.NotNull(writer);
        WriteHeader(writer, assessment.SubjectId, assessment.Period, assessment.Scheme, assessment.SchemeFingerprint, assessment.InputFingerprint, assessment.Fingerprint);
        writer.WriteNumber("coveredDays", assessment.CoveredDays);
        Number(writer, "exactTotal", assessment.ExactTotal);
        Number(writer, "roundedTotal", assessment.RoundedTotal);
        writer.WriteString("grade", assessment.Grade.Name);
        writer.WriteString("earnedGrade", assessment.EarnedGrade.Name);
        Number(writer, "coefficient", assessment.Coefficient);
        writer.WriteBoolean("payoutCancelled", assessment.PayoutCancelled);
        Number(writer, "payout", assessment.Payout);
        writer.WriteStartArray("segments");
        foreach (var segment in assessment.Segments)
        {
            writer.WriteStartObject();
            writer.WriteString("first", AssessmentPeriod.Format(segment.Segment.Dates.Start));
            writer.WriteString("last", AssessmentPeriod.Format(segment.Segment.Dates.End));
            writer.WriteNumber("days", segment.Days);
            Number(writer, "exactTotal", segment.Assessment.ExactTotal);
            Number(writer, "payAmount", segment.PayAmount);
            writer.WriteBoolean("payCancelled", segment.PayCancelled);
            writer.WritePropertyName("assessment");
            AssessmentFormatter.WriteJson(segment.Assessment, writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Renders a segmented assessment as text: a header with the fingerprints, each segment's days, scheme, exact total
    /// and pay share, the combined total, grade and payout, then each segment's own explanation, indented.
    /// </summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="culture">The culture whose names are shown; the default names when null. Numbers are always invariant.</param>
    /// <returns>The text, lines separated by LF.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public static string ToText(SegmentedAssessment assessment, CultureInfo? culture)
    {
        Guard.NotNull(assessment);
        var scheme = assessment.Scheme;
        var sb = new StringBuilder();
        Line(sb, $"Subject {assessment.SubjectId}, period {assessment.Period} ({SchemeVersion.Text(assessment.Period.Interval)}): {assessment.Segments.Length} segment(s) covering {assessment.CoveredDays} days");
        Line(sb, $"Scheme fingerprint (SHA-256 of the segments' scheme fingerprints): {assessment.SchemeFingerprint}");
        Line(sb, $"Input fingerprint: {assessment.InputFingerprint}; evaluation fingerprint: {assessment.Fingerprint}");
        Line(sb, "Segments (days × exact total):");
        foreach (var segment in assessment.Segments)
        {
            var s = segment.Segment.Scheme;
            var pay = segment.PayAmount is { } a ? $"; pay share {N(a)}" + (segment.PayCancelled ? " CANCELLED by a failed gate" : " paid") : string.Empty;
            Line(sb, $"  {SchemeVersion.Text(segment.Segment.Dates)} ({segment.Days} days) {s.Names.Get(culture)} ({s.Id}@{s.Version}): {segment.Days} × {N(segment.Assessment.ExactTotal)}{pay}");
        }

        Line(sb, $"Total {Fixed(assessment.RoundedTotal, scheme.Rounding.Decimals)} (exact {N(assessment.ExactTotal)}) = Σ days × exact total ÷ {assessment.CoveredDays}, rounded once by {scheme.Id}@{scheme.Version} ({scheme.Rounding})");
        Line(sb, $"Grade {assessment.Grade.Name} × {N(assessment.Coefficient)}"
                 + (assessment.Grade != assessment.EarnedGrade ? $" (earned {assessment.EarnedGrade.Name}, capped by a gate)" : string.Empty));
        Line(sb, assessment.Payout is { } payout
            ? $"Payout {Fixed(payout, assessment.PayRounding.Decimals)}"
              + (assessment.PayoutCancelled ? " (every segment's share cancelled by a failed gate)" : $" = coefficient × Σ pay shares not cancelled, rounded once ({assessment.PayRounding})")
            : "Payout not computed (no base pay given)");
        foreach (var segment in assessment.Segments)
        {
            Line(sb, $"Segment {SchemeVersion.Text(segment.Segment.Dates)}:");
            Indent(sb, AssessmentFormatter.ToText(segment.Assessment, culture));
        }

        return sb.ToString();
    }

    /// <summary>Opens the result object and writes what both result kinds lead with: subject, period, scheme and fingerprints.</summary>
    private static void WriteHeader(Utf8JsonWriter writer, string subjectId, AssessmentPeriod period, PerfKit.Model.Scheme scheme, string schemeFingerprint, string inputFingerprint, string fingerprint)
    {
        writer.WriteStartObject();
        writer.WriteString("subject", subjectId);
        WritePeriod(writer, period);
        writer.WriteStartObject("scheme");
        writer.WriteString("id", scheme.Id);
        writer.WriteString("version", scheme.Version);
        writer.WriteEndObject();
        writer.WriteString("schemeFingerprint", schemeFingerprint);
        writer.WriteString("inputFingerprint", inputFingerprint);
        writer.WriteString("fingerprint", fingerprint);
    }

    private static void WritePeriod(Utf8JsonWriter writer, AssessmentPeriod period)
    {
        writer.WriteStartObject("period");
        writer.WriteString("text", period.ToString());
        writer.WriteString("kind", Camel(period.Kind.ToString()));
        writer.WriteString("first", AssessmentPeriod.Format(period.Start));
        writer.WriteString("last", AssessmentPeriod.Format(period.End));
        writer.WriteNumber("days", period.Days);
        writer.WriteEndObject();
    }

    /// <summary>A number with exactly <paramref name="decimals"/> decimals, invariant (90.5 → 90.50).</summary>
    private static string Fixed(decimal value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void Indent(StringBuilder sb, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                Line(sb, "    " + line);
            }
        }
    }
}
