using System;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Building;

/// <summary>Configures a gate: what it looks at (one of <c>On…</c>), its consequence (one of <see cref="CancelPayout"/>, <see cref="ZeroScore"/>, <see cref="CapGrade"/>) and its missing-value behaviour.</summary>
/// <remarks>Not thread-safe. Values are checked when the scheme is built.</remarks>
public sealed class GateBuilder
{
    internal GateBuilder(string id) => Id = id;

    internal string Id { get; }

    internal NameDraft Names { get; } = new();

    internal GateSubject? Subject { get; private set; }

    internal string? NodePath { get; private set; }

    internal decimal Threshold { get; private set; }

    internal ScoreDirection? DeclaredDirection { get; private set; }

    internal GateConsequence? Consequence { get; private set; }

    internal string? ConsequenceTarget { get; private set; }

    internal GateMissingBehavior OnMissing { get; private set; } = GateMissingBehavior.Fail;

    /// <summary>Sets the default display name.</summary>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public GateBuilder Name(string text)
    {
        Names.Set(text);
        return this;
    }

    /// <summary>Sets the display name for a culture.</summary>
    /// <param name="culture">The culture name.</param>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GateBuilder Name(string culture, string text)
    {
        Names.Set(culture, text);
        return this;
    }

    /// <summary>Looks at an indicator's value; the comparison follows the indicator's scorer direction unless <see cref="Direction"/> is set.</summary>
    /// <param name="indicatorPath">The indicator's path, e.g. <c>monthly/new_accounts</c>.</param>
    /// <param name="threshold">The threshold; a value exactly on it passes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicatorPath"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The gate already looks at something; a gate has one subject.</exception>
    public GateBuilder OnValue(string indicatorPath, decimal threshold) => On(GateSubject.IndicatorValue, Guard.NotNull(indicatorPath), threshold);

    /// <summary>Looks at a node's normalized score (≥ threshold passes).</summary>
    /// <param name="nodePath">The node's path (empty or <c>/</c> for the root).</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nodePath"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The gate already looks at something.</exception>
    public GateBuilder OnScore(string nodePath, decimal threshold) => On(GateSubject.NodeScore, Guard.NotNull(nodePath), threshold);

    /// <summary>Looks at the exact base points (≥ threshold passes).</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The gate already looks at something.</exception>
    public GateBuilder OnBase(decimal threshold) => On(GateSubject.Base, null, threshold);

    /// <summary>Looks at the rounded total (≥ threshold passes).</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The gate already looks at something.</exception>
    public GateBuilder OnTotal(decimal threshold) => On(GateSubject.Total, null, threshold);

    /// <summary>Declares the comparison explicitly (needed for values of a scorer without a direction).</summary>
    /// <param name="direction">Higher- or lower-is-better.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is <see cref="ScoreDirection.None"/> or undefined.</exception>
    public GateBuilder Direction(ScoreDirection direction)
    {
        if (direction is not (ScoreDirection.HigherIsBetter or ScoreDirection.LowerIsBetter))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "A gate compares with HigherIsBetter (≥) or LowerIsBetter (≤).");
        }

        DeclaredDirection = direction;
        return this;
    }

    /// <summary>On failure, the period's performance pay is 0 (points are still computed).</summary>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">A consequence is already set; a gate has one consequence.</exception>
    public GateBuilder CancelPayout() => Then(GateConsequence.CancelPayout, null);

    /// <summary>On failure, the named node's score becomes min(s, 0), its weight kept.</summary>
    /// <param name="nodePath">The node to zero.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nodePath"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A consequence is already set.</exception>
    public GateBuilder ZeroScore(string nodePath) => Then(GateConsequence.ZeroScore, Guard.NotNull(nodePath));

    /// <summary>On failure, the grade is no better than the named grade.</summary>
    /// <param name="grade">The grade name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grade"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A consequence is already set.</exception>
    public GateBuilder CapGrade(string grade) => Then(GateConsequence.CapGrade, Guard.NotNull(grade));

    /// <summary>Passes when the value or score is missing (by default the gate fails and reports it missing).</summary>
    /// <returns>This builder.</returns>
    public GateBuilder PassWhenMissing()
    {
        OnMissing = GateMissingBehavior.Pass;
        return this;
    }

    private GateBuilder On(GateSubject subject, string? path, decimal threshold)
    {
        Guard.State(Subject is null, $"Gate '{Id}' already looks at {Subject}; a gate has one subject. Add another gate for another condition.");
        Subject = subject;
        NodePath = path;
        Threshold = threshold;
        return this;
    }

    private GateBuilder Then(GateConsequence consequence, string? target)
    {
        Guard.State(Consequence is null, $"Gate '{Id}' already has the consequence {Consequence}; a gate has one consequence. Add another gate with the same condition for a second one.");
        Consequence = consequence;
        ConsequenceTarget = target;
        return this;
    }
}

/// <summary>Configures a bonus or penalty rule's names, scope and missing-units policy.</summary>
/// <remarks>Not thread-safe. Values are checked when the scheme is built.</remarks>
public sealed class AdjustmentBuilder
{
    internal AdjustmentBuilder(string id, AdjustmentKind kind, string measure, decimal pointsPerUnit, decimal? cap)
    {
        Id = id;
        Kind = kind;
        Measure = measure;
        PointsPerUnit = pointsPerUnit;
        Cap = cap;
    }

    internal string Id { get; }

    internal AdjustmentKind Kind { get; }

    internal string Measure { get; }

    internal decimal PointsPerUnit { get; }

    internal decimal? Cap { get; }

    internal NameDraft Names { get; } = new();

    internal string? ScopePath { get; private set; }

    internal AdjustmentMissingPolicy Missing { get; private set; } = AdjustmentMissingPolicy.Error;

    /// <summary>Sets the default display name.</summary>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public AdjustmentBuilder Name(string text)
    {
        Names.Set(text);
        return this;
    }

    /// <summary>Sets the display name for a culture.</summary>
    /// <param name="culture">The culture name.</param>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AdjustmentBuilder Name(string culture, string text)
    {
        Names.Set(culture, text);
        return this;
    }

    /// <summary>Limits a penalty to a group: it deducts at most that group's contribution in points; the excess is dropped and reported.</summary>
    /// <param name="groupPath">The group's path.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupPath"/> is null.</exception>
    public AdjustmentBuilder ScopedTo(string groupPath)
    {
        ScopePath = Guard.NotNull(groupPath);
        return this;
    }

    /// <summary>Declares that a missing units measure means zero units (by default a missing measure is a data error).</summary>
    /// <returns>This builder.</returns>
    public AdjustmentBuilder ZeroWhenMissing()
    {
        Missing = AdjustmentMissingPolicy.Zero;
        return this;
    }
}
