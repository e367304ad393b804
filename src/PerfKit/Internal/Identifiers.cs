namespace PerfKit.Internal;

/// <summary>The id rule shared by nodes, gates, adjustments, grades, measures and scorer kinds.</summary>
internal static class Identifiers
{
    public const int MaxLength = 64;

    public const string Rule = "letters, digits, '_' and '-' only, starting with a letter or digit, at most 64 characters";

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
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

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 128 || !char.IsAsciiLetterOrDigit(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
