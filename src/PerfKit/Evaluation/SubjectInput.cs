using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NodaTime;
using NodaTime.Text;
using PerfKit.Internal;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Serialization;

namespace PerfKit.Evaluation;

/// <summary>Whether an override replaces an indicator's value or its score.</summary>
public enum OverrideKind
{
    /// <summary>Replaces the value read (before scoring).</summary>
    Value,

    /// <summary>Replaces the indicator's score (after scoring).</summary>
    Score,
}

/// <summary>An override (an appeal's outcome, spec §9): replaces an indicator's value or score, with a reason and an author.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Override
{
    private Override(OverrideKind kind, string path, decimal replacement, string reason, string author, Instant? decidedAt)
    {
        Kind = kind;
        Path = path;
        Replacement = replacement;
        Reason = reason;
        Author = author;
        DecidedAt = decidedAt;
    }

    /// <summary>Gets what is replaced.</summary>
    public OverrideKind Kind { get; }

    /// <summary>Gets the indicator's path.</summary>
    public string Path { get; }

    /// <summary>Gets the replacing value or score.</summary>
    public decimal Replacement { get; }

    /// <summary>Gets why (e.g. the appeal's reference).</summary>
    public string Reason { get; }

    /// <summary>Gets who decided it.</summary>
    public string Author { get; }

    /// <summary>
    /// Gets the instant the override was decided, or <see langword="null"/> when it was created without one. A decision
    /// log (<see cref="Appeals.DecisionLog"/>) needs it; it enters the input fingerprint only when given.
    /// </summary>
    public Instant? DecidedAt { get; }

    /// <summary>Creates a value override.</summary>
    /// <param name="indicatorPath">The indicator's path.</param>
    /// <param name="value">The replacing value.</param>
    /// <param name="reason">Why; non-blank.</param>
    /// <param name="author">Who; non-blank.</param>
    /// <returns>The override.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="author"/> is blank.</exception>
    public static Override OfValue(string indicatorPath, decimal value, string reason, string author)
        => new(OverrideKind.Value, Guard.NotNull(indicatorPath), value, Guard.NotBlank(reason), Guard.NotBlank(author), null);

    /// <summary>Creates a value override decided at a known instant.</summary>
    /// <param name="indicatorPath">The indicator's path.</param>
    /// <param name="value">The replacing value.</param>
    /// <param name="reason">Why; non-blank.</param>
    /// <param name="author">Who; non-blank.</param>
    /// <param name="decidedAt">When it was decided.</param>
    /// <returns>The override.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="author"/> is blank.</exception>
    public static Override OfValue(string indicatorPath, decimal value, string reason, string author, Instant decidedAt)
        => new(OverrideKind.Value, Guard.NotNull(indicatorPath), value, Guard.NotBlank(reason), Guard.NotBlank(author), decidedAt);

    /// <summary>Creates a score override.</summary>
    /// <param name="indicatorPath">The indicator's path.</param>
    /// <param name="score">The replacing normalized score, within the scorer's minimum and maximum.</param>
    /// <param name="reason">Why; non-blank.</param>
    /// <param name="author">Who; non-blank.</param>
    /// <returns>The override.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="author"/> is blank.</exception>
    public static Override OfScore(string indicatorPath, decimal score, string reason, string author)
        => new(OverrideKind.Score, Guard.NotNull(indicatorPath), score, Guard.NotBlank(reason), Guard.NotBlank(author), null);

    /// <summary>Creates a score override decided at a known instant.</summary>
    /// <param name="indicatorPath">The indicator's path.</param>
    /// <param name="score">The replacing normalized score, within the scorer's minimum and maximum.</param>
    /// <param name="reason">Why; non-blank.</param>
    /// <param name="author">Who; non-blank.</param>
    /// <param name="decidedAt">When it was decided.</param>
    /// <returns>The override.</returns>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> or <paramref name="author"/> is blank.</exception>
    public static Override OfScore(string indicatorPath, decimal score, string reason, string author, Instant decidedAt)
        => new(OverrideKind.Score, Guard.NotNull(indicatorPath), score, Guard.NotBlank(reason), Guard.NotBlank(author), decidedAt);
}

