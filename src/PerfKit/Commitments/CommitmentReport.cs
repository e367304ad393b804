using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using PerfKit.Internal;
using PerfKit.Periods;

namespace PerfKit.Commitments;

/// <summary>The outcome of <see cref="CommitmentTracker.Evaluate(IEnumerable{CommitmentEvent}, PeriodKind)"/>: each valid event's outcome, the tallies per subject and period, and every problem.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CommitmentReport
{
    private readonly ILookup<(string SubjectId, AssessmentPeriod Period), CommitmentOutcome> outcomesByKey;
    private readonly ILookup<string, LocatedProblem> problemsBySubject;
    private readonly Dictionary<(string SubjectId, AssessmentPeriod Period), CommitmentTally> talliesByKey;

    internal CommitmentReport(CommitmentRule rule, Instant asOf, ImmutableArray<CommitmentOutcome> outcomes, IReadOnlyList<LocatedProblem> problems, int outsidePeriod)
    {
        Rule = rule;
        AsOf = asOf;
        Outcomes = outcomes;
        Problems = [.. problems.Select(p => p.Problem)];
        OutsidePeriod = outsidePeriod;
        outcomesByKey = outcomes.ToLookup(o => (o.Event.SubjectId, o.Period));
        problemsBySubject = problems.Where(p => p.Problem.SubjectId is not null).ToLookup(p => p.Problem.SubjectId!, StringComparer.Ordinal);
        var keys = outcomesByKey.Select(g => g.Key)
            .Concat(problems.Where(p => p.Problem.SubjectId is not null && p.Period is not null).Select(p => (SubjectId: p.Problem.SubjectId!, Period: p.Period!)))
            .Distinct()
            .OrderBy(k => k.SubjectId, StringComparer.Ordinal)
            .ThenBy(k => k.Period.Start)
            .ThenBy(k => k.Period.End);
        Tallies = [.. keys.Select(k => Tally(k.SubjectId, k.Period))];
        talliesByKey = Tallies.ToDictionary(t => (t.SubjectId, t.Period));
    }

    /// <summary>Gets the rule evaluated.</summary>
    public CommitmentRule Rule { get; }

    /// <summary>Gets "now": the clock's instant when the events were evaluated.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the outcome of each valid event counted, in the order given.</summary>
    public ImmutableArray<CommitmentOutcome> Outcomes { get; }

    /// <summary>Gets the tallies, one per subject and period with at least one event or problem, ordered by subject id (ordinal) and period.</summary>
    public ImmutableArray<CommitmentTally> Tallies { get; }

    /// <summary>Gets every problem, in the order of the events; path <c>events[i].member</c>.</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>Gets whether every event was valid.</summary>
    public bool Succeeded => Problems.IsEmpty;

    /// <summary>Gets the number of events whose deadline date lies outside the period evaluated (always 0 when tallying by period kind).</summary>
    public int OutsidePeriod { get; }

    /// <summary>Gets a subject's tally for a period; a tally of zeros when the subject had no event there (so every subject can be written, see <see cref="CommitmentTally.WriteTo"/>).</summary>
    /// <param name="subjectId">The subject.</param>
    /// <param name="period">The period.</param>
    /// <returns>The tally, carrying the subject's problems of that period and those whose period is unknown.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CommitmentTally TallyFor(string subjectId, AssessmentPeriod period)
    {
        Guard.NotNull(subjectId);
        Guard.NotNull(period);
        return talliesByKey.TryGetValue((subjectId, period), out var tally) ? tally : Tally(subjectId, period);
    }

    private CommitmentTally Tally(string subjectId, AssessmentPeriod period)
        => new(
            subjectId,
            period,
            outcomesByKey[(subjectId, period)],
            [.. problemsBySubject[subjectId].Where(p => p.PeriodUnknown || period.Equals(p.Period)).Select(p => p.Problem)]);
}

/// <summary>A problem of an event with the period its deadline falls in: null when outside the period evaluated, or when the deadline cannot be computed (<see cref="PeriodUnknown"/>).</summary>
internal readonly record struct LocatedProblem(Problem Problem, AssessmentPeriod? Period, bool PeriodUnknown);
