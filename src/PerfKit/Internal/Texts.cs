namespace PerfKit.Internal;

/// <summary>Checks on free texts (names, units, versions, scorer texts).</summary>
internal static class Texts
{
    public const string SurrogateRule = "A text must be well-formed Unicode: it holds an unpaired UTF-16 surrogate, which cannot be written as UTF-8 (e.g. to a scheme file).";

    /// <summary>True when every UTF-16 surrogate in <paramref name="text"/> is part of a pair, so it converts to UTF-8 losslessly.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
