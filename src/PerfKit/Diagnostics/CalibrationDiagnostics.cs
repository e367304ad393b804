using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Diagnostics;

/// <summary>
/// OKR calibration diagnostics (spec §10): for each subject and each checked group (dimension or objective by
/// default), whether every key result scored at or below the "too hard" threshold, at or above the "too easy" one, or
/// at or below the "below requirement" one; and, over the population, the share of subjects flagged per group and rule,
/// with advice for the next period's targets.
/// </summary>
/// <remarks>
/// Thread-safe (stateless). A group's key results are all indicators beneath it, at any depth, in declared order.
/// Each is counted with its score after overrides and before gates (<see cref="NodeResult.Score"/>, or the score a
/// zeroScore gate lowered); indicators that were excluded or whose value was missing are not counted, since their score
/// says nothing about the target. A group with no counted key result, or excluded, is not checked for that subject.
/// </remarks>
public static class CalibrationDiagnostics
{
    /// <summary>Calibrates a population (one subject is a population of one).</summary>
    /// <param name="assessments">The assessments, one per subject, all under one scheme; any order.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="CalibrationOptions.Default"/>.</param>
    /// <returns>The report; it carries problems instead of findings when a subject repeats
    /// (<c>diagnostics.duplicateSubject</c>), the schemes differ (<c>diagnostics.mixedSchemes</c>) or an options path names
    /// no group of the scheme (<c>calibration.unknownGroup</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessments"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="assessments"/> holds a null item.</exception>
    public static CalibrationReport Analyze(IEnumerable<Assessment> assessments, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        options ??= CalibrationOptions.Default;
        var problems = new List<Problem>();
        var bySubject = DiagnosticScores.Index(assessments, "population", problems);
        if (problems.Count == 0 && bySubject.Count > 0)
        {
            CheckPaths(bySubject.First().Value.Scheme, options, problems);
        }

        if (problems.Count > 0 || bySubject.Count == 0)
        {
            return new CalibrationReport([.. problems], [], [], [], options.AdviceShare);
        }

        var plan = new List<GroupPlan>();
        Plan(bySubject.First().Value.Scheme.Root, null, options, plan);
        var rules = ImmutableArray.CreateBuilder<CheckedRule>();
        foreach (var group in plan)
        {
            foreach (var (ruleId, threshold, _) in group.Thresholds.Rules())
            {
                rules.Add(new CheckedRule(group.Node.Path, ruleId, threshold));
            }
        }

        var findings = ImmutableArray.CreateBuilder<CalibrationFinding>();
        var outcomes = ImmutableArray.CreateBuilder<SubjectOutcome>(bySubject.Count);
        foreach (var (subjectId, assessment) in bySubject)
        {
            var outcome = new SubjectOutcome(subjectId, assessment.Input.Attributes);
            foreach (var group in plan)
            {
                if (DiagnosticScores.Find(assessment.Root, group.Node.Path) is not { IsExcluded: false } result)
                {
                    continue;
                }

                var scores = new List<KeyValuePair<string, decimal>>();
                Collect(result, assessment, scores);
                if (scores.Count == 0)
                {
                    continue;
                }

                outcome.Checked.Add(group.Node.Path);
                foreach (var (ruleId, threshold, atOrBelow) in group.Thresholds.Rules())
                {
                    if (scores.All(s => atOrBelow ? s.Value <= threshold : s.Value >= threshold))
                    {
                        outcome.Flagged.Add((group.Node.Path, ruleId));
                        findings.Add(new CalibrationFinding(ruleId, subjectId, group.Node.Path, group.Node.Kind, group.Category, [.. scores], threshold, FindingMessage(ruleId, subjectId, group.Node.Path, threshold, scores)));
                    }
                }
            }

            outcomes.Add(outcome);
        }

        return new CalibrationReport([], findings.ToImmutable(), outcomes.MoveToImmutable(), rules.ToImmutable(), options.AdviceShare);
    }

    internal static ImmutableArray<CalibrationShare> Shares(ImmutableArray<SubjectOutcome> outcomes, ImmutableArray<CheckedRule> rules, string? key, string? value, decimal adviceShare)
    {
        var members = key is null
            ? outcomes
            : outcomes.Where(o => o.Attributes.TryGetValue(key, out var v) ? string.Equals(v, value, StringComparison.Ordinal) : value is null).ToImmutableArray();
        var result = ImmutableArray.CreateBuilder<CalibrationShare>();
        foreach (var rule in rules)
        {
            var checkedCount = members.Count(o => o.Checked.Contains(rule.Path));
            if (checkedCount == 0)
            {
                continue;
            }

            var flagged = members.Count(o => o.Flagged.Contains((rule.Path, rule.RuleId)));
            var share = (decimal)flagged / checkedCount;
            result.Add(new CalibrationShare(rule.Path, rule.RuleId, rule.Threshold, key, key is null ? null : value, checkedCount, flagged, share, Advice(rule, flagged, checkedCount, share, adviceShare)));
        }

        return result.ToImmutable();
    }

