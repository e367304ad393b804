using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using PerfKit.Evaluation;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Periods;

namespace PerfKit.History;

/// <summary>One past result of a subject: the period, the rounded total and the grade.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PerformanceRecord
{
    private PerformanceRecord(string subjectId, AssessmentPeriod period, decimal total, string grade)
    {
        SubjectId = subjectId;
        Period = period;
        Total = total;
        Grade = grade;
    }

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the assessment period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Gets the rounded total (the number that graded and paid).</summary>
    public decimal Total { get; }

    /// <summary>Gets the grade's name (after any capGrade gate).</summary>
    public string Grade { get; }

    /// <summary>Creates a record; <see cref="PerformanceArchiveBuilder.Build"/> validates it against the archive.</summary>
    /// <param name="subjectId">The subject's id; non-blank.</param>
    /// <param name="period">The period.</param>
    /// <param name="total">The rounded total.</param>
    /// <param name="grade">The grade's name.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is blank.</exception>
    public static PerformanceRecord Create(string subjectId, AssessmentPeriod period, decimal total, string grade)
        => new(Guard.NotBlank(subjectId), Guard.NotNull(period), total, Guard.NotNull(grade));

    /// <summary>Returns a one-line description: <c>S1 2024-Q1 91.5 A</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{SubjectId} {Period} {DecimalText.Canonical(Total)} {Grade}";
}

/// <summary>
/// A performance archive: past results per subject on one grade scale (best to worst), the input of
/// <see cref="HistoryRuleSet"/>. Results from assessments under schemes whose grades differ from the scale are refused,
/// so a history never compares grades of different scales.
/// </summary>
/// <remarks>Immutable and thread-safe. Create with <see cref="CreateBuilder(IEnumerable{string})"/>.</remarks>
public sealed class PerformanceArchive
{
    private readonly ImmutableSortedDictionary<string, ImmutableArray<PerformanceRecord>> bySubject;

