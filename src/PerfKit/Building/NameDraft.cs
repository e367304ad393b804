using System.Collections.Generic;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Building;

/// <summary>Collects a default name and per-culture names; validated on build.</summary>
internal sealed class NameDraft
{
    private readonly List<KeyValuePair<string, string>> cultures = [];

    public string? Default { get; private set; }

    public void Set(string text) => Default = Guard.NotNull(text);

    public void Set(string culture, string text) => cultures.Add(new(Guard.NotNull(culture), Guard.NotNull(text)));

    public IReadOnlyList<KeyValuePair<string, string>> Cultures => cultures;

    /// <summary>Validates and creates the names; <paramref name="fallback"/> is used when no default name was given.</summary>
    public LocalizedText Build(string path, string? fallback, List<Problem> problems)
    {
        var defaultText = Default ?? fallback;
        if (string.IsNullOrWhiteSpace(defaultText))
        {
            problems.Add(new Problem(ProblemCodes.NameMissing, path + ".name", Default, "A name is required and must not be blank."));
            defaultText = "?";
        }
        else if (!Texts.IsWellFormed(defaultText))
        {
            problems.Add(new Problem(ProblemCodes.TextInvalid, path + ".name", null, Texts.SurrogateRule));
        }

        var seen = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var (culture, text) in cultures)
        {
            if (!LocalizedText.IsValidCultureName(culture))
            {
                problems.Add(new Problem(ProblemCodes.NameCulture, $"{path}.names.{culture}", culture, "A culture name must look like 'zh-CN' or 'en': letters and digits in parts joined by '-'."));
            }
            else if (!seen.TryAdd(culture, text))
            {
                problems.Add(new Problem(ProblemCodes.NameCulture, $"{path}.names.{culture}", culture, $"The name for culture '{culture}' is given twice."));
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new Problem(ProblemCodes.NameMissing, $"{path}.names.{culture}", text, "A name must not be blank."));
            }
            else if (!Texts.IsWellFormed(text))
            {
                problems.Add(new Problem(ProblemCodes.TextInvalid, $"{path}.names.{culture}", null, Texts.SurrogateRule));
            }
        }

        return LocalizedText.Create(defaultText, seen);
    }
}
