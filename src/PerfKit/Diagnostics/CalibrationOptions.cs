using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Diagnostics;

/// <summary>
/// The Balanced Scorecard category of a dimension. Calibration never guesses it from names: a scheme's dimensions are
/// mapped to categories explicitly with <see cref="CalibrationOptionsBuilder.Category"/>.
/// </summary>
public enum DimensionCategory
{
    /// <summary>Financial (stretch targets: too hard and too easy are checked by default).</summary>
    Financial,

    /// <summary>Customer (stretch targets: too hard and too easy are checked by default).</summary>
    Customer,

    /// <summary>Internal process (requirements: below requirement is checked by default).</summary>
    InternalProcess,

    /// <summary>Learning and growth (requirements: below requirement is checked by default).</summary>
    LearningAndGrowth,
}

/// <summary>
/// The thresholds of the three calibration rules for one group (spec §10); a <see langword="null"/> threshold switches
/// its rule off. A rule fires when every counted key result of the group satisfies it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CalibrationThresholds
{
    private CalibrationThresholds(decimal? tooHard, decimal? tooEasy, decimal? belowRequirement)
    {
        TooHard = tooHard;
        TooEasy = tooEasy;
        BelowRequirement = belowRequirement;
    }

    /// <summary>Gets the spec's thresholds for stretch targets (financial, customer): too hard at ≤ 0.6, too easy at ≥ 0.9.</summary>
    public static CalibrationThresholds Stretch { get; } = new(0.6m, 0.9m, null);

    /// <summary>Gets the spec's threshold for requirements (internal process, learning and growth): below requirement at ≤ 0.7.</summary>
    public static CalibrationThresholds Requirement { get; } = new(null, null, 0.7m);

    /// <summary>Gets thresholds that switch every rule off (to exclude a group from calibration).</summary>
    public static CalibrationThresholds None { get; } = new(null, null, null);

    /// <summary>Gets the "target too hard" threshold: every key result score ≤ it; or <see langword="null"/> when off.</summary>
    public decimal? TooHard { get; }

    /// <summary>Gets the "target too easy" threshold: every key result score ≥ it; or <see langword="null"/> when off.</summary>
    public decimal? TooEasy { get; }

    /// <summary>Gets the "below requirement" threshold: every key result score ≤ it; or <see langword="null"/> when off.</summary>
    public decimal? BelowRequirement { get; }

    /// <summary>Creates thresholds; each rule is off when its threshold is <see langword="null"/>.</summary>
    /// <param name="tooHard">The "target too hard" threshold (all scores ≤ it).</param>
    /// <param name="tooEasy">The "target too easy" threshold (all scores ≥ it).</param>
    /// <param name="belowRequirement">The "below requirement" threshold (all scores ≤ it).</param>
    /// <returns>The thresholds. <see cref="CalibrationOptionsBuilder.Build"/> refuses too hard at or above too easy.</returns>
    public static CalibrationThresholds Create(decimal? tooHard = null, decimal? tooEasy = null, decimal? belowRequirement = null)
        => new(tooHard, tooEasy, belowRequirement);

    /// <summary>Gets the rules that are on, in the fixed order too hard, too easy, below requirement.</summary>
    internal IEnumerable<(string RuleId, decimal Threshold, bool AtOrBelow)> Rules()
    {
        if (TooHard is { } hard)
        {
            yield return (CalibrationRules.TargetTooHard, hard, true);
        }

        if (TooEasy is { } easy)
        {
            yield return (CalibrationRules.TargetTooEasy, easy, false);
        }

        if (BelowRequirement is { } below)
        {
            yield return (CalibrationRules.BelowRequirement, below, true);
        }
    }

    internal string Describe()
    {
        static string Text(decimal? x) => x is { } v ? DecimalText.Canonical(v) : "off";
        return $"too hard {Text(TooHard)}, too easy {Text(TooEasy)}, below requirement {Text(BelowRequirement)}";
    }
}

/// <summary>The ids of the calibration rules, as carried by <see cref="CalibrationFinding.RuleId"/>.</summary>
/// <remarks>Thread-safe (constants only).</remarks>
public static class CalibrationRules
{
    /// <summary>Every key result scored at or below the "too hard" threshold: the target was set too high.</summary>
    public const string TargetTooHard = "target-too-hard";

    /// <summary>Every key result scored at or above the "too easy" threshold: the target was set too low.</summary>
    public const string TargetTooEasy = "target-too-easy";

    /// <summary>Every key result scored at or below the "below requirement" threshold: the work requirements were not met.</summary>
    public const string BelowRequirement = "below-requirement";
}

