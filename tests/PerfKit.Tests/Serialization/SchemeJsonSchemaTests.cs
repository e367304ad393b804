using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Demo;
using PerfKit.Serialization;
using PerfKit.Templates;
using Xunit;

namespace PerfKit.Tests.Serialization;

/// <summary>
/// The JSON schema of scheme files (<see cref="SchemeFile.JsonSchema"/>) is honest: every file the loader accepts is
/// valid against it, and the broken files below are refused by both the schema and the loader.
/// </summary>
/// <remarks>Every test of the class runs under de-DE (comma as decimal separator).</remarks>
[ForcedCulture("de-DE")]
public sealed class SchemeJsonSchemaTests
{
    /// <summary>A small valid scheme using every built-in scorer kind, a points group, a gate and an adjustment; each broken case changes one member.</summary>
    private const string Base = """
        {
          "$schema": "./perfkit-scheme.schema.json",
          "id": "base",
          "version": "1",
          "name": "Base",
          "maxBonus": 5,
          "rounding": { "decimals": 2, "mode": "toEven" },
          "grades": [
            { "name": "A", "minPoints": 90, "coefficient": 1.3 },
            { "name": "D", "coefficient": 0.7 }
          ],
          "root": {
            "id": "root",
            "kind": "custom",
            "weightMode": "percent",
            "children": [
              {
                "id": "sales",
                "kind": "section",
                "weight": 60,
                "weightMode": { "points": 100 },
                "children": [
                  { "id": "loans", "weight": 50, "measure": "loans.balance", "scorer": { "kind": "linear", "baseline": 0, "target": 100 }, "missing": "exclude", "tags": ["scale"] },
                  { "id": "okr", "weight": 30, "measure": "okr", "scorer": { "kind": "band", "direction": "higherIsBetter", "bands": [{ "bound": 0.5, "score": 0.6 }, { "bound": 1, "score": 1 }], "mode": "interpolate" } },
                  { "id": "npl", "weight": 20, "measure": "npl", "scorer": { "kind": "threshold", "direction": "lowerIsBetter", "threshold": 0.02 } }
                ]
              },
              { "id": "review", "weight": 40, "measure": "review", "scorer": { "kind": "rating", "low": 1, "high": 5, "roles": { "superior": 60, "peer": 40 } } }
            ]
          },
          "gates": [
            { "id": "npl_gate", "on": "value", "node": "sales/npl", "threshold": 0.05, "consequence": "capGrade", "target": "D" }
          ],
          "adjustments": [
            { "id": "cert", "kind": "bonus", "measure": "certificates", "pointsPerUnit": 1, "cap": 5 }
          ]
        }
        """;

    private const string Loans = "$.root.children[0].children[0]";

