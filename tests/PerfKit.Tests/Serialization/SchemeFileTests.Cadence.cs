using System.Linq;
using PerfKit.Demo;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Serialization;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Serialization;

/// <summary>The optional <c>cadence</c> member of a group in a scheme file.</summary>
public partial class SchemeFileTests
{
    [Fact]
    public void WriteString_ABankTemplate_WritesEachSectionsCadenceAndReadsItBack()
    {
        using var _ = new CultureScope("tr-TR");
        var scheme = SampleSchemes.ABank2023();

        var json = SchemeFile.WriteString(scheme);
        var back = SchemeFile.LoadOrThrow(json);

        Assert.Contains("\"cadence\": \"month\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"cadence\": \"quarter\"", json, System.StringComparison.Ordinal);
        Assert.Equal([PeriodKind.Month, PeriodKind.Quarter], back.Root.Children.Select(c => ((GroupNode)c).Cadence!.Value));
        Assert.Equal(scheme.Fingerprint, back.Fingerprint);
    }

    [Fact]
    public void WriteString_SchemeWithoutCadences_WritesNoCadenceMember()
    {
        using var _ = new CultureScope("de-DE");

        Assert.DoesNotContain("cadence", SchemeFile.WriteString(EvaluationFixtures.ThreeIndicators()), System.StringComparison.Ordinal);
        Assert.DoesNotContain("cadence", SchemeFile.WriteString(SampleSchemes.BscOkr()), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownCadenceText_ReportsJsonValueAtTheMember()
    {
        var json = SchemeFile.WriteString(SampleSchemes.ABank2023()).Replace("\"cadence\": \"month\"", "\"cadence\": \"weekly\"", System.StringComparison.Ordinal);

        var result = SchemeFile.Load(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.JsonValue, problem.Code);
        Assert.Equal("$.root.children[0].cadence", problem.Path);
    }

    [Fact]
    public void Load_CadenceOnANestedGroup_ReportsPlacementAtTheMember()
    {
        var scheme = EvaluationFixtures.Start()
            .Root(WeightMode.Percent, r => r.Section("outer", 100m, WeightMode.Percent, s => s
                .Section("inner", 100m, WeightMode.Percent, i => i.Indicator("a", 100m, "a", PerfKit.Scoring.Scorers.Linear(0m, 1m)))))
            .Build();
        var json = SchemeFile.WriteString(scheme).Replace("\"id\": \"inner\",", "\"id\": \"inner\", \"cadence\": \"month\",", System.StringComparison.Ordinal);

        var result = SchemeFile.Load(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.CadencePlacement, problem.Code);
        Assert.Equal("$.root.children[0].children[0].cadence", problem.Path);
    }
}
