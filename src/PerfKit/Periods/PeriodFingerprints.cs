using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using PerfKit.Evaluation;
using PerfKit.Serialization;

namespace PerfKit.Periods;

/// <summary>
/// The canonical texts that the audit fingerprints of <see cref="PeriodAssessment"/> and <see cref="SegmentedAssessment"/>
/// are taken over (spec §9), in the layout of the canonical scheme files; documented in <c>docs/periods.md</c>.
/// </summary>
internal static class PeriodFingerprints
{
    /// <summary>
    /// The inputs of a period evaluation: subject, period text and dates, then every input given, ordered by first day,
    /// then last day, then period text (ordinal), each with its period text, dates and <see cref="SubjectInput.Fingerprint"/>.
    /// </summary>
    public static string PeriodInputText(string subjectId, AssessmentPeriod period, IEnumerable<KeyValuePair<AssessmentPeriod, SubjectInput>> inputs)
    {
        var writer = Start(subjectId, period);
        writer.Name("inputs").StartArray();
        foreach (var (key, input) in inputs.OrderBy(x => x.Key.Start).ThenBy(x => x.Key.End).ThenBy(x => x.Key.ToString(), StringComparer.Ordinal))
        {
            writer.StartObject();
            writer.Name("period").String(key.ToString());
            Dates(writer, key.Interval);
            writer.Name("fingerprint").String(input.Fingerprint);
            writer.EndObject();
        }

        writer.EndArray();
        writer.EndObject();
        return writer.ToString();
    }

    /// <summary>The inputs of a segmented evaluation: subject, period text and dates, then each segment in date order with its dates and input fingerprint.</summary>
    public static string SegmentInputText(string subjectId, AssessmentPeriod period, IEnumerable<Segment> segments)
    {
        var writer = Start(subjectId, period);
        writer.Name("segments").StartArray();
        foreach (var segment in Ordered(segments))
        {
            writer.StartObject();
            Dates(writer, segment.Dates);
            writer.Name("fingerprint").String(segment.Input.Fingerprint);
            writer.EndObject();
        }

        writer.EndArray();
        writer.EndObject();
        return writer.ToString();
    }

    /// <summary>The schemes of a segmented evaluation: each segment's scheme id, version and fingerprint, in the segments' date order.</summary>
    public static string SegmentSchemeText(IEnumerable<Segment> segments)
    {
        var writer = new CanonicalJsonWriter();
        writer.StartObject();
        writer.Name("schemes").StartArray();
        foreach (var segment in Ordered(segments))
        {
            writer.StartObject();
            writer.Name("id").String(segment.Scheme.Id);
            writer.Name("version").String(segment.Scheme.Version);
            writer.Name("fingerprint").String(segment.Scheme.Fingerprint);
            writer.EndObject();
        }

        writer.EndArray();
        writer.EndObject();
        return writer.ToString();
    }

    private static IEnumerable<Segment> Ordered(IEnumerable<Segment> segments) => segments.OrderBy(s => s.Dates.Start).ThenBy(s => s.Dates.End);

    private static CanonicalJsonWriter Start(string subjectId, AssessmentPeriod period)
    {
        var writer = new CanonicalJsonWriter();
        writer.StartObject();
        writer.Name("subject").String(subjectId);
        writer.Name("period").String(period.ToString());
        Dates(writer, period.Interval);
        return writer;
    }

    private static void Dates(CanonicalJsonWriter writer, DateInterval dates)
    {
        writer.Name("first").String(AssessmentPeriod.Format(dates.Start));
        writer.Name("last").String(AssessmentPeriod.Format(dates.End));
    }
}
