using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Population;

/// <summary>
/// A validated forced distribution (spec §7): grade quotas applied by rank on the rounded total, the exact total as the
/// first tie-break, within the whole population or within each group of a grouping. See docs/forced-distribution.md.
/// </summary>
/// <remarks>Immutable and thread-safe. Create with <see cref="CreateBuilder"/>.</remarks>
public sealed class ForcedDistribution
{
    internal ForcedDistribution(Scheme scheme, ImmutableArray<GradeQuota> quotas, QuotaTiePolicy tiePolicy, ImmutableArray<TieBreaker> tieBreakers, ImmutableArray<string> groupKeys, RoundingPolicy payRounding)
    {
        Scheme = scheme;
        Quotas = quotas;
        TiePolicy = tiePolicy;
        TieBreakers = tieBreakers;
        GroupKeys = groupKeys;
        PayRounding = payRounding;
    }

    /// <summary>Gets the scheme whose grades the quotas name.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the quotas, one per grade at most, in declaration order.</summary>
    public ImmutableArray<GradeQuota> Quotas { get; }

    /// <summary>Gets what happens to subjects tied at a quota boundary.</summary>
    public QuotaTiePolicy TiePolicy { get; }

    /// <summary>Gets the secondary keys of the split policy, in order (the subject id always comes last).</summary>
    public ImmutableArray<TieBreaker> TieBreakers { get; }

    /// <summary>Gets the attribute keys of the groups the quotas apply within; empty for the whole population.</summary>
    public ImmutableArray<string> GroupKeys { get; }

    /// <summary>Gets the rounding of the pay that follows the final grade (use the evaluator's <see cref="EvaluatorOptions.PayRounding"/>).</summary>
    public RoundingPolicy PayRounding { get; }

    /// <summary>Starts a forced distribution for a scheme's grades.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    public static ForcedDistributionBuilder CreateBuilder(Scheme scheme) => new(Guard.NotNull(scheme));

    /// <summary>
    /// Applies the quotas: each subject's final grade, who moved and why, each quota's use per group, and the pay that
    /// follows the final grade. A group whose quotas cannot all be met keeps its grades and is reported in
    /// <see cref="DistributionResult.Problems"/> (<see cref="ProblemCodes.QuotaUnmet"/>); quotas are never silently violated.
    /// </summary>
    /// <param name="population">The population, assessed by this distribution's scheme.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException">The population was assessed by another scheme (another fingerprint).</exception>
    public DistributionResult Apply(AssessmentPopulation population)
    {
        Guard.NotNull(population);
        if (!string.Equals(population.Scheme.Fingerprint, Scheme.Fingerprint, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The distribution is defined for scheme {Scheme} but the population was assessed by {population.Scheme}.", nameof(population));
        }

        var groups = GroupKeys.IsEmpty ? [population.All] : population.GroupBy(GroupKeys).Groups;
        var subjects = new Dictionary<Assessment, DistributedSubject>(population.Count, ReferenceEqualityComparer.Instance);
        var groupResults = new List<DistributedGroup>(groups.Length);
        var problems = new List<Problem>();
        foreach (var group in groups)
        {
            groupResults.Add(DistributionEngine.Run(this, group, subjects, problems));
        }

        // The population holds its assessments by subject id: the result lists the subjects in that order.
        return new DistributionResult(this, [.. population.Assessments.Select(a => subjects[a])], [.. groupResults], [.. problems]);
    }

    /// <summary>Returns the quotas and the policy, e.g. <c>A ≤ 20%, D ≥ 5%; keepTogether; whole population</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Join(", ", Quotas) + "; "
           + (TiePolicy == QuotaTiePolicy.KeepTogether ? "keepTogether" : "split" + (TieBreakers.IsEmpty ? string.Empty : " by " + string.Join(", ", TieBreakers)) + ", then subject id")
           + "; " + (GroupKeys.IsEmpty ? "whole population" : "within " + string.Join(", ", GroupKeys));
}

/// <summary>Thrown by <see cref="ForcedDistributionBuilder.Build"/> when the quotas have problems; carries every problem found.</summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class ForcedDistributionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public ForcedDistributionException(IEnumerable<Problem> problems)
        : this(Guard.NoNullItems(problems).ToImmutableArray())
    {
    }

