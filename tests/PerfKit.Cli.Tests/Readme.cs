using System;
using System.IO;
using Xunit;

namespace PerfKit.Cli.Tests;

/// <summary>Reads sections and fenced blocks of the repository's README.md.</summary>
internal static class Readme
{
    public static string Section(string heading)
    {
        var readme = File.ReadAllText(RepoFile("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '## {heading}' section.");
        var end = readme.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    public static string FencedBlock(string text, string language)
    {
        var open = "```" + language + "\n";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No ```{language} block found.");
        start += open.Length;
        var end = text.IndexOf("\n```", start - 1, StringComparison.Ordinal);
        return text[start..end];
    }

    public static string RepoFile(params string[] parts)
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
