using System;
using System.IO;

namespace PerfKit.Tests.Serialization;

/// <summary>
/// The checked-in files the tests compare with the library's output, copied next to the test assembly by the project
/// file: <c>src/PerfKit/Serialization/perfkit-scheme.schema.json</c>, <c>docs/perfkit-scheme.schema.json</c> and
/// <c>docs/templates/*.json</c>.
/// </summary>
internal static class CheckedInFiles
{
    public static string ShippedSchemaPath => Combine("src", "perfkit-scheme.schema.json");

    public static string DocsSchemaPath => Combine("docs", "perfkit-scheme.schema.json");

    public static string TemplatePath(string name) => Combine("docs", "templates", name + ".json");

    public static byte[] Template(string name) => File.ReadAllBytes(TemplatePath(name));

    private static string Combine(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "files", .. parts]);
}
