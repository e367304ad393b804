using System.Globalization;
using System.Text;

namespace PerfKit.Serialization;

/// <summary>Writes JSON paths such as <c>$.root.children[1].names.zh-CN</c>; names other than plain identifiers use <c>['…']</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        if (IsPlain(name))
        {
            return parent + "." + name;
        }

        var sb = new StringBuilder(parent.Length + name.Length + 4).Append(parent).Append("['");
        foreach (var c in name)
        {
            if (c is '\'' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append("']").ToString();
    }

    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsPlain(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$'))
            {
                return false;
            }
        }

        return true;
    }
}
