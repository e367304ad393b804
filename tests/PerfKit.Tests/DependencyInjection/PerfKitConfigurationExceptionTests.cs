using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.DependencyInjection;
using Xunit;

namespace PerfKit.Tests.DependencyInjection;

public sealed class PerfKitConfigurationExceptionTests
{
    [Fact]
    public void Message_TwoErrors_CountsThemAndListsEachOnItsOwnLine()
    {
        var problem = new Problem(ProblemCodes.JsonSyntax, "$", null, "Broken.").At(1, 1);
        var files = new Dictionary<string, ImmutableArray<Problem>> { ["/b.json"] = [problem] };

        var exception = new PerfKitConfigurationException(["Template 'x' does not exist.", "Scheme file '/b.json' is invalid."], files);

        Assert.Equal("PerfKit is not configured correctly (2 errors):\n- Template 'x' does not exist.\n- Scheme file '/b.json' is invalid.", exception.Message);
        Assert.Equal<string>(["Template 'x' does not exist.", "Scheme file '/b.json' is invalid."], exception.Errors);
        Assert.Equal<Problem>([problem], exception.SchemeFileProblems["/b.json"]);
    }

    [Fact]
    public void Message_OneError_SaysError()
    {
        var exception = new PerfKitConfigurationException(["Template 'x' does not exist."], ImmutableDictionary<string, ImmutableArray<Problem>>.Empty);

        Assert.Equal("PerfKit is not configured correctly (1 error):\n- Template 'x' does not exist.", exception.Message);
        Assert.Empty(exception.SchemeFileProblems);
    }
}
