using System;
using System.Security.Cryptography;
using System.Text;
using PerfKit.Evaluation;
using PerfKit.Tests.Internal;
using Xunit;

namespace PerfKit.Tests.Evaluation;

public sealed partial class SubjectInputTests
{
    [Fact]
    public void CanonicalText_SmallInput_FixedLayoutSortedKeysCanonicalNumbers()
    {
        // Values sorted by key (m_a before m_b), 2.50 written 2.5, base pay 1000.00 written 1000, roles sorted.
        var input = SubjectInput.For("S1")
            .Value("m_b", 2.50m)
            .Value("m_a", 1m)
            .Ratings("r", "superior", 4m)
            .Ratings("r", "peer", 3.5m, 4m)
            .BasePay(1000.00m)
            .With(Override.OfValue("a", 3m, "appeal 7", "hr"))
            .Build();

        const string Expected = """
            {
              "subject": "S1",
              "values": {
                "m_a": 1,
                "m_b": 2.5
              },
              "ratings": {
                "r": {
                  "peer": [
                    3.5,
                    4
                  ],
                  "superior": [
                    4
                  ]
                }
              },
              "basePay": 1000,
              "overrides": [
                {
                  "kind": "value",
                  "path": "a",
                  "replacement": 3,
                  "reason": "appeal 7",
                  "author": "hr"
                }
              ]
            }

            """;
        Assert.Equal(Expected.Replace("\r\n", "\n", StringComparison.Ordinal), input.CanonicalText());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Expected.Replace("\r\n", "\n", StringComparison.Ordinal)))), input.Fingerprint);
    }

    [Fact]
    public void Fingerprint_SameDataInAnotherOrderAndScale_Same()
    {
        var first = SubjectInput.For("S1").Value("m_a", 1.0m).Value("m_b", 2m).Build();
        var second = SubjectInput.For("S1").Value("m_b", 2.000m).Value("m_a", 1m).Build();

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", first.Fingerprint);
    }

    [Fact]
    public void Fingerprint_OneValueChanged_Differs()
    {
        var first = SubjectInput.For("S1").Value("m_a", 1m).Build();
        var second = SubjectInput.For("S1").Value("m_a", 1.0000000001m).Build();

        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Fingerprint_AnyCurrentCulture_Same(string culture)
    {
        static SubjectInput Input() => SubjectInput.For("İSTANBUL-1").Value("m_a", 1234.5m).Build();
        var invariant = string.Empty;
        ForcedCulture.Run("", () => invariant = Input().Fingerprint);
        var forced = string.Empty;
        ForcedCulture.Run(culture, () => forced = Input().Fingerprint);

        Assert.Equal(invariant, forced);
    }
}