/// <summary>One subject's data for a period: decimal values and ratings per measure key, optional base pay and overrides.</summary>
/// <remarks>Immutable and thread-safe. Create with <see cref="For"/>.</remarks>
public sealed class SubjectInput
{
    internal SubjectInput(string subjectId, ImmutableSortedDictionary<string, string> attributes, ImmutableSortedDictionary<string, decimal> values, ImmutableSortedDictionary<string, RatingSet> ratings, decimal? basePay, ImmutableArray<Override> overrides, ImmutableArray<Problem> problems, SubjectPresence? presence = null)
    {
        Presence = presence;
        SubjectId = subjectId;
        Attributes = attributes;
        Values = values;
        Ratings = ratings;
        BasePay = basePay;
        Overrides = overrides;
        Problems = problems;
        fingerprint = new Lazy<string>(() => Fingerprints.Hash(CanonicalText()), LazyThreadSafetyMode.PublicationOnly);

        // The values again as two arrays in ordinal key order, so an evaluator reads them by one merge with its own
        // measures instead of walking the tree and hashing every key.
        valueKeys = new string[values.Count];
        valueNumbers = new decimal[values.Count];
        var n = 0;
        foreach (var (key, value) in values)
        {
            valueKeys[n] = key;
            valueNumbers[n++] = value;
        }

        if (!ReferenceEquals(values.KeyComparer, StringComparer.Ordinal))
        {
            Array.Sort(valueKeys, valueNumbers, StringComparer.Ordinal);
        }
    }

    private readonly string[] valueKeys;
    private readonly decimal[] valueNumbers;
    private readonly Lazy<string> fingerprint;

    /// <summary>Gets the measures of <see cref="Values"/> in ordinal order.</summary>
    internal ReadOnlySpan<string> ValueKeys => valueKeys;

    /// <summary>Gets the numbers of <see cref="Values"/>, at the index of their key in <see cref="ValueKeys"/>.</summary>
    internal ReadOnlySpan<decimal> ValueNumbers => valueNumbers;

    /// <summary>Gets the subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>
    /// Gets the subject's descriptive attributes by key (department, position, region, branch, tenure band, or any
    /// custom key), used to group populations for statistics, rankings and quotas. They do not change the scoring.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; }

    /// <summary>Gets the decimal values per measure key.</summary>
    public ImmutableSortedDictionary<string, decimal> Values { get; }

    /// <summary>Gets the ratings per measure key.</summary>
    public ImmutableSortedDictionary<string, RatingSet> Ratings { get; }

    /// <summary>Gets the base pay for the period, or <see langword="null"/> when no payout is computed.</summary>
    public decimal? BasePay { get; }

    /// <summary>Gets the overrides in given order.</summary>
    public ImmutableArray<Override> Overrides { get; }

    /// <summary>Gets the days of the period the subject was present, used by prorated indicators; <see langword="null"/> when not given (present throughout).</summary>
    public SubjectPresence? Presence { get; }

    /// <summary>Gets problems found while the input was assembled (unparsable or non-finite texts, repeated measures); the evaluation reports them.</summary>
    public ImmutableArray<Problem> Problems { get; }

    /// <summary>
    /// Gets the SHA-256 (64 lowercase hex digits) of the input's canonical JSON: subject id, attributes sorted by key
    /// (written only when there are any), values and ratings sorted by measure key, rater roles sorted, decimals without trailing zeros (1.0 and 1 are alike), base pay and
    /// overrides in given order (an override's <c>decidedAt</c> only when it has one, as ISO-8601 UTC text), and the presence
    /// (written only when given). Identical inputs give identical fingerprints on any machine and culture.
    /// </summary>
    /// <remarks>Computed once, on first use; thread-safe.</remarks>
    public string Fingerprint => fingerprint.Value;

