using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using System.Text.Json;
using NodaTime;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Explanation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;
using PerfKit.Tests.Periods;
using Xunit;

namespace PerfKit.Tests.Explanation;

/// <summary>Tests of <see cref="PeriodAssessmentFormatter"/>.</summary>
public sealed class PeriodAssessmentFormatterTests
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);

    /// <summary>
    /// The hand-worked A-bank quarter (see PeriodEvaluatorTests): monthly scores 1, 0.84, 0.98 → mean 0.94; quarterly
    /// 0.82; root (50·0.94 + 50·0.82) / 100 = 0.88 → base 88; one certificate + 2.5 → 90.5 → 90.50, grade A (× 1.30).
    /// Pay 6000 × 1.30 = 7800; each month's share 50/100 ÷ 3 = 1/6 (1300), the quarter's 1/2 (3900); February's
    /// new-accounts gate (8 &lt; 10) cancels its sixth: 7800 × 5/6 = 6500.00.
    /// </summary>
    private static PeriodAssessment Quarter() => PeriodEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow("cm-1", Q1,
    [
        new(AssessmentPeriod.Month(2024, 1), PeriodEvaluatorTests.Month(10m, 6m, 100m, 2m, 4m)),
        new(AssessmentPeriod.Month(2024, 2), PeriodEvaluatorTests.Month(8m, 6m, 90m, 1m, 2m)),
        new(AssessmentPeriod.Month(2024, 3), PeriodEvaluatorTests.Month(12m, 7m, 80m, 2m, 4m)),
        new(Q1, PeriodEvaluatorTests.Quarter(45m, 600m, 2m, 1.25m, certificates: 1m, basePay: 6000m)),
    ]);

    /// <summary>
    /// January (31 days) at 40, below the pay gate at 50; February–March (60 days) at 95; base pay 9100 in both.
    /// (31·40 + 60·95) / 91 = 6940 / 91 = 76.2637… → 76.26, C (× 1.00); January's share 9100 × 31 / 91 = 3100 is
    /// cancelled, payout 9100 × 60 / 91 = 6000.00.
    /// </summary>
    private static SegmentedAssessment Transfer()
    {
        static Scheme Role(string id) => EvaluationFixtures.Start(id)
            .Root(WeightMode.Percent, r => r.Indicator("m", 100m, "m", Scorers.Linear(0m, 100m)))
            .Gate("floor", g => g.OnValue("m", 50m).CancelPayout())
            .Build();
        static SubjectInput Value(decimal m) => SubjectInput.For("s").Value("m", m).BasePay(9100m).Build();
        return SegmentEvaluator.Create().EvaluateOrThrow("s", Q1,
        [
            Segment.Of(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31)), Role("head-office"), Value(40m)),
            Segment.Of(new DateInterval(new LocalDate(2024, 2, 1), new LocalDate(2024, 3, 31)), Role("branch"), Value(95m)),
        ]);
    }

    [Fact]
    public void ToText_ABankQuarter_ShowsTheHandWorkedFigures()
    {
        using var _ = new CultureScope("de-DE");
        var result = Quarter();

        var lines = PeriodAssessmentFormatter.ToText(result, null).Split('\n');

        Assert.StartsWith("Subject cm-1 — ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("period 2024-Q1 (2024-01-01..2024-03-31)", lines[0], StringComparison.Ordinal);
        Assert.Contains("Scheme fingerprint (SHA-256 of the canonical scheme file): " + result.Scheme.Fingerprint, lines);
        Assert.Contains($"Input fingerprint: {result.InputFingerprint}; evaluation fingerprint: {result.Fingerprint}", lines);
        Assert.Single(lines, l => l.StartsWith("  monthly ", StringComparison.Ordinal) && l.EndsWith("(weight 50, per month): 2024-01 1, 2024-02 0.84, 2024-03 0.98 → 0.94", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("  quarterly ", StringComparison.Ordinal) && l.EndsWith("(weight 50, per quarter): 2024-Q1 0.82 → 0.82", StringComparison.Ordinal));
        Assert.Contains("Root 0.88 × 100 = base 88", lines);
        Assert.Contains("Total 90.50 (exact 90.5) = base 88 + bonus 2.5 − penalty 0, rounded once (2 decimals, AwayFromZero)", lines);
        Assert.Contains("Grade A × 1.3", lines);
        Assert.Contains("Pay shares of 6000 × 1.3 = 7800:", lines);
        Assert.Contains("  2024-01 (monthly): fraction 0.1666666666666666666666666667, amount 1300: paid", lines);
        Assert.Contains("  2024-02 (monthly): fraction 0.1666666666666666666666666667, amount 1300: CANCELLED by gate_new_accounts", lines);
        Assert.Contains("  2024-Q1 (quarterly): fraction 0.5, amount 3900: paid", lines);
        Assert.Contains("Payout 6500.00 = pay × the shares not cancelled, rounded once (2 decimals, AwayFromZero)", lines);

        // Each sub-period's own explanation follows, indented, with February's failed gate.
        Assert.Equal(["Sub-period 2024-01 (month):", "Sub-period 2024-02 (month):", "Sub-period 2024-03 (month):", "Sub-period 2024-Q1 (quarter):"],
            lines.Where(l => l.StartsWith("Sub-period ", StringComparison.Ordinal)));
        var february = lines.SkipWhile(l => l != "Sub-period 2024-02 (month):").Skip(1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).ToList();
        Assert.Contains(february, l => l.StartsWith("      gate_new_accounts (", StringComparison.Ordinal) && l.EndsWith("value of monthly/new_accounts 8 ≥ 10: FAILED → cancelPayout", StringComparison.Ordinal));
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public void ToJson_ABankQuarter_SharesTotalsFingerprintsAndNestedAssessments()
    {
        var result = Quarter();

        using var json = JsonDocument.Parse(PeriodAssessmentFormatter.ToJson(result));
        var root = json.RootElement;

        Assert.Equal("2024-Q1", root.GetProperty("period").GetProperty("text").GetString());
        Assert.Equal(91, root.GetProperty("period").GetProperty("days").GetInt32());
        Assert.Equal(result.Scheme.Fingerprint, root.GetProperty("schemeFingerprint").GetString());
        Assert.Equal(result.InputFingerprint, root.GetProperty("inputFingerprint").GetString());
        Assert.Equal(result.Fingerprint, root.GetProperty("fingerprint").GetString());
        Assert.Equal("0.94", root.GetProperty("sections")[0].GetProperty("score").GetRawText());
        Assert.Equal("0.84", root.GetProperty("sections")[0].GetProperty("scores")[1].GetProperty("score").GetRawText());
        Assert.Equal("90.5", root.GetProperty("roundedTotal").GetRawText());
        Assert.Equal("A", root.GetProperty("grade").GetString());
        Assert.Equal("6500", root.GetProperty("payout").GetRawText());
        var february = root.GetProperty("shares")[1];
        Assert.Equal("2024-02", february.GetProperty("period").GetString());
        Assert.Equal("0.1666666666666666666666666667", february.GetProperty("fraction").GetRawText());
        Assert.Equal("1300", february.GetProperty("amount").GetRawText());
        Assert.True(february.GetProperty("cancelled").GetBoolean());
        Assert.Equal("gate_new_accounts", Assert.Single(february.GetProperty("cancelledBy").EnumerateArray()).GetString());
        var subs = root.GetProperty("subPeriods").EnumerateArray().ToList();
        Assert.Equal(4, subs.Count);
        Assert.Equal(result.SubPeriods[1].Assessment.Fingerprint, subs[1].GetProperty("assessment").GetProperty("fingerprint").GetString());
        Assert.Equal("0.84", subs[1].GetProperty("assessment").GetProperty("root").GetProperty("score").GetRawText());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void ToUtf8Json_PeriodAndSegmented_ByteIdenticalAcrossCulturesAndRuns(string culture)
    {
        var quarter = PeriodAssessmentFormatter.ToUtf8Json(Quarter());
        var transfer = PeriodAssessmentFormatter.ToUtf8Json(Transfer());

        using var _ = new CultureScope(culture);
        Assert.Equal(quarter, PeriodAssessmentFormatter.ToUtf8Json(Quarter()));
        Assert.Equal(transfer, PeriodAssessmentFormatter.ToUtf8Json(Transfer()));
        Assert.Equal(PeriodAssessmentFormatter.ToText(Quarter(), null), PeriodAssessmentFormatter.ToText(Quarter(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToUtf8Json_ManyThreads_ByteIdentical()
    {
        var expected = PeriodAssessmentFormatter.ToUtf8Json(Quarter());
        var outputs = new byte[16][];

        Parallel.For(0, outputs.Length, i => outputs[i] = PeriodAssessmentFormatter.ToUtf8Json(Quarter()));

        Assert.All(outputs, o => Assert.Equal(expected, o));
    }

    [Fact]
    public void ToText_Transfer_ShowsSegmentsTotalAndPayout()
    {
        using var _ = new CultureScope("tr-TR");
        var result = Transfer();

        var lines = PeriodAssessmentFormatter.ToText(result, null).Split('\n');

        Assert.Equal("Subject s, period 2024-Q1 (2024-01-01..2024-03-31): 2 segment(s) covering 91 days", lines[0]);
        Assert.Contains("Scheme fingerprint (SHA-256 of the segments' scheme fingerprints): " + result.SchemeFingerprint, lines);
        Assert.Contains("  2024-01-01..2024-01-31 (31 days) Test scheme (head-office@1): 31 × 40; pay share 3100 CANCELLED by a failed gate", lines);
        Assert.Contains("  2024-02-01..2024-03-31 (60 days) Test scheme (branch@1): 60 × 95; pay share 6000 paid", lines);
        Assert.Contains(lines, l => l.StartsWith("Total 76.26 (exact 76.263", StringComparison.Ordinal) && l.EndsWith("= Σ days × exact total ÷ 91, rounded once by branch@1 (2 decimals, AwayFromZero)", StringComparison.Ordinal));
        Assert.Contains("Grade C × 1", lines);
        Assert.Contains("Payout 6000.00 = coefficient × Σ pay shares not cancelled, rounded once (2 decimals, AwayFromZero)", lines);
        Assert.Equal(["Segment 2024-01-01..2024-01-31:", "Segment 2024-02-01..2024-03-31:"], lines.Where(l => l.StartsWith("Segment ", StringComparison.Ordinal)));
    }

    [Fact]
    public void ToJson_Transfer_SegmentsWithDaysPayAndNestedAssessments()
    {
        var result = Transfer();

        using var json = JsonDocument.Parse(PeriodAssessmentFormatter.ToJson(result));
        var root = json.RootElement;

        Assert.Equal(result.SchemeFingerprint, root.GetProperty("schemeFingerprint").GetString());
        Assert.Equal(result.Fingerprint, root.GetProperty("fingerprint").GetString());
        Assert.Equal(91, root.GetProperty("coveredDays").GetInt32());
        Assert.Equal("76.26", root.GetProperty("roundedTotal").GetRawText());
        Assert.Equal("6000", root.GetProperty("payout").GetRawText());
        var january = root.GetProperty("segments")[0];
        Assert.Equal("2024-01-01", january.GetProperty("first").GetString());
        Assert.Equal(31, january.GetProperty("days").GetInt32());
        Assert.Equal("3100", january.GetProperty("payAmount").GetRawText());
        Assert.True(january.GetProperty("payCancelled").GetBoolean());
        Assert.Equal("head-office", january.GetProperty("assessment").GetProperty("scheme").GetProperty("id").GetString());
    }

    [Fact]
    public void Methods_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => PeriodAssessmentFormatter.ToText((PeriodAssessment)null!, null));
        Assert.Throws<ArgumentNullException>(() => PeriodAssessmentFormatter.ToJson((SegmentedAssessment)null!));
        Assert.Throws<ArgumentNullException>(() => PeriodAssessmentFormatter.WriteJson(Quarter(), null!));
    }
}
