using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;

namespace PerfKit.Diagnostics;

/// <summary>
/// Finds subjects who meet an output target while a paired quality indicator deteriorates against the previous period
/// (e.g. loan targets met while the complaint rate rises), from declared <see cref="IndicatorPair"/>s.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A subject is compared for a pair when it is assessed in both periods, its output
/// indicator has a score in the current period (after overrides, before gates; not excluded, value not missing) and its
/// quality indicator has a number in both periods (after value overrides). It is a finding when the output score is at
/// least the pair's met score and the quality value moved the worse way; an unchanged value is not a deterioration.
/// </remarks>
public sealed class ContradictionFinder
{
    private ContradictionFinder(ImmutableArray<IndicatorPair> pairs) => Pairs = pairs;

    /// <summary>Gets the pairs in declared order.</summary>
    public ImmutableArray<IndicatorPair> Pairs { get; }

    /// <summary>Validates the pairs, all at once.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <returns>The finder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="pairs"/> holds a null item.</exception>
    /// <exception cref="RuleValidationException">Every problem: an id breaking the id rule (<c>id.invalid</c>), a repeated id,
    /// a malformed path or the same path twice (<c>contradiction.pair</c>), a declared direction of <see cref="ScoreDirection.None"/>
    /// or an undefined value (<c>contradiction.direction</c>).</exception>
    public static ContradictionFinder Create(IEnumerable<IndicatorPair> pairs)
    {
        var list = Guard.NoNullItems(pairs).ToImmutableArray();
        var problems = new List<Problem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var pair = list[i];
            var at = $"pairs[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (!Identifiers.IsValid(pair.Id))
            {
                problems.Add(new Problem(ProblemCodes.IdInvalid, at + ".id", pair.Id, $"A pair id must follow the id rule: {Identifiers.Rule}."));
            }
            else if (!ids.Add(pair.Id))
            {
                problems.Add(new Problem(ProblemCodes.ContradictionPair, at + ".id", pair.Id, $"The pair id '{pair.Id}' is used more than once; give each pair its own id."));
            }

            var outputOk = CheckPath(pair.OutputPath, at + ".outputPath", problems);
            var qualityOk = CheckPath(pair.QualityPath, at + ".qualityPath", problems);
            if (outputOk && qualityOk && string.Equals(pair.OutputPath, pair.QualityPath, StringComparison.Ordinal))
            {
                problems.Add(new Problem(ProblemCodes.ContradictionPair, at + ".qualityPath", pair.QualityPath, "The output and the quality indicator are the same; pair two different indicators."));
            }

            if (pair.QualityDirection is { } d && (d == ScoreDirection.None || !Enum.IsDefined(d)))
            {
                problems.Add(new Problem(ProblemCodes.ContradictionDirection, at + ".qualityDirection", d.ToString(), "A declared quality direction must be HigherIsBetter or LowerIsBetter; leave it out to take the scorer's direction."));
            }
        }

