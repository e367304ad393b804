using System;
using System.Globalization;
using System.IO;
using System.Text;
using PerfKit.Demo;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Serialization;
using PerfKit.Templates;
using Xunit;

namespace PerfKit.Tests.Serialization;

/// <summary>Schemes survive the trip to a file and back, and the canonical form is exactly as documented.</summary>
public partial class SchemeFileTests
{
    public static TheoryData<string> SampleNames => ["ABank2023", "BscOkr", "CustomerManagerRole", "EveryFeature"];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Load_WrittenScheme_IsStructurallyEqual(string name)
    {
        var scheme = Sample(name);

        var loaded = SchemeFile.LoadOrThrow(SchemeFile.Write(scheme), FreeformScorerKind.Registry);

        SchemeAssert.StructurallyEqual(scheme, loaded);
        Assert.True(SchemeFile.AreEquivalent(scheme, loaded));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Write_LoadedScheme_IsByteIdentical(string name)
    {
        var bytes = SchemeFile.Write(Sample(name));

        var again = SchemeFile.Write(SchemeFile.LoadOrThrow(bytes, FreeformScorerKind.Registry));

        Assert.Equal(bytes, again);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Write_UnderGermanAndTurkishCultures_GivesTheSameBytes(string name)
    {
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => SchemeFile.Write(Sample(name)));

        Assert.Equal(invariant, WithCulture(new CultureInfo("de-DE"), () => SchemeFile.Write(Sample(name))));
        Assert.Equal(invariant, WithCulture(new CultureInfo("tr-TR"), () => SchemeFile.Write(Sample(name))));
        Assert.Equal(invariant, WithCulture(new CultureInfo("tr-TR"), () => SchemeFile.Write(SchemeFile.LoadOrThrow(invariant, FreeformScorerKind.Registry))));
    }

    public static TheoryData<string> TemplateNames => [.. SchemeTemplates.Names];

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Load_WrittenTemplate_IsStructurallyEqualAndWritesTheSameBytes(string name)
    {
        var template = SchemeTemplates.Load(name);
        var bytes = SchemeFile.Write(template);

        var loaded = SchemeFile.LoadOrThrow(bytes);

        SchemeAssert.StructurallyEqual(template, loaded);
        Assert.Equal(bytes, SchemeFile.Write(loaded));
        Assert.Equal(template.Fingerprint, loaded.Fingerprint);
    }

    [Fact]
    public void Write_SmallScheme_MatchesTheDocumentedCanonicalForm()
    {
        // Worked out by hand from docs/scheme-files.md: members in the documented order, defaults left out (P = 100 is not
        // the case here, so "points" appears), grades best first, parameters and tags sorted, decimals without trailing zeros.
        var scheme = Scheme.CreateBuilder("demo", "2024.1", FreeformScorerKind.Registry)
            .Name("Demo \"scheme\"").Name("zh-CN", "演示方案")
            .Points(105m)
            .Rounding(1, MidpointRounding.ToEven)
            .MaxBonus(5.0m)
            .MinPoints(-10.50m)
            .MaxPoints(130m)
            .Grade("B", null, 1.00m)
            .Grade("A", 90m, 1.30m, n => n.Name("Excellent").Name("zh-CN", "优秀"))
            .Root(WeightMode.PointsOf(100m), root => root
                .Section("monthly", 100m, WeightMode.Normalize, m => m
                    .Indicator("loans", 2m, "loans.balance", Scorers.Linear(0m, 2000m, cap: 1.2m), i => i
                        .Name("zh-CN", "贷款").Tags("scale", "deposit").Unit("CNY 10k").AggregatedBy(ValueAggregation.DailyAverage).WhenMissing(MissingValuePolicy.Exclude))
                    .Indicator("quality", 1m, "q", ScorerSpec.Create(FreeformScorerKind.KindName, [new("factor", ParameterValue.Of(0.50m))]))))
            .Gate("g", g => g.OnValue("/monthly/quality/", 0.5m).Direction(ScoreDirection.LowerIsBetter).ZeroScore("monthly").PassWhenMissing())
            .Penalty("late", "late.count", 1m, 10m, a => a.ScopedTo("monthly").ZeroWhenMissing())
            .Bonus("cert", "certificates", 2.5m)
            .Build();
        var expected = Lf("""
            {
              "id": "demo",
              "version": "2024.1",
              "name": "Demo \"scheme\"",
              "names": {
                "zh-CN": "演示方案"
              },
              "points": 105,
              "rounding": {
                "decimals": 1,
                "mode": "toEven"
              },
              "maxBonus": 5,
              "minPoints": -10.5,
              "maxPoints": 130,
              "scorerVersions": {
                "freeform": "2.1",
                "linear": "1"
              },
              "grades": [
                {
                  "name": "A",
                  "displayName": "Excellent",
                  "names": {
                    "zh-CN": "优秀"
                  },
                  "minPoints": 90,
                  "coefficient": 1.3
                },
                {
                  "name": "B",
                  "coefficient": 1
                }
              ],
              "root": {
                "id": "root",
                "kind": "custom",
                "weightMode": {
                  "points": 100
                },
                "children": [
                  {
                    "id": "monthly",
                    "kind": "section",
                    "weight": 100,
                    "weightMode": "normalize",
                    "children": [
                      {
                        "id": "loans",
                        "names": {
                          "zh-CN": "贷款"
                        },
                        "weight": 2,
                        "measure": "loans.balance",
                        "scorer": {
                          "kind": "linear",
                          "baseline": 0,
                          "cap": 1.2,
                          "target": 2000
                        },
                        "missing": "exclude",
                        "aggregation": "dailyAverage",
                        "unit": "CNY 10k",
                        "tags": [
                          "deposit",
                          "scale"
                        ]
                      },
                      {
                        "id": "quality",
                        "weight": 1,
                        "measure": "q",
                        "scorer": {
                          "kind": "freeform",
                          "factor": 0.5
                        }
                      }
                    ]
                  }
                ]
              },
              "gates": [
                {
                  "id": "g",
                  "on": "value",
                  "node": "monthly/quality",
                  "threshold": 0.5,
                  "direction": "lowerIsBetter",
                  "consequence": "zeroScore",
                  "target": "monthly",
                  "onMissing": "pass"
                }
              ],
              "adjustments": [
                {
                  "id": "late",
                  "kind": "penalty",
                  "measure": "late.count",
                  "pointsPerUnit": 1,
                  "cap": 10,
                  "scope": "monthly",
                  "missing": "zero"
                },
                {
                  "id": "cert",
                  "kind": "bonus",
                  "measure": "certificates",
                  "pointsPerUnit": 2.5
                }
              ]
            }

            """);

        Assert.Equal(expected, SchemeFile.WriteString(scheme));
    }

    [Fact]
    public void Write_Bytes_AreUtf8WithoutByteOrderMarkWithLfAndAFinalNewLine()
    {
        var bytes = SchemeFile.Write(SampleSchemes.ABank2023());

        Assert.Equal((byte)'{', bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.NotEqual((byte)'\n', bytes[^2]);
        Assert.Equal(bytes, Encoding.UTF8.GetBytes(SchemeFile.WriteString(SampleSchemes.ABank2023())));
        var zh = Encoding.UTF8.GetBytes("\"zh-CN\": \"A银行普惠客户经理绩效考核方案（2023）\"");
        Assert.True(bytes.AsSpan().IndexOf(zh) > 0, "Chinese names are written as UTF-8 characters, not \\u escapes.");
        using var stream = new MemoryStream();
        SchemeFile.Write(SampleSchemes.ABank2023(), stream);
        Assert.Equal(bytes, stream.ToArray());
    }

    [Fact]
    public void Write_Texts_EscapeOnlyWhatJsonRequires()
    {
        var scheme = Scheme.CreateBuilder("t", "1")
            .Name("q\" b\\ t\t n\n c\u0001 nul\u0000 \u3000 😀 <&> é \u2028")
            .Grade("A", null, 1m)
            .Root(WeightMode.Fraction, r => r.Indicator("i", 1m, "m", Scorers.Linear(0m, 1m)))
            .Build();

        var text = SchemeFile.WriteString(scheme);

        Assert.Contains("\"name\": \"q\\\" b\\\\ t\\t n\\n c\\u0001 nul\\u0000 \u3000 😀 <&> é \u2028\"", text, StringComparison.Ordinal);
        Assert.Equal(scheme.Names.Default, SchemeFile.LoadOrThrow(text).Names.Default);
    }

    [Fact]
    public void Write_DefaultsThatWereNotDeclared_AreLeftOut()
    {
        var scheme = Scheme.CreateBuilder("d", "1")
            .Name("D")
            .Grade("A", null, 1m)
            .Root(WeightMode.Percent, r => r
                .Indicator("i", 100m, "m", Scorers.Threshold(ScoreDirection.HigherIsBetter, 5m), i => i.Name("i")))
            .Build();

        var text = SchemeFile.WriteString(scheme);

        // P = 100, rounding 2/awayFromZero, no bounds, a name equal to the id, missing = error, no gates or adjustments;
        // the threshold's pass and fail were not given, so only direction and threshold appear.
        foreach (var absent in new[] { "\"points\"", "\"rounding\"", "\"maxBonus\"", "\"minPoints\"", "\"maxPoints\"", "\"missing\"", "\"gates\"", "\"adjustments\"", "\"pass\"", "\"fail\"", "\"tags\"", "\"unit\"", "\"aggregation\"" })
        {
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        }

        Assert.Equal(1, text.Split("\"name\"").Length - 2);
    }

    [Fact]
    public void Load_NonCanonicalSpelling_WritesTheCanonicalForm()
    {
        // Minified, members in another order, \u escapes, exponents, trailing zeros and slashes around node paths.
        const string Text = "{\"root\":{\"children\":[{\"scorer\":{\"target\":1.0E1,\"kind\":\"linear\",\"baseline\":0.00},\"measure\":\"a\",\"weight\":6e1,\"id\":\"a\"},"
            + "{\"id\":\"b\",\"weight\":40.0,\"measure\":\"b\",\"scorer\":{\"kind\":\"linear\",\"baseline\":0,\"target\":20}}],\"weightMode\":\"percent\",\"kind\":\"custom\",\"id\":\"root\"},"
            + "\"gates\":[{\"consequence\":\"cancelPayout\",\"threshold\":500e-2,\"node\":\"/a/\",\"on\":\"value\",\"id\":\"g\"}],"
            + "\"grades\":[{\"coefficient\":1.000,\"name\":\"A\"}],\"name\":\"\\u6708\\u5ea6\",\"version\":\"1\",\"id\":\"s\"}";
        var built = Scheme.CreateBuilder("s", "1").Name("月度").Grade("A", null, 1m)
            .Root(WeightMode.Percent, r => r
                .Indicator("a", 60m, "a", Scorers.Linear(0m, 10m))
                .Indicator("b", 40m, "b", Scorers.Linear(0m, 20m)))
            .Gate("g", g => g.OnValue("a", 5m).CancelPayout())
            .Build();

        var loaded = SchemeFile.LoadOrThrow(Text);

        SchemeAssert.StructurallyEqual(built, loaded);
        Assert.Equal(SchemeFile.Write(built), SchemeFile.Write(loaded));
    }

    [Fact]
    public void Load_FromBytesTextAndStream_GivesEquivalentSchemes()
    {
        var bytes = SchemeFile.Write(SampleSchemes.BscOkr());

        var fromBytes = SchemeFile.LoadOrThrow(bytes);
        var fromText = SchemeFile.LoadOrThrow(Encoding.UTF8.GetString(bytes));
        var fromStream = SchemeFile.LoadOrThrow(new MemoryStream(bytes));

        Assert.True(SchemeFile.AreEquivalent(fromBytes, fromText));
        Assert.True(SchemeFile.AreEquivalent(fromBytes, fromStream));
        Assert.True(SchemeFile.Load(bytes, ScorerRegistry.Default).Succeeded);
        Assert.True(SchemeFile.Load(new MemoryStream(bytes), ScorerRegistry.Default).Succeeded);
        Assert.True(SchemeFile.Load(Encoding.UTF8.GetString(bytes), ScorerRegistry.Default).Succeeded);
    }

    [Fact]
    public void Load_CustomKindWithoutItsRegistry_ReportsTheUnknownKind()
    {
        var text = SchemeFile.WriteString(EveryFeature());

        var result = SchemeFile.Load(text);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Code == "scorer.unknownKind" && p.Path == "$.scorerVersions.freeform");
        Assert.Contains(result.Problems, p => p.Code == "scorer.unknownKind" && p.Path.EndsWith(".scorer.kind", StringComparison.Ordinal));
    }

    [Fact]
    public void AreEquivalent_GradesDeclaredInAnotherOrderOrPathsSpelledDifferently_AreEquivalent()
    {
        static Scheme Make(bool reversed, string path) => Scheme.CreateBuilder("e", "1").Name("E")
            .Grade(reversed ? "B" : "A", reversed ? null : 90m, reversed ? 1m : 1.3m)
            .Grade(reversed ? "A" : "B", reversed ? 90m : null, reversed ? 1.3m : 1m)
            .Root(WeightMode.Fraction, r => r.Section("s", 1m, WeightMode.Fraction, s => s.Indicator("i", 1m, "m", Scorers.Linear(0m, 1m))))
            .Gate("g", g => g.OnScore(path, 0.5m).ZeroScore(path))
            .Build();

        Assert.True(SchemeFile.AreEquivalent(Make(false, "s"), Make(true, "/s/")));
        Assert.False(SchemeFile.AreEquivalent(Make(false, "s"), Make(false, "s/i")));
    }

    private static Scheme Sample(string name) => name switch
    {
        "ABank2023" => SampleSchemes.ABank2023(),
        "BscOkr" => SampleSchemes.BscOkr(),
        "CustomerManagerRole" => SampleSchemes.CustomerManagerRole(),
        _ => EveryFeature(),
    };

    /// <summary>
    /// A scheme using every part of the model: all four weight modes and group kinds, every built-in scorer with every
    /// optional parameter, a host kind with nested lists and maps, all missing policies, aggregations, tags, units, names
    /// per culture, grades with display names, rounding, bounds, gates of each subject and consequence with declared
    /// directions and pass-when-missing, and bonus and penalty rules with scope and missing policy.
    /// </summary>
    private static Scheme EveryFeature() => Scheme.CreateBuilder("every-feature", "2025.2 \"rc\"", FreeformScorerKind.Registry)
        .Name("Every feature").Name("zh-CN", "全部功能").Name("en", "Every feature (en)")
        .Points(105m)
        .Rounding(3, MidpointRounding.ToNegativeInfinity)
        .MaxBonus(7.5m)
        .MinPoints(-20m)
        .MaxPoints(150m)
        .Grade("S", 110m, 1.5m, n => n.Name("Superb").Name("zh-CN", "卓越"))
        .Grade("A", 90m, 1.3m)
        .Grade("D", -20m, 0m, n => n.Name("de-DE", "Ungenügend"))
        .Root("top", WeightMode.Percent, root => root
            .OfKind(GroupKind.Objective)
            .Name("Top").Name("zh-CN", "总")
            .Dimension("financial", 40m, WeightMode.Fraction, d => d
                .Name("Financial").Name("zh-CN", "财务")
                .Indicator("loans", 0.5m, "loans.balance", Scorers.Linear(100m, 2000m, cap: 1.2m, floor: -0.5m, startLine: 500m), i => i
                    .Name("Loans").Name("zh-CN", "贷款").Name("en", "Loans (en)").Tags("scale", "inclusive-finance").Unit("CNY 10k").AggregatedBy(ValueAggregation.DailyAverage))
                .Indicator("npl", 0.25m, "npl_rate", Scorers.Linear(2m, 0.5m), i => i.Tags("risk").Unit("%").AggregatedBy(ValueAggregation.EndOfPeriod).WhenMissing(MissingValuePolicy.Minimum))
                .Indicator("ratio", 0.25m, "loan_ratio", Scorers.Ratio(80m, 1.5m), i => i.AggregatedBy(ValueAggregation.Mean)))
            .Objective("okr", 30m, WeightMode.PointsOf(10m), o => o
                .Indicator("kr_step", 4m, "kr1", Scorers.Band(ScoreDirection.HigherIsBetter, [(0.6m, 0.3m), (0.8m, 0.6m), (1.0m, 1.0m)], BandMode.Step, BandBasis.Ratio, 40m, 0.1m), i => i.WhenMissing(MissingValuePolicy.Exclude).AggregatedBy(ValueAggregation.Sum))
                .Indicator("kr_interp", 3m, "kr2", Scorers.Band(ScoreDirection.LowerIsBetter, [(2.0m, 0.5m), (1.0m, 1.0m)], BandMode.Interpolate), i => i.AggregatedBy(ValueAggregation.Min))
                .Indicator("kr_pass", 3m, "kr3", Scorers.Threshold(ScoreDirection.LowerIsBetter, 3m, 0.9m, 0.2m), i => i.AggregatedBy(ValueAggregation.Max)))
            .Section("people", 20m, WeightMode.Normalize, s => s
                .Indicator("rating", 2m, "rating_360", Scorers.Rating(1m, 5m, SampleSchemes.RaterWeights, 4m, 1.25m), i => i.AggregatedBy(ValueAggregation.Latest))
                .Indicator("rating_plain", 1m, "rating_plain", Scorers.Rating(1m, 10m, [new("self", 1m)]))
                .Indicator("custom", 1m, "custom_measure", ScorerSpec.Create(FreeformScorerKind.KindName,
                [
                    new("factor", ParameterValue.Of(0.0000000000000000000000000001m)),
                    new("mode", ParameterValue.Of("fancy")),
                    new("items", ParameterValue.List([ParameterValue.Of(1.50m), ParameterValue.Of("二"), ParameterValue.List([]), ParameterValue.Map([])])),
                    new("table", ParameterValue.Map([new("kind", ParameterValue.Of("not the scorer kind")), new("nested", ParameterValue.Map([new("deep", ParameterValue.List([ParameterValue.Of(-79228162514264337593543950335m)]))]))])),
                ]), i => i.AggregatedBy(ValueAggregation.Count)))
            .Group(GroupKind.Custom, "extra", 10m, WeightMode.Percent, g => g
                .Indicator("visits", 100m, "visits", Scorers.Linear(0m, 60m), i => i.Unit("visits"))))
        .Gate("gate_value", g => g.Name("Value gate").Name("zh-CN", "门槛").OnValue("financial/loans", 500m).CancelPayout())
        .Gate("gate_value_declared", g => g.OnValue("people/custom", 0.5m).Direction(ScoreDirection.LowerIsBetter).ZeroScore("people/custom").PassWhenMissing())
        .Gate("gate_score", g => g.OnScore("okr", 0.6m).ZeroScore("okr"))
        .Gate("gate_score_root", g => g.OnScore("/", 0.3m).CapGrade("D"))
        .Gate("gate_base", g => g.OnBase(60m).CapGrade("A"))
        .Gate("gate_total", g => g.OnTotal(50m).CancelPayout().PassWhenMissing())
        .Bonus("certificates", "certificates", 2.5m, 5m, b => b.Name("Certificates").Name("zh-CN", "证书").ZeroWhenMissing())
        .Bonus("awards", "awards", 1m)
        .Penalty("violations", "violations", 2m, 10m, p => p.ScopedTo("financial"))
        .Penalty("late", "late_loans", 1m, null, p => p.ScopedTo("/").ZeroWhenMissing())
        .Penalty("complaints", "complaints", 0.5m)
        .Build();

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
