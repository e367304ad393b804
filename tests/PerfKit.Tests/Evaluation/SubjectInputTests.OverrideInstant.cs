using System;
using NodaTime;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

public sealed partial class SubjectInputTests
{
    [Fact]
    public void CanonicalText_OverrideWithInstant_WritesDecidedAtAsIsoUtcAfterAuthor()
    {
        using var _ = new CultureScope("tr-TR");
        var input = SubjectInput.For("S1")
            .Value("m_a", 1m)
            .With(Override.OfScore("a", 0.5m, "appeal 7", "hr", Instant.FromUtc(2024, 4, 2, 8, 30, 15)))
            .Build();

        const string Expected = """
            {
              "subject": "S1",
              "values": {
                "m_a": 1
              },
              "ratings": {},
              "overrides": [
                {
                  "kind": "score",
                  "path": "a",
                  "replacement": 0.5,
                  "reason": "appeal 7",
                  "author": "hr",
                  "decidedAt": "2024-04-02T08:30:15Z"
                }
              ]
            }

            """;
        Assert.Equal(Expected.Replace("\r\n", "\n", StringComparison.Ordinal), input.CanonicalText());
    }

    [Fact]
    public void Fingerprint_OverrideWithoutInstant_SameAsBeforeInstantsExisted()
    {
        // The layout of an override without an instant is the one fixed in CanonicalText_SmallInput_…: no decidedAt member.
        var input = SubjectInput.For("S1").Value("m_a", 1m).With(Override.OfValue("a", 3m, "appeal 7", "hr")).Build();

        Assert.DoesNotContain("decidedAt", input.CanonicalText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_SameOverrideWithAndWithoutInstant_Differ()
    {
        var without = SubjectInput.For("S1").Value("m_a", 1m).With(Override.OfValue("a", 3m, "r", "hr")).Build();
        var with = SubjectInput.For("S1").Value("m_a", 1m).With(Override.OfValue("a", 3m, "r", "hr", Instant.FromUtc(2024, 1, 1, 0, 0))).Build();
        var later = SubjectInput.For("S1").Value("m_a", 1m).With(Override.OfValue("a", 3m, "r", "hr", Instant.FromUtc(2024, 1, 1, 0, 1))).Build();

        Assert.NotEqual(without.Fingerprint, with.Fingerprint);
        Assert.NotEqual(with.Fingerprint, later.Fingerprint);
    }
}