/// <summary>
/// What calibration checks and with which thresholds: the group kinds checked, the declared category of each
/// dimension (by path; descendants inherit it), thresholds per category, for uncategorised groups and per group path,
/// and the share of flagged subjects from which the population advice asks for a change.
/// </summary>
/// <remarks>Immutable and thread-safe. Create with <see cref="CreateBuilder"/> or use <see cref="Default"/>.</remarks>
public sealed class CalibrationOptions
{
    internal CalibrationOptions(ImmutableArray<GroupKind> kinds, ImmutableSortedDictionary<string, DimensionCategory> categories, ImmutableSortedDictionary<DimensionCategory, CalibrationThresholds> categoryThresholds, CalibrationThresholds uncategorized, ImmutableSortedDictionary<string, CalibrationThresholds> pathThresholds, decimal adviceShare)
    {
        Kinds = kinds;
        Categories = categories;
        CategoryThresholds = categoryThresholds;
        UncategorizedThresholds = uncategorized;
        PathThresholds = pathThresholds;
        AdviceShare = adviceShare;
    }

    /// <summary>
    /// Gets the defaults: dimensions and objectives are checked; no category is declared, so every group uses
    /// <see cref="CalibrationThresholds.Stretch"/> (spec §10's general rules); advice asks for a change from a share of 0.5.
    /// </summary>
    public static CalibrationOptions Default { get; } = new CalibrationOptionsBuilder().Build();

    /// <summary>Gets the group kinds checked (besides any group named in <see cref="PathThresholds"/>), in declaration order.</summary>
    public ImmutableArray<GroupKind> Kinds { get; }

    /// <summary>Gets the declared category per group path; a group without one inherits its nearest ancestor's.</summary>
    public ImmutableSortedDictionary<string, DimensionCategory> Categories { get; }

    /// <summary>Gets the thresholds per category (every category present).</summary>
    public ImmutableSortedDictionary<DimensionCategory, CalibrationThresholds> CategoryThresholds { get; }

    /// <summary>Gets the thresholds of groups with no declared category on their path.</summary>
    public CalibrationThresholds UncategorizedThresholds { get; }

    /// <summary>Gets thresholds per group path; they take precedence over the category's, and a group named here is checked whatever its kind.</summary>
    public ImmutableSortedDictionary<string, CalibrationThresholds> PathThresholds { get; }

    /// <summary>Gets the share of flagged subjects (0 &lt; x ≤ 1) from which a population share's advice asks for a change.</summary>
    public decimal AdviceShare { get; }

    /// <summary>Starts options from the defaults.</summary>
    /// <returns>A builder.</returns>
    public static CalibrationOptionsBuilder CreateBuilder() => new();
}

