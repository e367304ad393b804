using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using PerfKit.Internal;
using PerfKit.Periods;
using PerfKit.Serialization;

namespace PerfKit.History;

/// <summary>
/// A validated set of <see cref="HistoryRule"/>s on a grade scale (best to worst), applied to a
/// <see cref="PerformanceArchive"/> on the same scale. Rules are data: build them in code with the
/// <see cref="HistoryRule"/> factories or load them from JSON with <see cref="TryLoad(string, out HistoryRuleSet?, out ImmutableArray{Problem})"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HistoryRuleSet
{
    private const int MaxCount = 1000;

    private HistoryRuleSet(ImmutableArray<string> grades, ImmutableArray<HistoryRule> rules)
    {
        Grades = grades;
        Rules = rules;
    }

    /// <summary>Gets the grade names the rules speak of, best first.</summary>
    public ImmutableArray<string> Grades { get; }

    /// <summary>Gets the rules in declared order.</summary>
    public ImmutableArray<HistoryRule> Rules { get; }

    /// <summary>Validates a rule set, all problems at once.</summary>
    /// <param name="gradesBestToWorst">The grade scale, best first.</param>
    /// <param name="rules">The rules.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A sequence holds a null item.</exception>
    /// <exception cref="RuleValidationException">Every problem found; see <see cref="TryCreate"/>.</exception>
    public static HistoryRuleSet Create(IEnumerable<string> gradesBestToWorst, IEnumerable<HistoryRule> rules)
        => TryCreate(gradesBestToWorst, rules, out var set, out var problems) ? set : throw new RuleValidationException(problems);

    /// <summary>
    /// Validates a rule set: the scale is non-empty with distinct valid names (<c>history.gradeScale</c>, <c>id.invalid</c>);
    /// ids and outcomes follow the id rule (<c>id.invalid</c>) and ids are distinct (<c>id.duplicate</c>); grades are on
    /// the scale (<c>history.unknownGrade</c>); counts are 1 to 1000 (<c>history.count</c>); period kinds are calendar
    /// kinds (<c>history.periodKind</c>); values lie within ±10^24 (<c>history.total</c>). Paths are <c>grades[i]</c> and
    /// <c>rules[i].member</c>.
    /// </summary>
    /// <param name="gradesBestToWorst">The grade scale, best first.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="set">The rule set, or <see langword="null"/>.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns><see langword="true"/> when valid.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A sequence holds a null item.</exception>
    public static bool TryCreate(IEnumerable<string> gradesBestToWorst, IEnumerable<HistoryRule> rules, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HistoryRuleSet? set, out ImmutableArray<Problem> problems)
    {
        var grades = Guard.NoNullItems(gradesBestToWorst).ToImmutableArray();
        var list = Guard.NoNullItems(rules).ToImmutableArray();
        var found = new List<Problem>();
        Validate(grades, list.Select((r, i) => (i, r)).ToList(), found);
        problems = [.. found];
        set = found.Count == 0 ? new HistoryRuleSet(grades, list) : null;
        return set is not null;
    }

    /// <summary>Reads a rule set from its JSON form (see <c>docs/history-rules.md</c>), strictly.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="set">The rule set, or <see langword="null"/>.</param>
    /// <param name="problems">Every problem, with JSON paths such as <c>$.rules[1].count</c>, line and column (empty on success).</param>
    /// <returns><see langword="true"/> when the text holds a valid rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static bool TryLoad(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HistoryRuleSet? set, out ImmutableArray<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8;
        try
        {
            utf8 = new System.Text.UTF8Encoding(false, true).GetBytes(json);
        }
        catch (System.Text.EncoderFallbackException)
        {
            set = null;
            problems = [new Problem(ProblemCodes.JsonEncoding, JsonPath.Root, null, "The text holds an unpaired surrogate; write well-formed Unicode.")];
            return false;
        }

        return TryLoad(utf8, out set, out problems);
    }

    /// <summary>Reads a rule set from its JSON form in UTF-8, strictly: duplicate or unknown members, nulls, wrong types and numbers a decimal would round are problems.</summary>
    /// <param name="utf8">The UTF-8 bytes (without a byte order mark).</param>
    /// <param name="set">The rule set, or <see langword="null"/>.</param>
    /// <param name="problems">Every problem, with JSON paths, line and column (empty on success).</param>
    /// <returns><see langword="true"/> when the bytes hold a valid rule set.</returns>
    public static bool TryLoad(ReadOnlySpan<byte> utf8, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HistoryRuleSet? set, out ImmutableArray<Problem> problems)
    {
        var reader = new HistoryRuleReader(SchemeFileLimits.Default);
        set = reader.Read(utf8, out var grades, out var rules) ? new HistoryRuleSet(grades, rules) : null;
        problems = reader.Problems(utf8);
        return set is not null;
    }

    /// <summary>Reads a rule set from its JSON form, strictly.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RuleValidationException">The text does not hold a valid rule set; carries every problem.</exception>
    public static HistoryRuleSet Load(string json)
        => TryLoad(json, out var set, out var problems) ? set : throw new RuleValidationException(problems);

    /// <summary>Writes the rule set's JSON form (two-space indentation, LF, canonical decimals); <see cref="Load"/> reads it back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var w = new CanonicalJsonWriter();
        w.StartObject();
        w.Name("grades").StartArray();
        foreach (var grade in Grades)
        {
            w.String(grade);
        }

        w.EndArray();
        w.Name("rules").StartArray();
        foreach (var rule in Rules)
        {
            w.StartObject();
            w.Name("id").String(rule.Id);
            w.Name("outcome").String(rule.Outcome);
            w.Name("kind").String(FileNames.Name(Names.Kinds, rule.Kind));
            w.Name("period").String(Names.Period(rule.PeriodKind));
            if (rule.Grade is { } grade)
            {
                w.Name("grade").String(grade);
                w.Name("comparison").String(FileNames.Name(Names.GradeComparisons, rule.GradeComparison!.Value));
            }
            else
            {
                w.Name("comparison").String(FileNames.Name(Names.ValueComparisons, rule.ValueComparison!.Value));
                w.Name("value").Number(rule.Value!.Value);
            }

            if (rule.Kind != HistoryRuleKind.AnyGrade)
            {
                w.Name("count").Number(rule.Count);
            }

            w.EndObject();
        }

        w.EndArray();
        w.EndObject();
        return w.ToString();
    }

    /// <summary>
    /// Applies the rules to an archive's whole history: every maximal run of at least N matching consecutive periods,
    /// every matching period, and every window of N consecutive periods whose mean satisfies the rule.
    /// </summary>
    /// <param name="archive">The archive.</param>
    /// <returns>The evaluation; it carries a <c>history.gradeScale</c> problem instead of triggers when the archive's grade scale differs from the rules'.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="archive"/> is null.</exception>
    public HistoryEvaluation Evaluate(PerformanceArchive archive) => Apply(archive, null);

    /// <summary>
    /// Applies the rules as of a date: only records of periods ending on or before <paramref name="asOf"/> are read, and
    /// for each rule only triggers that end at the latest period of its kind ending on or before that date count
    /// ("who is flagged now"). A subject without a record for that period triggers nothing for the rule.
    /// </summary>
    /// <param name="archive">The archive.</param>
    /// <param name="asOf">The date, e.g. the last day of the year just assessed.</param>
    /// <returns>The evaluation, as for <see cref="Evaluate(PerformanceArchive)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="archive"/> is null.</exception>
    public HistoryEvaluation Evaluate(PerformanceArchive archive, LocalDate asOf) => Apply(archive, asOf);

    internal static void Validate(ImmutableArray<string>? grades, IReadOnlyList<(int Index, HistoryRule Rule)> rules, List<Problem> problems)
    {
        if (grades is { } scale)
        {
            PerformanceArchive.CheckScale(scale, problems);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, rule) in rules)
        {
            var at = $"rules[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (!Identifiers.IsValid(rule.Id))
            {
                problems.Add(new Problem(ProblemCodes.IdInvalid, at + ".id", rule.Id, $"A rule id must follow the id rule: {Identifiers.Rule}."));
            }
            else if (!ids.Add(rule.Id))
            {
                problems.Add(new Problem(ProblemCodes.IdDuplicate, at + ".id", rule.Id, $"The rule id '{rule.Id}' is used more than once; give each rule its own id."));
            }

            if (!Identifiers.IsValid(rule.Outcome))
            {
                problems.Add(new Problem(ProblemCodes.IdInvalid, at + ".outcome", rule.Outcome, $"An outcome must follow the id rule: {Identifiers.Rule}."));
            }

            if (rule.PeriodKind == PeriodKind.Custom || !Enum.IsDefined(rule.PeriodKind))
            {
                problems.Add(new Problem(ProblemCodes.HistoryPeriodKind, at + ".period", Names.Period(rule.PeriodKind), "A rule reads calendar periods (month, quarter, halfYear or year); custom periods have no previous period, so they cannot be consecutive."));
            }

            if (rule.Grade is { } grade && grades is { } known && !known.Contains(grade, StringComparer.Ordinal))
            {
                problems.Add(new Problem(ProblemCodes.HistoryUnknownGrade, at + ".grade", grade, $"The grade '{grade}' is not on the scale {PerformanceArchive.Scale(known)}."));
            }

            if (rule.Count is < 1 or > MaxCount)
            {
                problems.Add(new Problem(ProblemCodes.HistoryCount, at + ".count", rule.Count.ToString(CultureInfo.InvariantCulture), "The count of periods must be a whole number from 1 to 1000."));
            }

            if (rule.Value is { } value && Math.Abs(value) > PerformanceArchiveBuilder.MaxMagnitude)
            {
                problems.Add(new Problem(ProblemCodes.HistoryTotal, at + ".value", DecimalText.Canonical(value), "A rule's value must lie within ±10^24."));
            }
        }
    }

    private HistoryEvaluation Apply(PerformanceArchive archive, LocalDate? asOf)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (!archive.Grades.SequenceEqual(Grades, StringComparer.Ordinal))
        {
            return new HistoryEvaluation(asOf, [new Problem(ProblemCodes.HistoryGradeScale, "grades", PerformanceArchive.Scale(archive.Grades), $"The archive grades {PerformanceArchive.Scale(archive.Grades)}, but the rules speak of {PerformanceArchive.Scale(Grades)}; apply rules written for the archive's scale.")], []);
        }

        var rank = Grades.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        var subjects = ImmutableArray.CreateBuilder<SubjectOutcomes>();
        foreach (var subjectId in archive.Subjects)
        {
            var triggers = ImmutableArray.CreateBuilder<HistoryTrigger>();
            foreach (var rule in Rules)
            {
                var current = asOf is { } date ? Latest(date, rule.PeriodKind) : null;
                if (asOf is not null && current is null)
                {
                    continue;
                }

                var records = archive.RecordsFor(subjectId)
                    .Where(r => r.Period.Kind == rule.PeriodKind && (asOf is null || r.Period.End <= asOf.Value))
                    .ToList();
                foreach (var segment in Segments(records))
                {
                    Apply(rule, subjectId, segment, current, rank, triggers);
                }
            }

            if (triggers.Count > 0)
            {
                subjects.Add(new SubjectOutcomes(subjectId, triggers.ToImmutable()));
            }
        }

        return new HistoryEvaluation(asOf, [], subjects.ToImmutable());
    }

    private static void Apply(HistoryRule rule, string subjectId, List<PerformanceRecord> segment, AssessmentPeriod? current, Dictionary<string, int> rank, ImmutableArray<HistoryTrigger>.Builder triggers)
    {
        bool Counts(PerformanceRecord last) => current is null || last.Period.Equals(current);

        switch (rule.Kind)
        {
            case HistoryRuleKind.AnyGrade:
                foreach (var record in segment.Where(r => Matches(rule, rank, r.Grade) && Counts(r)))
                {
                    triggers.Add(new HistoryTrigger(subjectId, rule, [record.Period], null, $"Subject '{subjectId}' was graded {record.Grade} in {record.Period}: rule '{rule.Id}' → {rule.Outcome}."));
                }

                break;
            case HistoryRuleKind.ConsecutiveGrades:
                var run = new List<PerformanceRecord>();
                for (var i = 0; i <= segment.Count; i++)
                {
                    if (i < segment.Count && Matches(rule, rank, segment[i].Grade))
                    {
                        run.Add(segment[i]);
                        continue;
                    }

                    if (run.Count >= rule.Count && Counts(run[^1]))
                    {
                        var periods = run.Select(r => r.Period).ToImmutableArray();
                        triggers.Add(new HistoryTrigger(subjectId, rule, periods, null, $"Subject '{subjectId}' was graded {string.Join(", ", run.Select(r => r.Grade))} in {run.Count.ToString(CultureInfo.InvariantCulture)} consecutive {Names.Period(rule.PeriodKind)} periods ({string.Join(", ", periods)}): rule '{rule.Id}' → {rule.Outcome}."));
                    }

                    run.Clear();
                }

                break;
            default:
                for (var end = rule.Count - 1; end < segment.Count; end++)
                {
                    var window = segment.GetRange(end - rule.Count + 1, rule.Count);
                    if (!Counts(window[^1]))
                    {
                        continue;
                    }

                    var sum = window.Sum(r => r.Total);

                    // Σ against value × N decides exactly; both stay within ±10^27 (|total|, |value| ≤ 10^24, N ≤ 1000).
                    var target = rule.Value!.Value * rule.Count;
                    var holds = rule.ValueComparison switch
                    {
                        ValueComparison.AtLeast => sum >= target,
                        ValueComparison.AtMost => sum <= target,
                        ValueComparison.Above => sum > target,
                        _ => sum < target,
                    };
                    if (holds)
                    {
                        var mean = sum / rule.Count;
                        var periods = window.Select(r => r.Period).ToImmutableArray();
                        triggers.Add(new HistoryTrigger(subjectId, rule, periods, mean, $"Subject '{subjectId}' averaged {DecimalText.Canonical(mean)} over {rule.Count.ToString(CultureInfo.InvariantCulture)} consecutive {Names.Period(rule.PeriodKind)} periods ({string.Join(", ", periods)}), {Names.Symbol(rule.ValueComparison!.Value)} {DecimalText.Canonical(rule.Value.Value)}: rule '{rule.Id}' → {rule.Outcome}."));
                    }
                }

                break;
        }
    }

    private static bool Matches(HistoryRule rule, Dictionary<string, int> rank, string grade)
    {
        var actual = rank[grade];
        var wanted = rank[rule.Grade!];
        return rule.GradeComparison switch
        {
            GradeComparison.Exactly => actual == wanted,
            GradeComparison.OrBetter => actual <= wanted,
            GradeComparison.OrWorse => actual >= wanted,
            GradeComparison.BetterThan => actual < wanted,
            _ => actual > wanted,
        };
    }

    /// <summary>Splits period-ordered records into runs of consecutive calendar periods.</summary>
    private static List<List<PerformanceRecord>> Segments(List<PerformanceRecord> records)
    {
        var segments = new List<List<PerformanceRecord>>();
        foreach (var record in records)
        {
            if (segments.Count > 0 && record.Period.Previous().Equals(segments[^1][^1].Period))
            {
                segments[^1].Add(record);
            }
            else
            {
                segments.Add([record]);
            }
        }

        return segments;
    }

    /// <summary>The latest calendar period of a kind that ends on or before a date, or null before year 1's first.</summary>
    private static AssessmentPeriod? Latest(LocalDate date, PeriodKind kind)
    {
        var period = AssessmentPeriod.Containing(date, kind);
        if (period.End == date)
        {
            return period;
        }

        return period.Start.Year == 1 && period.Index == 1 ? null : period.Previous();
    }
}
