using System.Collections.Generic;
using PerfKit.Scoring;

namespace PerfKit.Periods;

/// <summary>
/// A host scorer kind that can be prorated (spec §8): it names its number parameters that are amounts (values on the
/// measure's scale, such as a target), which a prorated indicator scales by days present ÷ days in the period before the
/// kind creates the scorer again. Score parameters (caps, floors, pass scores) and ratios are never named here.
/// </summary>
/// <remarks>Implementations must be thread-safe and free of side effects, like every <see cref="IScorerKind"/>.</remarks>
public interface IProratableScorerKind : IScorerKind
{
    /// <summary>Gets the names of the top-level number parameters that are amounts and are scaled together.</summary>
    IReadOnlyCollection<string> AmountParameters { get; }
}
