using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using PerfKit.Internal;

namespace PerfKit.Analysis;

/// <summary>
/// A named policy check on a scheme (spec §10): it reads a <see cref="SchemeAnalysis"/> and reports what breaks the
/// policy as <see cref="PolicyFinding"/>s. This is the extension point for a host's own rules; run them with
/// <see cref="SchemePolicies.Check(Model.Scheme, IEnumerable{ISchemePolicy})"/>.
/// </summary>
/// <remarks>Implementations must be deterministic, free of side effects and thread-safe.</remarks>
public interface ISchemePolicy
{
    /// <summary>Gets the rule's stable id, e.g. <c>tag.minimumShare</c>; findings usually carry it as <see cref="PolicyFinding.RuleId"/>.</summary>
    string Id { get; }

    /// <summary>Checks a scheme.</summary>
    /// <param name="analysis">The scheme's analysis; the scheme is <see cref="SchemeAnalysis.Scheme"/>.</param>
    /// <returns>The findings, in a stable order; empty when the scheme complies.</returns>
    IEnumerable<PolicyFinding> Check(SchemeAnalysis analysis);
}

/// <summary>How serious a policy finding is.</summary>
public enum PolicySeverity
{
    /// <summary>Worth knowing; nothing needs to change.</summary>
    Info,

    /// <summary>Probably a mistake or a design risk; review it.</summary>
    Warning,

    /// <summary>The scheme breaks the policy (e.g. a regulatory limit).</summary>
    Error,
}

/// <summary>One thing a policy check found: the rule, how serious it is, a sentence, and where.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolicyFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="ruleId">The id of the rule that found it (usually the policy's <see cref="ISchemePolicy.Id"/>).</param>
    /// <param name="severity">How serious it is.</param>
    /// <param name="message">A sentence saying what is wrong and what the rule allows.</param>
    /// <param name="nodePaths">The paths of the scheme nodes concerned (root excluded, e.g. <c>quarterly/npl_rate</c>); none when omitted.</param>
    /// <param name="memberPath">The scheme member concerned when it is not a node, e.g. <c>gates.gate_net_balance</c>,
    /// <c>adjustments.certificates</c>, <c>grades.A</c> or <c>maxBonus</c>; optional.</param>
    /// <param name="actual">The measured value the rule compared (e.g. a share of 0.7), when there is one.</param>
    /// <param name="limit">The limit it was compared with (e.g. 0.6), when there is one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleId"/> or <paramref name="message"/> is blank, or <paramref name="nodePaths"/> holds a null item.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not a defined value.</exception>
    public PolicyFinding(string ruleId, PolicySeverity severity, string message, IEnumerable<string>? nodePaths = null, string? memberPath = null, decimal? actual = null, decimal? limit = null)
    {
        RuleId = Guard.NotBlank(ruleId);
        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "Use Info, Warning or Error.");
        }

        Severity = severity;
        Message = Guard.NotBlank(message);
        NodePaths = nodePaths is null ? [] : [.. Guard.NoNullItems(nodePaths)];
        MemberPath = memberPath;
        Actual = actual;
        Limit = limit;
    }

    /// <summary>Gets the id of the rule that found it.</summary>
    public string RuleId { get; }

    /// <summary>Gets how serious it is.</summary>
    public PolicySeverity Severity { get; }

    /// <summary>Gets a sentence saying what is wrong and what the rule allows.</summary>
    public string Message { get; }

    /// <summary>Gets the paths of the nodes concerned, in declared order (empty when no node is concerned).</summary>
    public ImmutableArray<string> NodePaths { get; }

    /// <summary>Gets the scheme member concerned when it is not a node (e.g. <c>gates.gate_net_balance</c>), or <see langword="null"/>.</summary>
    public string? MemberPath { get; }

    /// <summary>Gets the measured value the rule compared, or <see langword="null"/>.</summary>
    public decimal? Actual { get; }

    /// <summary>Gets the limit the value was compared with, or <see langword="null"/>.</summary>
    public decimal? Limit { get; }

    /// <summary>Formats on one line: <c>Warning [tag.maximumShare] at a, b: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Severity.ToString()).Append(" [").Append(RuleId).Append(']');
        if (MemberPath is not null || !NodePaths.IsEmpty)
        {
            sb.Append(" at ");
            if (MemberPath is not null)
            {
                sb.Append(MemberPath);
                if (!NodePaths.IsEmpty)
                {
                    sb.Append(", ");
                }
            }

            sb.AppendJoin(", ", NodePaths);
        }

        return sb.Append(": ").Append(Message).ToString();
    }
}

/// <summary>The ids of the built-in policy rules (see <see cref="SchemePolicies"/>).</summary>
/// <remarks>Constants only; thread-safe.</remarks>
public static class PolicyIds
{
    /// <summary>Indicators with a tag must carry at least a share of the total weight (<see cref="SchemePolicies.MinimumTagShare"/>).</summary>
    public const string MinimumTagShare = "tag.minimumShare";

    /// <summary>Indicators with a tag must carry at most a share of the total weight (<see cref="SchemePolicies.MaximumTagShare"/>).</summary>
    public const string MaximumTagShare = "tag.maximumShare";

    /// <summary>Deposit indicators must not be scored on a point-in-time value (<see cref="SchemePolicies.DepositNotPointInTime"/>).</summary>
    public const string DepositPointInTime = "deposit.pointInTime";

    /// <summary>No indicator may score a deposit ranking or market share (<see cref="SchemePolicies.DepositNotRankingOrMarketShare"/>).</summary>
    public const string DepositRankingOrMarketShare = "deposit.rankingOrMarketShare";

    /// <summary>A derived scheme moves at most a share of the total weight from its parent (<see cref="SchemePolicies.BranchVariant"/>).</summary>
    public const string BranchVariant = "variant.movedWeight";

    /// <summary>Every grade band can be earned by some total (<see cref="SchemePolicies.UnreachableGrades"/>).</summary>
    public const string UnreachableGrade = "grades.unreachable";

    /// <summary>Bonus caps fit the room between P and maxPoints and within maxBonus (<see cref="SchemePolicies.BonusCaps"/>).</summary>
    public const string BonusCaps = "bonus.caps";

    /// <summary>Gates on scores, base or total can both pass and fail (<see cref="SchemePolicies.GateReachability"/>).</summary>
    public const string GateReachability = "gates.reachability";
}

/// <summary>The tag convention the built-in policies read (tags are free; these are the ones they look for).</summary>
/// <remarks>Constants only; thread-safe.</remarks>
public static class PolicyTags
{
    /// <summary>A scale (volume) indicator, e.g. new accounts, balances; read by the concentration check.</summary>
    public const string Scale = "scale";

    /// <summary>An inclusive-finance indicator, e.g. first-time small-business borrowers; read by the minimum-share check.</summary>
    public const string InclusiveFinance = "inclusive-finance";

    /// <summary>An indicator on deposits (balances, growth, accounts); read by the deposit checks.</summary>
    public const string Deposit = "deposit";

    /// <summary>An indicator that scores a ranking (a position among peers) rather than an amount.</summary>
    public const string Ranking = "ranking";

    /// <summary>An indicator that scores a market share rather than an amount.</summary>
    public const string MarketShare = "market-share";
}