    private ForcedDistributionException(ImmutableArray<Problem> problems)
        : base(SchemeValidationException.Describe("The forced distribution is not valid", problems))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Gets every problem found, in declaration order of the quotas, then the set as a whole, then the secondary keys.</summary>
    public ImmutableArray<Problem> Problems { get; }
}

/// <summary>Declares a <see cref="ForcedDistribution"/>: quotas per grade, the tie policy, the groups and the pay rounding.</summary>
/// <remarks>Not thread-safe; build once and share the immutable <see cref="ForcedDistribution"/>.</remarks>
public sealed class ForcedDistributionBuilder
{
    private readonly Scheme scheme;
    private readonly List<GradeQuota> quotas = [];
    private readonly List<TieBreaker> tieBreakers = [];
    private QuotaTiePolicy tiePolicy = QuotaTiePolicy.KeepTogether;
    private ImmutableArray<string> groupKeys = [];
    private RoundingPolicy payRounding = EvaluatorOptions.Default.PayRounding;

    internal ForcedDistributionBuilder(Scheme scheme)
    {
        this.scheme = scheme;
    }

    /// <summary>At most <paramref name="percent"/>% of each group may hold the grade (count rounded down: 20% of 12 → 2).</summary>
    /// <param name="grade">The grade's name.</param>
    /// <param name="percent">The percentage, 0–100.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grade"/> is null.</exception>
    public ForcedDistributionBuilder AtMost(string grade, decimal percent) => Add(grade, null, percent);

    /// <summary>At least <paramref name="percent"/>% of each group must hold the grade (count rounded up: 5% of 12 → 1).</summary>
    /// <param name="grade">The grade's name.</param>
    /// <param name="percent">The percentage, 0–100.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grade"/> is null.</exception>
    public ForcedDistributionBuilder AtLeast(string grade, decimal percent) => Add(grade, percent, null);

    /// <summary>Between <paramref name="atLeast"/>% (rounded up) and <paramref name="atMost"/>% (rounded down) of each group hold the grade.</summary>
    /// <param name="grade">The grade's name.</param>
    /// <param name="atLeast">The minimum percentage, 0–100.</param>
    /// <param name="atMost">The maximum percentage, 0–100, not below the minimum.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grade"/> is null.</exception>
    public ForcedDistributionBuilder Between(string grade, decimal atLeast, decimal atMost) => Add(grade, atLeast, atMost);

    /// <summary>Keeps subjects tied on the rounded and exact total together at a quota boundary (the default).</summary>
    /// <returns>This builder.</returns>
    public ForcedDistributionBuilder KeepTogether()
    {
        tiePolicy = QuotaTiePolicy.KeepTogether;
        tieBreakers.Clear();
        return this;
    }

    /// <summary>Splits ties at a quota boundary by the given secondary keys, then by subject id (ordinal).</summary>
    /// <param name="secondaryKeys">The secondary keys, most significant first; may be empty.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secondaryKeys"/> is null or holds null.</exception>
    public ForcedDistributionBuilder Split(params TieBreaker[] secondaryKeys)
    {
        var keys = Guard.NoNullItems(secondaryKeys);
        tiePolicy = QuotaTiePolicy.Split;
        tieBreakers.Clear();
        tieBreakers.AddRange(keys);
        return this;
    }

    /// <summary>Applies the quotas within each group of subjects sharing these attributes (e.g. <c>department</c>) instead of the whole population.</summary>
    /// <param name="keys">The attribute keys; none for the whole population.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A key is blank or repeated.</exception>
    public ForcedDistributionBuilder WithinGroups(params string[] keys)
    {
        groupKeys = AssessmentPopulation.CheckKeys(keys, nameof(keys));
        return this;
    }

    /// <summary>Sets the rounding of the pay that follows the final grade (default 2 decimals, AwayFromZero, as <see cref="EvaluatorOptions.Default"/>).</summary>
    /// <param name="rounding">The payroll rounding; use the evaluator's.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rounding"/> is null.</exception>
    public ForcedDistributionBuilder PayRounding(RoundingPolicy rounding)
    {
        payRounding = Guard.NotNull(rounding);
        return this;
    }

    /// <summary>Returns every problem of the declaration (empty when it is valid).</summary>
    /// <returns>The problems.</returns>
    public ImmutableArray<Problem> Validate()
    {
        TryBuild(out _, out var problems);
        return problems;
    }

