using System;
using System.Globalization;
using System.Linq;
using PerfKit.Evaluation;
using Xunit;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="SubjectInputBuilder"/>: strict invariant parsing and data problems recorded as values.</summary>
public sealed class SubjectInputBuilderTests
{
    [Theory]
    [InlineData("de-DE", "1234.50", "1234.5")]
    [InlineData("tr-TR", "1234.50", "1234.5")]
    [InlineData("de-DE", "-3.75", "-3.75")]
    [InlineData("tr-TR", "-0", "0")]
    [InlineData("de-DE", "007", "7")]
    [InlineData("tr-TR", "0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("de-DE", "79228162514264337593543950335", "79228162514264337593543950335")]
    public void Value_PlainDecimalText_ParsedInvariantlyUnderAnyCulture(string culture, string text, string expected)
    {
        using var scope = new CultureScope(culture);

        var input = SubjectInput.For("S1").Value("m", text).Build();

        Assert.Empty(input.Problems);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), input.Values["m"]);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.234,5")]
    [InlineData("1,234.5")]
    [InlineData("+5")]
    [InlineData(" 12")]
    [InlineData("12 ")]
    [InlineData("1e5")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1-")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("0x10")]
    [InlineData("١٢")]
    [InlineData("¥12")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("0.12345678901234567890123456789")]
    public void Value_TextThatIsNotAPlainDecimal_UnparsableProblem(string text)
    {
        using var scope = new CultureScope("de-DE");

        var input = SubjectInput.For("S-p").Value("sales", text).Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal(ProblemCodes.ValueUnparsable, problem.Code);
        Assert.Equal("sales", problem.Path);
        Assert.Equal(text, problem.AttemptedValue);
        Assert.Equal("S-p", problem.SubjectId);
        Assert.Contains("sales", problem.Message, StringComparison.Ordinal);
        Assert.False(input.Values.ContainsKey("sales"));
    }

    [Fact]
    public void Value_NullText_UnparsableNothingDefaulted()
    {
        var input = SubjectInput.For("S1").Value("sales", (string?)null).Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal(ProblemCodes.ValueUnparsable, problem.Code);
        Assert.Null(problem.AttemptedValue);
        Assert.Empty(input.Values);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData(" NaN ")]
    [InlineData("-nan")]
    [InlineData("Infinity")]
    [InlineData("+Infinity")]
    [InlineData("-INFINITY")]
    [InlineData("∞")]
    [InlineData("-∞")]
    public void Value_NonFiniteText_NonFiniteProblem(string text)
    {
        using var scope = new CultureScope("tr-TR");

        var input = SubjectInput.For("S-n").Value("sales", text).Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal(ProblemCodes.ValueNonFinite, problem.Code);
        Assert.Equal("sales", problem.Path);
        Assert.Equal(text, problem.AttemptedValue);
        Assert.Equal("S-n", problem.SubjectId);
    }

    [Fact]
    public void Value_MeasureGivenTwice_DuplicateFirstValueKept()
    {
        var input = SubjectInput.For("S1").Value("m", 1m).Value("m", 2.50m).Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal(ProblemCodes.ValueDuplicate, problem.Code);
        Assert.Equal("m", problem.Path);
        Assert.Equal("2.5", problem.AttemptedValue);
        Assert.Equal(1m, input.Values["m"]);
    }

    [Fact]
    public void Value_TextAfterUnparsableText_StillADuplicate()
    {
        var input = SubjectInput.For("S1").Value("m", "1,5").Value("m", "1.5").Build();

        Assert.Equal(new[] { ProblemCodes.ValueUnparsable, ProblemCodes.ValueDuplicate }, input.Problems.Select(p => p.Code));
        Assert.Empty(input.Values);
    }

    [Fact]
    public void Ratings_AfterANumberForTheSameMeasure_KindProblem()
    {
        var input = SubjectInput.For("S1").Value("m", 4m).Ratings("m", "peer", 4m).Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal(ProblemCodes.ValueKind, problem.Code);
        Assert.Equal("m", problem.Path);
        Assert.Empty(input.Ratings);
    }

    [Fact]
    public void Value_AfterRatingsForTheSameMeasure_Problem()
    {
        var input = SubjectInput.For("S1").Ratings("m", "peer", 4m).Value("m", 4m).Build();

        Assert.Single(input.Problems);
        Assert.Empty(input.Values);
        Assert.Single(input.Ratings);
    }

    [Fact]
    public void Ratings_SameRoleTwice_DuplicateProblem()
    {
        var input = SubjectInput.For("S-r").Ratings("m", "peer", 4m).Ratings("m", "peer", 5m).Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal(ProblemCodes.ValueDuplicate, problem.Code);
        Assert.Equal("m", problem.Path);
        Assert.Equal("peer", problem.AttemptedValue);
        Assert.Equal("S-r", problem.SubjectId);
        Assert.Equal(new[] { 4m }, input.Ratings["m"].ByRole["peer"]);
    }

    [Fact]
    public void Ratings_SeveralRoles_GroupedByRole()
    {
        var input = SubjectInput.For("S1").Ratings("m", "superior", 4m, 5m).Ratings("m", "peer", 3m).Build();

        var set = input.Ratings["m"];
        Assert.Equal(new[] { "peer", "superior" }, set.ByRole.Keys);
        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void Ratings_NullArguments_ArgumentNullException()
    {
        var b = SubjectInput.For("S1");

        Assert.Throws<ArgumentNullException>(() => b.Ratings(null!, "peer", 1m));
        Assert.Throws<ArgumentNullException>(() => b.Ratings("m", null!, 1m));
        Assert.Throws<ArgumentNullException>(() => b.Ratings("m", "peer", null!));
    }

    [Fact]
    public void Ratings_BlankRole_ArgumentExceptionAtTheCall()
    {
        var b = SubjectInput.For("S1");

        Assert.Throws<ArgumentException>(() => b.Ratings("m", " ", 4m));
        Assert.Empty(b.Build().Ratings);
    }

    [Fact]
    public void Value_NullMeasure_ArgumentNullException()
    {
        var b = SubjectInput.For("S1");

        Assert.Throws<ArgumentNullException>(() => b.Value(null!, 1m));
        Assert.Throws<ArgumentNullException>(() => b.Value(null!, "1"));
    }

    [Fact]
    public void With_Null_ArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => SubjectInput.For("S1").With(null!));

    [Fact]
    public void BasePay_Negative_ProblemNamingTheValue()
    {
        var input = SubjectInput.For("S-b").BasePay(-0.01m).Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal(ProblemCodes.BasePayInvalid, problem.Code);
        Assert.Equal("basePay", problem.Path);
        Assert.Equal("-0.01", problem.AttemptedValue);
        Assert.Equal("S-b", problem.SubjectId);
        Assert.Equal(-0.01m, input.BasePay);
    }

    [Fact]
    public void BasePay_Zero_NoProblem()
    {
        var input = SubjectInput.For("S1").BasePay(0m).Build();

        Assert.Empty(input.Problems);
        Assert.Equal(0m, input.BasePay);
    }

    [Fact]
    public void Build_ThenBuilderChanged_EarlierInputUnchanged()
    {
        var b = SubjectInput.For("S1").Value("a", 1m);
        var first = b.Build();

        b.Value("b", 2m).Value("a", 3m).Ratings("r", "peer", 4m).BasePay(10m).With(Override.OfScore("x", 1m, "r", "y"));
        var second = b.Build();

        Assert.Equal(new[] { "a" }, first.Values.Keys);
        Assert.Empty(first.Ratings);
        Assert.Null(first.BasePay);
        Assert.Empty(first.Overrides);
        Assert.Empty(first.Problems);
        Assert.Equal(new[] { "a", "b" }, second.Values.Keys);
        Assert.Single(second.Problems);
    }
}
