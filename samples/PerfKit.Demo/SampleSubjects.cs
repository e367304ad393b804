using System.Collections.Generic;
using PerfKit.Evaluation;
using PerfKit.Samples;

namespace PerfKit.Demo;

/// <summary>A deterministic set of A-bank customer managers: the same subjects and values on every machine and run.</summary>
public static class SampleSubjects
{
    /// <summary>Generates <paramref name="count"/> subjects from a fixed linear congruential sequence (no clock, no shared random state).</summary>
    /// <param name="count">How many subjects.</param>
    /// <returns>The inputs, ids CM001, CM002, …</returns>
    /// <remarks>The generator is shared with the <c>perfkit demo</c> command (src/PerfKit.Cli/Demo/SamplePopulation.cs), which adds departments and branches.</remarks>
    public static IEnumerable<SubjectInput> Generate(int count) => SamplePopulation.Generate(count, withAttributes: false);
}
