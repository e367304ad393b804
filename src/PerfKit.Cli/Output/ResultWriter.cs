using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsvHelper;
using PerfKit.Evaluation;
using PerfKit.Explanation;
using PerfKit.Model;
using PerfKit.Periods;

namespace PerfKit.Cli.Output;

/// <summary>Writes assessments as they come, to a CSV (one row each, columns in <c>docs/csv-input.md</c>) or a JSON array of explanations.</summary>
internal abstract class ResultWriter : IDisposable
{
    public static ResultWriter Create(string path, Scheme scheme, IReadOnlyList<string> attributeKeys, AssessmentPeriod? period)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, $"Cannot write '{path}': {e.Message}");
        }

        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? new JsonResultWriter(stream)
            : new CsvResultWriter(stream, scheme, attributeKeys, period);
    }

    public abstract void Write(Assessment assessment);

    public abstract void Dispose();

    private sealed class CsvResultWriter : ResultWriter
    {
        private readonly CsvWriter csv;
        private readonly IReadOnlyList<string> attributeKeys;
        private readonly AssessmentPeriod? period;
        private readonly IReadOnlyList<string> indicatorPaths;

        public CsvResultWriter(Stream stream, Scheme scheme, IReadOnlyList<string> attributeKeys, AssessmentPeriod? period)
        {
            csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
            this.attributeKeys = attributeKeys;
            this.period = period;
            indicatorPaths = scheme.Indicators.Select(i => i.Path).ToList();
            csv.WriteField("subject");
            foreach (var key in attributeKeys)
            {
                csv.WriteField("attr:" + key);
            }

            if (period is not null)
            {
                csv.WriteField("period");
            }

            foreach (var name in new[] { "total", "exact_total", "grade", "earned_grade", "coefficient", "base_points", "bonus_points", "penalty_points", "base_pay", "payout", "payout_cancelled", "failed_gates" })
            {
                csv.WriteField(name);
            }

            foreach (var path in indicatorPaths)
            {
                csv.WriteField("score:" + path);
            }

            csv.WriteField("fingerprint");
            csv.EndRecord();
        }

        public override void Write(Assessment assessment)
        {
            csv.WriteField(assessment.SubjectId);
            foreach (var key in attributeKeys)
            {
                csv.WriteField(assessment.Input.Attributes.TryGetValue(key, out var value) ? value : string.Empty);
            }

            if (period is not null)
            {
                csv.WriteField(period.ToString());
            }

            csv.WriteField(Text.Exact(assessment.RoundedTotal));
            csv.WriteField(Text.Exact(assessment.ExactTotal));
            csv.WriteField(assessment.Grade.Name);
            csv.WriteField(assessment.EarnedGrade.Name);
            csv.WriteField(Text.Exact(assessment.Coefficient));
            csv.WriteField(Text.Exact(assessment.BasePoints));
            csv.WriteField(Text.Exact(assessment.BonusPoints));
            csv.WriteField(Text.Exact(assessment.PenaltyPoints));
            csv.WriteField(assessment.BasePay is { } pay ? Text.Exact(pay) : string.Empty);
            csv.WriteField(assessment.Payout is { } payout ? Text.Exact(payout) : string.Empty);
            csv.WriteField(assessment.PayoutCancelled ? "true" : "false");
            csv.WriteField(string.Join(";", assessment.FailedGates.Select(g => g.Gate.Id)));
            foreach (var path in indicatorPaths)
            {
                var node = Reports.Nodes.Find(assessment.Root, path);
                csv.WriteField(node?.Score is { } score ? Text.Exact(score) : string.Empty);
            }

            csv.WriteField(assessment.Fingerprint);
            csv.EndRecord();
        }

        public override void Dispose()
        {
            csv.Dispose();
        }
    }

    private sealed class JsonResultWriter : ResultWriter
    {
        private readonly Stream stream;
        private readonly Utf8JsonWriter json;
        private int pending;

        public JsonResultWriter(Stream stream)
        {
            this.stream = stream;
            json = new Utf8JsonWriter(stream, new JsonWriterOptions
            {
                Indented = true,
                NewLine = "\n",
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            });
            json.WriteStartArray();
        }

        public override void Write(Assessment assessment)
        {
            AssessmentFormatter.WriteJson(assessment, json);
            if (++pending == 256)
            {
                json.Flush();
                pending = 0;
            }
        }

        public override void Dispose()
        {
            json.WriteEndArray();
            json.Flush();
            json.Dispose();
            stream.Write("\n"u8);
            stream.Dispose();
        }
    }
}
