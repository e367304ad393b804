using System;
using System.Linq;
using NodaTime;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Periods;

/// <summary>Tests of <see cref="SchemeCatalog"/> and <see cref="SchemeVersion"/> (spec §8, effective-dated versions).</summary>
public sealed class SchemeCatalogTests
{
    [Fact]
    public void Types_AreImmutable()
    {
        Immutability.AssertImmutable(typeof(SchemeCatalog));
        Immutability.AssertImmutable(typeof(SchemeVersion));
        Immutability.AssertImmutable(typeof(SchemeVersionSpan));
    }

    /// <summary>Version <paramref name="version"/> of scheme <c>role</c>: one indicator, linear 0 → 1, one grade.</summary>
    private static Scheme V(string version) => Scheme.CreateBuilder("role", version).Name("Role").Grade("A", null, 1m)
        .Root(WeightMode.Percent, r => r.Indicator("m", 100m, "m", PerfKit.Scoring.Scorers.Linear(0m, 1m))).Build();

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static SchemeCatalog Create(params SchemeVersion[] versions)
    {
        Assert.True(SchemeCatalog.TryCreate(versions, out var catalog, out var problems), string.Join("; ", problems));
        return catalog;
    }

    [Fact]
    public void TryCreate_ContiguousVersions_NoGapsAndInForceByDate()
    {
        var v1 = SchemeVersion.Effective(V("2023.1"), D(2023, 1, 1), D(2023, 12, 31));
        var v2 = SchemeVersion.Effective(V("2024.1"), D(2024, 1, 1));

        var catalog = Create(v2, v1);

        Assert.Equal([v1, v2], catalog.Versions.ToArray());
        Assert.Empty(catalog.Gaps);
        Assert.Empty(catalog.Findings);
        Assert.Same(v1, catalog.InForce(D(2023, 12, 31)));
        Assert.Same(v2, catalog.InForce(D(2024, 1, 1)));
        Assert.Same(v2, catalog.InForce(D(2099, 6, 1)));
        Assert.Null(catalog.InForce(D(2022, 12, 31)));
    }

    [Fact]
    public void InForce_PeriodAcrossAVersionChange_GivesEachVersionWithItsDates()
    {
        var v1 = SchemeVersion.Effective(V("2024.1"), D(2024, 1, 1), D(2024, 2, 14));
        var v2 = SchemeVersion.Effective(V("2024.2"), D(2024, 2, 15));
        var catalog = Create(v1, v2);

        var spans = catalog.InForce(AssessmentPeriod.Quarter(2024, 1));

        // Q1 2024: 1 Jan – 14 Feb (31 + 14 = 45 days), 15 Feb – 31 Mar (15 + 31 = 46 days); 45 + 46 = 91.
        Assert.Equal([45, 46], spans.Select(s => s.Dates.Length));
        Assert.Same(v2.Scheme, spans[1].Scheme);
        Assert.Empty(catalog.Uncovered(AssessmentPeriod.Quarter(2024, 1)));
    }

    [Fact]
    public void TryCreate_GapBetweenVersions_IsAFindingNotAnError()
    {
        var v1 = SchemeVersion.Effective(V("2023.1"), D(2023, 1, 1), D(2023, 12, 31));
        var v2 = SchemeVersion.Effective(V("2024.1"), D(2024, 2, 1));

        var catalog = Create(v1, v2);

        var gap = Assert.Single(catalog.Gaps);
        Assert.Equal(new DateInterval(D(2024, 1, 1), D(2024, 1, 31)), gap);
        var finding = Assert.Single(catalog.Findings);
        Assert.Equal(ProblemCodes.VersionGap, finding.Code);
        Assert.Equal("2024-01-01..2024-01-31", finding.AttemptedValue);
        Assert.Contains("role@2023.1", finding.Message, StringComparison.Ordinal);
        Assert.Contains("role@2024.1", finding.Message, StringComparison.Ordinal);
        Assert.Null(catalog.InForce(D(2024, 1, 15)));
        Assert.Equal([new DateInterval(D(2024, 1, 1), D(2024, 1, 31))], catalog.Uncovered(AssessmentPeriod.Quarter(2024, 1)).ToArray());
    }

