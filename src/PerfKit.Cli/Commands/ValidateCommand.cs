using System.CommandLine;
using System.IO;
using System.Linq;
using PerfKit.Serialization;

namespace PerfKit.Cli.Commands;

/// <summary><c>perfkit validate &lt;scheme.json&gt;</c>: every problem of a scheme file with its line and column.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("scheme") { Description = "The scheme file (.json) to check." };
        var command = new Command("validate", "Check a scheme file and list every problem with its line and column. Exit 0 when valid, 1 when it has problems, 2 when it cannot be read.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new CliException(ExitCodes.InvalidInput, $"Cannot read '{path}': the file does not exist.");
            }

            var result = SchemeFile.Load(SchemeSource.ReadFile(path));
            if (result.Scheme is { } scheme)
            {
                console.Out.WriteLine($"{path}: valid. {scheme.Id}@{scheme.Version} \"{scheme.Names.Default}\": {Text.Int(scheme.Indicators.Length)} indicators, {Text.Int(scheme.Gates.Length)} gates, {Text.Int(scheme.Adjustments.Length)} adjustments, grades {string.Join(" ", scheme.Grades.Select(g => g.Name))}.");
                console.Out.WriteLine($"Fingerprint: {scheme.Fingerprint}");
                return ExitCodes.Ok;
            }

            foreach (var problem in result.Problems)
            {
                console.Out.WriteLine(SchemeSource.Locate(path, problem));
            }

            console.Out.WriteLine($"{path}: {Text.Int(result.Problems.Length)} {(result.Problems.Length == 1 ? "problem" : "problems")}.");
            return ExitCodes.DataErrors;
        });
        return command;
    }
}
