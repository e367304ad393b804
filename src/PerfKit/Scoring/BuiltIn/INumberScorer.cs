namespace PerfKit.Scoring.BuiltIn;

/// <summary>
/// A built-in scorer of numbers that can score without building an explanation: <see cref="ScoreNumber"/> returns
/// exactly the <see cref="ScoreOutcome.Score"/> that <see cref="IScorer.Score"/> gives for the same value (both run the
/// same arithmetic), allocates nothing, and never reports a problem. The evaluator's totals path uses it.
/// </summary>
internal interface INumberScorer
{
    /// <summary>Scores one value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The normalized score.</returns>
    decimal ScoreNumber(decimal value);
}
