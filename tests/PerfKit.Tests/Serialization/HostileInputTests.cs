using System;
using System.Collections.Frozen;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfKit.Serialization;
using PerfKit.Templates;
using Xunit;

namespace PerfKit.Tests.Serialization;

/// <summary>
/// Files from storage that is not trusted: 10,000 malformed and mutated scheme files a run (3,000 structure-aware
/// mutations of the templates' JSON trees, 4,000 byte-level and 3,000 text-level mutations of the template files, a
/// fifth of them under tight limits). Loading never throws: every file ends in a scheme that writes canonically and
/// loads back equivalent, or in problems with documented codes, JSON paths and positions.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>The codes docs/scheme-files.md documents for loading: the file format's and the model's (not the evaluation's).</summary>
    private static readonly FrozenSet<string> DocumentedCodes = new[]
    {
        "json.empty", "json.encoding", "json.syntax", "json.limit", "json.unknownProperty", "json.duplicateProperty",
        "json.missingProperty", "json.type", "json.null", "json.number", "json.value", "scorer.version", "scorer.unknownKind",
        ProblemCodes.IdInvalid, ProblemCodes.IdDuplicate, ProblemCodes.VersionInvalid, ProblemCodes.NameMissing, ProblemCodes.NameCulture,
        ProblemCodes.PointsRange, ProblemCodes.PointsBounds, ProblemCodes.MaxBonusRequired, ProblemCodes.MaxBonusRange,
        ProblemCodes.MaxPointsRequired, ProblemCodes.RoundingInvalid, ProblemCodes.RootMissing, ProblemCodes.GroupEmpty,
        ProblemCodes.WeightNonPositive, ProblemCodes.WeightSum, ProblemCodes.WeightPoints, ProblemCodes.MeasureInvalid,
        ProblemCodes.TagInvalid, ProblemCodes.UnitInvalid, ProblemCodes.GradesEmpty, ProblemCodes.GradeDuplicate,
        ProblemCodes.GradeCoefficient, ProblemCodes.GradeOrder, ProblemCodes.GradeCoverage, ProblemCodes.GateSubject,
        ProblemCodes.GateConsequence, ProblemCodes.GateNotIndicator, ProblemCodes.GateDirection, ProblemCodes.GateZeroScoreOrder,
        ProblemCodes.GateUnknownGrade, ProblemCodes.UnknownNode, ProblemCodes.AdjustmentSize, ProblemCodes.AdjustmentScope,
        ProblemCodes.ScorerParameterMissing, ProblemCodes.ScorerParameterType, ProblemCodes.ScorerParameterValue,
        ProblemCodes.ScorerParameterUnknown, ProblemCodes.ScorerParameterReserved, ProblemCodes.LinearBaselineEqualsTarget,
        ProblemCodes.LinearCap, ProblemCodes.LinearFloor, ProblemCodes.LinearStartLine, ProblemCodes.BandEmpty, ProblemCodes.BandBoundOrder,
        ProblemCodes.BandScoreRange, ProblemCodes.BandScoreOrder, ProblemCodes.BandBelow, ProblemCodes.BandTarget,
        ProblemCodes.ThresholdScores, ProblemCodes.RatingScale, ProblemCodes.RatingRoles, ProblemCodes.RatingTarget, ProblemCodes.RatingCap,
        ProblemCodes.TextInvalid, ProblemCodes.CadenceInvalid, ProblemCodes.CadencePlacement, ProblemCodes.CadenceGateScope,
        ProblemCodes.CadenceScopedPenalty, ProblemCodes.ProratedRate, ProblemCodes.ProratedScorer,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static TheoryData<string> TemplateNames => [.. SchemeTemplates.Names];

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Load_UnmutatedTemplateFile_Succeeds(string name)
    {
        var result = SchemeFile.Load(CheckedInFiles.Template(name));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.True(SchemeFile.AreEquivalent(SchemeTemplates.Load(name), result.Scheme));
    }

    [Property(MaxTest = 3000)]
    public Property Load_StructuredMutationOfTemplate_ReturnsSchemeOrDocumentedProblems()
        => Prop.ForAll(HostileSchemes.StructuredMutations().ToArbitrary(), LoadsOrReportsDocumentedProblems);

    [Property(MaxTest = 4000)]
    public Property Load_ByteMutationOfTemplateFile_ReturnsSchemeOrDocumentedProblems()
        => Prop.ForAll(HostileSchemes.ByteMutations().ToArbitrary(), LoadsOrReportsDocumentedProblems);

    [Property(MaxTest = 3000)]
    public Property Load_TextMutationOfTemplateFile_ReturnsSchemeOrDocumentedProblems()
        => Prop.ForAll(HostileSchemes.TextMutations().ToArbitrary(), LoadsOrReportsDocumentedProblems);

    private static void LoadsOrReportsDocumentedProblems(MutatedFile file)
    {
        var result = Survive(() => SchemeFile.Load(file.Bytes, null, file.Limits), "Load");
        if (result.Succeeded)
        {
            Assert.Empty(result.Problems);
            var canonical = Survive(() => SchemeFile.Write(result.Scheme), "Write");
            var reloaded = Survive(() => SchemeFile.Load(canonical), "Load of the canonical form");
            Assert.True(reloaded.Succeeded, "The canonical form does not load: " + string.Join("\n", reloaded.Problems));
            Assert.True(SchemeFile.AreEquivalent(result.Scheme, reloaded.Scheme), "The canonical form loads to another scheme.");
            return;
        }

        Assert.Null(result.Scheme);
        Assert.NotEmpty(result.Problems);
        foreach (var problem in result.Problems)
        {
            Assert.True(DocumentedCodes.Contains(problem.Code), $"Undocumented code {problem}");
            Assert.True(problem.Path.StartsWith('$'), $"Not a JSON path: {problem}");
            Assert.True(problem.Line >= 1 && problem.Column >= 1, $"No position: {problem}");
        }
    }

    /// <summary>Runs a library call; any exception fails the property with the exception itself.</summary>
    private static T Survive<T>(Func<T> call, string what)
    {
        try
        {
            return call();
        }
        catch (Exception e)
        {
            Assert.Fail($"{what} threw {e}");
            throw;
        }
    }
}
