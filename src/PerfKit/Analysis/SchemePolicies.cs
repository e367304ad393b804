using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Analysis.BuiltIn;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Analysis;

/// <summary>
/// The built-in policy checks (spec §10) and the runner for any set of <see cref="ISchemePolicy"/>s, built-in or a
/// host's own. Rule ids are in <see cref="PolicyIds"/>, the tags they read in <see cref="PolicyTags"/>; the rules are
/// described in <c>docs/analysis.md</c>.
/// </summary>
/// <remarks>Stateless and thread-safe; every policy it returns is immutable and thread-safe.</remarks>
public static class SchemePolicies
{
    /// <summary>Gets the default set, in this order: inclusive-finance share ≥ 15% (<see cref="InclusiveFinanceShare"/>),
    /// deposits not point-in-time, no deposit ranking or market share, scale concentration ≤ 60%
    /// (<see cref="Concentration"/>), unreachable grades, bonus caps, gate reachability. The branch-variant check needs a
    /// parent and is not part of it.</summary>
    public static ImmutableArray<ISchemePolicy> Default { get; } =
    [
        InclusiveFinanceShare(),
        DepositNotPointInTime(),
        DepositNotRankingOrMarketShare(),
        Concentration(),
        UnreachableGrades(),
        BonusCaps(),
        GateReachability(),
    ];

    /// <summary>
    /// Rule <c>tag.minimumShare</c>: the indicators carrying <paramref name="tag"/> must carry at least
    /// <paramref name="minShare"/> of the total weight (sum of effective weights); a smaller share is an
    /// <see cref="PolicySeverity.Error"/> naming the tagged indicators.
    /// </summary>
    /// <param name="tag">The tag, e.g. <c>inclusive-finance</c>.</param>
    /// <param name="minShare">The smallest share allowed, between 0 and 1 (e.g. 0.15).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tag"/> is not a valid tag (letters, digits, '_' and '-').</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minShare"/> is outside 0–1.</exception>
    public static ISchemePolicy MinimumTagShare(string tag, decimal minShare)
        => new MinimumTagSharePolicy(ValidTag(tag), Share(minShare));

    /// <summary>
    /// Rule <c>tag.maximumShare</c>: the indicators carrying <paramref name="tag"/> must carry at most
    /// <paramref name="maxShare"/> of the total weight; a larger share is a <see cref="PolicySeverity.Warning"/>
    /// (weight concentration) naming the tagged indicators.
    /// </summary>
    /// <param name="tag">The tag, e.g. <c>scale</c>.</param>
    /// <param name="maxShare">The largest share allowed, between 0 and 1 (e.g. 0.6).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tag"/> is not a valid tag.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxShare"/> is outside 0–1.</exception>
    public static ISchemePolicy MaximumTagShare(string tag, decimal maxShare)
        => new MaximumTagSharePolicy(ValidTag(tag), Share(maxShare));

    /// <summary><see cref="MinimumTagShare"/> for the <c>inclusive-finance</c> tag (regulatory practice: at least 15%).</summary>
    /// <param name="minShare">The smallest share allowed (default 0.15).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minShare"/> is outside 0–1.</exception>
    public static ISchemePolicy InclusiveFinanceShare(decimal minShare = 0.15m) => MinimumTagShare(PolicyTags.InclusiveFinance, minShare);

    /// <summary><see cref="MaximumTagShare"/> for the <c>scale</c> tag: more than <paramref name="maxShare"/> of the weight on
    /// scale indicators is a warning.</summary>
    /// <param name="maxShare">The largest share allowed (default 0.6).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxShare"/> is outside 0–1.</exception>
    public static ISchemePolicy Concentration(decimal maxShare = 0.60m) => MaximumTagShare(PolicyTags.Scale, maxShare);

    /// <summary>
    /// Rule <c>deposit.pointInTime</c>: an indicator tagged <c>deposit</c> must not be scored on a point-in-time value.
    /// Aggregation <c>endOfPeriod</c>, <c>latest</c>, <c>min</c> or <c>max</c> is an <see cref="PolicySeverity.Error"/>;
    /// no declared aggregation is a <see cref="PolicySeverity.Warning"/>; <c>dailyAverage</c>, <c>mean</c>, <c>sum</c> and
    /// <c>count</c> pass.
    /// </summary>
    /// <returns>The policy.</returns>
    public static ISchemePolicy DepositNotPointInTime() => new DepositPointInTimePolicy();

    /// <summary>Rule <c>deposit.rankingOrMarketShare</c>: an indicator tagged <c>deposit</c> and also <c>ranking</c> or
    /// <c>market-share</c> scores a deposit ranking or market share, which is an <see cref="PolicySeverity.Error"/>.</summary>
    /// <returns>The policy.</returns>
    public static ISchemePolicy DepositNotRankingOrMarketShare() => new DepositRankingPolicy();