    /// <summary>Returns a copy with other overrides, every other member kept (re-evaluation after an appeal).</summary>
    internal SubjectInput WithOverrides(ImmutableArray<Override> replaced)
        => new(SubjectId, Attributes, Values, Ratings, BasePay, replaced, Problems, Presence);

    /// <summary>Writes the canonical JSON the fingerprint is taken over (layout of the canonical scheme files).</summary>
    internal string CanonicalText()
    {
        var writer = new CanonicalJsonWriter();
        writer.StartObject();
        writer.Name("subject").String(SubjectId);
        if (!Attributes.IsEmpty)
        {
            writer.Name("attributes").StartObject();
            foreach (var (key, value) in Attributes)
            {
                writer.Name(key).String(value);
            }

            writer.EndObject();
        }

        writer.Name("values").StartObject();
        foreach (var (measure, value) in Values)
        {
            writer.Name(measure).Number(value);
        }

        writer.EndObject();
        writer.Name("ratings").StartObject();
        foreach (var (measure, set) in Ratings)
        {
            writer.Name(measure).StartObject();
            foreach (var (role, list) in set.ByRole)
            {
                writer.Name(role).StartArray();
                foreach (var rating in list)
                {
                    writer.Number(rating);
                }

                writer.EndArray();
            }

            writer.EndObject();
        }

        writer.EndObject();
        if (BasePay is { } pay)
        {
            writer.Name("basePay").Number(pay);
        }

        if (Presence is { } presence)
        {
            writer.Name("presence").StartObject();
            writer.Name("period").String(presence.Period.ToString());
            writer.Name("first").String(AssessmentPeriod.Format(presence.First));
            writer.Name("last").String(AssessmentPeriod.Format(presence.Last));
            writer.Name("daysPresent").Number(presence.DaysPresent);
            writer.Name("daysInPeriod").Number(presence.DaysInPeriod);
            writer.EndObject();
        }

        writer.Name("overrides").StartArray();
        foreach (var o in Overrides)
        {
            writer.StartObject();
            writer.Name("kind").String(o.Kind == OverrideKind.Value ? "value" : "score");
            writer.Name("path").String(o.Path);
            writer.Name("replacement").Number(o.Replacement);
            writer.Name("reason").String(o.Reason);
            writer.Name("author").String(o.Author);
            if (o.DecidedAt is { } decidedAt)
            {
                writer.Name("decidedAt").String(InstantPattern.ExtendedIso.Format(decidedAt));
            }

            writer.EndObject();
        }

        writer.EndArray();
        writer.EndObject();
        return writer.ToString();
    }

    /// <summary>Starts an input for a subject.</summary>
    /// <param name="subjectId">The subject's id.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subjectId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="subjectId"/> is blank.</exception>
    public static SubjectInputBuilder For(string subjectId) => new(Guard.NotBlank(subjectId));
}

