using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Periods;
using Xunit;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="PeriodAssessment"/>'s audit fingerprints (spec §9).</summary>
public sealed class PeriodAssessmentTests
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);
    private static readonly PeriodEvaluator ABank = PeriodEvaluator.Create(SampleSchemes.ABank2023());

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The hand-worked A-bank quarter of <see cref="PeriodEvaluatorTests"/>, with one value of one input changeable.</summary>
    private static KeyValuePair<AssessmentPeriod, SubjectInput>[] Inputs(int changed = -1, decimal delta = 0m) =>
    [
        new(AssessmentPeriod.Month(2024, 1), PeriodEvaluatorTests.Month(10m, 6m, 100m, 2m, 4m + (changed == 0 ? delta : 0m))),
        new(AssessmentPeriod.Month(2024, 2), PeriodEvaluatorTests.Month(8m, 6m, 90m, 1m, 2m + (changed == 1 ? delta : 0m))),
        new(AssessmentPeriod.Month(2024, 3), PeriodEvaluatorTests.Month(12m, 7m, 80m, 2m, 4m + (changed == 2 ? delta : 0m))),
        new(Q1, PeriodEvaluatorTests.Quarter(45m + (changed == 3 ? delta : 0m), 600m, 2m, 1.25m, certificates: 1m, basePay: 6000m)),
    ];

    [Fact]
    public void CanonicalInputText_ABankQuarter_SubjectPeriodAndEveryInputByDates()
    {
        var inputs = Inputs();
        var result = ABank.EvaluateOrThrow("cm-1", Q1, inputs);

        // Ordered by first day, then last day: January (01-01..01-31) before the quarter (01-01..03-31), then February, March.
        var expected = $$"""
            {
              "subject": "cm-1",
              "period": "2024-Q1",
              "first": "2024-01-01",
              "last": "2024-03-31",
              "inputs": [
                {
                  "period": "2024-01",
                  "first": "2024-01-01",
                  "last": "2024-01-31",
                  "fingerprint": "{{inputs[0].Value.Fingerprint}}"
                },
                {
                  "period": "2024-Q1",
                  "first": "2024-01-01",
                  "last": "2024-03-31",
                  "fingerprint": "{{inputs[3].Value.Fingerprint}}"
                },
                {
                  "period": "2024-02",
                  "first": "2024-02-01",
                  "last": "2024-02-29",
                  "fingerprint": "{{inputs[1].Value.Fingerprint}}"
                },
                {
                  "period": "2024-03",
                  "first": "2024-03-01",
                  "last": "2024-03-31",
                  "fingerprint": "{{inputs[2].Value.Fingerprint}}"
                }
              ]
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, result.CanonicalInputText());
        Assert.Equal(Sha(expected), result.InputFingerprint);
    }

    [Fact]
    public void Fingerprints_ABankQuarter_FullSchemeAndShaOfSchemeNewlineInput()
    {
        var result = ABank.EvaluateOrThrow("cm-1", Q1, Inputs());

        Assert.Equal(result.Scheme.Fingerprint, result.SchemeFingerprint);
        Assert.Equal(Sha(result.SchemeFingerprint + "\n" + result.InputFingerprint), result.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", result.Fingerprint);

        // Each sub-period is scored by the scheme cut down to its sections: a different canonical scheme.
        Assert.All(result.SubPeriods, s => Assert.NotEqual(result.SchemeFingerprint, s.Assessment.SchemeFingerprint));
    }

    [Fact]
    public void Fingerprint_InputsInEveryOrder_Same()
    {
        var inputs = Inputs();
        var first = ABank.EvaluateOrThrow("cm-1", Q1, inputs).Fingerprint;

        // All 4! = 24 orders.
        static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
            ? [items]
            : items.SelectMany(x => Permutations([.. items.Where(y => y != x)]).Select(rest => (int[])[x, .. rest]));

        var orders = Permutations([0, 1, 2, 3]).ToList();
        Assert.Equal(24, orders.Count);
        foreach (var order in orders)
        {
            Assert.Equal(first, ABank.EvaluateOrThrow("cm-1", Q1, order.Select(i => inputs[i])).Fingerprint);
        }
    }

    [Property(MaxTest = 60)]
    public Property Fingerprint_AnyInputValueChanged_Differs()
        => Prop.ForAll(Gen.Choose(0, 3).ToArbitrary(), Gen.Choose(1, 1_000_000).ToArbitrary(), (which, units) =>
        {
            var delta = units / 1000m;
            var before = ABank.EvaluateOrThrow("cm-1", Q1, Inputs());
            var after = ABank.EvaluateOrThrow("cm-1", Q1, Inputs(which, delta));
            return after.InputFingerprint != before.InputFingerprint
                   && after.Fingerprint != before.Fingerprint
                   && after.SchemeFingerprint == before.SchemeFingerprint;
        });

    [Fact]
    public void Fingerprint_BasePayChanged_Differs()
    {
        var before = ABank.EvaluateOrThrow("cm-1", Q1, Inputs());
        var inputs = Inputs();
        inputs[3] = new(Q1, PeriodEvaluatorTests.Quarter(45m, 600m, 2m, 1.25m, certificates: 1m, basePay: 6000.01m));

        var after = ABank.EvaluateOrThrow("cm-1", Q1, inputs);

        Assert.NotEqual(before.Fingerprint, after.Fingerprint);
    }

    [Fact]
    public void Fingerprint_SchemeWithoutCadences_CoversTheWholePeriodsInput()
    {
        var scheme = PeriodsFixtures.One(null);
        var input = SubjectInput.For("s").Value("m", 40m).Build();

        var result = PeriodEvaluator.Create(scheme).EvaluateOrThrow("s", Q1, [new(Q1, input)]);

        Assert.Equal(scheme.Fingerprint, result.SchemeFingerprint);
        Assert.Contains($"\"fingerprint\": \"{input.Fingerprint}\"", result.CanonicalInputText(), StringComparison.Ordinal);
        Assert.Equal(Sha(result.CanonicalInputText()), result.InputFingerprint);
    }
}
