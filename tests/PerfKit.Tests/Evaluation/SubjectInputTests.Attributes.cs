using System;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

public sealed partial class SubjectInputTests
{
    [Fact]
    public void Attribute_TwoKeys_SortedOrdinallyAndKept()
    {
        var input = SubjectInput.For("S1").Attribute("region", "north").Attribute("department", "retail").Build();

        Assert.Equal(["department", "region"], input.Attributes.Keys);
        Assert.Equal("retail", input.Attributes["department"]);
        Assert.Empty(input.Problems);
    }

    [Fact]
    public void Attribute_KeyGivenTwice_ProblemNamesSubjectKeyAndValueFirstValueKept()
    {
        var input = SubjectInput.For("S1").Attribute("department", "retail").Attribute("department", "corporate").Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal(ProblemCodes.AttributeDuplicate, problem.Code);
        Assert.Equal("attributes.department", problem.Path);
        Assert.Equal("corporate", problem.AttemptedValue);
        Assert.Equal("S1", problem.SubjectId);
        Assert.Equal("retail", input.Attributes["department"]);
    }

    [Fact]
    public void Attribute_BlankKey_ArgumentException()
        => Assert.Throws<ArgumentException>(() => SubjectInput.For("S1").Attribute(" ", "x"));

    [Fact]
    public void Attribute_NullValue_ArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => SubjectInput.For("S1").Attribute("department", null!));

    [Fact]
    public void CanonicalText_WithAttributes_WrittenSortedAfterSubject()
    {
        var input = SubjectInput.For("S1").Attribute("region", "north").Attribute("department", "retail").Build();

        const string Expected = """
            {
              "subject": "S1",
              "attributes": {
                "department": "retail",
                "region": "north"
              },
              "values": {},
              "ratings": {},
              "overrides": []
            }

            """;
        Assert.Equal(Expected.Replace("\r\n", "\n", StringComparison.Ordinal), input.CanonicalText());
    }

    [Fact]
    public void Fingerprint_AttributeValueDiffers_FingerprintDiffers()
    {
        var a = SubjectInput.For("S1").Attribute("department", "retail").Build();
        var b = SubjectInput.For("S1").Attribute("department", "corporate").Build();

        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
    }
}
