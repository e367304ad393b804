using System;

namespace PerfKit.Internal;

/// <summary>The id rule shared by nodes, gates, adjustments, grades, tags, rater roles and scorer kinds.</summary>
internal static class Identifiers
{
    public const int MaxLength = 64;

    public const string Rule = "letters, digits, '_' and '-' only, starting with a letter or digit, at most 64 characters";

    public static bool IsValid(string? id) => Follows(id, MaxLength, "_-");

    /// <summary>True when <paramref name="text"/> starts with an ASCII letter or digit, has at most <paramref name="maxLength"/>
    /// characters, and every character is an ASCII letter, digit or one of <paramref name="punctuation"/>.</summary>
    internal static bool Follows(string? text, int maxLength, string punctuation)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength || !char.IsAsciiLetterOrDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !punctuation.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The rule for measure keys: like ids, plus '.' and ':' for namespaced keys such as <c>deposit.daily_avg</c>.</summary>
internal static class Measures
{
    public const string Rule = "letters, digits, '_', '-', '.' and ':' only, starting with a letter or digit, at most 128 characters";

    public static bool IsValid(string? key) => Identifiers.Follows(key, 128, "_-.:");
}
