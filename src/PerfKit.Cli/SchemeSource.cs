using System;
using System.IO;
using System.Linq;
using System.Text;
using PerfKit.Model;
using PerfKit.Serialization;
using PerfKit.Templates;

namespace PerfKit.Cli;

/// <summary>Loads the scheme a command names: a scheme file, or the name of an embedded template.</summary>
internal static class SchemeSource
{
    /// <summary>Loads a scheme file or template; a file that does not load stops the command with exit code 2 and every problem located.</summary>
    public static Scheme Load(string source)
    {
        if (File.Exists(source))
        {
            var result = SchemeFile.Load(ReadFile(source));
            if (result.Scheme is { } scheme)
            {
                return scheme;
            }

            var sb = new StringBuilder();
            sb.Append("Scheme file '").Append(source).Append("' does not load (").Append(Text.Int(result.Problems.Length)).Append(result.Problems.Length == 1 ? " problem):" : " problems):");
            foreach (var problem in result.Problems)
            {
                sb.Append('\n').Append(Locate(source, problem));
            }

            throw new CliException(ExitCodes.InvalidInput, sb.ToString());
        }

        if (SchemeTemplates.TryLoad(source, out var template))
        {
            return template;
        }

        throw new CliException(ExitCodes.InvalidInput,
            $"'{source}' is neither an existing scheme file nor a template name. Templates: {string.Join(", ", SchemeTemplates.Names)}.");
    }

    /// <summary>Reads a whole file, turning I/O failures into exit code 2 with the file's name.</summary>
    public static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, $"Cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>One problem of a file as <c>file:line:column: [code] at path: message (value: v)</c>.</summary>
    public static string Locate(string file, Problem problem)
    {
        var position = problem.Line is { } line && problem.Column is { } column ? $"{file}:{Text.Int(line)}:{Text.Int(column)}" : file;
        var value = problem.AttemptedValue is null ? string.Empty : $" (value: {problem.AttemptedValue})";
        return $"{position}: [{problem.Code}] at {Text.PathOf(problem.Path)}: {problem.Message}{value}";
    }

    /// <summary>The names of the templates, for help texts.</summary>
    public static string TemplateList => string.Join(", ", SchemeTemplates.Names.Select(n => n));
}
