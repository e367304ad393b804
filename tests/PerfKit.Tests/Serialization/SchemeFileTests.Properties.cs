using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using PerfKit.Serialization;

namespace PerfKit.Tests.Serialization;

/// <summary>Properties over several hundred random valid schemes built through the public builder.</summary>
public partial class SchemeFileTests
{
    [Property(MaxTest = 400, Arbitrary = [typeof(SchemeArbitraries)])]
    public void Load_WrittenRandomScheme_IsStructurallyEqual(GeneratedScheme generated)
    {
        var loaded = SchemeFile.LoadOrThrow(SchemeFile.Write(generated.Scheme), FreeformScorerKind.Registry);

        SchemeAssert.StructurallyEqual(generated.Scheme, loaded);
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(SchemeArbitraries)])]
    public bool Write_LoadedRandomScheme_IsByteIdentical(GeneratedScheme generated)
    {
        var bytes = SchemeFile.Write(generated.Scheme);

        return bytes.AsSpan().SequenceEqual(SchemeFile.Write(SchemeFile.LoadOrThrow(bytes, FreeformScorerKind.Registry)));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(SchemeArbitraries)])]
    public bool Write_RandomSchemeUnderGermanAndTurkishCultures_GivesTheSameBytes(GeneratedScheme generated)
    {
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => SchemeFile.Write(RandomSchemes.Create(generated.Seed)));

        return invariant.AsSpan().SequenceEqual(WithCulture(new CultureInfo("de-DE"), () => SchemeFile.Write(RandomSchemes.Create(generated.Seed))))
            && invariant.AsSpan().SequenceEqual(WithCulture(new CultureInfo("tr-TR"), () => SchemeFile.Write(RandomSchemes.Create(generated.Seed))));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(SchemeArbitraries)])]
    public bool Load_RandomSchemeReformattedByAnotherWriter_GivesTheSameCanonicalBytes(GeneratedScheme generated)
    {
        // Re-encode the canonical text minified, with System.Text.Json's default escaping (\uXXXX for non-ASCII and HTML
        // characters) and the members of every object in reverse order: the file means the same, so it loads to the same scheme.
        var canonical = SchemeFile.Write(generated.Scheme);
        using var document = JsonDocument.Parse(canonical);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            Reversed(document.RootElement, writer);
        }

        var reloaded = SchemeFile.LoadOrThrow(stream.ToArray(), FreeformScorerKind.Registry);

        return canonical.AsSpan().SequenceEqual(SchemeFile.Write(reloaded)) && generated.Scheme.Fingerprint == reloaded.Fingerprint;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(SchemeArbitraries)])]
    public bool Load_RandomSchemeWithOneWeightChanged_HasAnotherFingerprint(GeneratedScheme generated)
    {
        // In the first group that allows it, double a weight (normalize) or swap two different sibling weights (the sum
        // stays what the mode requires): the scheme stays valid but means something else.
        var document = JsonNode.Parse(SchemeFile.Write(generated.Scheme))!;
        if (!ChangeOneWeight(document["root"]!.AsObject()))
        {
            return true;
        }

        var changed = SchemeFile.LoadOrThrow(document.ToJsonString(), FreeformScorerKind.Registry);
        return changed.Fingerprint != generated.Scheme.Fingerprint && !SchemeFile.AreEquivalent(changed, generated.Scheme);
    }

    private static bool ChangeOneWeight(JsonObject group)
    {
        var children = group["children"]!.AsArray();
        if (group["weightMode"] is JsonValue mode && mode.GetValue<string>() == "normalize")
        {
            children[0]!["weight"] = children[0]!["weight"]!.GetValue<decimal>() * 2m;
            return true;
        }

        for (var i = 1; i < children.Count; i++)
        {
            var (first, other) = (children[0]!["weight"]!.GetValue<decimal>(), children[i]!["weight"]!.GetValue<decimal>());
            if (first != other)
            {
                (children[0]!["weight"], children[i]!["weight"]) = (other, first);
                return true;
            }
        }

        return children.OfType<JsonObject>().Any(c => c["children"] is not null && ChangeOneWeight(c));
    }

    private static void Reversed(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().Reverse())
                {
                    writer.WritePropertyName(property.Name);
                    Reversed(property.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Reversed(item, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>The FsCheck arbitraries for these properties.</summary>
    public static class SchemeArbitraries
    {
        public static Arbitrary<GeneratedScheme> Schemes() => RandomSchemes.Arbitrary();
    }
}
