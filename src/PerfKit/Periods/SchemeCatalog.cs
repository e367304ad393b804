using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using PerfKit.Internal;
using PerfKit.Model;

namespace PerfKit.Periods;

/// <summary>A scheme version with the dates it is in force (spec §8): from a first day, until a last day or open-ended.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SchemeVersion
{
    private SchemeVersion(Scheme scheme, LocalDate from, LocalDate? until)
    {
        Scheme = scheme;
        From = from;
        Until = until;
    }

    /// <summary>Gets the scheme.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the first day in force.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the last day in force (inclusive), or <see langword="null"/> when open-ended.</summary>
    public LocalDate? Until { get; }

    /// <summary>Creates a version in force from <paramref name="from"/> to <paramref name="until"/> (both inclusive), or open-ended.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="from">The first day in force.</param>
    /// <param name="until">The last day in force, or <see langword="null"/> for no end.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="until"/> is before <paramref name="from"/>, or the calendars are not ISO.</exception>
    public static SchemeVersion Effective(Scheme scheme, LocalDate from, LocalDate? until = null)
    {
        Guard.NotNull(scheme);
        if (from.Calendar != CalendarSystem.Iso || until is { } u && u.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("Effective dates use the ISO calendar.", nameof(from));
        }

        if (until is { } end && end < from)
        {
            throw new ArgumentException($"The last day in force ({Text(end)}) is before the first ({Text(from)}).", nameof(until));
        }

        return new SchemeVersion(scheme, from, until);
    }

    /// <summary>Gets whether the version is in force on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether <see cref="From"/> ≤ date ≤ <see cref="Until"/>.</returns>
    public bool Covers(LocalDate date) => date >= From && (Until is not { } u || date <= u);

    /// <summary>Returns e.g. <c>a-bank-2023@2023.1 2023-01-01..2023-12-31</c> (open-ended: <c>2024-01-01..</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Scheme} {Text(From)}..{(Until is { } u ? Text(u) : string.Empty)}";

    internal static string Text(LocalDate date) => LocalDatePattern.Iso.Format(date);

    internal static string Text(DateInterval dates) => dates.Start == dates.End ? Text(dates.Start) : Text(dates.Start) + ".." + Text(dates.End);

    /// <summary>The dates both versions cover, or null.</summary>
    internal DateInterval? Overlap(LocalDate start, LocalDate? end)
    {
        var first = LocalDate.Max(From, start);
        LocalDate? last = Until is { } u ? (end is { } e ? LocalDate.Min(u, e) : u) : end;
        return last is { } l && l < first ? null : new DateInterval(first, last ?? LocalDate.MaxIsoValue);
    }
}

/// <summary>The dates within a period on which one <see cref="SchemeVersion"/> is in force.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SchemeVersionSpan
{
    internal SchemeVersionSpan(SchemeVersion version, DateInterval dates)
    {
        Version = version;
        Dates = dates;
    }

    /// <summary>Gets the version in force.</summary>
    public SchemeVersion Version { get; }

    /// <summary>Gets the dates it covers, both ends inclusive.</summary>
    public DateInterval Dates { get; }

    /// <summary>Gets the scheme in force.</summary>
    public Scheme Scheme => Version.Scheme;
}

