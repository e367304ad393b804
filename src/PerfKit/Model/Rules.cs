using PerfKit.Internal;

namespace PerfKit.Model;

/// <summary>A grade band (spec §7): a rounded total at or above <see cref="MinPoints"/> earns the grade and its pay coefficient.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GradeBand
{
    internal GradeBand(string name, LocalizedText names, decimal? minPoints, decimal coefficient, int rank)
    {
        Name = name;
        Names = names;
        MinPoints = minPoints;
        Coefficient = coefficient;
        Rank = rank;
    }

    /// <summary>Gets the grade's name, e.g. <c>A</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the display names.</summary>
    public LocalizedText Names { get; }

    /// <summary>Gets the inclusive minimum rounded total, or <see langword="null"/> for the catch-all lowest band.</summary>
    public decimal? MinPoints { get; }

    /// <summary>Gets the pay coefficient, e.g. 1.30.</summary>
    public decimal Coefficient { get; }

    /// <summary>Gets the position from best (0) to worst.</summary>
    public int Rank { get; }

    /// <summary>Formats as e.g. <c>A (≥ 90, × 1.3)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{Name} ({(MinPoints is { } m ? "≥ " + DecimalText.Canonical(m) : "otherwise")}, × {DecimalText.Canonical(Coefficient)})";
}

/// <summary>A gate (门槛指标, spec §5): a condition whose failure applies a consequence.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Gate
{
    internal Gate(string id, LocalizedText names, GateSubject subject, string? nodePath, decimal threshold, ScoreDirection direction, ScoreDirection? declaredDirection, GateConsequence consequence, string? consequenceTarget, GateMissingBehavior onMissing)
    {
        Id = id;
        Names = names;
        Subject = subject;
        NodePath = nodePath;
        Threshold = threshold;
        Direction = direction;
        DeclaredDirection = declaredDirection;
        Consequence = consequence;
        ConsequenceTarget = consequenceTarget;
        OnMissing = onMissing;
    }

    /// <summary>Gets the gate's id.</summary>
    public string Id { get; }

    /// <summary>Gets the display names.</summary>
    public LocalizedText Names { get; }

    /// <summary>Gets what the gate looks at.</summary>
    public GateSubject Subject { get; }

    /// <summary>Gets the path of the node read for value and score gates; <see langword="null"/> for base and total.</summary>
    public string? NodePath { get; }

    /// <summary>Gets the threshold; a value exactly on it passes.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets the comparison in force: ≥ for higher-is-better, ≤ for lower-is-better.</summary>
    public ScoreDirection Direction { get; }

    /// <summary>Gets the direction as declared, or <see langword="null"/> when it follows the indicator's scorer (values) or is higher-is-better (scores, base, total).</summary>
    public ScoreDirection? DeclaredDirection { get; }

    /// <summary>Gets what a failure does.</summary>
    public GateConsequence Consequence { get; }

    /// <summary>Gets the node path for <see cref="GateConsequence.ZeroScore"/> or the grade name for <see cref="GateConsequence.CapGrade"/>.</summary>
    public string? ConsequenceTarget { get; }

    /// <summary>Gets what the gate does when its value or score is missing.</summary>
    public GateMissingBehavior OnMissing { get; }
}

/// <summary>A bonus or penalty rule (spec §4): points = min(units × pointsPerUnit, cap).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AdjustmentRule
{
    internal AdjustmentRule(string id, LocalizedText names, AdjustmentKind kind, string measure, decimal pointsPerUnit, decimal? cap, string? scopePath, AdjustmentMissingPolicy missing)
    {
        Id = id;
        Names = names;
        Kind = kind;
        Measure = measure;
        PointsPerUnit = pointsPerUnit;
        Cap = cap;
        ScopePath = scopePath;
        Missing = missing;
    }

    /// <summary>Gets the rule's id.</summary>
    public string Id { get; }

    /// <summary>Gets the display names.</summary>
    public LocalizedText Names { get; }

    /// <summary>Gets whether the rule adds or deducts.</summary>
    public AdjustmentKind Kind { get; }

    /// <summary>Gets the measure key holding the number of units (e.g. certificates, violations).</summary>
    public string Measure { get; }

    /// <summary>Gets the points per unit (≥ 0); the kind gives the sign.</summary>
    public decimal PointsPerUnit { get; }

    /// <summary>Gets the rule's cap (≥ 0), or <see langword="null"/> for none.</summary>
    public decimal? Cap { get; }

    /// <summary>Gets the group a penalty is limited to (it deducts at most that group's contribution), or <see langword="null"/>.</summary>
    public string? ScopePath { get; }

    /// <summary>Gets what happens when the units measure is missing.</summary>
    public AdjustmentMissingPolicy Missing { get; }
}
