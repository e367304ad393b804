using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Serialization;

public class CanonicalJsonWriterTests
{
    [Fact]
    public void ToString_NestedValues_UseTwoSpacesLfAndAFinalNewLine()
    {
        var w = new CanonicalJsonWriter();
        w.StartObject();
        w.Name("a").Number(1.50m);
        w.Name("b").StartArray();
        w.Number(-0.0m);
        w.String("x");
        w.StartObject();
        w.EndObject();
        w.StartArray();
        w.EndArray();
        w.EndArray();
        w.Name("c").Number(7);
        w.EndObject();

        Assert.Equal("{\n  \"a\": 1.5,\n  \"b\": [\n    0,\n    \"x\",\n    {},\n    []\n  ],\n  \"c\": 7\n}\n", w.ToString());
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("q\"b\\", "\"q\\\"b\\\\\"")]
    [InlineData("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\u0000\u0001\u001f", "\"\\u0000\\u0001\\u001F\"")]
    [InlineData("\u007f<>&'/", "\"\u007f<>&'/\"")]
    [InlineData("月\u3000😀\u2028\u00a0\u0378", "\"月\u3000😀\u2028\u00a0\u0378\"")]
    public void String_EscapesOnlyQuotesBackslashesControlsAndUnpairedSurrogates(string value, string expected)
    {
        var w = new CanonicalJsonWriter();

        w.String(value);

        Assert.Equal(expected + "\n", w.ToString());
    }

    [Fact]
    public void String_UnpairedSurrogates_AreEscapedRatherThanLost()
    {
        // Built at run time: attribute arguments cannot carry unpaired surrogates.
        var w = new CanonicalJsonWriter();

        w.String("lone " + (char)0xD800 + " and " + (char)0xDC00 + " pair 😀");

        Assert.Equal("\"lone \\uD800 and \\uDC00 pair 😀\"\n", w.ToString());
    }
}