        return problems.Count > 0 ? throw new RuleValidationException(problems) : new ContradictionFinder(list);
    }

    /// <summary>Compares two periods' populations.</summary>
    /// <param name="previousPeriod">The previous period; it must end before <paramref name="currentPeriod"/> starts.</param>
    /// <param name="previous">The previous period's assessments, one per subject, under one scheme.</param>
    /// <param name="currentPeriod">The current period.</param>
    /// <param name="current">The current period's assessments, one per subject, under one scheme (it may differ from the previous one).</param>
    /// <returns>The report; it carries problems instead of findings when the periods are out of order
    /// (<c>contradiction.periods</c>), a subject repeats within a period (<c>diagnostics.duplicateSubject</c>), a period mixes
    /// schemes (<c>diagnostics.mixedSchemes</c>), a path names no indicator of a period's scheme
    /// (<c>contradiction.unknownIndicator</c>), or the quality direction cannot be taken from the scorer (<c>contradiction.direction</c>).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A sequence holds a null item.</exception>
    public ContradictionReport Find(AssessmentPeriod previousPeriod, IEnumerable<Assessment> previous, AssessmentPeriod currentPeriod, IEnumerable<Assessment> current)
    {
        ArgumentNullException.ThrowIfNull(previousPeriod);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(currentPeriod);
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<Problem>();
        if (previousPeriod.End >= currentPeriod.Start)
        {
            problems.Add(new Problem(ProblemCodes.ContradictionPeriods, "previousPeriod", previousPeriod.ToString(), $"The previous period {previousPeriod} must end before the current period {currentPeriod} starts."));
        }

        var before = DiagnosticScores.Index(previous, "previous period", problems);
        var now = DiagnosticScores.Index(current, "current period", problems);
        var directions = new List<(IndicatorPair Pair, ScoreDirection Direction)>();
        if (problems.Count == 0)
        {
            var previousScheme = before.Values.FirstOrDefault()?.Scheme;
            var currentScheme = now.Values.FirstOrDefault()?.Scheme;
            for (var i = 0; i < Pairs.Length; i++)
            {
                var pair = Pairs[i];
                var at = $"pairs[{i.ToString(CultureInfo.InvariantCulture)}]";
                foreach (var (scheme, period) in new[] { (previousScheme, previousPeriod), (currentScheme, currentPeriod) })
                {
                    if (scheme is not null)
                    {
                        Indicator(scheme, period, pair.OutputPath, at + ".outputPath", problems);
                        Indicator(scheme, period, pair.QualityPath, at + ".qualityPath", problems);
                    }
                }

                var quality = currentScheme is not null && currentScheme.TryFindNode(pair.QualityPath, out var q) ? q as IndicatorNode : null;
                if (quality is not null && quality.Scorer.InputKind != MeasureKind.Number)
                {
                    problems.Add(new Problem(ProblemCodes.ContradictionDirection, at + ".qualityPath", pair.QualityPath, "The quality indicator reads ratings; pair an indicator that reads a number."));
                }
                else if (pair.QualityDirection is { } declared)
                {
                    directions.Add((pair, declared));
                }
                else if (quality is null)
                {
                    directions.Add((pair, ScoreDirection.None));
                }
                else if (quality.Scorer.Direction == ScoreDirection.None)
                {
                    problems.Add(new Problem(ProblemCodes.ContradictionDirection, at + ".qualityDirection", null, $"The scorer of '{pair.QualityPath}' has no direction; declare which way the quality value is better."));
                }
                else
                {
                    directions.Add((pair, quality.Scorer.Direction));
                }
            }
        }

        if (problems.Count > 0)
        {
            return new ContradictionReport(previousPeriod, currentPeriod, [.. problems], [], [], []);
        }

        var findings = ImmutableArray.CreateBuilder<ContradictionFinding>();
        var compared = ImmutableArray.CreateBuilder<Compared>();
        foreach (var (pair, direction) in directions)
        {
            foreach (var (subjectId, assessment) in now)
            {
                if (!before.TryGetValue(subjectId, out var earlier)
                    || DiagnosticScores.Find(assessment.Root, pair.OutputPath) is not { } output
                    || DiagnosticScores.BeforeGates(output, assessment) is not { } outputScore
                    || Number(DiagnosticScores.Find(assessment.Root, pair.QualityPath)) is not { } qualityNow
                    || Number(DiagnosticScores.Find(earlier.Root, pair.QualityPath)) is not { } qualityBefore)
                {
                    continue;
                }

                var met = outputScore >= pair.MetScore;
                var worse = Worse(direction, qualityBefore, qualityNow);
                compared.Add(new Compared(pair.Id, subjectId, assessment.Input.Attributes, outputScore, qualityBefore, qualityNow, met && worse));
                if (met && worse)
                {
                    findings.Add(new ContradictionFinding(pair, subjectId, previousPeriod, currentPeriod, outputScore, Number(output), qualityBefore, qualityNow, direction));
                }
            }
        }

        return new ContradictionReport(previousPeriod, currentPeriod, [], findings.ToImmutable(), compared.ToImmutable(), [.. directions]);
    }

    internal static ImmutableArray<GroupContradiction> Groups(ImmutableArray<Compared> compared, ImmutableArray<(IndicatorPair Pair, ScoreDirection Direction)> pairs, string key, AssessmentPeriod previousPeriod, AssessmentPeriod currentPeriod)
    {
        var result = ImmutableArray.CreateBuilder<GroupContradiction>();
        foreach (var (pair, direction) in pairs)
        {
            var rows = compared.Where(c => string.Equals(c.PairId, pair.Id, StringComparison.Ordinal)).ToList();
            var values = rows.Select(r => r.Attributes.TryGetValue(key, out var v) ? v : null)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(v => v is null)
                .ThenBy(v => v, StringComparer.Ordinal)
                .ToList();
            foreach (var value in values)
            {
                var members = rows.Where(r => string.Equals(r.Attributes.TryGetValue(key, out var v) ? v : null, value, StringComparison.Ordinal)).ToList();
                var n = members.Count;
                var outputSum = members.Sum(m => m.OutputScore);
                var beforeSum = members.Sum(m => m.QualityPrevious);
                var nowSum = members.Sum(m => m.QualityCurrent);

                // Σ ≥ met × n decides "mean ≥ met" exactly; both means share n, so their sums decide the direction.
                var contradiction = outputSum >= pair.MetScore * n && Worse(direction, beforeSum, nowSum);
                var flagged = members.Count(m => m.Flagged);
                var meanOutput = outputSum / n;
                var meanBefore = beforeSum / n;
                var meanNow = nowSum / n;
                var label = value is null ? $"subjects without '{key}'" : $"{key} '{value}'";
                var verdict = contradiction ? "met the output target on average while the quality got worse" : "shows no contradiction on average";
                var message = $"{label}, pair '{pair.Id}': {n.ToString(CultureInfo.InvariantCulture)} subject(s), {flagged.ToString(CultureInfo.InvariantCulture)} flagged; mean score of '{pair.OutputPath}' {DecimalText.Canonical(meanOutput)} in {currentPeriod}, mean '{pair.QualityPath}' {DecimalText.Canonical(meanBefore)} in {previousPeriod} and {DecimalText.Canonical(meanNow)} in {currentPeriod}: {verdict}.";
                result.Add(new GroupContradiction(pair.Id, key, value, n, flagged, meanOutput, meanBefore, meanNow, contradiction, message));
            }
        }

        return result.ToImmutable();
    }

    private static bool Worse(ScoreDirection direction, decimal before, decimal now)
        => direction == ScoreDirection.LowerIsBetter ? now > before : now < before;

    private static decimal? Number(NodeResult? result)
        => result is { IsExcluded: false, IsMissing: false, Value: { Kind: MeasureKind.Number } value } ? value.Number : null;

    private static bool CheckPath(string path, string at, List<Problem> problems)
    {
        if (path.Length > 0 && path.Split('/').All(Identifiers.IsValid))
        {
            return true;
        }

        problems.Add(new Problem(ProblemCodes.ContradictionPair, at, path, $"'{path}' is not an indicator path: node ids ({Identifiers.Rule}) joined by '/'."));
        return false;
    }

    private static void Indicator(Scheme scheme, AssessmentPeriod period, string path, string at, List<Problem> problems)
    {
        if (!scheme.TryFindNode(path, out var node) || !node.IsIndicator)
        {
            problems.Add(new Problem(ProblemCodes.ContradictionUnknownIndicator, at, path, $"'{path}' names no indicator of scheme {scheme}, which assessed {period}."));
        }
    }

    /// <summary>One subject compared for one pair.</summary>
    internal sealed record Compared(string PairId, string SubjectId, ImmutableSortedDictionary<string, string> Attributes, decimal OutputScore, decimal QualityPrevious, decimal QualityCurrent, bool Flagged);
}