/// <summary>Assembles <see cref="CalibrationOptions"/>; <see cref="Build"/> reports every problem at once.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class CalibrationOptionsBuilder
{
    private readonly List<(string Path, DimensionCategory Category)> categories = [];
    private readonly List<(string Path, CalibrationThresholds Thresholds)> paths = [];
    private readonly SortedDictionary<DimensionCategory, CalibrationThresholds> byCategory = new()
    {
        [DimensionCategory.Financial] = CalibrationThresholds.Stretch,
        [DimensionCategory.Customer] = CalibrationThresholds.Stretch,
        [DimensionCategory.InternalProcess] = CalibrationThresholds.Requirement,
        [DimensionCategory.LearningAndGrowth] = CalibrationThresholds.Requirement,
    };

    private ImmutableArray<GroupKind> kinds = [GroupKind.Dimension, GroupKind.Objective];
    private CalibrationThresholds uncategorized = CalibrationThresholds.Stretch;
    private decimal adviceShare = 0.5m;

    internal CalibrationOptionsBuilder()
    {
    }

    /// <summary>Replaces the group kinds checked (default: dimensions and objectives); none means only groups named by path.</summary>
    /// <param name="groupKinds">The kinds.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupKinds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A kind is not a defined value.</exception>
    public CalibrationOptionsBuilder Check(params GroupKind[] groupKinds)
    {
        ArgumentNullException.ThrowIfNull(groupKinds);
        foreach (var kind in groupKinds)
        {
            if (!Enum.IsDefined(kind))
            {
                throw new ArgumentOutOfRangeException(nameof(groupKinds), kind, "Not a defined group kind.");
            }
        }

        kinds = [.. groupKinds.Distinct()];
        return this;
    }

    /// <summary>Declares the category of the group at <paramref name="groupPath"/> (e.g. <c>financial</c>); its descendants inherit it.</summary>
    /// <param name="groupPath">The group's path, ids joined by '/'.</param>
    /// <param name="category">The category.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupPath"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined value.</exception>
    public CalibrationOptionsBuilder Category(string groupPath, DimensionCategory category)
    {
        ArgumentNullException.ThrowIfNull(groupPath);
        Defined(category);
        categories.Add((groupPath, category));
        return this;
    }

    /// <summary>Sets the thresholds of a category.</summary>
    /// <param name="category">The category.</param>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="thresholds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined value.</exception>
    public CalibrationOptionsBuilder Thresholds(DimensionCategory category, CalibrationThresholds thresholds)
    {
        Defined(category);
        byCategory[category] = Guard.NotNull(thresholds);
        return this;
    }

    /// <summary>Sets the thresholds of one group, which take precedence over its category's; the group is checked whatever its kind.</summary>
    /// <param name="groupPath">The group's path ("" for the root).</param>
    /// <param name="thresholds">The thresholds (<see cref="CalibrationThresholds.None"/> leaves the group out).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CalibrationOptionsBuilder Thresholds(string groupPath, CalibrationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(groupPath);
        paths.Add((groupPath, Guard.NotNull(thresholds)));
        return this;
    }

    /// <summary>Sets the thresholds of groups with no declared category (default <see cref="CalibrationThresholds.Stretch"/>).</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="thresholds"/> is null.</exception>
    public CalibrationOptionsBuilder UncategorizedThresholds(CalibrationThresholds thresholds)
    {
        uncategorized = Guard.NotNull(thresholds);
        return this;
    }

    /// <summary>Sets the share of flagged subjects (0 &lt; x ≤ 1, default 0.5) from which population advice asks for a change.</summary>
    /// <param name="share">The share.</param>
    /// <returns>This builder.</returns>
    public CalibrationOptionsBuilder AdviceShare(decimal share)
    {
        adviceShare = share;
        return this;
    }

    /// <summary>Validates and returns the options.</summary>
    /// <returns>The options.</returns>
    /// <exception cref="RuleValidationException">Every problem found: malformed or repeated paths (<c>calibration.path</c>),
    /// too hard at or above too easy (<c>calibration.threshold</c>), an advice share outside (0, 1] (<c>calibration.adviceShare</c>).</exception>
    public CalibrationOptions Build()
    {
        var problems = new List<Problem>();
        var categoryMap = new SortedDictionary<string, DimensionCategory>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            var (path, category) = categories[i];
            var at = $"categories[{Index(i)}]";
            if (CheckPath(path, at, problems) && !categoryMap.TryAdd(path, category))
            {
                problems.Add(new Problem(ProblemCodes.CalibrationPath, at, path, $"The category of '{Display(path)}' is declared more than once; declare each group's category once."));
            }
        }

        foreach (var (category, thresholds) in byCategory)
        {
            CheckThresholds(thresholds, "categoryThresholds." + category.ToString(), problems);
        }

        CheckThresholds(uncategorized, "uncategorizedThresholds", problems);
        var pathMap = new SortedDictionary<string, CalibrationThresholds>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            var (path, thresholds) = paths[i];
            var at = $"pathThresholds[{Index(i)}]";
            if (CheckPath(path, at, problems) && !pathMap.TryAdd(path, thresholds))
            {
                problems.Add(new Problem(ProblemCodes.CalibrationPath, at, path, $"Thresholds for '{Display(path)}' are given more than once; give each group's thresholds once."));
            }

            CheckThresholds(thresholds, at, problems);
        }

        if (adviceShare <= 0m || adviceShare > 1m)
        {
            problems.Add(new Problem(ProblemCodes.CalibrationAdviceShare, "adviceShare", DecimalText.Canonical(adviceShare), "The advice share must be above 0 and at most 1 (e.g. 0.5 for half of the subjects)."));
        }

        if (problems.Count > 0)
        {
            throw new RuleValidationException(problems);
        }

        return new CalibrationOptions(
            kinds,
            categoryMap.ToImmutableSortedDictionary(StringComparer.Ordinal),
            byCategory.ToImmutableSortedDictionary(),
            uncategorized,
            pathMap.ToImmutableSortedDictionary(StringComparer.Ordinal),
            adviceShare);
    }

    internal static string Display(string path) => path.Length == 0 ? "/" : path;

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static bool CheckPath(string path, string at, List<Problem> problems)
    {
        if (path.Length == 0 || path.Split('/').All(Identifiers.IsValid))
        {
            return true;
        }

        problems.Add(new Problem(ProblemCodes.CalibrationPath, at, path, $"'{path}' is not a node path: node ids ({Identifiers.Rule}) joined by '/', or \"\" for the root."));
        return false;
    }

    private static void CheckThresholds(CalibrationThresholds thresholds, string at, List<Problem> problems)
    {
        if (thresholds.TooHard is { } hard && thresholds.TooEasy is { } easy && hard >= easy)
        {
            problems.Add(new Problem(ProblemCodes.CalibrationThreshold, at, thresholds.Describe(), $"The too-hard threshold ({DecimalText.Canonical(hard)}) must lie below the too-easy threshold ({DecimalText.Canonical(easy)}), or a group could be both."));
        }
    }

    private static void Defined(DimensionCategory category)
    {
        if (!Enum.IsDefined(category))
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined dimension category.");
        }
    }
}
