using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Serialization;

/// <summary>Every way a file can be wrong ends in problems with a code, a JSON path and a 1-based line and column.</summary>
/// <remarks>Every test of the class runs under tr-TR (comma as decimal separator, dotted and dotless i).</remarks>
[ForcedCulture("tr-TR")]
public partial class SchemeFileTests
{
    /// <summary>A small valid scheme; the tests below change one line and work out the positions by hand.</summary>
    private static readonly string Valid = Lf("""
        {
          "id": "s",
          "version": "1",
          "name": "S",
          "grades": [
            { "name": "A", "coefficient": 1 }
          ],
          "root": {
            "id": "root",
            "kind": "custom",
            "weightMode": "percent",
            "children": [
              {
                "id": "a",
                "weight": 60,
                "measure": "a",
                "scorer": { "kind": "linear", "baseline": 0, "target": 10 }
              },
              {
                "id": "b",
                "weight": 40,
                "measure": "b",
                "scorer": { "kind": "linear", "baseline": 0, "target": 20 }
              }
            ]
          }
        }
        """);

    [Fact]
    public void Load_ValidBaseDocument_Succeeds()
    {
        var result = SchemeFile.Load(Valid);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Scheme.Indicators.Length);
    }

    [Fact]
    public void Load_UnderTurkishCulture_ReadsNumbersAndNamesInvariantly()
    {
        Assert.Equal("tr-TR", CultureInfo.CurrentCulture.Name);

        // 60.5 + 39.5 = 100; "id" and "kind" hold an 'i', which tr-TR upper-cases to 'İ'.
        var scheme = SchemeFile.LoadOrThrow(Valid.Replace("\"weight\": 60", "\"weight\": 60.5", StringComparison.Ordinal).Replace("\"weight\": 40", "\"weight\": 39.5", StringComparison.Ordinal));

        Assert.Equal(60.5m, scheme.Indicators[0].Weight);
        Assert.Contains("\"weight\": 60.5", SchemeFile.WriteString(scheme), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownProperty_ReportsItsNameWithPosition()
    {
        // Line 14 becomes `        "id": "a", "colour": "red",`: 8 spaces + `"id": "a", ` (11) → "colour" starts at column 20.
        var result = SchemeFile.Load(Valid.Replace("\"id\": \"a\",", "\"id\": \"a\", \"colour\": \"red\",", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "json.unknownProperty", "$.root.children[0].colour", 14, 20);
        Assert.Equal("colour", problem.AttemptedValue);
        Assert.Null(result.Scheme);
    }

    [Fact]
    public void Load_PropertyInWrongCase_SuggestsTheRightName()
    {
        // Line 15 `        "Weight": 60,` → the name starts at column 9; 'weight' itself is then missing (reported at the object, line 13 column 7).
        var result = SchemeFile.Load(Valid.Replace("\"weight\": 60", "\"Weight\": 60", StringComparison.Ordinal));

        var unknown = Assert.Single(result.Problems, p => p.Code == "json.unknownProperty");
        AssertProblem(unknown, "json.unknownProperty", "$.root.children[0].Weight", 15, 9);
        Assert.Contains("Did you mean 'weight'?", unknown.Message, StringComparison.Ordinal);
        AssertProblem(Assert.Single(result.Problems, p => p.Code == "json.missingProperty"), "json.missingProperty", "$.root.children[0].weight", 13, 7);
        Assert.Equal(2, result.Problems.Length);
    }

    [Fact]
    public void Load_DuplicateProperty_ReportsTheRepetition()
    {
        // Line 15 becomes `        "weight": 60, "weight": 70,`: 8 + `"weight": 60, ` (14) → the second name at column 23.
        var result = SchemeFile.Load(Valid.Replace("\"weight\": 60,", "\"weight\": 60, \"weight\": 70,", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "json.duplicateProperty", "$.root.children[0].weight", 15, 23);
    }

    [Fact]
    public void Load_NumberWrittenAsString_IsATypeErrorAndNotAlsoAWeightSum()
    {
        // Line 15 `        "weight": "60",`: 8 + `"weight": ` (10) → the value at column 19.
        var result = SchemeFile.Load(Valid.Replace("\"weight\": 60", "\"weight\": \"60\"", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "json.type", "$.root.children[0].weight", 15, 19);
        Assert.Equal("60", problem.AttemptedValue);
        Assert.Contains("without quotes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NullWhereAValueIsRequired_IsReported()
    {
        // Line 16 `        "measure": null,`: 8 + `"measure": ` (11) → column 20.
        var result = SchemeFile.Load(Valid.Replace("\"measure\": \"a\"", "\"measure\": null", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.null", "$.root.children[0].measure", 16, 20);
    }

    [Fact]
    public void Load_NullForAnOptionalMember_IsReportedToo()
    {
        // Line 4 `  "name": "S", "maxBonus": null,`: 2 + `"name": "S", ` (13) + `"maxBonus": ` (12) → column 28.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\",", "\"name\": \"S\", \"maxBonus\": null,", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.null", "$.maxBonus", 4, 28);
    }

    [Fact]
    public void Load_NumberWithMoreDigitsThanADecimalHolds_IsRefusedNotRounded()
    {
        // Line 17: 8 + `"scorer": { ` (12) + `"kind": "linear", ` (18) + `"baseline": 0, ` (15) + `"target": ` (10) → column 64.
        var result = SchemeFile.Load(Valid.Replace("\"target\": 10 }", "\"target\": 0.1234567890123456789012345678901 }", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "json.number", "$.root.children[0].scorer.target", 17, 64);
        Assert.Equal("0.1234567890123456789012345678901", problem.AttemptedValue);
        Assert.Contains("31 significant digits", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e29")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("-79228162514264337593543950336")]
    [InlineData("1e-29")]
    [InlineData("1E+1000000000000")]
    [InlineData("0.00000000000000000000000000001")]
    public void Load_NumberOutsideTheExactDecimalRange_IsRefused(string number)
    {
        // Line 4 `  "name": "S", "points": <n>,`: 2 + `"name": "S", ` (13) + `"points": ` (10) → column 26.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\",", "\"name\": \"S\", \"points\": " + number + ",", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "json.number", "$.points", 4, 26);
        Assert.Equal(number, problem.AttemptedValue);
    }

    [Theory]
    [InlineData("NaN", 19)]
    [InlineData("Infinity", 19)]
    [InlineData("-Infinity", 19)]
    [InlineData("+Infinity", 19)]
    [InlineData("-NaN", 19)]
    public void Load_NonFiniteToken_IsANumberProblem(string token, int column)
    {
        // Line 15 `        "weight": <token>,`: the token starts at column 19 (its sign included).
        var result = SchemeFile.Load(Valid.Replace("\"weight\": 60", "\"weight\": " + token, StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "json.number", "$.root.children[0].weight", 15, column);
        Assert.Equal(token, problem.AttemptedValue);
    }

    [Fact]
    public void Load_Utf8ByteOrderMark_IsAcceptedAndPositionsIgnoreIt()
    {
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Valid)).ToArray();

        var loaded = SchemeFile.Load(withBom);
        Assert.True(loaded.Succeeded);
        Assert.True(SchemeFile.AreEquivalent(SchemeFile.LoadOrThrow(Valid), loaded.Scheme));

        // `{"id": 1}`: the value is the 8th character after the mark.
        var broken = SchemeFile.Load(Encoding.UTF8.GetPreamble().Concat("{\"id\": 1}"u8.ToArray()).ToArray());
        AssertProblem(Assert.Single(broken.Problems, p => p.Code == "json.type"), "json.type", "$.id", 1, 8);
    }

    [Fact]
    public void Load_Utf16WithByteOrderMark_IsAnEncodingProblem()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid)).ToArray();

        AssertProblem(Assert.Single(SchemeFile.Load(utf16).Problems), "json.encoding", "$", 1, 1);
        var utf16BigEndian = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Valid)).ToArray();
        AssertProblem(Assert.Single(SchemeFile.Load(utf16BigEndian).Problems), "json.encoding", "$", 1, 1);
    }

    [Fact]
    public void Load_Utf16WithoutByteOrderMark_IsAnEncodingProblem()
        => AssertProblem(Assert.Single(SchemeFile.Load(Encoding.Unicode.GetBytes(Valid)).Problems), "json.encoding", "$", 1, 1);

    [Fact]
    public void Load_SecondByteOrderMark_IsASyntaxError()
    {
        var twice = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetPreamble()).Concat(Encoding.UTF8.GetBytes(Valid)).ToArray();

        AssertProblem(Assert.Single(SchemeFile.Load(twice).Problems), "json.syntax", "$", 1, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r\n ")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF \n")]
    public void Load_EmptyFile_IsReportedAsEmpty(string text)
    {
        AssertProblem(Assert.Single(SchemeFile.Load(text).Problems), "json.empty", "$", 1, 1);
        AssertProblem(Assert.Single(SchemeFile.Load(Encoding.UTF8.GetBytes(text)).Problems), "json.empty", "$", 1, 1);
        Assert.Equal("json.empty", Assert.Single(SchemeFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))).Problems).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE6, 0x9C })]
    public void Load_InvalidUtf8_IsAnEncodingProblemAtTheFirstBadByte(byte[] bad)
    {
        // Line 4 `  "name": "月<bad>"`: 2 + `"name": "` (9) + one character → the bad byte is character 13 of the line.
        var text = Encoding.UTF8.GetBytes(Valid.Replace("\"name\": \"S\"", "\"name\": \"月@\"", StringComparison.Ordinal));
        var at = Array.IndexOf(text, (byte)'@');
        var bytes = text[..at].Concat(bad).Concat(text[(at + 1)..]).ToArray();

        var problem = Assert.Single(SchemeFile.Load(bytes).Problems);
        AssertProblem(problem, "json.encoding", "$", 4, 13);
        Assert.Equal("0x" + bad[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture), problem.AttemptedValue);
    }

    [Fact]
    public void Load_EscapedUnpairedSurrogate_IsAnEncodingProblem()
    {
        // Line 4 `  "name": "\ud800",`: the string starts at column 11.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\"", "\"name\": \"\\ud800\"", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.encoding", "$.name", 4, 11);
    }

    [Fact]
    public void Load_TextWithUnpairedSurrogate_IsAnEncodingProblem()
    {
        // Line 4 `  "name": "<U+D800>"`: the surrogate would be character 12.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\"", "\"name\": \"\uD800\"", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.encoding", "$", 4, 12);
    }

    [Fact]
    public void Load_NestingTenThousandDeep_StopsAtTheDepthLimit()
    {
        // The 65th '[' (column 65) would be nested deeper than 64; it is element 0 of the 64th array.
        var deep = new string('[', 10_000) + new string(']', 10_000);

        var problem = Assert.Single(SchemeFile.Load(deep).Problems);
        AssertProblem(problem, "json.limit", "$" + string.Concat(Enumerable.Repeat("[0]", 64)), 1, 65);
    }

    [Fact]
    public void Load_ObjectsNestedTenThousandDeep_StopAtTheDepthLimit()
    {
        // Each level is `{"a":` (5 characters), so the 65th '{' is at column 64 × 5 + 1 = 321.
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);

        var problem = Assert.Single(SchemeFile.Load(deep).Problems);
        AssertProblem(problem, "json.limit", "$" + string.Concat(Enumerable.Repeat(".a", 64)), 1, 321);
    }

    [Fact]
    public void Load_MillionElementArrayWithinTheSizeLimit_StopsAtTheValueLimit()
    {
        // "[0,0,…,0]": 2,000,001 bytes. The array is value 1, element i is value i + 2, so element 499,999 is value 500,001;
        // it starts at byte 1 + 2 × 499,999, i.e. column 1,000,000.
        var array = "[" + string.Join(",", Enumerable.Repeat("0", 1_000_000)) + "]";

        var problem = Assert.Single(SchemeFile.Load(array).Problems);
        AssertProblem(problem, "json.limit", "$[499999]", 1, 1_000_000);
    }

    [Fact]
    public void Load_MillionElementArrayBeyondTheSizeLimit_IsRefusedBeforeParsing()
    {
        // "[" + 1,000,000 × "12345" joined by 999,999 commas + "]" is 6,000,001 bytes > 4 MiB (4,194,304).
        var bytes = Encoding.ASCII.GetBytes("[" + string.Join(",", Enumerable.Repeat("12345", 1_000_000)) + "]");

        var problem = Assert.Single(SchemeFile.Load(bytes).Problems);
        AssertProblem(problem, "json.limit", "$", 1, 1);
        Assert.Equal("6,000,001", problem.AttemptedValue);
    }

    [Fact]
    public void Load_OverSizeFile_IsRefusedForBytesTextAndStream()
    {
        var limits = SchemeFileLimits.Default.WithMaxBytes(100);
        Assert.True(Encoding.UTF8.GetByteCount(Valid) > 100);

        AssertProblem(Assert.Single(SchemeFile.Load(Encoding.UTF8.GetBytes(Valid), null, limits).Problems), "json.limit", "$", 1, 1);
        AssertProblem(Assert.Single(SchemeFile.Load(Valid, null, limits).Problems), "json.limit", "$", 1, 1);
        AssertProblem(Assert.Single(SchemeFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(Valid)), null, limits).Problems), "json.limit", "$", 1, 1);
    }

    [Fact]
    public void Load_EndlessStream_ReadsNoMoreThanTheLimitAllows()
    {
        using var stream = new EndlessSpaces();

        var result = SchemeFile.Load(stream);

        Assert.Equal("json.limit", Assert.Single(result.Problems).Code);
        Assert.Equal(SchemeFileLimits.DefaultMaxBytes + 1L, stream.Position);
    }

    [Fact]
    public void Load_StringLongerThanTheLimit_IsReported()
    {
        // Line 4 `  "name": "xxxx…"`: the string starts at column 11.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\"", "\"name\": \"" + new string('x', 4_097) + "\"", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.limit", "$.name", 4, 11);
    }

    [Fact]
    public void Load_MoreNodesThanTheLimit_IsReportedOnce()
    {
        // Limit 2 nodes: the root is node 1, child "a" node 2, child "b" (line 19, column 7) the first beyond it.
        var result = SchemeFile.Load(Valid, null, SchemeFileLimits.Default.WithMaxNodes(2));

        AssertProblem(Assert.Single(result.Problems), "json.limit", "$.root.children[1]", 19, 7);
    }

    [Fact]
    public void Load_FortyThousandIndicators_StopsAtTheNodeLimitWithOneProblem()
    {
        // The root is node 1, so children[9998] is node 10,000 and children[9999] the first beyond the limit.
        var child = "{\"id\":\"i{0}\",\"weight\":1,\"measure\":\"m\",\"scorer\":{\"kind\":\"linear\",\"baseline\":0,\"target\":1}}";
        var children = string.Join(",", Enumerable.Range(0, 40_000).Select(i => child.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var text = "{\"id\":\"s\",\"version\":\"1\",\"name\":\"S\",\"grades\":[{\"name\":\"A\",\"coefficient\":1}],"
            + "\"root\":{\"id\":\"root\",\"kind\":\"custom\",\"weightMode\":\"normalize\",\"children\":[" + children + "]}}";

        var problem = Assert.Single(SchemeFile.Load(text).Problems);

        Assert.Equal(("json.limit", "$.root.children[9999]"), (problem.Code, problem.Path));
    }

    [Fact]
    public void Load_WeightsAddingUpBeyondTheDecimalRange_AreAModelProblemNotAnOverflow()
    {
        // Two normalize weights of 79228162514264337593543950335 each: their sum does not exist as a decimal.
        var text = Valid
            .Replace("\"weightMode\": \"percent\"", "\"weightMode\": \"normalize\"", StringComparison.Ordinal)
            .Replace("\"weight\": 60", "\"weight\": 79228162514264337593543950335", StringComparison.Ordinal)
            .Replace("\"weight\": 40", "\"weight\": 79228162514264337593543950335", StringComparison.Ordinal);

        AssertProblem(Assert.Single(SchemeFile.Load(text).Problems), "weight.sum", "$.root.children", 12, 17);
    }

    [Fact]
    public void Load_MoreProblemsThanTheLimit_ReportsTheFirstAndOneLimitProblem()
    {
        var extra = string.Concat(Enumerable.Range(0, 10).Select(i => $"\"x{i}\": {i}, "));
        var result = SchemeFile.Load(Valid.Replace("\"id\": \"s\",", "\"id\": \"s\", " + extra, StringComparison.Ordinal), null, SchemeFileLimits.Default.WithMaxProblems(3));

        Assert.Equal(4, result.Problems.Length);
        Assert.All(result.Problems.Take(3), p => Assert.Equal("json.unknownProperty", p.Code));
        Assert.Equal("json.limit", result.Problems[3].Code);
    }

    [Theory]
    [InlineData("{\"id\": \"s\",}", "$", 1, 12)]
    [InlineData("{\"id\": \"s\" // note\n}", "$", 1, 12)]
    [InlineData("{\"id\": 'single'}", "$.id", 1, 8)]
    [InlineData("{\"id\": \"s\"} {}", "$", 1, 13)]
    [InlineData("{\"id\": \"s\"", "$", 1, 11)]
    [InlineData("{\"id\": 01}", "$.id", 1, 9)]
    public void Load_MalformedJson_IsASyntaxProblem(string text, string path, int line, int column)
        => AssertProblem(Assert.Single(SchemeFile.Load(text).Problems), "json.syntax", path, line, column);

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"scheme\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Load_TopLevelValueNotAnObject_IsATypeProblem(string text, string described)
    {
        var problem = Assert.Single(SchemeFile.Load(text).Problems);

        Assert.Equal(ProblemCodes.JsonType, problem.Code);
        Assert.Equal("$", problem.Path);
        Assert.Contains(described, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRequiredProperty_PointsAtTheObject()
    {
        // The first child's object opens on line 13 at column 7.
        var result = SchemeFile.Load(Valid.Replace("\"measure\": \"a\",", string.Empty, StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.missingProperty", "$.root.children[0].measure", 13, 7);
    }

    [Theory]
    [InlineData("\"kind\": \"custom\"", "\"kind\": \"folder\"", "$.root.kind", 10, 13)]
    [InlineData("\"weightMode\": \"percent\"", "\"weightMode\": \"percentage\"", "$.root.weightMode", 11, 19)]
    public void Load_TextNotAmongTheAllowedValues_IsAValueProblem(string from, string to, string path, int line, int column)
    {
        // Line 10 `    "kind": "folder",` → value at 4 + 9 = column 13; line 11 `    "weightMode": ` → 4 + 15 = column 19.
        var problem = Assert.Single(SchemeFile.Load(Valid.Replace(from, to, StringComparison.Ordinal)).Problems);

        AssertProblem(problem, "json.value", path, line, column);
    }

    [Fact]
    public void Load_RoundingModeByAnUnknownName_IsTheModelsRoundingProblem()
    {
        // Line 4 `  "name": "S", "rounding": {"mode": "halfUp"},`: 2 + 13 + `"rounding": {` (13) + `"mode": ` (8) → column 37.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\",", "\"name\": \"S\", \"rounding\": {\"mode\": \"halfUp\"},", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "rounding.invalid", "$.rounding.mode", 4, 37);
        Assert.Equal("halfUp", problem.AttemptedValue);
    }

    [Fact]
    public void Load_RoundingDecimalsNotWhole_IsATypeProblem()
    {
        // Line 4: 2 + 13 + `"rounding": {` (13) + `"decimals": ` (12) → column 41.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\",", "\"name\": \"S\", \"rounding\": {\"decimals\": 2.5},", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.type", "$.rounding.decimals", 4, 41);
    }

    [Fact]
    public void Load_WeightsThatDoNotSum_ReportTheModelProblemAtTheChildrenArray()
    {
        // 60 + 30 = 90 ≠ 100. Line 12 `    "children": [` → the array at 4 + 13 = column 17.
        var result = SchemeFile.Load(Valid.Replace("\"weight\": 40", "\"weight\": 30", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "weight.sum", "$.root.children", 12, 17);
        Assert.Equal("90", problem.AttemptedValue);
    }

    [Fact]
    public void Load_ScorerParameterProblem_PointsAtTheParameter()
    {
        // Baseline 0 equals target 0. Line 17: the target value at column 64 (as above).
        var result = SchemeFile.Load(Valid.Replace("\"target\": 10 }", "\"target\": 0 }", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "scorer.linear.baselineEqualsTarget", "$.root.children[0].scorer.target", 17, 64);
    }

    [Fact]
    public void Load_UnknownScorerKind_PointsAtTheKind()
    {
        // Line 17: 8 + `"scorer": { ` (12) + `"kind": ` (8) → column 29.
        var result = SchemeFile.Load(Valid.Replace("\"kind\": \"linear\", \"baseline\": 0, \"target\": 10", "\"kind\": \"lineal\", \"baseline\": 0, \"target\": 10", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        AssertProblem(problem, "scorer.unknownKind", "$.root.children[0].scorer.kind", 17, 29);
    }

    [Fact]
    public void Load_ScorerParameterBoolean_IsATypeProblem()
    {
        // Line 17: 8 + 12 + 18 + `"baseline": ` (12) → column 51.
        var result = SchemeFile.Load(Valid.Replace("\"baseline\": 0, \"target\": 10", "\"baseline\": true, \"target\": 10", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.type", "$.root.children[0].scorer.baseline", 17, 51);
    }

    [Fact]
    public void Load_DuplicateSiblingIds_ReportTheSecondId()
    {
        // Line 20 `        "id": "a",` (was "b") → the value at 8 + 7 = column 15.
        var result = SchemeFile.Load(Valid.Replace("\"id\": \"b\"", "\"id\": \"a\"", StringComparison.Ordinal).Replace("\"measure\": \"b\"", "\"measure\": \"c\"", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems, p => p.Code == "id.duplicate"), "id.duplicate", "$.root.children[1].id", 20, 15);
    }

    [Fact]
    public void Load_RepeatedTag_PointsAtTheRepetition()
    {
        // Line 16 `        "measure": "a", "tags": ["risk", "risk"],`: 8 + `"measure": "a", ` (16) + `"tags": [` (9) + `"risk", ` (8) → column 42.
        var result = SchemeFile.Load(Valid.Replace("\"measure\": \"a\",", "\"measure\": \"a\", \"tags\": [\"risk\", \"risk\"],", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "tag.invalid", "$.root.children[0].tags[1]", 16, 42);
    }

    [Fact]
    public void Load_MalformedCultureName_PointsAtTheName()
    {
        // Line 16: 8 + `"measure": "a", ` (16) + `"names": {` (10) + `"zh CN": ` (9) = 43 characters before the value → column 44.
        var result = SchemeFile.Load(Valid.Replace("\"measure\": \"a\",", "\"measure\": \"a\", \"names\": {\"zh CN\": \"甲\"},", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "name.culture", "$.root.children[0].names['zh CN']", 16, 44);
    }

    [Fact]
    public void Load_GateProblems_PointAtTheGateMembers()
    {
        var gates = """
            ,
              "gates": [
                { "id": "g1", "on": "value", "node": "nowhere", "threshold": 1, "consequence": "cancelPayout" },
                { "id": "g2", "on": "total", "threshold": 1, "consequence": "capGrade", "target": "Z" },
                { "id": "g3", "on": "base", "node": "a", "threshold": 1, "consequence": "cancelPayout", "target": "A" }
              ]
            }
            """;
        var text = Valid[..Valid.LastIndexOf('}')].TrimEnd() + Lf(gates);

        var result = SchemeFile.Load(text);

        // Gate lines are 28–30. g1: 4 + `{ "id": "g1", "on": "value", "node": ` (37) → column 42.
        AssertProblem(Assert.Single(result.Problems, p => p.Code == "node.unknown"), "node.unknown", "$.gates[0].node", 28, 42);

        // g2: 4 + `{ "id": "g2", "on": "total", "threshold": 1, "consequence": "capGrade", "target": ` (82) → column 87.
        AssertProblem(Assert.Single(result.Problems, p => p.Code == "gate.unknownGrade"), "gate.unknownGrade", "$.gates[1].target", 29, 87);

        // g3: 'node' is not allowed on a base gate, 'target' not with cancelPayout; both names are reported.
        // 4 + `{ "id": "g3", "on": "base", ` (28) → "node" at column 33; then `"node": "a", ` (13) + `"threshold": 1, ` (16)
        // + `"consequence": "cancelPayout", ` (31) → "target" at column 33 + 60 = 93.
        var notAllowed = result.Problems.Where(p => p.Code == "json.unknownProperty").ToList();
        Assert.Equal(2, notAllowed.Count);
        AssertProblem(notAllowed[0], "json.unknownProperty", "$.gates[2].node", 30, 33);
        AssertProblem(notAllowed[1], "json.unknownProperty", "$.gates[2].target", 30, 93);
        Assert.Equal(4, result.Problems.Length);
    }

    [Fact]
    public void Load_ScorerVersionsThatDoNotMatchTheRegistry_AreRefused()
    {
        // Line 4 `  "name": "S", "scorerVersions": {"linear": "0", "band": "1", "nope": "1"},`
        // 2 + 13 + `"scorerVersions": {` (19) → "linear" at 35, its value at 35 + 10 = 45; "band" at 45 + 5 = 50; "nope" at 50 + 13 = 63.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\",", "\"name\": \"S\", \"scorerVersions\": {\"linear\": \"0\", \"band\": \"1\", \"nope\": \"1\"},", StringComparison.Ordinal));

        Assert.Equal(3, result.Problems.Length);
        AssertProblem(result.Problems[0], "scorer.version", "$.scorerVersions.linear", 4, 45);
        AssertProblem(result.Problems[1], "json.unknownProperty", "$.scorerVersions.band", 4, 50);
        AssertProblem(result.Problems[2], "scorer.unknownKind", "$.scorerVersions.nope", 4, 63);
    }

    [Fact]
    public void Load_ColumnsCountCharactersNotBytes()
    {
        // Line 4 `  "name": "月度考核😀", "x": 1,`: 2 + `"name": "月度考核😀", ` (17 characters) → "x" at column 20.
        var result = SchemeFile.Load(Valid.Replace("\"name\": \"S\",", "\"name\": \"月度考核😀\", \"x\": 1,", StringComparison.Ordinal));

        AssertProblem(Assert.Single(result.Problems), "json.unknownProperty", "$.x", 4, 20);
    }

    [Fact]
    public void Load_FileWithSeveralProblems_ReportsAllOfThemInFileOrder()
    {
        var text = Valid
            .Replace("\"version\": \"1\",", "\"version\": 1,", StringComparison.Ordinal)
            .Replace("\"name\": \"S\",", "\"name\": \"S\", \"name\": \"T\",", StringComparison.Ordinal)
            .Replace("\"id\": \"a\",", "\"id\": \"a\", \"colour\": \"red\",", StringComparison.Ordinal)
            .Replace("\"target\": 10 }", "\"target\": 0.1234567890123456789012345678901 }", StringComparison.Ordinal)
            .Replace("\"weight\": 40", "\"weight\": 30", StringComparison.Ordinal)
            .Replace("\"target\": 20 }", "\"target\": 0 }", StringComparison.Ordinal);

        var result = SchemeFile.Load(text);

        // version (line 3, 2 + `"version": ` → 14); repeated name (line 4, 2 + `"name": "S", ` → 16); weight sum (line 12, 17);
        // colour (line 14, 20); inexact target (line 17, 64); baseline = target in b (line 23, 64).
        Assert.Collection(
            result.Problems,
            p => AssertProblem(p, "json.type", "$.version", 3, 14),
            p => AssertProblem(p, "json.duplicateProperty", "$.name", 4, 16),
            p => AssertProblem(p, "weight.sum", "$.root.children", 12, 17),
            p => AssertProblem(p, "json.unknownProperty", "$.root.children[0].colour", 14, 20),
            p => AssertProblem(p, "json.number", "$.root.children[0].scorer.target", 17, 64),
            p => AssertProblem(p, "scorer.linear.baselineEqualsTarget", "$.root.children[1].scorer.target", 23, 64));
        var thrown = Assert.Throws<SchemeLoadException>(() => SchemeFile.LoadOrThrow(text));
        Assert.Equal(result.Problems.Select(p => p.ToString()), thrown.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_SchemaReference_IsAcceptedAndMustBeText()
    {
        Assert.True(SchemeFile.Load(Valid.Replace("\"id\": \"s\",", "\"$schema\": \"https://example.org/scheme.json\", \"id\": \"s\",", StringComparison.Ordinal)).Succeeded);

        // Line 2 `  "$schema": 1, "id": "s",` → the value at 2 + `"$schema": ` (11) = column 14.
        var result = SchemeFile.Load(Valid.Replace("\"id\": \"s\",", "\"$schema\": 1, \"id\": \"s\",", StringComparison.Ordinal));
        AssertProblem(Assert.Single(result.Problems), "json.type", "$.$schema", 2, 14);
    }

    [Fact]
    public void LoadOrThrow_InvalidFile_ThrowsTheDocumentedExceptionForEveryInputKind()
    {
        const string Broken = "{\"id\": 1}";

        Assert.Contains(Assert.Throws<SchemeLoadException>(() => SchemeFile.LoadOrThrow(Broken)).Problems, p => p.Code == "json.type");
        Assert.Contains(Assert.Throws<SchemeLoadException>(() => SchemeFile.LoadOrThrow(Encoding.UTF8.GetBytes(Broken))).Problems, p => p.Code == "json.type");
        Assert.Contains(Assert.Throws<SchemeLoadException>(() => SchemeFile.LoadOrThrow(new MemoryStream(Encoding.UTF8.GetBytes(Broken)))).Problems, p => p.Code == "json.type");
    }

    [Fact]
    public void Load_NullArguments_AreMisuse()
    {
        Assert.Throws<ArgumentNullException>(() => SchemeFile.Load((string)null!));
        Assert.Throws<ArgumentNullException>(() => SchemeFile.Load((Stream)null!));
        using var writeOnly = new WriteOnlyStream();
        Assert.Throws<ArgumentException>(() => SchemeFile.Load(writeOnly));
    }

    private static void AssertProblem(Problem problem, string code, string path, int line, int column)
    {
        Assert.True(
            problem.Code == code && problem.Path == path && problem.Line == line && problem.Column == column,
            $"Expected [{code}] at {path} (line {line}, column {column}); got {problem}");
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A stream of spaces that never ends, counting what was read.</summary>
    private sealed class EndlessSpaces : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