    [Fact]
    public void TryCreate_Overlaps_AllReportedNamingBothVersionsAndTheDates()
    {
        var v1 = SchemeVersion.Effective(V("1"), D(2023, 1, 1), D(2023, 6, 30));
        var v2 = SchemeVersion.Effective(V("2"), D(2023, 6, 1), D(2023, 12, 31));
        var v3 = SchemeVersion.Effective(V("3"), D(2023, 12, 31));

        Assert.False(SchemeCatalog.TryCreate([v1, v2, v3], out var catalog, out var problems));

        Assert.Null(catalog);
        Assert.Equal(2, problems.Length);
        Assert.All(problems, p => Assert.Equal(ProblemCodes.VersionOverlap, p.Code));
        Assert.Equal("2023-06-01..2023-06-30", problems[0].AttemptedValue);
        Assert.Contains("versions[0]", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("versions[1]", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("2023-12-31", problems[1].AttemptedValue);
    }

    [Fact]
    public void TryCreate_TwoOpenEndedVersions_OverlapFromTheLaterStart()
    {
        Assert.False(SchemeCatalog.TryCreate([SchemeVersion.Effective(V("1"), D(2023, 1, 1)), SchemeVersion.Effective(V("2"), D(2024, 1, 1))], out _, out var problems));

        Assert.Equal("2024-01-01..", Assert.Single(problems).AttemptedValue);
    }

    [Fact]
    public void TryCreate_SameSchemeVersionTwice_ReportsDuplicate()
    {
        var scheme = V("1");

        Assert.False(SchemeCatalog.TryCreate([SchemeVersion.Effective(scheme, D(2023, 1, 1), D(2023, 1, 31)), SchemeVersion.Effective(scheme, D(2023, 3, 1), D(2023, 3, 31))], out _, out var problems));

        Assert.Equal(ProblemCodes.VersionDuplicate, Assert.Single(problems).Code);
    }

    [Fact]
    public void Effective_UntilBeforeFrom_Throws()
        => Assert.Throws<ArgumentException>(() => SchemeVersion.Effective(V("1"), D(2024, 2, 1), D(2024, 1, 31)));

    [Fact]
    public void Effective_NullScheme_Throws()
        => Assert.Throws<ArgumentNullException>(() => SchemeVersion.Effective(null!, D(2024, 2, 1)));

    [Fact]
    public void TryCreate_NullVersions_Throws()
        => Assert.Throws<ArgumentNullException>(() => SchemeCatalog.TryCreate(null!, out _, out _));

    [Fact]
    public void ToString_IsInvariant()
    {
        using var _ = new CultureScope("tr-TR");

        Assert.Equal("role@1 2024-01-01..", SchemeVersion.Effective(V("1"), D(2024, 1, 1)).ToString());
        Assert.Equal("role@1 2024-01-01..2024-12-31", SchemeVersion.Effective(V("1"), D(2024, 1, 1), D(2024, 12, 31)).ToString());
    }

    [Fact]
    public void Segments_FromTheVersionsInForce_ScoreEachPartByItsVersion()
    {
        var catalog = Create(SchemeVersion.Effective(V("2024.1"), D(2024, 1, 1), D(2024, 2, 14)), SchemeVersion.Effective(V("2024.2"), D(2024, 2, 15)));
        var input = PerfKit.Evaluation.SubjectInput.For("s").Value("m", 0.5m).Build();

        var result = SegmentEvaluator.Create().EvaluateOrThrow("s", AssessmentPeriod.Quarter(2024, 1), catalog.InForce(AssessmentPeriod.Quarter(2024, 1)).Select(span => Segment.Of(span, input)));

        // Both versions score 0.5 × 100 = 50: (45·50 + 46·50) / 91 = 50.00.
        Assert.Equal(50.00m, result.RoundedTotal);
        Assert.Equal(["2024.1", "2024.2"], result.Segments.Select(s => s.Assessment.Scheme.Version));
    }

    [Fact]
    public void Create_OverlapsAndADuplicate_ThrowsWithEveryProblem()
    {
        // versions[1] overlaps versions[0] on 2023-06-01..2023-12-31; versions[2] repeats 2023.1 (and overlaps both).
        var v1 = SchemeVersion.Effective(V("2023.1"), D(2023, 1, 1), D(2023, 12, 31));
        var v2 = SchemeVersion.Effective(V("2024.1"), D(2023, 6, 1));
        var v3 = SchemeVersion.Effective(V("2023.1"), D(2025, 1, 1));
        Assert.False(SchemeCatalog.TryCreate([v1, v2, v3], out _, out var problems));

        var ex = Assert.Throws<SchemeCatalogValidationException>(() => SchemeCatalog.Create([v1, v2, v3]));

        Assert.Equal(problems.Select(p => p.ToString()), ex.Problems.Select(p => p.ToString()));
        Assert.Equal(["version.duplicate", "version.overlap", "version.overlap"], ex.Problems.Select(p => p.Code));
        Assert.Equal("2023-06-01..2023-12-31", ex.Problems[1].AttemptedValue);
        Assert.Equal("2025-01-01..", ex.Problems[2].AttemptedValue);
        Assert.Contains("3 problem(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_VersionsWithAGap_ReturnsTheCatalogueWithTheGapAsAFinding()
    {
        var v1 = SchemeVersion.Effective(V("2023.1"), D(2023, 1, 1), D(2023, 12, 31));
        var v2 = SchemeVersion.Effective(V("2024.1"), D(2024, 2, 1));

        var catalog = SchemeCatalog.Create([v2, v1]);

        Assert.Equal([v1, v2], catalog.Versions.ToArray());
        Assert.Equal("version.gap", Assert.Single(catalog.Findings).Code);
        Assert.Equal(new DateInterval(D(2024, 1, 1), D(2024, 1, 31)), Assert.Single(catalog.Gaps));
    }

    [Fact]
    public void Create_NullOrEmptyProblems_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SchemeCatalog.Create(null!));
        Assert.Throws<ArgumentException>(() => new SchemeCatalogValidationException([]));
    }
}
