using System;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Diagnostics;

/// <summary>
/// A declared pair of indicators for the contradiction finder: an output indicator (e.g. loans disbursed) and a
/// quality indicator (e.g. the complaint rate) that should not deteriorate while the output target is met.
/// </summary>
/// <remarks>Immutable and thread-safe. Validated with the other pairs by <see cref="ContradictionFinder.Create"/>.</remarks>
public sealed class IndicatorPair
{
    private IndicatorPair(string id, string outputPath, string qualityPath, ScoreDirection? qualityDirection, decimal metScore)
    {
        Id = id;
        OutputPath = outputPath;
        QualityPath = qualityPath;
        QualityDirection = qualityDirection;
        MetScore = metScore;
    }

    /// <summary>Gets the pair's id.</summary>
    public string Id { get; }

    /// <summary>Gets the output indicator's path.</summary>
    public string OutputPath { get; }

    /// <summary>Gets the quality indicator's path.</summary>
    public string QualityPath { get; }

    /// <summary>
    /// Gets which way the quality indicator's value is better, or <see langword="null"/> to take the quality indicator's
    /// scorer direction in the current period's scheme. The value deteriorates when it moves the other way.
    /// </summary>
    public ScoreDirection? QualityDirection { get; }

    /// <summary>Gets the output score (after overrides, before gates) from which the output target counts as met; default 1.</summary>
    public decimal MetScore { get; }

    /// <summary>Declares a pair.</summary>
    /// <param name="id">The pair's id (id rule).</param>
    /// <param name="outputPath">The output indicator's path.</param>
    /// <param name="qualityPath">The quality indicator's path.</param>
    /// <param name="qualityDirection">Which way the quality value is better; <see langword="null"/> takes the scorer's direction.</param>
    /// <param name="metScore">The output score from which the target counts as met (default 1).</param>
    /// <returns>The pair.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    public static IndicatorPair Create(string id, string outputPath, string qualityPath, ScoreDirection? qualityDirection = null, decimal metScore = 1m)
        => new(Guard.NotNull(id), Guard.NotNull(outputPath), Guard.NotNull(qualityPath), qualityDirection, metScore);
}