    private static readonly Dictionary<string, BrokenCase> BrokenCases = new BrokenCase[]
    {
        new("unknown scheme member", d => d["colour"] = "red", "json.unknownProperty", "$.colour"),
        new("unknown rounding member", d => d["rounding"]!["places"] = 2, "json.unknownProperty", "$.rounding.places"),
        new("unknown grade member", d => d["grades"]![1]!["color"] = "grey", "json.unknownProperty", "$.grades[1].color"),
        new("unknown indicator member two groups deep", d => Node(d, 0, 0)["colour"] = "red", "json.unknownProperty", Loans + ".colour"),
        new("unknown points member", d => d["root"]!["children"]![0]!["weightMode"]!["scale"] = 2, "json.unknownProperty", "$.root.children[0].weightMode.scale"),
        new("wrongly cased member", d => Rename(d["gates"]![0]!.AsObject(), "onMissing", "onmissing", "pass"), "json.unknownProperty", "$.gates[0].onmissing"),
        new("weight on the root", d => d["root"]!["weight"] = 100, "json.unknownProperty", "$.root.weight"),
        new("node on a total gate", d => d["gates"]![0]!["on"] = "total", "json.unknownProperty", "$.gates[0].node"),
        new("zeroScore on a total gate", d => Gate(d, "total", null, "zeroScore", "sales"), "gate.zeroScoreOrder", "$.gates[0].target"),
        new("target on a cancelPayout gate", d => d["gates"]![0]!["consequence"] = "cancelPayout", "json.unknownProperty", "$.gates[0].target"),
        new("extra parameter of a linear scorer", d => Node(d, 0, 0)["scorer"]!["slope"] = 2, "scorer.parameterUnknown", Loans + ".scorer.slope"),
        new("extra member of a band", d => Node(d, 0, 1)["scorer"]!["bands"]![0]!["label"] = "low", "scorer.parameterUnknown", "$.root.children[0].children[1].scorer.bands[0].label"),
        new("weight as a string", d => Node(d, 0, 0)["weight"] = "50", "json.type", Loans + ".weight"),
        new("threshold as a string", d => d["gates"]![0]!["threshold"] = "0.05", "json.type", "$.gates[0].threshold"),
        new("grades as an object", d => d["grades"] = new JsonObject { ["A"] = 1.3 }, "json.type", "$.grades"),
        new("a tag as a number", d => Node(d, 0, 0)["tags"]![0] = 7, "json.type", Loans + ".tags[0]"),
        new("a name as a number", d => d["names"] = new JsonObject { ["en"] = 1 }, "json.type", "$.names.en"),
        new("a boolean scorer parameter", d => Node(d, 0, 0)["scorer"]!["cap"] = true, "json.type", Loans + ".scorer.cap"),
        new("fractional rounding decimals", d => d["rounding"]!["decimals"] = 1.5m, "json.type", "$.rounding.decimals"),
        new("missing scheme id", d => d.Remove("id"), "json.missingProperty", "$.id"),
        new("missing indicator measure", d => d["root"]!["children"]![1]!.AsObject().Remove("measure"), "json.missingProperty", "$.root.children[1].measure"),
        new("missing gate threshold", d => d["gates"]![0]!.AsObject().Remove("threshold"), "json.missingProperty", "$.gates[0].threshold"),
        new("missing scorer kind", d => Node(d, 0, 0)["scorer"]!.AsObject().Remove("kind"), "json.missingProperty", Loans + ".scorer.kind"),
        new("missing node of a value gate", d => d["gates"]![0]!.AsObject().Remove("node"), "json.missingProperty", "$.gates[0].node"),
        new("missing children of a group", d => d["root"]!["children"]![0]!.AsObject().Remove("children"), "json.missingProperty", "$.root.children[0].children"),
        new("unknown group kind", d => d["root"]!["kind"] = "folder", "json.value", "$.root.kind"),
        new("unknown weight mode", d => d["root"]!["weightMode"] = "percentage", "json.value", "$.root.weightMode"),
        new("unknown missing policy", d => Node(d, 0, 0)["missing"] = "skip", "json.value", Loans + ".missing"),
        new("unknown gate consequence", d => d["gates"]![0]!["consequence"] = "fire", "json.value", "$.gates[0].consequence"),
        new("unknown adjustment kind", d => d["adjustments"]![0]!["kind"] = "reward", "json.value", "$.adjustments[0].kind"),
        new("blank scorer kind", d => Node(d, 0, 0)["scorer"]!["kind"] = " ", "json.value", Loans + ".scorer.kind"),
        new("unknown band mode", d => Node(d, 0, 1)["scorer"]!["mode"] = "smooth", "scorer.parameterValue", "$.root.children[0].children[1].scorer.mode"),
        new("unknown rounding mode", d => d["rounding"]!["mode"] = "bankers", "rounding.invalid", "$.rounding.mode"),
        new("null maxBonus", d => d["maxBonus"] = null, "json.null", "$.maxBonus"),
        new("null scorer parameter", d => Node(d, 0, 0)["scorer"]!["cap"] = null, "json.null", Loans + ".scorer.cap"),
        new("null grade", d => d["grades"]![0] = null, "json.null", "$.grades[0]"),
        new("a file holding an array", d => d.Clear(), "json.type", "$", asArray: true),
        new("id with a space", d => d["root"]!["children"]![0]!["id"] = "sales team", "id.invalid", "$.root.children[0].id"),
        new("negative weight", d => Node(d, 0, 0)["weight"] = -50, "weight.nonPositive", Loans + ".weight"),
        new("no grades", d => d["grades"] = new JsonArray(), "grades.empty", "$.grades"),
        new("rating role weight as a string", d => d["root"]!["children"]![1]!["scorer"]!["roles"]!["peer"] = "40", "scorer.rating.roles", "$.root.children[1].scorer.roles.peer"),
        new("band target on the value basis", d => Node(d, 0, 1)["scorer"]!["target"] = 1, "scorer.band.target", "$.root.children[0].children[1].scorer.target"),
        new("another built-in scorer version", d => d["scorerVersions"] = new JsonObject { ["linear"] = "2", ["band"] = "1", ["threshold"] = "1", ["rating"] = "1" }, "scorer.version", "$.scorerVersions.linear"),
        new("scope on a bonus", d => d["adjustments"]![0]!["scope"] = "sales", "adjustment.scope", "$.adjustments[0].scope"),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> BrokenCaseNames => [.. BrokenCases.Keys];

    public static TheoryData<string> TemplateNames => [.. SchemeTemplates.Names];

    public static TheoryData<string> SampleNames => [nameof(SampleSchemes.ABank2023), nameof(SampleSchemes.BscOkr), nameof(SampleSchemes.CustomerManagerRole)];

    // ---------------------------------------------------------------- the schema itself

    [Fact]
    public void JsonSchema_Always_IsTheShippedFileAndTheDocsCopyIsByteIdentical()
    {
        var shipped = File.ReadAllBytes(CheckedInFiles.ShippedSchemaPath);

        Assert.Equal(shipped, File.ReadAllBytes(CheckedInFiles.DocsSchemaPath));
        Assert.False(shipped.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "The schema is UTF-8 without a byte order mark.");
        Assert.Equal(new UTF8Encoding(false, true).GetString(shipped), SchemeFile.JsonSchema);
    }

    [Fact]
    public void JsonSchema_Always_IsDraft07WithEveryTopLevelMemberOfTheFormat()
    {
        var schema = SchemeJsonSchema.Instance;

        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.SchemaVersion);
        Assert.False(schema.AllowAdditionalProperties);
        // The members of docs/scheme-files.md, "The scheme" table.
        Assert.Equal(
            ["$schema", "adjustments", "gates", "grades", "id", "maxBonus", "maxPoints", "minPoints", "name", "names", "points", "root", "rounding", "scorerVersions", "version"],
            schema.Properties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["grades", "id", "name", "root", "version"], schema.RequiredProperties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void JsonSchema_CalledTwice_ReturnsTheSameText()
    {
        Assert.Same(SchemeFile.JsonSchema, SchemeFile.JsonSchema);
    }

    // ---------------------------------------------------------------- valid files

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Validate_CheckedInTemplateFile_HasNoErrors(string name)
    {
        var errors = SchemeJsonSchema.Validate(Encoding.UTF8.GetString(CheckedInFiles.Template(name)));

        Assert.True(errors.Count == 0, SchemeJsonSchema.Describe(errors));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Validate_CanonicalWriteOfSampleScheme_HasNoErrors(string name)
    {
        var scheme = name switch
        {
            nameof(SampleSchemes.ABank2023) => SampleSchemes.ABank2023(),
            nameof(SampleSchemes.BscOkr) => SampleSchemes.BscOkr(),
            _ => SampleSchemes.CustomerManagerRole(),
        };

        var errors = SchemeJsonSchema.Validate(SchemeFile.WriteString(scheme));

        Assert.True(errors.Count == 0, SchemeJsonSchema.Describe(errors));
    }

    [Fact]
    public void Validate_BaseOfTheBrokenCases_IsValidAndLoads()
    {
        var errors = SchemeJsonSchema.Validate(Base);
        var result = SchemeFile.Load(Base);

        Assert.True(errors.Count == 0, SchemeJsonSchema.Describe(errors));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Validate_HostScorerKindWithNestedParameters_HasNoErrors()
    {
        // A host kind takes any parameters: numbers, texts, lists and maps of them.
        var json = Mutate(d => Node(d, 0, 0)["scorer"] = new JsonObject
        {
            ["kind"] = FreeformScorerKind.KindName,
            ["factor"] = 0.5m,
            ["mode"] = "fancy",
            ["items"] = new JsonArray(1, "two", new JsonArray(3), new JsonObject { ["four"] = 4 }),
            ["table"] = new JsonObject { ["a"] = new JsonArray(), ["b"] = new JsonObject() },
        });

        var errors = SchemeJsonSchema.Validate(json);
        var result = SchemeFile.Load(json, FreeformScorerKind.Registry);

        Assert.True(errors.Count == 0, SchemeJsonSchema.Describe(errors));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Validate_EveryOptionalMemberAndAlternative_HasNoErrors()
    {
        // Members the base leaves out: names everywhere, display names, rounding defaults written out, bounds, explicit
        // scorer versions, every gate subject and consequence, a scoped penalty, band on the ratio basis, rating with a
        // target and cap, linear with cap, floor and start line, threshold with pass and fail.
        var json = Mutate(d =>
        {
            d.Remove("$schema");
            d["names"] = new JsonObject { ["zh-CN"] = "基础", ["en"] = "Base" };
            d["points"] = 100;
            d["rounding"] = new JsonObject { ["decimals"] = 0, ["mode"] = "toPositiveInfinity" };
            d["minPoints"] = -10;
            d["maxPoints"] = 130;
            d["scorerVersions"] = new JsonObject { ["band"] = "1", ["linear"] = "1", ["rating"] = "1", ["threshold"] = "1" };
            d["grades"]![0]!["displayName"] = "Excellent";
            d["grades"]![0]!["names"] = new JsonObject { ["zh-CN"] = "优秀" };
            d["root"]!["name"] = "Total";
            d["root"]!["names"] = new JsonObject { ["de-DE"] = "Gesamt" };
            Node(d, 0, 0)["scorer"] = new JsonObject { ["kind"] = "linear", ["baseline"] = 0, ["target"] = 100, ["cap"] = 1.2m, ["floor"] = 0.1m, ["startLine"] = 20 };
            Node(d, 0, 0)["aggregation"] = "dailyAverage";
            Node(d, 0, 0)["unit"] = "CNY 10k";
            Node(d, 0, 0)["name"] = "Loans";
            Node(d, 0, 1)["scorer"]!["basis"] = "ratio";
            Node(d, 0, 1)["scorer"]!["target"] = 10;
            Node(d, 0, 1)["scorer"]!["below"] = 0.1m;
            Node(d, 0, 2)["scorer"]!["pass"] = 0.9m;
            Node(d, 0, 2)["scorer"]!["fail"] = 0.2m;
            d["root"]!["children"]![1]!["scorer"]!["target"] = 4;
            d["root"]!["children"]![1]!["scorer"]!["cap"] = 1.25m;
            d["gates"] = new JsonArray(
                new JsonObject { ["id"] = "g1", ["name"] = "NPL", ["names"] = new JsonObject { ["en"] = "NPL" }, ["on"] = "value", ["node"] = "sales/npl", ["threshold"] = 0.05m, ["direction"] = "lowerIsBetter", ["consequence"] = "capGrade", ["target"] = "D", ["onMissing"] = "pass" },
                new JsonObject { ["id"] = "g2", ["on"] = "score", ["node"] = "sales", ["threshold"] = 0.3m, ["consequence"] = "zeroScore", ["target"] = "sales" },
                new JsonObject { ["id"] = "g3", ["on"] = "base", ["threshold"] = 40, ["consequence"] = "cancelPayout" },
                new JsonObject { ["id"] = "g4", ["on"] = "total", ["threshold"] = 30, ["consequence"] = "cancelPayout" });
            d["adjustments"]!.AsArray().Add(new JsonObject { ["id"] = "late", ["name"] = "Late", ["kind"] = "penalty", ["measure"] = "late", ["pointsPerUnit"] = 1, ["cap"] = 10, ["scope"] = "sales", ["missing"] = "zero" });
        });

        var errors = SchemeJsonSchema.Validate(json);
        var result = SchemeFile.Load(json);

        Assert.True(errors.Count == 0, SchemeJsonSchema.Describe(errors));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("2.000")]
    [InlineData("20e-1")]
    [InlineData("0.2E1")]
    public void Validate_RoundingDecimalsAsWholeNumberWithFractionDigits_IsValidAsTheLoaderReadsIt(string decimals)
    {
        // The loader reads 2.0 as the whole number 2 (the value counts, not its spelling); so does the schema.
        var json = Mutate(d => d["rounding"]!["decimals"] = "@").Replace("\"@\"", decimals, StringComparison.Ordinal);

        var errors = SchemeJsonSchema.Validate(json);
        var result = SchemeFile.Load(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Scheme.Rounding.Decimals);
        Assert.True(errors.Count == 0, SchemeJsonSchema.Describe(errors));
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(SchemeFileTests.SchemeArbitraries)])]
    public void Validate_CanonicalWriteOfRandomScheme_HasNoErrors(GeneratedScheme generated)
    {
        // The schema is never stricter than the loader: every scheme the builder makes is written, and valid.
        var errors = SchemeJsonSchema.Validate(SchemeFile.WriteString(generated.Scheme));

        Assert.True(errors.Count == 0, SchemeJsonSchema.Describe(errors));
    }

    [Property(MaxTest = 500)]
    public Property Validate_MutatedTemplateTheLoaderAccepts_HasNoErrors()
    {
        // The hostile structure-aware mutations of the templates; those the loader still accepts must be valid too.
        return Prop.ForAll(HostileSchemes.StructuredMutations().ToArbitrary(), mutated =>
        {
            var result = SchemeFile.Load(mutated.Bytes);
            if (!result.Succeeded)
            {
                return;
            }

            var errors = SchemeJsonSchema.Validate(Encoding.UTF8.GetString(mutated.Bytes));
            Assert.True(errors.Count == 0, SchemeJsonSchema.Describe(errors));
        });
    }

    // ---------------------------------------------------------------- broken files

    [Fact]
    public void BrokenCases_Always_AreAtLeastFifteen()
    {
        Assert.True(BrokenCases.Count >= 15);
    }

    [Theory]
    [MemberData(nameof(BrokenCaseNames))]
    public void Validate_BrokenFile_HasErrors(string name)
    {
        var json = BrokenCases[name].Json();

        Assert.NotEmpty(SchemeJsonSchema.Validate(json));
    }

    [Theory]
    [MemberData(nameof(BrokenCaseNames))]
    public void Load_BrokenFile_ReportsTheProblemAtItsPath(string name)
    {
        var broken = BrokenCases[name];

        var result = SchemeFile.Load(broken.Json());

        Assert.False(result.Succeeded);
        Assert.True(
            result.Problems.Any(p => p.Code == broken.Code && p.Path == broken.Path),
            $"Expected [{broken.Code}] at {broken.Path}; got:\n{string.Join("\n", result.Problems)}");
    }

    // ---------------------------------------------------------------- helpers

    private static string Mutate(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(Base)!.AsObject();
        change(document);
        return document.ToJsonString();
    }

    /// <summary>The indicator at <c>root.children[group].children[index]</c>.</summary>
    private static JsonNode Node(JsonObject document, int group, int index) => document["root"]!["children"]![group]!["children"]![index]!;

    private static void Gate(JsonObject document, string on, string? node, string consequence, string? target)
    {
        var gate = document["gates"]![0]!.AsObject();
        gate["on"] = on;
        gate.Remove("node");
        gate.Remove("target");
        gate["consequence"] = consequence;
        if (node is not null)
        {
            gate["node"] = node;
        }

        if (target is not null)
        {
            gate["target"] = target;
        }
    }

    private static void Rename(JsonObject item, string from, string to, string value)
    {
        item.Remove(from);
        item[to] = value;
    }

    private sealed class BrokenCase(string name, Action<JsonObject> change, string code, string path, bool asArray = false)
    {
        public string Name { get; } = name;

        public string Code { get; } = code;

        public string Path { get; } = path;

        public string Json() => asArray ? "[" + Mutate(change) + "]" : Mutate(change);

        public override string ToString() => Name;
    }
}
