using PerfKit.Model;

namespace PerfKit.Scoring.BuiltIn;

internal static class Directions
{
    public const string Higher = "higherIsBetter";
    public const string Lower = "lowerIsBetter";

    public static ScoreDirection? Read(ScorerParameterReader reader, string name = "direction")
        => reader.RequiredChoice(name, Higher, Lower) switch
        {
            Higher => ScoreDirection.HigherIsBetter,
            Lower => ScoreDirection.LowerIsBetter,
            _ => null,
        };

    public static string Name(ScoreDirection direction) => direction == ScoreDirection.LowerIsBetter ? Lower : Higher;

    /// <summary>True when <paramref name="value"/> meets <paramref name="threshold"/> in the better direction (on it counts).</summary>
    public static bool Meets(ScoreDirection direction, decimal value, decimal threshold)
        => direction == ScoreDirection.LowerIsBetter ? value <= threshold : value >= threshold;
}