/// <summary>
/// Assembles a <see cref="SubjectInput"/>. Bad data (an unparsable text, a measure given twice) is recorded as a
/// problem, not thrown, so a batch can report it for this subject and go on.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class SubjectInputBuilder
{
    private readonly string subjectId;
    private readonly SortedDictionary<string, string> attributes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, decimal> values = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, List<decimal>>> ratings = new(StringComparer.Ordinal);
    private readonly List<Override> overrides = [];
    private readonly List<Problem> problems = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private decimal? basePay;
    private SubjectPresence? presence;
    private bool presenceGiven;

    internal SubjectInputBuilder(string subjectId) => this.subjectId = subjectId;

    /// <summary>Gets the subject's id.</summary>
    internal string SubjectId => subjectId;

    /// <summary>Sets a measure's decimal value.</summary>
    /// <param name="measure">The measure key.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    public SubjectInputBuilder Value(string measure, decimal value)
    {
        if (Claim(measure, DecimalText.Canonical(value)))
        {
            values[measure] = value;
        }

        return this;
    }

    /// <summary>
    /// Sets a measure's value from text, parsed culture-invariantly and strictly: an optional leading '-', digits and
    /// one optional '.'; no group separators, exponents or white space. "1,5" is rejected, not read as 15.
    /// NaN, infinity and unparsable texts are recorded as problems naming the subject, measure and text.
    /// </summary>
    /// <param name="measure">The measure key.</param>
    /// <param name="text">The text, e.g. <c>1234.50</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    public SubjectInputBuilder Value(string measure, string? text)
    {
        if (!Claim(measure, text))
        {
            return this;
        }

        if (DecimalText.TryParseStrict(text, out var value, out var failure))
        {
            values[measure] = value;
        }
        else
        {
            var nonFinite = string.Equals(failure, DecimalText.NonFiniteFailure, StringComparison.Ordinal);
            problems.Add(new Problem(nonFinite ? ProblemCodes.ValueNonFinite : ProblemCodes.ValueUnparsable, measure, text,
                $"The value of measure '{measure}' cannot be read: {failure}.", subjectId));
        }

        return this;
    }

    /// <summary>Adds ratings from one rater role for a measure (call once per role).</summary>
    /// <param name="measure">The measure key.</param>
    /// <param name="role">The rater role, e.g. <c>superior</c>.</param>
    /// <param name="values">The ratings from that role's raters.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="role"/> is blank.</exception>
    public SubjectInputBuilder Ratings(string measure, string role, params decimal[] values)
    {
        Guard.NotNull(measure);
        Guard.NotBlank(role);
        ArgumentNullException.ThrowIfNull(values);
        if (this.values.ContainsKey(measure))
        {
            problems.Add(new Problem(ProblemCodes.ValueKind, measure, role, $"Measure '{measure}' was given a number and ratings; give one kind of value.", subjectId));
            return this;
        }

        seen.Add(measure);
        if (!ratings.TryGetValue(measure, out var byRole))
        {
            byRole = new SortedDictionary<string, List<decimal>>(StringComparer.Ordinal);
            ratings[measure] = byRole;
        }

        if (!byRole.TryAdd(role, [.. values]))
        {
            problems.Add(new Problem(ProblemCodes.ValueDuplicate, measure, role, $"Ratings of role '{role}' for measure '{measure}' are given twice; give all of a role's ratings in one call.", subjectId));
        }

        return this;
    }

    /// <summary>Sets a descriptive attribute used to group populations (e.g. <c>department</c> = <c>retail</c>); scoring ignores it.</summary>
    /// <param name="key">The attribute's key, e.g. <c>department</c>, <c>position</c>, <c>region</c>.</param>
    /// <param name="value">The attribute's value, compared ordinally.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is blank.</exception>
    /// <remarks>A key given twice is recorded as a <see cref="ProblemCodes.AttributeDuplicate"/> problem; the first value stays.</remarks>
    public SubjectInputBuilder Attribute(string key, string value)
    {
        Guard.NotBlank(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!attributes.TryAdd(key, value))
        {
            problems.Add(new Problem(ProblemCodes.AttributeDuplicate, "attributes." + key, value, $"Attribute '{key}' is given twice; give each attribute once.", subjectId));
        }

        return this;
    }

    /// <summary>Sets the base pay for the period (payout = base pay × coefficient, or 0 when a cancelPayout gate failed).</summary>
    /// <param name="value">The base pay, ≥ 0.</param>
    /// <returns>This builder.</returns>
    public SubjectInputBuilder BasePay(decimal value)
    {
        basePay = value;
        return this;
    }

    /// <summary>Adds an override (an appeal's outcome).</summary>
    /// <param name="value">The override.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public SubjectInputBuilder With(Override value)
    {
        overrides.Add(Guard.NotNull(value));
        return this;
    }

    /// <summary>
    /// Sets the days of a period the subject was present (spec §8), for prorated indicators: from
    /// <paramref name="joined"/> (or the period's start) to <paramref name="left"/> (or its end), both inclusive and
    /// clipped to the period. A join on the period's last day is 1 day present. Presence with no day in the period, a
    /// leave before the join, or a second call is recorded as a problem.
    /// </summary>
    /// <param name="period">The assessment period.</param>
    /// <param name="joined">The first day present, or <see langword="null"/> when present from before the period.</param>
    /// <param name="left">The last day present, or <see langword="null"/> when present past the period.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
    public SubjectInputBuilder Presence(AssessmentPeriod period, LocalDate? joined, LocalDate? left)
    {
        Guard.NotNull(period);
        if (joined is { Calendar: var jc } && jc != CalendarSystem.Iso || left is { Calendar: var lc } && lc != CalendarSystem.Iso)
        {
            throw new ArgumentException("Join and leave dates must be in the ISO calendar.", joined is { Calendar: var c } && c != CalendarSystem.Iso ? nameof(joined) : nameof(left));
        }

        var text = $"{(joined is { } j ? AssessmentPeriod.Format(j) : string.Empty)}..{(left is { } l ? AssessmentPeriod.Format(l) : string.Empty)}";
        if (presenceGiven)
        {
            presence = null;
            problems.Add(new Problem(ProblemCodes.PresenceInvalid, "presence", text, "The presence is given twice; give the join and leave dates once.", subjectId));
            return this;
        }

        presenceGiven = true;
        if (joined > left)
        {
            problems.Add(new Problem(ProblemCodes.PresenceInvalid, "presence", text, "The leave date is before the join date.", subjectId));
            return this;
        }

        var first = joined is { } from && from > period.Start ? from : period.Start;
        var last = left is { } to && to < period.End ? to : period.End;
        if (first > last)
        {
            problems.Add(new Problem(ProblemCodes.PresenceOutsidePeriod, "presence", text,
                $"The subject was present on no day of period {period} ({AssessmentPeriod.Format(period.Start)}..{AssessmentPeriod.Format(period.End)}).", subjectId));
            return this;
        }

        presence = new SubjectPresence(period, joined, left, first, last);
        return this;
    }

    /// <summary>Records a problem found while the input's values were assembled (e.g. by aggregating observations).</summary>
    internal SubjectInputBuilder AddProblem(Problem problem)
    {
        problems.Add(problem.SubjectId is null ? problem.ForSubject(subjectId) : problem);
        return this;
    }

    /// <summary>Creates the immutable input.</summary>
    /// <returns>The input; any data problems recorded travel with it.</returns>
    public SubjectInput Build()
    {
        var inputProblems = new List<Problem>(problems);
        if (basePay < 0m)
        {
            inputProblems.Add(new Problem(ProblemCodes.BasePayInvalid, "basePay", DecimalText.Canonical(basePay.Value), "The base pay must be at least 0.", subjectId));
        }

        var ratingSets = ratings.ToImmutableSortedDictionary(
            p => p.Key,
            p => RatingSet.Create(p.Value.Select(r => new KeyValuePair<string, IEnumerable<decimal>>(r.Key, r.Value))),
            StringComparer.Ordinal);
        return new SubjectInput(subjectId, attributes.ToImmutableSortedDictionary(StringComparer.Ordinal), values.ToImmutableSortedDictionary(StringComparer.Ordinal), ratingSets, basePay, [.. overrides], [.. inputProblems], presence);
    }

    private bool Claim(string measure, string? attempted)
    {
        Guard.NotNull(measure);
        if (!seen.Add(measure))
        {
            problems.Add(new Problem(ProblemCodes.ValueDuplicate, measure, attempted, $"Measure '{measure}' is given twice; give each measure once.", subjectId));
            return false;
        }

        return true;
    }
}
