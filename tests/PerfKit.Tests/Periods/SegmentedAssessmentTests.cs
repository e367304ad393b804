using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="SegmentedAssessment"/>'s audit fingerprints (spec §9).</summary>
public sealed class SegmentedAssessmentTests
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);
    private static readonly DateInterval January = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31));
    private static readonly DateInterval FebruaryMarch = new(new LocalDate(2024, 2, 1), new LocalDate(2024, 3, 31));
    private static readonly Scheme HeadOffice = Role("head-office");
    private static readonly Scheme Branch = Role("branch");

    private static Scheme Role(string id) => EvaluationFixtures.Start(id)
        .Root(WeightMode.Percent, r => r.Indicator("m", 100m, "m", Scorers.Linear(0m, 100m)))
        .Build();

    private static SubjectInput Value(decimal m) => SubjectInput.For("s").Value("m", m).BasePay(9100m).Build();

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static SegmentedAssessment Transfer(decimal january = 80m, decimal later = 95m, bool reversed = false)
    {
        Segment[] segments = [Segment.Of(January, HeadOffice, Value(january)), Segment.Of(FebruaryMarch, Branch, Value(later))];
        return SegmentEvaluator.Create().EvaluateOrThrow("s", Q1, reversed ? segments.Reverse() : segments);
    }

    [Fact]
    public void CanonicalTexts_Transfer_SegmentsInDateOrderWithDatesAndFingerprints()
    {
        var result = Transfer(reversed: true);

        var expectedInput = $$"""
            {
              "subject": "s",
              "period": "2024-Q1",
              "first": "2024-01-01",
              "last": "2024-03-31",
              "segments": [
                {
                  "first": "2024-01-01",
                  "last": "2024-01-31",
                  "fingerprint": "{{Value(80m).Fingerprint}}"
                },
                {
                  "first": "2024-02-01",
                  "last": "2024-03-31",
                  "fingerprint": "{{Value(95m).Fingerprint}}"
                }
              ]
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expectedScheme = $$"""
            {
              "schemes": [
                {
                  "id": "head-office",
                  "version": "1",
                  "fingerprint": "{{HeadOffice.Fingerprint}}"
                },
                {
                  "id": "branch",
                  "version": "1",
                  "fingerprint": "{{Branch.Fingerprint}}"
                }
              ]
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expectedInput, result.CanonicalInputText());
        Assert.Equal(expectedScheme, result.CanonicalSchemeText());
        Assert.Equal(Sha(expectedInput), result.InputFingerprint);
        Assert.Equal(Sha(expectedScheme), result.SchemeFingerprint);
        Assert.Equal(Sha(result.SchemeFingerprint + "\n" + result.InputFingerprint), result.Fingerprint);
    }

    [Fact]
    public void Fingerprint_SegmentsGivenInEitherOrder_Same()
        => Assert.Equal(Transfer().Fingerprint, Transfer(reversed: true).Fingerprint);

    [Property(MaxTest = 60)]
    public Property Fingerprint_AnySegmentValueChanged_Differs()
        => Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(1, 100_000).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (value, delta, first) =>
        {
            var v = value / 1000m;
            var before = Transfer(v, v);
            var after = first ? Transfer(v + (delta / 1000m), v) : Transfer(v, v + (delta / 1000m));
            return after.InputFingerprint != before.InputFingerprint
                   && after.Fingerprint != before.Fingerprint
                   && after.SchemeFingerprint == before.SchemeFingerprint;
        });

    [Fact]
    public void Fingerprint_OtherSchemeOrOtherDates_Differs()
    {
        var before = Transfer();
        var otherScheme = SegmentEvaluator.Create().EvaluateOrThrow("s", Q1,
            [Segment.Of(January, Branch, Value(80m)), Segment.Of(FebruaryMarch, Branch, Value(95m))]);
        var otherDates = SegmentEvaluator.Create().EvaluateOrThrow("s", Q1,
            [Segment.Of(new DateInterval(January.Start, new LocalDate(2024, 2, 1)), HeadOffice, Value(80m)),
             Segment.Of(new DateInterval(new LocalDate(2024, 2, 2), FebruaryMarch.End), Branch, Value(95m))]);

        Assert.NotEqual(before.SchemeFingerprint, otherScheme.SchemeFingerprint);
        Assert.Equal(before.InputFingerprint, otherScheme.InputFingerprint);
        Assert.NotEqual(before.Fingerprint, otherScheme.Fingerprint);
        Assert.Equal(before.SchemeFingerprint, otherDates.SchemeFingerprint);
        Assert.NotEqual(before.InputFingerprint, otherDates.InputFingerprint);
    }
}
