namespace PerfKit.Model;

/// <summary>What a group stands for in the scheme tree (spec §2).</summary>
public enum GroupKind
{
    /// <summary>A Balanced Scorecard dimension (financial, customer, internal process, learning and growth).</summary>
    Dimension,

    /// <summary>An objective ("O") whose children are key results.</summary>
    Objective,

    /// <summary>A section such as a monthly or quarterly part of a scheme.</summary>
    Section,

    /// <summary>Any other named level.</summary>
    Custom,
}

/// <summary>How a group's children's weights are written (spec §2); never inferred.</summary>
public enum WeightModeKind
{
    /// <summary>Weights are fractions that sum to exactly 1.</summary>
    Fraction,

    /// <summary>Weights are percentages that sum to exactly 100.</summary>
    Percent,

    /// <summary>Weights are points that sum to exactly the group's declared points N.</summary>
    Points,

    /// <summary>Any positive weights; each child weighs its share of the sum.</summary>
    Normalize,
}

/// <summary>What happens when an indicator's value is missing (spec §6).</summary>
public enum MissingValuePolicy
{
    /// <summary>The subject's evaluation fails, naming the subject and indicator (the default).</summary>
    Error,

    /// <summary>The indicator scores its scorer's minimum score.</summary>
    Minimum,

    /// <summary>The indicator is dropped and its siblings re-weighted; the result lists the exclusion.</summary>
    Exclude,
}

/// <summary>Which way a value is better.</summary>
public enum ScoreDirection
{
    /// <summary>Higher values are better.</summary>
    HigherIsBetter,

    /// <summary>Lower values are better.</summary>
    LowerIsBetter,

    /// <summary>The scorer is not monotone (e.g. "closer to target is better"); gates on its values must declare a direction.</summary>
    None,
}

/// <summary>How a measure's period value is aggregated from dated observations (spec §8). Declared on an indicator for analysis and policy checks.</summary>
public enum ValueAggregation
{
    /// <summary>The sum of observations.</summary>
    Sum,

    /// <summary>The mean of observations.</summary>
    Mean,

    /// <summary>The daily average balance (each calendar day counts once, last balance carried forward).</summary>
    DailyAverage,

    /// <summary>The point-in-time value at the end of the period.</summary>
    EndOfPeriod,

    /// <summary>The smallest observation.</summary>
    Min,

    /// <summary>The largest observation.</summary>
    Max,

    /// <summary>The number of observations.</summary>
    Count,

    /// <summary>The latest observation.</summary>
    Latest,
}

/// <summary>What a gate looks at (spec §5).</summary>
public enum GateSubject
{
    /// <summary>An indicator's value (after value overrides).</summary>
    IndicatorValue,

    /// <summary>A node's normalized score (indicator or group).</summary>
    NodeScore,

    /// <summary>The base points (root score × P), exact.</summary>
    Base,

    /// <summary>The rounded total, bonuses and penalties included.</summary>
    Total,
}

/// <summary>What a failed gate does (spec §5).</summary>
public enum GateConsequence
{
    /// <summary>The performance pay for the period is 0; points are still computed and shown.</summary>
    CancelPayout,

    /// <summary>The named node's score becomes min(s, 0), its weight kept.</summary>
    ZeroScore,

    /// <summary>The grade is no better than the named grade.</summary>
    CapGrade,
}

/// <summary>What a gate does when the value or score it reads is missing or excluded.</summary>
public enum GateMissingBehavior
{
    /// <summary>The gate fails and is reported as missing (the default).</summary>
    Fail,

    /// <summary>The gate passes.</summary>
    Pass,
}

/// <summary>Whether an adjustment adds or deducts points (spec §4).</summary>
public enum AdjustmentKind
{
    /// <summary>Adds points, capped per rule and by the scheme's <c>maxBonus</c> together.</summary>
    Bonus,

    /// <summary>Deducts points, capped per rule; optionally limited to a group's contribution.</summary>
    Penalty,
}

/// <summary>What an adjustment rule does when its units measure is missing.</summary>
public enum AdjustmentMissingPolicy
{
    /// <summary>The subject's evaluation fails (the default).</summary>
    Error,

    /// <summary>Zero units, declared explicitly by the scheme author.</summary>
    Zero,
}