    /// <summary>
    /// Rule <c>variant.movedWeight</c>: the checked scheme, a derived scheme (a branch's variant), moves at most
    /// <paramref name="maxMovedShare"/> of the total weight away from <paramref name="parent"/>, measured by
    /// <see cref="SchemeAnalyzer.MovedWeight"/>. More is an <see cref="PolicySeverity.Error"/> naming the parent by id and
    /// version and the indicators whose effective weight differs.
    /// </summary>
    /// <param name="parent">The parent scheme.</param>
    /// <param name="maxMovedShare">The largest share a variant may move, between 0 and 1 (default 0.15).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parent"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMovedShare"/> is outside 0–1.</exception>
    public static ISchemePolicy BranchVariant(Scheme parent, decimal maxMovedShare = 0.15m)
        => new BranchVariantPolicy(Guard.NotNull(parent), Share(maxMovedShare));

    /// <summary>Rule <c>grades.unreachable</c>: a grade band that no reachable rounded total falls in is a <see cref="PolicySeverity.Warning"/>
    /// (member <c>grades.&lt;name&gt;</c>).</summary>
    /// <returns>The policy.</returns>
    public static ISchemePolicy UnreachableGrades() => new UnreachableGradesPolicy();

    /// <summary>Rule <c>bonus.caps</c>: maxBonus above maxPoints − P (member <c>maxBonus</c>), or a bonus rule's cap above maxBonus
    /// (member <c>adjustments.&lt;id&gt;</c>), is a <see cref="PolicySeverity.Warning"/>.</summary>
    /// <returns>The policy.</returns>
    public static ISchemePolicy BonusCaps() => new BonusCapsPolicy();

    /// <summary>
    /// Rule <c>gates.reachability</c>: a gate on a node's score, the base or the total that can never fail (every
    /// reachable value meets the threshold) is a <see cref="PolicySeverity.Warning"/>; one that can never pass is an
    /// <see cref="PolicySeverity.Error"/> (member <c>gates.&lt;id&gt;</c>). A gate that fails or passes when its node is
    /// excluded can do so whatever the threshold. Gates on indicator values are not checked.
    /// </summary>
    /// <returns>The policy.</returns>
    public static ISchemePolicy GateReachability() => new GateReachabilityPolicy();

    /// <summary>Analyses a scheme and runs the <see cref="Default"/> policies.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>All findings, policy by policy in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    /// <exception cref="OverflowException">The analysis overflowed (see <see cref="SchemeAnalyzer.Analyze"/>).</exception>
    public static ImmutableArray<PolicyFinding> Check(Scheme scheme) => Check(scheme, Default);

    /// <summary>Analyses a scheme and runs policies, built-in or a host's own.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="policies">The policies, run in order.</param>
    /// <returns>All findings, policy by policy in order, each policy's findings in the order it reported them.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="policies"/> holds a null item.</exception>
    /// <exception cref="InvalidOperationException">A policy returned null or a null finding.</exception>
    /// <exception cref="OverflowException">The analysis overflowed (see <see cref="SchemeAnalyzer.Analyze"/>).</exception>
    public static ImmutableArray<PolicyFinding> Check(Scheme scheme, IEnumerable<ISchemePolicy> policies)
    {
        var list = Guard.NoNullItems(policies);
        return Run(SchemeAnalyzer.Analyze(Guard.NotNull(scheme)), list);
    }

    /// <summary>Runs policies on an existing analysis (analyse once, check many times).</summary>
    /// <param name="analysis">The scheme's analysis.</param>
    /// <param name="policies">The policies, run in order.</param>
    /// <returns>All findings, policy by policy in order, each policy's findings in the order it reported them.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="policies"/> holds a null item.</exception>
    /// <exception cref="InvalidOperationException">A policy returned null or a null finding.</exception>
    public static ImmutableArray<PolicyFinding> Check(SchemeAnalysis analysis, IEnumerable<ISchemePolicy> policies)
    {
        Guard.NotNull(analysis);
        return Run(analysis, Guard.NoNullItems(policies));
    }

    private static ImmutableArray<PolicyFinding> Run(SchemeAnalysis analysis, IEnumerable<ISchemePolicy> policies)
    {
        var findings = ImmutableArray.CreateBuilder<PolicyFinding>();
        foreach (var policy in policies)
        {
            var reported = policy.Check(analysis)
                ?? throw new InvalidOperationException($"Policy '{policy.Id}' returned null; return an empty sequence when the scheme complies.");
            foreach (var finding in reported)
            {
                findings.Add(finding ?? throw new InvalidOperationException($"Policy '{policy.Id}' reported a null finding."));
            }
        }

        return findings.ToImmutable();
    }

    private static string ValidTag(string tag)
    {
        Guard.NotNull(tag);
        return Identifiers.IsValid(tag)
            ? tag
            : throw new ArgumentException($"'{tag}' is not a valid tag; use {Identifiers.Rule}.", nameof(tag));
    }

    private static decimal Share(decimal share, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(share))] string? name = null)
        => share is >= 0m and <= 1m ? share : throw new ArgumentOutOfRangeException(name, share, "A share must lie between 0 and 1 (e.g. 0.15 for 15%).");
}