    internal PerformanceArchive(ImmutableArray<string> grades, ImmutableArray<PerformanceRecord> records)
    {
        Grades = grades;
        Records = records;
        bySubject = records.GroupBy(r => r.SubjectId, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the grade names, best first.</summary>
    public ImmutableArray<string> Grades { get; }

    /// <summary>Gets every record, by subject id (ordinal), then period start, then period end.</summary>
    public ImmutableArray<PerformanceRecord> Records { get; }

    /// <summary>Gets the subjects' ids in ordinal order.</summary>
    public IEnumerable<string> Subjects => bySubject.Keys;

    /// <summary>Gets one subject's records in period order (empty when unknown).</summary>
    /// <param name="subjectId">The subject's id.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    public ImmutableArray<PerformanceRecord> RecordsFor(string subjectId)
        => bySubject.TryGetValue(Guard.NotNull(subjectId), out var list) ? list : [];

    /// <summary>Starts an archive on a grade scale.</summary>
    /// <param name="gradesBestToWorst">The grade names, best first (e.g. A, B, C, D).</param>
    /// <returns>A builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gradesBestToWorst"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradesBestToWorst"/> holds a null item.</exception>
    public static PerformanceArchiveBuilder CreateBuilder(IEnumerable<string> gradesBestToWorst)
        => new([.. Guard.NoNullItems(gradesBestToWorst)]);

    /// <summary>Starts an archive on a scheme's grade scale (<see cref="Scheme.Grades"/>, best first).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>A builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    public static PerformanceArchiveBuilder CreateBuilder(Scheme scheme)
        => new([.. Guard.NotNull(scheme).Grades.Select(g => g.Name)]);

    internal static void CheckScale(ImmutableArray<string> grades, List<Problem> problems)
    {
        if (grades.IsEmpty)
        {
            problems.Add(new Problem(ProblemCodes.HistoryGradeScale, "grades", null, "The grade scale is empty; list the grade names, best first."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < grades.Length; i++)
        {
            var at = $"grades[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (!Identifiers.IsValid(grades[i]))
            {
                problems.Add(new Problem(ProblemCodes.IdInvalid, at, grades[i], $"A grade name must follow the id rule: {Identifiers.Rule}."));
            }
            else if (!seen.Add(grades[i]))
            {
                problems.Add(new Problem(ProblemCodes.HistoryGradeScale, at, grades[i], $"The grade '{grades[i]}' is listed more than once; list each grade once, best first."));
            }
        }
    }

    internal static string Scale(IEnumerable<string> grades) => string.Join(" > ", grades);
}

/// <summary>Assembles a <see cref="PerformanceArchive"/>; <see cref="Build"/> reports every problem at once.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class PerformanceArchiveBuilder
{
    /// <summary>Totals and rule values beyond this size are refused, so sums over up to 1000 periods stay exact.</summary>
    internal const decimal MaxMagnitude = 1_000_000_000_000_000_000_000_000m;

    private readonly ImmutableArray<string> grades;
    private readonly List<(PerformanceRecord Record, Scheme? Scheme)> records = [];

    internal PerformanceArchiveBuilder(ImmutableArray<string> grades) => this.grades = grades;

    /// <summary>Adds a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public PerformanceArchiveBuilder Add(PerformanceRecord record)
    {
        records.Add((Guard.NotNull(record), null));
        return this;
    }

    /// <summary>Adds a record from its parts.</summary>
    /// <param name="subjectId">The subject's id; non-blank.</param>
    /// <param name="period">The period.</param>
    /// <param name="total">The rounded total.</param>
    /// <param name="grade">The grade's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is blank.</exception>
    public PerformanceArchiveBuilder Add(string subjectId, AssessmentPeriod period, decimal total, string grade)
        => Add(PerformanceRecord.Create(subjectId, period, total, grade));

    /// <summary>Adds an assessment's result for a period: its rounded total and its grade (after any capGrade gate).</summary>
    /// <param name="period">The period assessed.</param>
    /// <param name="assessment">The assessment.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PerformanceArchiveBuilder Add(AssessmentPeriod period, Assessment assessment)
    {
        Guard.NotNull(assessment);
        records.Add((PerformanceRecord.Create(assessment.SubjectId, Guard.NotNull(period), assessment.RoundedTotal, assessment.Grade.Name), assessment.Scheme));
        return this;
    }

    /// <summary>Adds the results of a population for a period.</summary>
    /// <param name="period">The period assessed.</param>
    /// <param name="assessments">The assessments.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="assessments"/> holds a null item.</exception>
    public PerformanceArchiveBuilder Add(AssessmentPeriod period, IEnumerable<Assessment> assessments)
    {
        Guard.NotNull(period);
        foreach (var assessment in Guard.NoNullItems(assessments))
        {
            Add(period, assessment);
        }

        return this;
    }

    /// <summary>Validates and returns the archive.</summary>
    /// <returns>The archive.</returns>
    /// <exception cref="RuleValidationException">Every problem found; see <see cref="TryBuild"/>.</exception>
    public PerformanceArchive Build()
        => TryBuild(out var archive, out var problems) ? archive : throw new RuleValidationException(problems);

    /// <summary>
    /// Validates the archive: the grade scale is non-empty with distinct valid names (<c>history.gradeScale</c>,
    /// <c>id.invalid</c>); an assessment's scheme grades equal the scale, best first (<c>history.gradeScale</c>); every
    /// grade is on the scale (<c>history.unknownGrade</c>); a subject has one record per period
    /// (<c>history.duplicateRecord</c>); totals lie within ±10^24 (<c>history.total</c>). Problem paths are
    /// <c>grades[i]</c> and <c>records[i]</c> in the order added.
    /// </summary>
    /// <param name="archive">The archive, or <see langword="null"/>.</param>
    /// <param name="problems">Every problem found (empty on success).</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public bool TryBuild([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PerformanceArchive? archive, out ImmutableArray<Problem> problems)
    {
        var found = new List<Problem>();
        PerformanceArchive.CheckScale(grades, found);
        var known = new HashSet<string>(grades, StringComparer.Ordinal);
        var seen = new HashSet<(string, AssessmentPeriod)>();
        for (var i = 0; i < records.Count; i++)
        {
            var (record, scheme) = records[i];
            var at = $"records[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (scheme is not null && !scheme.Grades.Select(g => g.Name).SequenceEqual(grades, StringComparer.Ordinal))
            {
                found.Add(new Problem(ProblemCodes.HistoryGradeScale, at, scheme.ToString(), $"Scheme {scheme} grades {PerformanceArchive.Scale(scheme.Grades.Select(g => g.Name))}, but the archive's scale is {PerformanceArchive.Scale(grades)}; keep a history on one grade scale (map the grades into a separate archive first).", record.SubjectId));
            }
            else if (!known.Contains(record.Grade))
            {
                found.Add(new Problem(ProblemCodes.HistoryUnknownGrade, at + ".grade", record.Grade, $"The grade '{record.Grade}' is not on the archive's scale {PerformanceArchive.Scale(grades)}.", record.SubjectId));
            }

            if (!seen.Add((record.SubjectId, record.Period)))
            {
                found.Add(new Problem(ProblemCodes.HistoryDuplicateRecord, at, record.Period.ToString(), $"Subject '{record.SubjectId}' already has a record for {record.Period}; keep one result per period.", record.SubjectId));
            }

            if (Math.Abs(record.Total) > MaxMagnitude)
            {
                found.Add(new Problem(ProblemCodes.HistoryTotal, at + ".total", DecimalText.Canonical(record.Total), "A total must lie within ±10^24.", record.SubjectId));
            }
        }

        problems = [.. found];
        if (found.Count > 0)
        {
            archive = null;
            return false;
        }

        var sorted = records.Select(r => r.Record)
            .OrderBy(r => r.SubjectId, StringComparer.Ordinal)
            .ThenBy(r => r.Period.Start)
            .ThenBy(r => r.Period.End)
            .ThenBy(r => r.Period.Kind)
            .ToImmutableArray();
        archive = new PerformanceArchive(grades, sorted);
        return true;
    }
}
