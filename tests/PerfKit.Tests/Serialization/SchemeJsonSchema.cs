using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using PerfKit.Serialization;

namespace PerfKit.Tests.Serialization;

/// <summary>The scheme-file JSON schema (<see cref="SchemeFile.JsonSchema"/>) read by NJsonSchema, and validation of file text against it.</summary>
internal static class SchemeJsonSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(SchemeFile.JsonSchema).GetAwaiter().GetResult());

    public static JsonSchema Instance => Schema.Value;

    /// <summary>Validates file text; texts are read as texts (no dates) and numbers as decimals, as the loader reads them.</summary>
    public static IReadOnlyList<ValidationError> Validate(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        var token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        WidenBigIntegers(token);
        return [.. Instance.Validate(token)];
    }

    /// <summary>
    /// Newtonsoft reads integers beyond <see cref="long"/> as <see cref="BigInteger"/>, which NJsonSchema's number checks
    /// cannot convert; a scheme's integers lie within the decimal range, so they are handed over as decimals.
    /// </summary>
    private static void WidenBigIntegers(JToken token)
    {
        foreach (var value in (token is JContainer container ? container.DescendantsAndSelf() : [token]).OfType<JValue>().Where(v => v.Value is BigInteger).ToList())
        {
            var big = (BigInteger)value.Value!;
            value.Value = big >= (BigInteger)decimal.MinValue && big <= (BigInteger)decimal.MaxValue ? (decimal)big : (double)big;
        }
    }

    public static string Describe(IEnumerable<ValidationError> errors) => string.Join(Environment.NewLine, errors.Select(Describe));

    private static string Describe(ValidationError error) => error is ChildSchemaValidationError child
        ? $"{error.Kind} at {error.Path} ({string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(Describe))})"
        : $"{error.Kind} at {error.Path}";
}