    private static void CheckPaths(Scheme scheme, CalibrationOptions options, List<Problem> problems)
    {
        foreach (var path in options.Categories.Keys)
        {
            Known(scheme, path, "categories", problems);
        }

        foreach (var path in options.PathThresholds.Keys)
        {
            Known(scheme, path, "pathThresholds", problems);
        }
    }

    private static void Known(Scheme scheme, string path, string member, List<Problem> problems)
    {
        if (path.Length == 0 || (scheme.TryFindNode(path, out var node) && !node.IsIndicator))
        {
            return;
        }

        problems.Add(new Problem(ProblemCodes.CalibrationUnknownGroup, member, path, $"'{path}' names no group of scheme {scheme}; calibration options must name groups of the assessed scheme."));
    }

    private static void Plan(GroupNode group, DimensionCategory? inherited, CalibrationOptions options, List<GroupPlan> plan)
    {
        var category = options.Categories.TryGetValue(group.Path, out var declared) ? declared : inherited;
        if (options.PathThresholds.TryGetValue(group.Path, out var named))
        {
            plan.Add(new GroupPlan(group, category, named));
        }
        else if (options.Kinds.Contains(group.Kind))
        {
            plan.Add(new GroupPlan(group, category, category is { } c ? options.CategoryThresholds[c] : options.UncategorizedThresholds));
        }

        foreach (var child in group.Children)
        {
            if (child is GroupNode g)
            {
                Plan(g, category, options, plan);
            }
        }
    }

    private static void Collect(NodeResult result, Assessment assessment, List<KeyValuePair<string, decimal>> scores)
    {
        if (result.Node.IsIndicator)
        {
            if (DiagnosticScores.BeforeGates(result, assessment) is { } score)
            {
                scores.Add(new(result.Path, score));
            }

            return;
        }

        foreach (var child in result.Children)
        {
            Collect(child, assessment, scores);
        }
    }

    private static string Side(string ruleId) => ruleId == CalibrationRules.TargetTooEasy ? "at or above" : "at or below";

    private static string FindingMessage(string ruleId, string subjectId, string path, decimal threshold, List<KeyValuePair<string, decimal>> scores)
    {
        var verdict = ruleId switch
        {
            CalibrationRules.TargetTooHard => "the target looks too hard",
            CalibrationRules.TargetTooEasy => "the target looks too easy",
            _ => "the work requirements were not met",
        };
        return $"Subject '{subjectId}': every key result of '{CalibrationOptionsBuilder.Display(path)}' scored {Side(ruleId)} {DecimalText.Canonical(threshold)} ({DiagnosticScores.List(scores.Select(s => s.Value))}): {verdict}.";
    }

    private static string Advice(CheckedRule rule, int flagged, int checkedCount, decimal share, decimal adviceShare)
    {
        var head = $"{flagged.ToString(CultureInfo.InvariantCulture)} of {checkedCount.ToString(CultureInfo.InvariantCulture)} subjects ({DiagnosticScores.Percent(share)}) had every key result of '{CalibrationOptionsBuilder.Display(rule.Path)}' {Side(rule.RuleId)} {DecimalText.Canonical(rule.Threshold)}";
        if (flagged == 0)
        {
            return head + ": no change is suggested on this evidence.";
        }

        if (share < adviceShare)
        {
            return head + ": below the advice share, so review these subjects individually rather than the targets.";
        }

        return head + rule.RuleId switch
        {
            CalibrationRules.TargetTooHard => ": the targets look too hard; consider lowering them for the next period.",
            CalibrationRules.TargetTooEasy => ": the targets look too easy; consider raising them for the next period.",
            _ => ": the requirements are widely missed; plan coaching and time-management support for the next period and check that the requirements are realistic.",
        };
    }

    /// <summary>A group to check, its category and its thresholds.</summary>
    private sealed record GroupPlan(GroupNode Node, DimensionCategory? Category, CalibrationThresholds Thresholds);

    /// <summary>One rule checked on one group, in report order.</summary>
    internal sealed record CheckedRule(string Path, string RuleId, decimal Threshold);

    /// <summary>What calibration found for one subject: the groups checked and the (group, rule) pairs flagged.</summary>
    internal sealed class SubjectOutcome(string subjectId, ImmutableSortedDictionary<string, string> attributes)
    {
        public string SubjectId { get; } = subjectId;

        public ImmutableSortedDictionary<string, string> Attributes { get; } = attributes;

        public HashSet<string> Checked { get; } = new(StringComparer.Ordinal);

        public HashSet<(string Path, string RuleId)> Flagged { get; } = [];
    }
}
