using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using PerfKit.Internal;

namespace PerfKit.Model;

/// <summary>A display name: a default text plus optional texts per culture (e.g. <c>zh-CN</c>, <c>en</c>).</summary>
/// <remarks>Immutable and thread-safe. Culture keys compare ordinally, case-insensitively.</remarks>
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    internal LocalizedText(string defaultText, ImmutableSortedDictionary<string, string> byCulture)
    {
        Default = defaultText;
        ByCulture = byCulture;
    }

    /// <summary>Gets the text used when no culture-specific text matches.</summary>
    public string Default { get; }

    /// <summary>Gets the culture-specific texts keyed by culture name (e.g. <c>zh-CN</c>), sorted ordinally.</summary>
    public ImmutableSortedDictionary<string, string> ByCulture { get; }

    /// <summary>Gets the best text for a culture: the culture itself, then its parents (zh-CN → zh), then <see cref="Default"/>.</summary>
    /// <param name="culture">The culture, or <see langword="null"/> for the default text.</param>
    /// <returns>The text; never null.</returns>
    public string Get(CultureInfo? culture)
    {
        for (var c = culture; c is not null && c.Name.Length > 0; c = c.Parent)
        {
            if (ByCulture.TryGetValue(c.Name, out var text))
            {
                return text;
            }
        }

        return Default;
    }

    /// <summary>Gets the best text for a culture name (exact match, then the language part, then the default).</summary>
    /// <param name="cultureName">A culture name such as <c>zh-CN</c>, or <see langword="null"/>.</param>
    /// <returns>The text; never null.</returns>
    public string Get(string? cultureName)
    {
        if (string.IsNullOrEmpty(cultureName))
        {
            return Default;
        }

        if (ByCulture.TryGetValue(cultureName, out var text))
        {
            return text;
        }

        var dash = cultureName.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && ByCulture.TryGetValue(cultureName[..dash], out text) ? text : Default;
    }

    /// <inheritdoc/>
    public bool Equals(LocalizedText? other)
    {
        if (other is null)
        {
            return false;
        }

        if (!string.Equals(Default, other.Default, StringComparison.Ordinal) || ByCulture.Count != other.ByCulture.Count)
        {
            return false;
        }

        foreach (var pair in ByCulture)
        {
            if (!other.ByCulture.TryGetValue(pair.Key, out var text) || !string.Equals(text, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Default);

    /// <summary>Returns the default text.</summary>
    /// <returns>The default text.</returns>
    public override string ToString() => Default;

    internal static LocalizedText Create(string defaultText, IEnumerable<KeyValuePair<string, string>> byCulture)
        => new(defaultText, byCulture.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));

    internal static bool IsValidCultureName(string name)
    {
        if (name.Length is 0 or > 35 || name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    internal static LocalizedText Of(string text) => Create(Guard.NotBlank(text), []);
}
