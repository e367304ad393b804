// README.md's quick start is the text between the "quick start" markers of this file: the using directives below,
// a blank line, then the statements marked in QuickStart_RunInGermanCulture_PrintsTheOutputShownInReadme.
// QuickStart_ReadmeBlock_IsTheCompiledCode fails as soon as the two differ by one character.
// quick start: begin
using System;
using PerfKit.Evaluation;
using PerfKit.Explanation;
using PerfKit.Model;
using PerfKit.Scoring;
// quick start: end
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PerfKit.Serialization;
using Xunit;

namespace PerfKit.Tests;

/// <summary>Runs here because the quick start writes to <see cref="Console.Out"/>, which the test redirects.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection
{
}

/// <summary>Keeps README.md honest: its quick start compiles, runs and prints what it shows; its commands are the CI's.
/// The demo excerpt is checked by PerfKit.Cli.Tests (DemoCommandTests), where the demo command lives.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ReadmeTests
{
    private const string Marker = "// quick start: ";

    [Fact]
    public void QuickStart_RunInGermanCulture_PrintsTheOutputShownInReadme()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var previousOut = Console.Out;
        var previousCulture = CultureInfo.CurrentCulture;
        Console.SetOut(output);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            // quick start: begin
            var scheme = Scheme.CreateBuilder("branch-cm", "2024.1").Name("Branch customer manager")
                .Grade("A", 90m, 1.30m).Grade("B", 80m, 1.10m).Grade("C", 60m, 1.00m).Grade("D", null, 0.70m)
                .Root(WeightMode.Percent, root => root
                    .Indicator("loans", 60m, "loans", Scorers.Linear(baseline: 0m, target: 500m))
                    .Indicator("npl_rate", 40m, "npl_rate", Scorers.Linear(baseline: 2m, target: 0.5m)))
                .MaxBonus(5m).Bonus("certificates", "certificates", pointsPerUnit: 2.5m)
                .Gate("npl_gate", g => g.OnValue("npl_rate", 1.5m).CancelPayout())
                .Build();
            var input = SubjectInput.For("CM001").Value("loans", 450m).Value("npl_rate", "1.1").Value("certificates", 1m).BasePay(10000m).Build();
            var assessment = SchemeEvaluator.Create(scheme).EvaluateOrThrow(input);
            Console.WriteLine(AssessmentFormatter.ToText(assessment));
            // quick start: end

            // loans: (450 − 0) / (500 − 0) = 0.9; npl_rate: (1.1 − 2) / (0.5 − 2) = −0.9 / −1.5 = 0.6.
            // root = (60 × 0.9 + 40 × 0.6) / (60 + 40) = (54 + 24) / 100 = 0.78 → base 0.78 × 100 = 78.
            // bonus: 1 × 2.5 = 2.5 (within maxBonus 5) → total 80.5, clamped to [0, 105] and rounded: 80.5 → grade B (≥ 80), × 1.1.
            // npl_gate: 1.1 ≤ 1.5 (lower is better, as baseline 2 > target 0.5) → passed; payout 10000 × 1.1 = 11000.
            Assert.Equal(78m, assessment.BasePoints);
            Assert.Equal(2.5m, assessment.BonusPoints);
            Assert.Equal(80.5m, assessment.RoundedTotal);
            Assert.Equal("B", assessment.Grade.Name);
            Assert.True(Assert.Single(assessment.Gates).Passed);
            Assert.Equal(11000m, assessment.Payout);

            // The fingerprint line names the SHA-256 of the scheme's canonical file, as `sha256sum` would print it.
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(SchemeFile.Write(scheme)));
            Assert.Contains("\nScheme fingerprint (SHA-256 of the canonical scheme file): " + fingerprint + "\n", output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetOut(previousOut);
            CultureInfo.CurrentCulture = previousCulture;
        }

        var printed = output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        // ToText ends every line with LF and Console.WriteLine adds one more: the block, then an empty line.
        Assert.Equal(ReadmeBlock("text") + "\n\n", printed);
        Assert.Contains("Total 80.5 (exact 80.5) = base 78 + bonus 2.5 − penalty 0", printed, StringComparison.Ordinal);
        Assert.Contains("Grade B × 1.1", printed, StringComparison.Ordinal);
        Assert.Contains("Payout 11000 = base pay 10000 × 1.1", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void QuickStart_ReadmeBlock_IsTheCompiledCode()
    {
        var source = Normalize(File.ReadAllText(RepoFile("tests", "PerfKit.Tests", "ReadmeTests.cs")));
        var regions = MarkedRegions(source);
        Assert.Equal(2, regions.Count);
        var compiled = regions[0] + "\n\n" + regions[1];

        Assert.Equal(compiled, ReadmeBlock("csharp"));
    }

    [Fact]
    public void SetUpCommands_ReadmeAndCiScript_ShowTheSameTestCommand()
    {
        var ci = Normalize(File.ReadAllText(RepoFile(".ci", "run")));
        var testCommand = Assert.Single(ci.Split('\n'), line => line.StartsWith("dotnet test ", StringComparison.Ordinal));
        var setUp = FencedBlock(Section("Set up"), "sh");

        Assert.Equal(["dotnet run --project src/PerfKit.Cli -c Release -- demo", testCommand], setUp.Split('\n'));
    }

    [Fact]
    public void Links_ReadmeAndDocs_PointToExistingFilesAndHeadings()
    {
        var pages = new[] { RepoFile("README.md") }.Concat(Directory.GetFiles(RepoFile("docs"), "*.md").Order(StringComparer.Ordinal)).ToList();
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            var text = Normalize(File.ReadAllText(page));
            foreach (Match link in Regex.Matches(text, @"\]\(([^)#:\s]*)(?:#([^)]*))?\)"))
            {
                var (file, anchor) = (link.Groups[1].Value, link.Groups[2].Value);
                if (file.Length == 0 && anchor.Length == 0)
                {
                    continue;
                }

                checkedLinks++;
                var target = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, file));
                Assert.True(File.Exists(target) || Directory.Exists(target), $"{Path.GetFileName(page)} links to '{file}', which does not exist.");
                if (anchor.Length > 0)
                {
                    var slugs = Regex.Matches(Normalize(File.ReadAllText(target)), @"^#+ (.+)$", RegexOptions.Multiline).Select(m => Slug(m.Groups[1].Value));
                    Assert.True(slugs.Contains(anchor, StringComparer.Ordinal), $"{Path.GetFileName(page)} links to '{file}#{anchor}', which has no such heading.");
                }
            }
        }

        Assert.True(checkedLinks > 10, "Expected the README and docs to link to each other.");
    }

    /// <summary>The anchor a Markdown renderer gives a heading: lower case, punctuation dropped, spaces as '-'.</summary>
    private static string Slug(string heading)
        => Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd} _-]", string.Empty).Replace(' ', '-');

    private static string ReadmeBlock(string language) => FencedBlock(Section("Quick start"), language);

    /// <summary>The text of a README section: from its "## " heading to the next one.</summary>
    private static string Section(string heading)
    {
        var readme = Normalize(File.ReadAllText(RepoFile("README.md")));
        var start = readme.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '## {heading}' section.");
        var end = readme.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>The content of the first fenced block of a language in a text, without its fences.</summary>
    private static string FencedBlock(string text, string language)
    {
        var open = "```" + language + "\n";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No ```{language} block found.");
        start += open.Length;
        var end = text.IndexOf("\n```", start - 1, StringComparison.Ordinal);
        return text[start..end];
    }

    /// <summary>Each region between "quick start: begin" and "quick start: end" markers, dedented by its smallest indentation.</summary>
    private static List<string> MarkedRegions(string source)
    {
        var regions = new List<string>();
        List<string>? current = null;
        foreach (var line in source.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed == Marker + "begin")
            {
                current = [];
            }
            else if (trimmed == Marker + "end" && current is not null)
            {
                var indent = current.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
                regions.Add(string.Join("\n", current.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())));
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return regions;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfKit.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("PerfKit.sln not found above " + AppContext.BaseDirectory);
    }
}
