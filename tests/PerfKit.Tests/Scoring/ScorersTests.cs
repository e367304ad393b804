using System;
using System.Collections.Generic;
using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Tests.Internal;
using Xunit;

namespace PerfKit.Tests.Scoring;

public sealed class ScorersTests
{
    [Fact]
    public void Linear_OptionalParametersLeftOut_AreNotStored()
    {
        var spec = Scorers.Linear(0m, 10m);

        Assert.Equal("linear", spec.Kind);
        Assert.Equal(["baseline", "target"], spec.Parameters.Keys.ToArray());
    }

    [Fact]
    public void Ratio_IsLinearWithBaselineZero()
        => Assert.Equal(Scorers.Linear(0m, 200m, cap: 1.5m), Scorers.Ratio(200m, 1.5m));

    [Fact]
    public void Threshold_StoresDirectionAsText()
    {
        var spec = Scorers.Threshold(ScoreDirection.LowerIsBetter, 2m, fail: 0.2m);

        Assert.Equal("lowerIsBetter", spec.Parameters["direction"].Text);
        Assert.Equal(["direction", "fail", "threshold"], spec.Parameters.Keys.ToArray());
    }

    [Fact]
    public void Threshold_DirectionNone_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Scorers.Threshold(ScoreDirection.None, 2m));

    [Fact]
    public void Rating_StoresRolesAsAMap()
    {
        var spec = Scorers.Rating(1m, 5m, [new("superior", 50m), new("peer", 30m)]);

        Assert.Equal(ParameterValueKind.Map, spec.Parameters["roles"].Kind);
        Assert.Equal(["peer", "superior"], spec.Parameters["roles"].Entries.Keys.ToArray());
    }

    [Fact]
    public void Rating_RoleGivenTwice_Throws()
        => Assert.Throws<ArgumentException>(() => Scorers.Rating(1m, 5m, [new("peer", 50m), new("peer", 30m)]));

    [Fact]
    public void Factories_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Scorers.Band(ScoreDirection.HigherIsBetter, null!));
        Assert.Throws<ArgumentNullException>(() => Scorers.Rating(1m, 5m, null!));
        Assert.Throws<ArgumentNullException>(() => Scorers.Custom(null!, []));
        Assert.Throws<ArgumentNullException>(() => Scorers.Custom("closeness", null!));
        Assert.Throws<ArgumentException>(() => Scorers.Custom(" ", []));
    }

    [Fact]
    public void ScorerSpec_ComparesNumbersByValue()
    {
        Assert.Equal(Scorers.Linear(0m, 10m), Scorers.Linear(0.0m, 10.00m));
        Assert.Equal(Scorers.Linear(0m, 10m).GetHashCode(), Scorers.Linear(0.0m, 10.00m).GetHashCode());
        Assert.NotEqual(Scorers.Linear(0m, 10m), Scorers.Linear(0m, 10m, cap: 1m)); // a default given is still a different spec
        Assert.NotEqual(Scorers.Linear(0m, 10m), Scorers.Custom("linear", [new KeyValuePair<string, decimal>("baseline", 0m)]));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void ScorerSpec_ToString_IsCultureInvariant(string culture)
        => ForcedCulture.Run(culture, () =>
        {
            Assert.Equal("linear(baseline: 0, cap: 1.2, target: 2.5)", Scorers.Linear(0m, 2.50m, cap: 1.20m).ToString());
            Assert.Equal(
                "band(bands: [{bound: 0.6, score: 0.3}], basis: ratio, direction: higherIsBetter, mode: interpolate, target: 40)",
                Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m)], BandMode.Interpolate, BandBasis.Ratio, 40m).ToString());
        });
}