/// <summary>
/// A catalogue of effective-dated scheme versions (spec §8): a period is scored by the version in force; versions
/// whose dates overlap are refused, dates between versions that no version covers are reported as findings.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SchemeCatalog
{
    private SchemeCatalog(ImmutableArray<SchemeVersion> versions, ImmutableArray<DateInterval> gaps, ImmutableArray<Problem> findings)
    {
        Versions = versions;
        Gaps = gaps;
        Findings = findings;
    }

    /// <summary>Gets the versions, ordered by their first day in force.</summary>
    public ImmutableArray<SchemeVersion> Versions { get; }

    /// <summary>Gets the dates between the first and the last version that no version covers, in date order.</summary>
    public ImmutableArray<DateInterval> Gaps { get; }

    /// <summary>Gets one <c>version.gap</c> finding per gap, naming the versions on either side and the uncovered dates. Findings do not stop the catalogue from being created.</summary>
    public ImmutableArray<Problem> Findings { get; }

    /// <summary>Validates versions into a catalogue: every pair of versions whose dates overlap is reported (naming both and the shared dates), and a scheme id and version given twice.</summary>
    /// <param name="versions">The versions, in any order.</param>
    /// <param name="catalog">The catalogue, when valid.</param>
    /// <param name="problems">Every problem found, paths <c>versions[i]</c> in the given order; empty when valid.</param>
    /// <returns>Whether the catalogue was created.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="versions"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="versions"/> holds null.</exception>
    public static bool TryCreate(IEnumerable<SchemeVersion> versions, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SchemeCatalog? catalog, out ImmutableArray<Problem> problems)
    {
        var list = Guard.NoNullItems(versions).ToList();
        var found = new List<Problem>();
        var seen = new Dictionary<(string, string), int>();
        for (var i = 0; i < list.Count; i++)
        {
            var key = (list[i].Scheme.Id, list[i].Scheme.Version);
            if (!seen.TryAdd(key, i))
            {
                found.Add(new Problem(ProblemCodes.VersionDuplicate, $"versions[{i}]", list[i].Scheme.ToString(),
                    $"Scheme {list[i].Scheme} is listed twice (versions[{seen[key]}] and versions[{i}]); list each version once with all the dates it is in force."));
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                if (list[i].Overlap(list[j].From, list[j].Until) is { } shared)
                {
                    var text = shared.End == LocalDate.MaxIsoValue ? SchemeVersion.Text(shared.Start) + ".." : SchemeVersion.Text(shared);
                    found.Add(new Problem(ProblemCodes.VersionOverlap, $"versions[{j}]", text,
                        $"Versions {list[i]} (versions[{i}]) and {list[j]} (versions[{j}]) are both in force on {text}; a date is scored by one version, so end the earlier one before the later one starts."));
                }
            }
        }

        problems = [.. found];
        if (found.Count > 0)
        {
            catalog = null;
            return false;
        }

        var ordered = list.OrderBy(v => v.From).ToImmutableArray();
        var gaps = ImmutableArray.CreateBuilder<DateInterval>();
        var findings = ImmutableArray.CreateBuilder<Problem>();
        for (var k = 1; k < ordered.Length; k++)
        {
            var before = ordered[k - 1];
            var after = ordered[k];
            var firstUncovered = before.Until!.Value.PlusDays(1);
            if (firstUncovered < after.From)
            {
                var gap = new DateInterval(firstUncovered, after.From.PlusDays(-1));
                gaps.Add(gap);
                findings.Add(new Problem(ProblemCodes.VersionGap, $"versions[{list.IndexOf(after)}]", SchemeVersion.Text(gap),
                    $"No version is in force on {SchemeVersion.Text(gap)}, between {before} and {after}; periods touching those dates cannot be scored whole."));
            }
        }

        catalog = new SchemeCatalog(ordered, gaps.ToImmutable(), findings.ToImmutable());
        return true;
    }

    /// <summary>Validates versions into a catalogue, throwing when they have problems (see <see cref="TryCreate"/> for the rules).</summary>
    /// <param name="versions">The versions, in any order.</param>
    /// <returns>The catalogue; its <see cref="Findings"/> list the gaps between versions, which do not stop it from being created.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="versions"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="versions"/> holds null.</exception>
    /// <exception cref="SchemeCatalogValidationException">
    /// The versions have problems (overlapping dates, a scheme id and version listed twice); every one is in
    /// <see cref="SchemeCatalogValidationException.Problems"/>, in the order <see cref="TryCreate"/> reports them.
    /// </exception>
    public static SchemeCatalog Create(IEnumerable<SchemeVersion> versions)
        => TryCreate(versions, out var catalog, out var problems) ? catalog : throw new SchemeCatalogValidationException(problems);

    /// <summary>Returns the version in force on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The version, or <see langword="null"/> when none is in force.</returns>
    public SchemeVersion? InForce(LocalDate date)
    {
        foreach (var version in Versions)
        {
            if (version.Covers(date))
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>Returns the versions in force during a period with the dates each covers, in date order (one span when a single version covers the period).</summary>
    /// <param name="period">The period.</param>
    /// <returns>The spans; dates no version covers are in no span (see <see cref="Uncovered"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public ImmutableArray<SchemeVersionSpan> InForce(AssessmentPeriod period)
    {
        Guard.NotNull(period);
        var result = ImmutableArray.CreateBuilder<SchemeVersionSpan>();
        foreach (var version in Versions)
        {
            if (version.Overlap(period.Start, period.End) is { } dates)
            {
                result.Add(new SchemeVersionSpan(version, dates));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Returns the dates of a period on which no version is in force, in date order.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The uncovered date ranges; empty when the period is covered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public ImmutableArray<DateInterval> Uncovered(AssessmentPeriod period)
    {
        var result = ImmutableArray.CreateBuilder<DateInterval>();
        var next = period.Start;
        foreach (var span in InForce(period))
        {
            if (span.Dates.Start > next)
            {
                result.Add(new DateInterval(next, span.Dates.Start.PlusDays(-1)));
            }

            if (span.Dates.End >= period.End)
            {
                return result.ToImmutable();
            }

            next = span.Dates.End.PlusDays(1);
        }

        if (next <= period.End)
        {
            result.Add(new DateInterval(next, period.End));
        }

        return result.ToImmutable();
    }
}

/// <summary>Thrown by <see cref="SchemeCatalog.Create"/> when the versions cannot form a catalogue; carries every problem found.</summary>
/// <remarks>Instances are immutable once thrown.</remarks>
public sealed class SchemeCatalogValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty or holds null.</exception>
    public SchemeCatalogValidationException(IEnumerable<Problem> problems)
        : this(Guard.NoNullItems(problems).ToImmutableArray())
    {
    }

    private SchemeCatalogValidationException(ImmutableArray<Problem> problems)
        : base(SchemeValidationException.Describe("The scheme catalogue is not valid", problems))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Gets every problem found: duplicate versions first, then each overlapping pair, paths <c>versions[i]</c> in the given order.</summary>
    public ImmutableArray<Problem> Problems { get; }
}
