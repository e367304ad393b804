using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using PerfKit.Evaluation;
using PerfKit.Explanation;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Tests.Internal;
using Xunit;

namespace PerfKit.Tests.Explanation;

/// <summary>Tests of <see cref="AssessmentFormatter"/>.</summary>
public sealed class AssessmentFormatterTests
{
    // Scheme: root percent → section s (100, points(10)) → a (6, linear 0 → 10), b (4, threshold ≥ 5).
    // Subject: a = 7.5 → 0.75; b = 5 → 1 (on the threshold passes).
    // s = (6 × 0.75 + 4 × 1) / 10 = 8.5 / 10 = 0.85; base = 0.85 × 100 = 85.
    // Bonus: 3 certificates × 1 = 3, rule cap 2 → 2; maxBonus 2 → 2. Total 87 → grade D (A needs 90), × 0.7.
    // Gate g1: a's value 7.5 ≥ 8 fails → cancelPayout, so payout 0 although base pay is 1000.00.
    // Effective weight of a: 1 × 100/100 × 6/10 = 0.6; contribution 0.6 × 0.75 × 100 = 45.
    private static Assessment Sample()
    {
        var scheme = Scheme.CreateBuilder("fmt", "1")
            .Name("Formatter scheme").Name("zh-CN", "格式方案")
            .MaxBonus(2m)
            .Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .Root(WeightMode.Percent, r => r
                .Section("s", 100m, WeightMode.PointsOf(10m), s => s
                    .Name("Section").Name("zh-CN", "部分")
                    .Indicator("a", 6m, "m_a", Scorers.Linear(0m, 10m), i => i.Name("Accounts").Name("zh-CN", "户数").Unit("accounts"))
                    .Indicator("b", 4m, "m_b", Scorers.Threshold(ScoreDirection.HigherIsBetter, 5m))))
            .Bonus("cert", "certs", 1m, 2m)
            .Gate("g1", g => g.Name("Accounts gate").OnValue("s/a", 8m).CancelPayout())
            .Build();
        var input = SubjectInput.For("S1").Value("m_a", 7.5m).Value("m_b", 5m).Value("certs", 3m).BasePay(1000.00m).Build();
        return SchemeEvaluator.Create(scheme).EvaluateOrThrow(input);
    }

