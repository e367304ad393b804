using System.Collections.Generic;
using System.Collections.Immutable;
using PerfKit.Model;

namespace PerfKit.Diagnostics;

/// <summary>
/// One calibration finding: for one subject and one group, every counted key result scored on the rule's side of its
/// threshold (spec §10).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CalibrationFinding
{
    internal CalibrationFinding(string ruleId, string subjectId, string nodePath, GroupKind kind, DimensionCategory? category, ImmutableArray<KeyValuePair<string, decimal>> scores, decimal threshold, string message)
    {
        RuleId = ruleId;
        SubjectId = subjectId;
        NodePath = nodePath;
        Kind = kind;
        Category = category;
        Scores = scores;
        Threshold = threshold;
        Message = message;
    }

    /// <summary>Gets the rule's id, one of <see cref="CalibrationRules"/>.</summary>
    public string RuleId { get; }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the group's path ("" for the root).</summary>
    public string NodePath { get; }

    /// <summary>Gets the group's kind.</summary>
    public GroupKind Kind { get; }

    /// <summary>Gets the group's declared or inherited category, or <see langword="null"/> when none is declared on its path.</summary>
    public DimensionCategory? Category { get; }

    /// <summary>Gets the counted key results' scores (after overrides, before gates) by indicator path, in declared order.</summary>
    public ImmutableArray<KeyValuePair<string, decimal>> Scores { get; }

    /// <summary>Gets the threshold the scores were compared with.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets a sentence naming the subject, the group, the scores and the rule.</summary>
    public string Message { get; }

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

/// <summary>
/// The population view of one rule on one group: how many subjects were checked and flagged, the share, and a sentence
/// of advice for the next period's targets; over the whole population or one value of an attribute.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CalibrationShare
{
    internal CalibrationShare(string nodePath, string ruleId, decimal threshold, string? attributeKey, string? attributeValue, int checkedCount, int flagged, decimal share, string advice)
    {
        NodePath = nodePath;
        RuleId = ruleId;
        Threshold = threshold;
        AttributeKey = attributeKey;
        AttributeValue = attributeValue;
        Checked = checkedCount;
        Flagged = flagged;
        Share = share;
        Advice = advice;
    }

    /// <summary>Gets the group's path ("" for the root).</summary>
    public string NodePath { get; }

    /// <summary>Gets the rule's id, one of <see cref="CalibrationRules"/>.</summary>
    public string RuleId { get; }

    /// <summary>Gets the rule's threshold for this group.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets the attribute key grouped by, or <see langword="null"/> for the whole population.</summary>
    public string? AttributeKey { get; }

    /// <summary>Gets the attribute value of this group of subjects; <see langword="null"/> for the whole population, or for the subjects that lack the attribute.</summary>
    public string? AttributeValue { get; }

    /// <summary>Gets how many subjects had at least one counted key result in the group.</summary>
    public int Checked { get; }

    /// <summary>Gets how many of them the rule flagged.</summary>
    public int Flagged { get; }

    /// <summary>Gets <see cref="Flagged"/> ÷ <see cref="Checked"/> as a decimal (exact when the quotient terminates within 28 digits).</summary>
    public decimal Share { get; }

    /// <summary>Gets a sentence of advice for the next period's targets.</summary>
    public string Advice { get; }

    /// <summary>Returns <see cref="Advice"/>.</summary>
    /// <returns>The advice.</returns>
    public override string ToString() => Advice;
}

/// <summary>The calibration of a population: findings per subject and group, and the share of subjects flagged per group and rule.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CalibrationReport
{
    private readonly ImmutableArray<CalibrationDiagnostics.SubjectOutcome> outcomes;
    private readonly ImmutableArray<CalibrationDiagnostics.CheckedRule> rules;
    private readonly decimal adviceShare;

    internal CalibrationReport(ImmutableArray<Problem> problems, ImmutableArray<CalibrationFinding> findings, ImmutableArray<CalibrationDiagnostics.SubjectOutcome> outcomes, ImmutableArray<CalibrationDiagnostics.CheckedRule> rules, decimal adviceShare)
    {
        Problems = problems;
        Findings = findings;
        this.outcomes = outcomes;
        this.rules = rules;
        this.adviceShare = adviceShare;
        Shares = CalibrationDiagnostics.Shares(outcomes, rules, null, null, adviceShare);
    }

    /// <summary>Gets a value indicating whether the population could be calibrated (no problems).</summary>
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>Gets the problems that prevented calibration (empty on success).</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets the number of subjects calibrated.</summary>
    public int SubjectCount => outcomes.Length;

    /// <summary>Gets the findings ordered by subject id (ordinal), then group in scheme pre-order, then rule (too hard, too easy, below requirement).</summary>
    public ImmutableArray<CalibrationFinding> Findings { get; }

    /// <summary>Gets the share of subjects flagged per group (scheme pre-order) and rule, over the whole population; every checked rule is listed, flagged or not.</summary>
    public ImmutableArray<CalibrationShare> Shares { get; }

    /// <summary>
    /// Gets the shares per value of a subject attribute (e.g. <c>department</c>): values in ordinal order, then the
    /// subjects that lack the attribute (<see cref="CalibrationShare.AttributeValue"/> null); within each, as <see cref="Shares"/>.
    /// </summary>
    /// <param name="attributeKey">The attribute key.</param>
    /// <returns>The shares.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="attributeKey"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="attributeKey"/> is blank.</exception>
    public ImmutableArray<CalibrationShare> SharesBy(string attributeKey)
    {
        Internal.Guard.NotBlank(attributeKey);
        var result = ImmutableArray.CreateBuilder<CalibrationShare>();
        var values = new SortedSet<string>(System.StringComparer.Ordinal);
        var anyMissing = false;
        foreach (var o in outcomes)
        {
            if (o.Attributes.TryGetValue(attributeKey, out var v))
            {
                values.Add(v);
            }
            else
            {
                anyMissing = true;
            }
        }

        foreach (var value in values)
        {
            result.AddRange(CalibrationDiagnostics.Shares(outcomes, rules, attributeKey, value, adviceShare));
        }

        if (anyMissing)
        {
            result.AddRange(CalibrationDiagnostics.Shares(outcomes, rules, attributeKey, null, adviceShare));
        }

        return result.ToImmutable();
    }
}
