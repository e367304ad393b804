using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Serialization;

/// <summary>Text passed as a string is converted to UTF-8 no further than the byte limit needs.</summary>
public partial class SchemeFileTests
{
    [Fact]
    public void Load_TextWhoseUtf8FormPassesTheByteLimit_IsRefusedAsTooLong()
    {
        // 5 characters (within MaxBytes = 10) but 5 × 3 = 15 UTF-8 bytes: converting stops after 11 bytes.
        var limits = SchemeFileLimits.Default.WithMaxBytes(10);

        var result = SchemeFile.Load("月月月月月", null, limits);

        AssertProblem(Assert.Single(result.Problems), "json.limit", "$", 1, 1);
        Assert.Null(result.Scheme);
    }

    [Fact]
    public void Load_TextOneByteOverTheLimitInUtf8_ReportsItsByteCount()
    {
        // "月月ab" is 3 + 3 + 1 + 1 = 8 UTF-8 bytes, one more than MaxBytes = 7: converted whole, then refused by size.
        var limits = SchemeFileLimits.Default.WithMaxBytes(7);

        var problem = Assert.Single(SchemeFile.Load("月月ab", null, limits).Problems);

        AssertProblem(problem, "json.limit", "$", 1, 1);
        Assert.Equal("8", problem.AttemptedValue);
    }

    [Fact]
    public void Load_TextPastTheLimitWithUnpairedSurrogate_ReportsTheSizeFirst()
    {
        // As for bytes, the size is checked before the encoding: 4 × 3 = 12 bytes pass MaxBytes = 10 before the \ud800.
        var limits = SchemeFileLimits.Default.WithMaxBytes(10);

        var result = SchemeFile.Load("月月月月\ud800", null, limits);

        AssertProblem(Assert.Single(result.Problems), "json.limit", "$", 1, 1);
    }
}
