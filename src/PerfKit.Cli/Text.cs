using System.Globalization;

namespace PerfKit.Cli;

/// <summary>Culture-invariant number text for everything the tool prints or writes.</summary>
internal static class Text
{
    /// <summary>The exact value without trailing zeros or exponent (1.50 → 1.5), as the library's explanations write it.</summary>
    public static string Exact(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The value rounded half away from zero to <paramref name="decimals"/> places, always showing them (80.5 → 80.50).</summary>
    public static string Fixed(decimal value, int decimals)
        => decimal.Round(value, decimals, System.MidpointRounding.AwayFromZero).ToString("F" + Int(decimals), CultureInfo.InvariantCulture);

    /// <summary>A percentage of a fraction with one decimal (0.1234 → 12.3%).</summary>
    public static string Percent(decimal fraction) => Fixed(fraction * 100m, 1) + "%";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A node path as shown to people: the root is "/".</summary>
    public static string PathOf(string path) => path.Length == 0 ? "/" : path;
}