    /// <summary>Builds the distribution.</summary>
    /// <returns>The distribution.</returns>
    /// <exception cref="ForcedDistributionException">The declaration has problems; all of them are in <see cref="ForcedDistributionException.Problems"/>.</exception>
    public ForcedDistribution Build()
        => TryBuild(out var distribution, out var problems) ? distribution : throw new ForcedDistributionException(problems);

    /// <summary>Builds the distribution, or reports every problem.</summary>
    /// <param name="distribution">The distribution, when valid.</param>
    /// <param name="problems">Every problem found (empty when valid).</param>
    /// <returns>Whether the declaration is valid.</returns>
    public bool TryBuild([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ForcedDistribution? distribution, out ImmutableArray<Problem> problems)
    {
        var found = new List<Problem>();
        var grades = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<GradeQuota>();
        for (var i = 0; i < quotas.Count; i++)
        {
            var q = quotas[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"quotas[{i}]");
            var ok = true;
            if (scheme.FindGrade(q.Grade) is null)
            {
                found.Add(new Problem(ProblemCodes.QuotaGrade, at + ".grade", q.Grade, $"Scheme {scheme} has no grade '{q.Grade}'; its grades are {string.Join(", ", scheme.Grades.Select(g => g.Name))}."));
                ok = false;
            }
            else if (!grades.Add(q.Grade))
            {
                found.Add(new Problem(ProblemCodes.QuotaDuplicate, at + ".grade", q.Grade, $"Grade '{q.Grade}' already has a quota; give a grade one quota (Between for a minimum and a maximum)."));
                ok = false;
            }

            foreach (var (name, value) in new[] { ("atLeast", q.AtLeastPercent), ("atMost", q.AtMostPercent) })
            {
                if (value is { } p && (p < 0m || p > 100m))
                {
                    found.Add(new Problem(ProblemCodes.QuotaPercent, at + "." + name, DecimalText.Canonical(p), "A quota's percentage must lie between 0 and 100."));
                    ok = false;
                }
            }

            if (q.AtLeastPercent is { } lo && q.AtMostPercent is { } hi && lo > hi)
            {
                found.Add(new Problem(ProblemCodes.QuotaOrder, at, q.ToString(), $"The minimum {DecimalText.Canonical(lo)}% of grade '{q.Grade}' exceeds its maximum {DecimalText.Canonical(hi)}%."));
                ok = false;
            }

            if (ok)
            {
                valid.Add(q);
            }
        }

        var minimumSum = valid.Sum(q => q.AtLeastPercent ?? 0m);
        if (minimumSum > 100m)
        {
            found.Add(new Problem(ProblemCodes.QuotaInfeasible, "quotas", DecimalText.Canonical(minimumSum), $"The \"at least\" quotas sum to {DecimalText.Canonical(minimumSum)}%, more than the whole population."));
        }

        if (scheme.Grades.All(g => valid.Any(q => string.Equals(q.Grade, g.Name, StringComparison.Ordinal) && q.AtMostPercent is not null)))
        {
            var maximumSum = valid.Sum(q => q.AtMostPercent ?? 0m);
            if (maximumSum < 100m)
            {
                found.Add(new Problem(ProblemCodes.QuotaInfeasible, "quotas", DecimalText.Canonical(maximumSum), $"Every grade has an \"at most\" quota and they sum to {DecimalText.Canonical(maximumSum)}%, so some subjects could get no grade."));
            }
        }

        for (var j = 0; j < tieBreakers.Count; j++)
        {
            var t = tieBreakers[j];
            if (t.Kind == TieBreakerKind.Score && !scheme.TryFindNode(t.Name, out _))
            {
                found.Add(new Problem(ProblemCodes.QuotaTieBreak, string.Create(CultureInfo.InvariantCulture, $"tieBreakers[{j}]"), t.Name, $"Scheme {scheme} has no node '{t.Name}' to break ties by."));
            }
        }

        problems = [.. found];
        distribution = found.Count == 0
            ? new ForcedDistribution(scheme, [.. quotas], tiePolicy, [.. tieBreakers], groupKeys, payRounding)
            : null;
        return distribution is not null;
    }

    private ForcedDistributionBuilder Add(string grade, decimal? atLeast, decimal? atMost)
    {
        quotas.Add(new GradeQuota(Guard.NotNull(grade), atLeast, atMost));
        return this;
    }
}
