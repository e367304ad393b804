using System;
using System.IO;
using PerfKit.DependencyInjection;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.DependencyInjection;

public sealed class PerfKitOptionsTests
{
    [Fact]
    public void Methods_Chained_ReturnTheSameOptionsAndKeepEachKindInOrder()
    {
        var options = new PerfKitOptions();
        var first = DependencyInjectionFixtures.Small("first", "1");
        var second = DependencyInjectionFixtures.Small("second", "1");

        var returned = options.AddTemplate("a-bank-2023").AddScheme(first).AddSchemeFile("/schemes/b.json")
            .AddTemplate("role-back-office").AddSchemeFile("/schemes/a.json").AddScheme(second)
            .UnknownMeasures(UnknownMeasureHandling.Ignore).PayRounding(new RoundingPolicy(0, MidpointRounding.ToEven))
            .LimitFiles(SchemeFileLimits.Default);

        Assert.Same(options, returned);
        Assert.Equal<string>(["a-bank-2023", "role-back-office"], options.Templates);
        Assert.Equal<string>([Path.GetFullPath("/schemes/b.json"), Path.GetFullPath("/schemes/a.json")], options.SchemeFiles);
        Assert.Equal<Scheme>([first, second], options.Schemes);
        Assert.Same(SchemeFileLimits.Default, options.FileLimits);
    }

    [Fact]
    public void EvaluatorOptions_NothingSet_AreTheEvaluatorDefaults()
    {
        var options = new PerfKitOptions().EvaluatorOptions;

        Assert.Equal(EvaluatorOptions.Default.PayRounding, options.PayRounding);
        Assert.Equal(UnknownMeasureHandling.Reject, options.UnknownMeasures);
        Assert.Null(new PerfKitOptions().FileLimits);
    }

    [Fact]
    public void EvaluatorOptions_Set_CarryTheHandlingAndTheRounding()
    {
        var rounding = new RoundingPolicy(0, MidpointRounding.ToZero);

        var options = new PerfKitOptions().UnknownMeasures(UnknownMeasureHandling.Ignore).PayRounding(rounding).EvaluatorOptions;

        Assert.Equal(UnknownMeasureHandling.Ignore, options.UnknownMeasures);
        Assert.Same(rounding, options.PayRounding);
    }

    [Fact]
    public void AddSchemeFile_RelativePath_IsResolvedAgainstTheCurrentDirectoryAtOnce()
    {
        var options = new PerfKitOptions().AddSchemeFile("schemes/branch.json");

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "schemes", "branch.json"), Assert.Single(options.SchemeFiles));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddTemplate_BlankName_ThrowsArgumentException(string name)
        => Assert.Throws<ArgumentException>(() => new PerfKitOptions().AddTemplate(name));

    [Fact]
    public void AddTemplate_UnknownName_IsAcceptedHereAndReportedAtValidation()
        => Assert.Equal<string>(["no-such-template"], new PerfKitOptions().AddTemplate("no-such-template").Templates);

    [Fact]
    public void Methods_NullArguments_ThrowArgumentNullException()
    {
        var options = new PerfKitOptions();

        Assert.Throws<ArgumentNullException>(() => options.AddTemplate(null!));
        Assert.Throws<ArgumentNullException>(() => options.AddSchemeFile(null!));
        Assert.Throws<ArgumentNullException>(() => options.AddScheme(null!));
        Assert.Throws<ArgumentNullException>(() => options.PayRounding(null!));
        Assert.Throws<ArgumentNullException>(() => options.LimitFiles(null!));
    }

    [Fact]
    public void AddSchemeFile_InvalidPath_ThrowsArgumentException()
        => Assert.Throws<ArgumentException>(() => new PerfKitOptions().AddSchemeFile("bad\0name.json"));

    [Fact]
    public void UnknownMeasures_UndefinedValue_ThrowsArgumentOutOfRange()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PerfKitOptions().UnknownMeasures((UnknownMeasureHandling)7));
}
