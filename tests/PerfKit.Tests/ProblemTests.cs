using System;
using Xunit;

namespace PerfKit.Tests;

public class ProblemTests
{
    [Fact]
    public void At_Position_IsKeptAndShownAfterThePath()
    {
        var problem = new Problem("json.null", "$.root.children[1].measure", "null", "'measure' must be a text, not null.");

        var located = problem.At(16, 20);

        Assert.Equal((16, 20), (located.Line, located.Column));
        Assert.Equal((problem.Code, problem.Path, problem.AttemptedValue, problem.Message), (located.Code, located.Path, located.AttemptedValue, located.Message));
        Assert.Null(problem.Line);
        Assert.Null(problem.Column);
        Assert.Equal("[json.null] at $.root.children[1].measure (line 16, column 20): 'measure' must be a text, not null. (value: null)", located.ToString());
        Assert.Equal("[json.null] at $.root.children[1].measure: 'measure' must be a text, not null. (value: null)", problem.ToString());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-3, 5)]
    public void At_PositionBelowOne_IsMisuse(int line, int column)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Problem("c", "p", null, "m").At(line, column));
}
