using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Explanation;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests.Serialization;

/// <summary>The fingerprint is the SHA-256 of the canonical bytes, stable, sensitive to every rule, and carried by every assessment.</summary>
public partial class SchemeFileTests
{
    [Fact]
    public void Fingerprint_IsTheLowercaseSha256OfTheCanonicalBytes()
    {
        var scheme = SampleSchemes.ABank2023();

        var expected = string.Concat(SHA256.HashData(SchemeFile.Write(scheme)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, scheme.Fingerprint);
        Assert.Equal(64, scheme.Fingerprint.Length);
        Assert.All(scheme.Fingerprint, c => Assert.True(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Fingerprint_IsStableAcrossBuildsCulturesAndRoundTrips(string name)
    {
        var first = Sample(name).Fingerprint;

        Assert.Equal(first, Sample(name).Fingerprint);
        Assert.Equal(first, WithCulture(new System.Globalization.CultureInfo("tr-TR"), () => Sample(name).Fingerprint));
        Assert.Equal(first, SchemeFile.LoadOrThrow(SchemeFile.Write(Sample(name)), FreeformScorerKind.Registry).Fingerprint);
    }

    [Fact]
    public void Fingerprint_ChangesWhenOneWeightChanges()
    {
        static Scheme Make(decimal monthly) => Scheme.CreateBuilder("w", "1").Name("W").Grade("A", null, 1m)
            .Root(WeightMode.Percent, r => r
                .Indicator("monthly", monthly, "m", Scorers.Linear(0m, 10m))
                .Indicator("quarterly", 100m - monthly, "q", Scorers.Linear(0m, 10m)))
            .Build();

        Assert.Equal(Make(50m).Fingerprint, Make(50.0m).Fingerprint);
        Assert.NotEqual(Make(50m).Fingerprint, Make(60m).Fingerprint);
        Assert.NotEqual(Make(50m).Fingerprint, Make(50.0000000000000000000000001m).Fingerprint);
        Assert.False(SchemeFile.AreEquivalent(Make(50m), Make(60m)));
    }

    [Fact]
    public void Fingerprint_ChangesWithTheCustomScorerKindsVersion()
    {
        static Scheme Make(string version) => Scheme.CreateBuilder("v", "1", ScorerRegistry.Default.With(new FreeformScorerKind(version))).Name("V").Grade("A", null, 1m)
            .Root(WeightMode.Fraction, r => r.Indicator("c", 1m, "m", ScorerSpec.Create(FreeformScorerKind.KindName, [])))
            .Build();

        var old = Make("2.1");
        var newer = Make("3.0");

        Assert.NotEqual(old.Fingerprint, newer.Fingerprint);
        Assert.Contains("\"freeform\": \"2.1\"", SchemeFile.WriteString(old), StringComparison.Ordinal);
        var result = SchemeFile.Load(SchemeFile.Write(old), ScorerRegistry.Default.With(new FreeformScorerKind("3.0")));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("scorer.version", "$.scorerVersions.freeform", "2.1"), (problem.Code, problem.Path, problem.AttemptedValue));
    }

    [Fact]
    public void Fingerprint_ReadFromManyThreads_IsOneValue()
    {
        var scheme = SampleSchemes.BscOkr();
        var seen = new string[64];

        Parallel.For(0, seen.Length, i => seen[i] = scheme.Fingerprint);

        Assert.Single(seen.Distinct(StringComparer.Ordinal));
        Assert.Equal(SchemeFile.LoadOrThrow(SchemeFile.Write(scheme)).Fingerprint, seen[0]);
    }

    [Fact]
    public void Evaluate_Assessment_CarriesTheSchemeFingerprint()
    {
        var scheme = SampleSchemes.ABank2023();
        var evaluator = SchemeEvaluator.Create(scheme);

        var assessments = SampleSubjects.Generate(3).Select(evaluator.EvaluateOrThrow).ToList();

        Assert.All(assessments, a => Assert.Equal(scheme.Fingerprint, a.SchemeFingerprint));
    }

    [Fact]
    public void AssessmentJson_SchemeObject_HoldsTheFingerprint()
    {
        var scheme = SampleSchemes.ABank2023();
        var assessment = SchemeEvaluator.Create(scheme).EvaluateOrThrow(SampleSubjects.Generate(1).Single());

        using var json = JsonDocument.Parse(AssessmentFormatter.ToUtf8Json(assessment));

        Assert.Equal(scheme.Fingerprint, json.RootElement.GetProperty("scheme").GetProperty("fingerprint").GetString());
    }

    [Fact]
    public void Build_ScorerParameterNamedKind_IsRefusedSoEverySchemeStaysWritable()
    {
        var builder = Scheme.CreateBuilder("k", "1", FreeformScorerKind.Registry).Name("K").Grade("A", null, 1m)
            .Root(WeightMode.Fraction, r => r.Indicator("c", 1m, "m", ScorerSpec.Create(FreeformScorerKind.KindName, [new("kind", ParameterValue.Of("x"))])));

        var problem = Assert.Single(builder.Validate());

        Assert.Equal(("scorer.parameterReserved", "c.scorer.kind"), (problem.Code, problem.Path));
    }

    [Fact]
    public void Build_TextWithUnpairedSurrogate_IsRefusedSoEverySchemeStaysWritable()
    {
        var builder = Scheme.CreateBuilder("u", "1", FreeformScorerKind.Registry).Name("bad \uD800 name").Grade("A", null, 1m)
            .Root(WeightMode.Fraction, r => r.Indicator("c", 1m, "m", ScorerSpec.Create(FreeformScorerKind.KindName, [new("items", ParameterValue.List([ParameterValue.Of("\uDC00")]))]), i => i.Unit("u\uD800")));

        var problems = builder.Validate();

        Assert.Equal(
            ["scheme.name", "c.unit", "c.scorer.items[0]"],
            problems.Where(p => p.Code == "text.invalid").Select(p => p.Path).ToArray());
    }

    [Fact]
    public void ScorerRegistry_KindVersionWithUnpairedSurrogate_IsMisuse()
        => Assert.Throws<ArgumentException>(() => ScorerRegistry.Default.With(new FreeformScorerKind("2\uD800")));
}
