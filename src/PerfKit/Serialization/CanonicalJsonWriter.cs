using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PerfKit.Internal;

namespace PerfKit.Serialization;

/// <summary>
/// Writes JSON in one fixed layout: two-space indentation, LF line endings, <c>"name": value</c>, empty containers as
/// <c>{}</c> and <c>[]</c>, decimals in canonical form, and strings escaped only where JSON requires it
/// (<c>"</c>, <c>\</c> and U+0000–U+001F), so every other character — CJK, emoji, U+3000 — is written as itself.
/// The layout does not depend on the runtime's Unicode tables, which keeps the canonical bytes and the fingerprint stable.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private const string Indent = "  ";

    private readonly StringBuilder text = new();
    private readonly Stack<bool> hasItems = new();
    private bool afterName;

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public CanonicalJsonWriter Name(string name)
    {
        NextItem();
        AppendString(name);
        text.Append(": ");
        afterName = true;
        return this;
    }

    public void String(string value)
    {
        BeforeValue();
        AppendString(value);
    }

    public void Number(decimal value)
    {
        BeforeValue();
        text.Append(DecimalText.Canonical(value));
    }

    public void Number(int value)
    {
        BeforeValue();
        text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Boolean(bool value)
    {
        BeforeValue();
        text.Append(value ? "true" : "false");
    }

    /// <summary>Returns the document with a final line feed.</summary>
    public override string ToString() => text.ToString() + "\n";

    private void Open(char bracket)
    {
        BeforeValue();
        text.Append(bracket);
        hasItems.Push(false);
    }

    private void Close(char bracket)
    {
        if (hasItems.Pop())
        {
            NewLine();
        }

        text.Append(bracket);
    }

    private void BeforeValue()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }

        if (hasItems.Count > 0)
        {
            NextItem();
        }
    }

    private void NextItem()
    {
        if (hasItems.Pop())
        {
            text.Append(',');
        }

        hasItems.Push(true);
        NewLine();
    }

    private void NewLine()
    {
        text.Append('\n');
        for (var i = 0; i < hasItems.Count; i++)
        {
            text.Append(Indent);
        }
    }

    private void AppendString(string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (c < ' ' || (char.IsSurrogate(c) && !IsPairAt(value, i)))
                    {
                        // Controls must be escaped; an unpaired surrogate (never in a built scheme) is escaped rather than lost.
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static bool IsPairAt(string value, int i)
        => char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
}
