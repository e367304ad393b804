using System.Collections.Immutable;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Periods;

namespace PerfKit.Diagnostics;

/// <summary>A subject who met an output target while the paired quality indicator got worse against the previous period.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ContradictionFinding
{
    internal ContradictionFinding(IndicatorPair pair, string subjectId, AssessmentPeriod previousPeriod, AssessmentPeriod currentPeriod, decimal outputScore, decimal? outputValue, decimal qualityPrevious, decimal qualityCurrent, ScoreDirection qualityDirection)
    {
        PairId = pair.Id;
        SubjectId = subjectId;
        OutputPath = pair.OutputPath;
        QualityPath = pair.QualityPath;
        PreviousPeriod = previousPeriod;
        CurrentPeriod = currentPeriod;
        OutputScore = outputScore;
        OutputValue = outputValue;
        QualityPrevious = qualityPrevious;
        QualityCurrent = qualityCurrent;
        QualityDirection = qualityDirection;
        var better = qualityDirection == ScoreDirection.LowerIsBetter ? "lower" : "higher";
        Message = $"Subject '{subjectId}' met the target of '{OutputPath}' in {currentPeriod} (score {DecimalText.Canonical(outputScore)}) while '{QualityPath}' got worse: {DecimalText.Canonical(qualityPrevious)} in {previousPeriod}, {DecimalText.Canonical(qualityCurrent)} in {currentPeriod} ({better} is better).";
    }

    /// <summary>Gets the pair's id.</summary>
    public string PairId { get; }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the output indicator's path.</summary>
    public string OutputPath { get; }

    /// <summary>Gets the quality indicator's path.</summary>
    public string QualityPath { get; }

    /// <summary>Gets the previous period.</summary>
    public AssessmentPeriod PreviousPeriod { get; }

    /// <summary>Gets the current period.</summary>
    public AssessmentPeriod CurrentPeriod { get; }

    /// <summary>Gets the output indicator's score in the current period (after overrides, before gates).</summary>
    public decimal OutputScore { get; }

    /// <summary>Gets the output indicator's value in the current period, or <see langword="null"/> when it reads ratings.</summary>
    public decimal? OutputValue { get; }

    /// <summary>Gets the quality indicator's value in the previous period.</summary>
    public decimal QualityPrevious { get; }

    /// <summary>Gets the quality indicator's value in the current period.</summary>
    public decimal QualityCurrent { get; }

    /// <summary>Gets which way the quality value is better.</summary>
    public ScoreDirection QualityDirection { get; }

    /// <summary>Gets a sentence naming the subject, both indicators and both periods' values.</summary>
    public string Message { get; }

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

/// <summary>
/// One group of subjects (one value of an attribute) seen as a whole for one pair: the mean output score in the current
/// period and the mean quality value in both periods, over the group's subjects compared in both periods.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GroupContradiction
{
    internal GroupContradiction(string pairId, string attributeKey, string? attributeValue, int subjects, int flagged, decimal meanOutputScore, decimal meanQualityPrevious, decimal meanQualityCurrent, bool isContradiction, string message)
    {
        PairId = pairId;
        AttributeKey = attributeKey;
        AttributeValue = attributeValue;
        Subjects = subjects;
        Flagged = flagged;
        MeanOutputScore = meanOutputScore;
        MeanQualityPrevious = meanQualityPrevious;
        MeanQualityCurrent = meanQualityCurrent;
        IsContradiction = isContradiction;
        Message = message;
    }

    /// <summary>Gets the pair's id.</summary>
    public string PairId { get; }

    /// <summary>Gets the attribute key grouped by.</summary>
    public string AttributeKey { get; }

    /// <summary>Gets the attribute value, or <see langword="null"/> for the subjects that lack the attribute.</summary>
    public string? AttributeValue { get; }

    /// <summary>Gets how many of the group's subjects were compared in both periods.</summary>
    public int Subjects { get; }

    /// <summary>Gets how many of them are findings on their own.</summary>
    public int Flagged { get; }

    /// <summary>Gets the mean output score in the current period.</summary>
    public decimal MeanOutputScore { get; }

    /// <summary>Gets the mean quality value in the previous period.</summary>
    public decimal MeanQualityPrevious { get; }

    /// <summary>Gets the mean quality value in the current period.</summary>
    public decimal MeanQualityCurrent { get; }

    /// <summary>Gets a value indicating whether the group as a whole met the output target (mean score ≥ the pair's met score) while its mean quality value got worse.</summary>
    public bool IsContradiction { get; }

    /// <summary>Gets a sentence describing the group.</summary>
    public string Message { get; }

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

/// <summary>What the contradiction finder found between two periods.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ContradictionReport
{
    private readonly ImmutableArray<ContradictionFinder.Compared> compared;
    private readonly ImmutableArray<(IndicatorPair Pair, ScoreDirection Direction)> pairs;

    internal ContradictionReport(AssessmentPeriod previousPeriod, AssessmentPeriod currentPeriod, ImmutableArray<Problem> problems, ImmutableArray<ContradictionFinding> findings, ImmutableArray<ContradictionFinder.Compared> compared, ImmutableArray<(IndicatorPair Pair, ScoreDirection Direction)> pairs)
    {
        PreviousPeriod = previousPeriod;
        CurrentPeriod = currentPeriod;
        Problems = problems;
        Findings = findings;
        this.compared = compared;
        this.pairs = pairs;
    }

    /// <summary>Gets the previous period.</summary>
    public AssessmentPeriod PreviousPeriod { get; }

    /// <summary>Gets the current period.</summary>
    public AssessmentPeriod CurrentPeriod { get; }

    /// <summary>Gets a value indicating whether the populations could be compared (no problems).</summary>
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>Gets the problems that prevented the comparison (empty on success).</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets the findings, by pair in declared order, then subject id (ordinal).</summary>
    public ImmutableArray<ContradictionFinding> Findings { get; }

    /// <summary>Gets how many (pair, subject) comparisons were made: subjects in both periods with an output score now and a quality value in both periods.</summary>
    public int Comparisons => compared.Length;

    /// <summary>
    /// Gets the pairs seen per group of subjects sharing an attribute value (e.g. <c>department</c>): by pair in declared
    /// order, then attribute values in ordinal order, then the subjects that lack the attribute. The current period's
    /// attributes count. Means are unweighted over the group's compared subjects.
    /// </summary>
    /// <param name="attributeKey">The attribute key.</param>
    /// <returns>The groups.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="attributeKey"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="attributeKey"/> is blank.</exception>
    public ImmutableArray<GroupContradiction> ByAttribute(string attributeKey)
        => ContradictionFinder.Groups(compared, pairs, Guard.NotBlank(attributeKey), PreviousPeriod, CurrentPeriod);
}
