using System;
using System.Globalization;
using PerfKit.Internal;

namespace PerfKit.Population;

/// <summary>What happens to subjects still tied (same rounded and exact total) where a quota's count falls inside their tie.</summary>
public enum QuotaTiePolicy
{
    /// <summary>
    /// The tied subjects stay together (the default): all of them take the same grade, on the side of the boundary from
    /// which every quota can still be met; when both sides can, none of them takes the better, scarcer grade.
    /// </summary>
    KeepTogether,

    /// <summary>The tie is broken by the declared secondary keys, then by subject id (ordinal), and the boundary falls where the count says.</summary>
    Split,
}

/// <summary>What a <see cref="TieBreaker"/> reads.</summary>
public enum TieBreakerKind
{
    /// <summary>A node's final score, higher first; a subject whose node is excluded comes after every subject with a score.</summary>
    Score,

    /// <summary>A subject attribute, compared ordinally; a subject lacking it comes after every subject that has it.</summary>
    Attribute,
}

/// <summary>A secondary key that orders subjects still tied on the rounded and exact total under <see cref="QuotaTiePolicy.Split"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TieBreaker
{
    private TieBreaker(TieBreakerKind kind, string name, bool descending)
    {
        Kind = kind;
        Name = name;
        Descending = descending;
    }

    /// <summary>Gets what the key reads.</summary>
    public TieBreakerKind Kind { get; }

    /// <summary>Gets the node path (for <see cref="TieBreakerKind.Score"/>) or the attribute key.</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether larger values come first (always true for scores).</summary>
    public bool Descending { get; }

    /// <summary>Orders by a node's final score, higher first (e.g. the quarterly section's score).</summary>
    /// <param name="path">The node's path; <c>/</c> or empty for the root.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static TieBreaker Score(string path) => new(TieBreakerKind.Score, Model.Scheme.NormalizePath(Guard.NotNull(path)), true);

    /// <summary>Orders by an attribute, ordinally (e.g. a hire date written <c>2019-03-01</c>, earlier first).</summary>
    /// <param name="key">The attribute key.</param>
    /// <param name="descending">Whether larger values come first.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is blank.</exception>
    public static TieBreaker Attribute(string key, bool descending = false) => new(TieBreakerKind.Attribute, Guard.NotBlank(key), descending);

    /// <summary>Returns e.g. <c>score(quarterly)</c> or <c>attribute(hired) ascending</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Kind == TieBreakerKind.Score
            ? $"score({(Name.Length == 0 ? "/" : Name)})"
            : $"attribute({Name}) {(Descending ? "descending" : "ascending")}";
}

/// <summary>A quota on one grade: at least, at most, or between two percentages of a group's subjects (spec §7).</summary>
/// <remarks>Immutable and thread-safe. Counts: "at most p%" of n is ⌊p·n/100⌋, "at least p%" is ⌈p·n/100⌉.</remarks>
public sealed class GradeQuota
{
    internal GradeQuota(string grade, decimal? atLeast, decimal? atMost)
    {
        Grade = grade;
        AtLeastPercent = atLeast;
        AtMostPercent = atMost;
    }

    /// <summary>Gets the grade's name.</summary>
    public string Grade { get; }

    /// <summary>Gets the minimum share in percent, or <see langword="null"/>.</summary>
    public decimal? AtLeastPercent { get; }

    /// <summary>Gets the maximum share in percent, or <see langword="null"/>.</summary>
    public decimal? AtMostPercent { get; }

    /// <summary>Returns the minimum count in a group of <paramref name="groupSize"/>: ⌈p·n/100⌉ (5% of 12 → 1), or 0 without a minimum.</summary>
    /// <param name="groupSize">The group's size.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupSize"/> is negative.</exception>
    public int MinimumCount(int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(groupSize);
        return AtLeastPercent is { } p ? (int)Math.Ceiling(p * groupSize / 100m) : 0;
    }

    /// <summary>Returns the maximum count in a group of <paramref name="groupSize"/>: ⌊p·n/100⌋ (20% of 12 → 2), or the group size without a maximum.</summary>
    /// <param name="groupSize">The group's size.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupSize"/> is negative.</exception>
    public int MaximumCount(int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(groupSize);
        return AtMostPercent is { } p ? (int)Math.Floor(p * groupSize / 100m) : groupSize;
    }

    /// <summary>Returns e.g. <c>A ≤ 20%</c>, <c>D ≥ 5%</c> or <c>B 30%–50%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => (AtLeastPercent, AtMostPercent) switch
        {
            ({ } lo, { } hi) => $"{Grade} {P(lo)}%–{P(hi)}%",
            ({ } lo, null) => $"{Grade} ≥ {P(lo)}%",
            (null, { } hi) => $"{Grade} ≤ {P(hi)}%",
            _ => Grade,
        };

    private static string P(decimal value) => DecimalText.Canonical(value);

    internal string Describe(int groupSize)
        => string.Create(CultureInfo.InvariantCulture, $"{this} of {groupSize} = {(AtLeastPercent is null ? string.Empty : "at least " + MinimumCount(groupSize))}{(AtLeastPercent is not null && AtMostPercent is not null ? ", " : string.Empty)}{(AtMostPercent is null ? string.Empty : "at most " + MaximumCount(groupSize))}");
}
