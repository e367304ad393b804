using System;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Serialization;

public class SchemeLoadExceptionTests
{
    [Fact]
    public void Constructor_Problems_AreCarriedAndListedInTheMessage()
    {
        var problem = new Problem("json.type", "$.id", "1", "'id' must be a text, not a number.").At(1, 8);

        var exception = new SchemeLoadException([problem]);

        Assert.Same(problem, Assert.Single(exception.Problems));
        Assert.Contains("[json.type] at $.id (line 1, column 8): 'id' must be a text, not a number. (value: 1)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoProblems_IsMisuse()
    {
        Assert.Throws<ArgumentException>(() => new SchemeLoadException([]));
        Assert.Throws<ArgumentNullException>(() => new SchemeLoadException(null!));
        Assert.Throws<ArgumentException>(() => new SchemeLoadException([null!]));
    }
}