    [Fact]
    public void ToText_ChineseCulture_OneLinePerNodeWithNamesAndArithmetic()
    {
        var text = AssessmentFormatter.ToText(Sample(), CultureInfo.GetCultureInfo("zh-CN"));
        var lines = text.Split('\n');

        Assert.StartsWith("Subject S1 — 格式方案 (fmt@1)", lines[0], StringComparison.Ordinal);
        Assert.Contains("Total 87 (exact 87) = base 85 + bonus 2 − penalty 0, rounded 2 decimals, AwayFromZero", lines);
        Assert.Contains("Grade D × 0.7", lines);
        Assert.Contains("    s 部分 (weight 100): 0.85 × 1 × 100 = 85", lines);
        Assert.Contains("      a 户数 (weight 6): 7.5 accounts → 0.75 × 0.6 × 100 = 45 [linear(baseline: 0, target: 10)]", lines);
        Assert.Contains("  g1 (Accounts gate): value of s/a 7.5 ≥ 8: FAILED → cancelPayout", lines);
        Assert.Contains("  cert (cert): 3 × 1, cap 2 = 2; applied +2", lines);
        Assert.Contains("Payout 0 (cancelled by a failed gate)", lines);
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public void ToText_NoCulture_DefaultNames()
    {
        var text = AssessmentFormatter.ToText(Sample());

        Assert.Contains("a Accounts (weight 6)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("户数", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_CarriesTheSchemeFingerprint()
    {
        var assessment = Sample();

        Assert.Contains("Scheme fingerprint (SHA-256 of the canonical scheme file): " + assessment.Scheme.Fingerprint, AssessmentFormatter.ToText(assessment), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_NumbersExactWithoutTrailingZeros()
    {
        using var json = JsonDocument.Parse(AssessmentFormatter.ToJson(Sample()));
        var root = json.RootElement;

        Assert.Equal("85", root.GetProperty("basePoints").GetRawText());
        Assert.Equal("87", root.GetProperty("roundedTotal").GetRawText());
        Assert.Equal("0.7", root.GetProperty("coefficient").GetRawText());
        Assert.Equal("1000", root.GetProperty("basePay").GetRawText()); // 1000.00 given
        Assert.Equal("0", root.GetProperty("payout").GetRawText());
        Assert.True(root.GetProperty("payoutCancelled").GetBoolean());
        var a = root.GetProperty("root").GetProperty("children")[0].GetProperty("children")[0];
        Assert.Equal("s/a", a.GetProperty("path").GetString());
        Assert.Equal("0.75", a.GetProperty("score").GetRawText());
        Assert.Equal("0.6", a.GetProperty("effectiveWeight").GetRawText());
        Assert.Equal("45", a.GetProperty("contribution").GetRawText());
        Assert.Equal("7.5", a.GetProperty("value").GetRawText());
        Assert.Equal("linear", a.GetProperty("scorer").GetProperty("kind").GetString());
        Assert.Equal("10", a.GetProperty("scorer").GetProperty("parameters").GetProperty("target").GetRawText());
        var gate = root.GetProperty("gates")[0];
        Assert.False(gate.GetProperty("passed").GetBoolean());
        Assert.Equal("7.5", gate.GetProperty("actual").GetRawText());
        Assert.Equal("2", root.GetProperty("adjustments")[0].GetProperty("applied").GetRawText());
    }

    [Fact]
    public void ToJson_TopLevelPropertiesInDocumentedOrder()
    {
        using var json = JsonDocument.Parse(AssessmentFormatter.ToJson(Sample()));

        string[] expected =
        [
            "subject", "scheme", "inputFingerprint", "fingerprint", "basePoints", "bonusPoints", "penaltyPoints", "unclampedTotal", "exactTotal", "roundedTotal",
            "grade", "earnedGrade", "coefficient", "payoutCancelled", "basePay", "payout", "root", "gates", "adjustments",
            "exclusions", "overrides",
        ];
        Assert.Equal(expected, json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Sample().Scheme.Fingerprint, json.RootElement.GetProperty("scheme").GetProperty("fingerprint").GetString());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("zh-CN")]
    public void ToUtf8Json_AnyCurrentCulture_SameBytes(string culture)
    {
        var invariant = Array.Empty<byte>();
        ForcedCulture.Run("", () => invariant = AssessmentFormatter.ToUtf8Json(Sample()));
        var forced = Array.Empty<byte>();
        ForcedCulture.Run(culture, () => forced = AssessmentFormatter.ToUtf8Json(Sample()));

        Assert.Equal(invariant, forced);
        Assert.DoesNotContain((byte)'\r', forced);
        Assert.NotEqual(0xEF, forced[0]); // no byte order mark
    }

    [Fact]
    public void ToJson_EqualsUtf8Bytes()
    {
        var assessment = Sample();

        Assert.Equal(AssessmentFormatter.ToUtf8Json(assessment), Encoding.UTF8.GetBytes(AssessmentFormatter.ToJson(assessment)));
    }

    [Fact]
    public void WriteJson_InsideCallersArray_OneObjectPerAssessment()
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            AssessmentFormatter.WriteJson(Sample(), writer);
            AssessmentFormatter.WriteJson(Sample(), writer);
            writer.WriteEndArray();
        }

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("S1", json.RootElement[1].GetProperty("subject").GetString());
    }

    [Fact]
    public void Methods_NullArguments_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => AssessmentFormatter.ToText(null!));
        Assert.Throws<ArgumentNullException>(() => AssessmentFormatter.ToJson(null!));
        Assert.Throws<ArgumentNullException>(() => AssessmentFormatter.ToUtf8Json(null!));
        using var stream = new System.IO.MemoryStream();
        using var writer = new Utf8JsonWriter(stream);
        Assert.Throws<ArgumentNullException>(() => AssessmentFormatter.WriteJson(null!, writer));
        Assert.Throws<ArgumentNullException>(() => AssessmentFormatter.WriteJson(Sample(), null!));
    }

    [Fact]
    public void ToJsonAndToText_OverrideWithInstant_DecidedAtWrittenOnlyWhenGiven()
    {
        // a 50, b 30, c 20 (linear 0 → 10); score override of a to 1 decided 2024-04-02 08:30 UTC; b's value overridden without an instant.
        using var culture = new PerfKit.Tests.Evaluation.CultureScope("tr-TR");
        var input = SubjectInput.For("S1").Value("m_a", 8m).Value("m_b", 6m).Value("m_c", 10m)
            .With(Override.OfScore("a", 1m, "appeal upheld", "hr", NodaTime.Instant.FromUtc(2024, 4, 2, 8, 30)))
            .With(Override.OfValue("b", 7m, "late booking", "hr"))
            .Build();
        var assessment = SchemeEvaluator.Create(PerfKit.Tests.Evaluation.EvaluationFixtures.ThreeIndicators()).EvaluateOrThrow(input);

        using var json = JsonDocument.Parse(AssessmentFormatter.ToJson(assessment));
        var overrides = json.RootElement.GetProperty("overrides");
        var text = AssessmentFormatter.ToText(assessment);

        // Records come in tree order: a's score override, then b's value override.
        Assert.Equal("2024-04-02T08:30:00Z", overrides[0].GetProperty("decidedAt").GetString());
        Assert.False(overrides[1].TryGetProperty("decidedAt", out _));
        Assert.Contains("Override of score at a: 0.8 → 1 by hr at 2024-04-02T08:30:00Z: appeal upheld", text, StringComparison.Ordinal);
        Assert.Contains("Override of value at b: 6 → 7 by hr: late booking", text, StringComparison.Ordinal);
    }
}
