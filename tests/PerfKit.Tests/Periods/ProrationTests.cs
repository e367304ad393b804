using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.Building;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Serialization;
using PerfKit.Tests.Evaluation;
using PerfKit.Tests.Scoring;
using Xunit;
using static PerfKit.Tests.Periods.PeriodsFixtures;

namespace PerfKit.Tests.Periods;

/// <summary>
/// Proration (spec §8): <see cref="IndicatorBuilder.Prorated"/>, <see cref="SubjectInputBuilder.Presence"/>,
/// <see cref="SubjectPresence"/> and the evaluator scoring prorated indicators. April 2024 has 30 days; a subject who
/// joins on 04-21 is present 10 days (21 to 30 inclusive), factor 10 ÷ 30.
/// </summary>
public sealed class ProrationTests
{
    private static readonly AssessmentPeriod April = AssessmentPeriod.Month(2024, 4);

    [Fact]
    public void SubjectPresence_IsImmutable() => Immutability.AssertImmutable(typeof(SubjectPresence));

    [Fact]
    public void Prorated_Linear_ModelFlagSet()
    {
        var scheme = Single(Scorers.Linear(0m, 90m), i => i.Prorated());

        Assert.True(scheme.Indicators[0].Prorated);
        Assert.False(Single(Scorers.Linear(0m, 90m)).Indicators[0].Prorated);
    }

    [Fact]
    public void Evaluate_LinearJoinedMidMonth_TargetAndStartLineScaled()
    {
        var scheme = Single(Scorers.Linear(0m, 90m, startLine: 30m), i => i.Prorated());
        var evaluator = SchemeEvaluator.Create(scheme);

        var prorated = evaluator.EvaluateOrThrow(Input(15m, D(2024, 4, 21))).Root.Children[0];
        var whole = evaluator.EvaluateOrThrow(Input(15m)).Root.Children[0];

        // Target 90 × 10 ÷ 30 = 30, start line 30 × 10 ÷ 30 = 10, baseline 0 × 10 ÷ 30 = 0: 15 ≥ 10 scores 15 ÷ 30 = 0.5.
        Assert.Equal(0.5m, prorated.Score);
        // Without a presence, 15 is below the start line 30: the floor 0.
        Assert.Equal(0m, whole.Score);
        var values = prorated.Intermediates.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(10m, values["proration.daysPresent"]);
        Assert.Equal(30m, values["proration.daysInPeriod"]);
        Assert.Equal(10m / 30m, values["proration.factor"]);
        Assert.Equal(30m, values["proration.target"]);
        Assert.Equal(10m, values["proration.startLine"]);
        Assert.Equal(0m, values["proration.baseline"]);
        Assert.Contains(prorated.Notes, n => n.Contains("10/30 days present", StringComparison.Ordinal) && n.Contains("target 90 → 30", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_LowerIsBetterLinear_BaselineAndTargetScaled()
    {
        var scheme = Single(Scorers.Linear(90m, 30m), i => i.Prorated());

        var score = SchemeEvaluator.Create(scheme).EvaluateOrThrow(Input(20m, D(2024, 4, 21))).Root.Children[0].Score;

        // Baseline 90 → 30, target 30 → 10: (20 − 30) ÷ (10 − 30) = 0.5.
        Assert.Equal(0.5m, score);
    }

    [Fact]
    public void Evaluate_ThresholdJoinedOnLastDay_OneDayPresent()
    {
        var scheme = Single(Scorers.Threshold(ScoreDirection.HigherIsBetter, 300m), i => i.Prorated());
        var evaluator = SchemeEvaluator.Create(scheme);

        var met = evaluator.EvaluateOrThrow(Input(10m, D(2024, 4, 30)));
        var missed = evaluator.EvaluateOrThrow(Input(9.99m, D(2024, 4, 30)));

        // Joined on the last day: 1 day present. Threshold 300 × 1 ÷ 30 = 10; 10 meets it, 9.99 does not.
        Assert.Equal(1, met.Input.Presence!.DaysPresent);
        Assert.Equal(1m, met.Root.Children[0].Score);
        Assert.Equal(0m, missed.Root.Children[0].Score);
    }

    [Fact]
    public void Evaluate_BandOnRawValues_BoundsScaled()
    {
        var scheme = Single(Scorers.Band(ScoreDirection.HigherIsBetter, [(30m, 0.5m), (60m, 0.8m), (90m, 1m)]), i => i.Prorated());
        var evaluator = SchemeEvaluator.Create(scheme);

        // Bounds 30, 60, 90 → 10, 20, 30: 20 reaches the second band (0.8); unprorated it reaches none (below 0).
        var prorated = evaluator.EvaluateOrThrow(Input(20m, D(2024, 4, 21))).Root.Children[0];
        Assert.Equal(0.8m, prorated.Score);
        Assert.Equal(0m, evaluator.EvaluateOrThrow(Input(20m)).Root.Children[0].Score);
        Assert.Contains(prorated.Intermediates, p => p.Key == "proration.bands[1].bound" && p.Value == 20m);
    }

    [Fact]
    public void Evaluate_BandOnRatio_TargetScaledBoundsKept()
    {
        var scheme = Single(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.5m, 0.6m), (1m, 1m)], basis: BandBasis.Ratio, target: 90m), i => i.Prorated());

        var node = SchemeEvaluator.Create(scheme).EvaluateOrThrow(Input(15m, D(2024, 4, 21))).Root.Children[0];

        // Target 90 → 30; ratio 15 ÷ 30 = 0.5 reaches the first band: 0.6. The bounds are ratios and stay.
        Assert.Equal(0.6m, node.Score);
        Assert.DoesNotContain(node.Intermediates, p => p.Key.StartsWith("proration.bands", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_NotProratedIndicatorWithPresence_Unchanged()
    {
        var scheme = Single(Scorers.Linear(0m, 90m));

        var node = SchemeEvaluator.Create(scheme).EvaluateOrThrow(Input(45m, D(2024, 4, 21))).Root.Children[0];

        // 45 ÷ 90 = 0.5, whatever the presence.
        Assert.Equal(0.5m, node.Score);
        Assert.DoesNotContain(node.Intermediates, p => p.Key.StartsWith("proration.", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_HostKindOptingIn_AmountParametersScaled()
    {
        var registry = ScorerRegistry.Default.With(new ShareOfTargetKind());
        var scheme = Single(Scorers.Custom("share", [KeyValuePair.Create("target", 90m)]), i => i.Prorated(), registry);

        var node = SchemeEvaluator.Create(scheme).EvaluateOrThrow(Input(15m, D(2024, 4, 21))).Root.Children[0];

        // Target 90 → 30: min(15 ÷ 30, 1) = 0.5.
        Assert.Equal(0.5m, node.Score);
    }

    [Fact]
    public void Evaluate_HostKindRefusesScaledParameters_ProblemAtIndicator()
    {
        var registry = ScorerRegistry.Default.With(new ShareOfTargetKind());
        var scheme = Single(Scorers.Custom("share", [KeyValuePair.Create("target", 90m)]), i => i.Prorated(), registry);

        // One day present: target 90 × 1 ÷ 30 = 3, below the kind's minimum target 10.
        var result = SchemeEvaluator.Create(scheme).Evaluate(Input(2m, D(2024, 4, 30)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.ProrationRejected, "a", "S1"), (problem.Code, problem.Path, problem.SubjectId));
        Assert.Contains("1/30 days present", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ScaledParameterOverflows_ProblemAtIndicator()
    {
        var scheme = Single(Scorers.Linear(0m, decimal.MaxValue), i => i.Prorated());

        // decimal.MaxValue × 10 overflows before the division by 30.
        var result = SchemeEvaluator.Create(scheme).Evaluate(Input(1m, D(2024, 4, 21)));

        Assert.Equal(ProblemCodes.ValueOverflow, Assert.Single(result.Problems).Code);
    }

    [Property(MaxTest = 200)]
    public Property Evaluate_PresentWholePeriod_ScoresUnchanged()
    {
        var gen = from baseline in Gen.Choose(-500, 500)
                  from distance in Gen.Choose(1, 1000)
                  from lower in Gen.Elements(true, false)
                  from value in Gen.Choose(-2000, 2000)
                  from month in Gen.Choose(1, 12)
                  from year in Gen.Choose(2000, 2030)
                  from explicitDates in Gen.Elements(true, false)
                  select (Baseline: baseline / 10m, Target: (lower ? baseline - distance : baseline + distance) / 10m, Value: value / 10m, Period: AssessmentPeriod.Month(year, month), Explicit: explicitDates);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var scheme = Single(Scorers.Linear(c.Baseline, c.Target, cap: 1.2m, floor: -0.5m), i => i.Prorated());
            var evaluator = SchemeEvaluator.Create(scheme);
            var plain = SubjectInput.For("S1").Value("m", c.Value).Build();
            var present = SubjectInput.For("S1").Value("m", c.Value)
                .Presence(c.Period, c.Explicit ? c.Period.Start : null, c.Explicit ? c.Period.End : null).Build();

            var expected = evaluator.EvaluateOrThrow(plain).Root.Children[0].Score;
            var actual = evaluator.EvaluateOrThrow(present).Root.Children[0];
            return actual.Score == expected && actual.Intermediates.Any(p => p.Key == "proration.factor" && p.Value == 1m);
        });
    }

    [Theory]
    [InlineData("%", null)]
    [InlineData(null, "rate")]
    public void Build_ProratedRate_Refused(string? unit, string? tag)
    {
        var builder = EvaluationFixtures.Start().Root(WeightMode.Normalize, r => r.Indicator("a", 1m, "m", Scorers.Linear(0m, 90m), i =>
        {
            i.Prorated();
            if (unit is not null)
            {
                i.Unit(unit);
            }

            if (tag is not null)
            {
                i.Tags(tag);
            }
        }));

        Assert.False(builder.TryBuild(out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.ProratedRate, "a.prorated"), (problem.Code, problem.Path));
    }

    [Fact]
    public void Build_ProratedRating_Refused()
    {
        var builder = EvaluationFixtures.Start().Root(WeightMode.Normalize, r => r
            .Indicator("a", 1m, "review", Scorers.Rating(1m, 5m, [KeyValuePair.Create("superior", 1m)]), i => i.Prorated()));

        Assert.False(builder.TryBuild(out _, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.ProratedScorer, "a.prorated", "rating"), (problem.Code, problem.Path, problem.AttemptedValue));
    }

    [Fact]
    public void Build_ProratedHostKindNotOptingIn_Refused()
    {
        var registry = ScorerRegistry.Default.With(new ClosenessScorerKind());
        var builder = Scheme.CreateBuilder("s", "1", registry).Name("S").Grade("A", null, 1m).Root(WeightMode.Normalize, r => r
            .Indicator("a", 1m, "m", Scorers.Custom("closeness", [KeyValuePair.Create("target", 10m), KeyValuePair.Create("tolerance", 2m)]), i => i.Prorated()));

        Assert.False(builder.TryBuild(out _, out var problems));
        Assert.Equal(ProblemCodes.ProratedScorer, Assert.Single(problems).Code);
    }

    [Fact]
    public void Presence_JoinedBeforeAndLeftInsidePeriod_ClippedInclusive()
    {
        var presence = SubjectInput.For("S1").Presence(April, D(2024, 3, 15), D(2024, 4, 10)).Build().Presence!;

        // April 1 to April 10 inclusive: 10 days of 30.
        Assert.Equal((D(2024, 4, 1), D(2024, 4, 10), 10, 30), (presence.First, presence.Last, presence.DaysPresent, presence.DaysInPeriod));
        Assert.Equal(D(2024, 3, 15), presence.Joined);
        Assert.False(presence.IsWholePeriod);
    }

    [Fact]
    public void Presence_LeapFebruary_29Days()
    {
        var presence = SubjectInput.For("S1").Presence(AssessmentPeriod.Month(2024, 2), D(2024, 2, 20), null).Build().Presence!;

        // February 20 to 29 inclusive: 10 days of 29.
        Assert.Equal((10, 29), (presence.DaysPresent, presence.DaysInPeriod));
    }

    [Fact]
    public void Presence_NoDates_WholePeriod()
    {
        var presence = SubjectInput.For("S1").Presence(AssessmentPeriod.Quarter(2024, 1), null, null).Build().Presence!;

        Assert.True(presence.IsWholePeriod);
        Assert.Equal(91, presence.DaysPresent);
    }

    [Theory]
    [InlineData(2024, 5, 1, null, null, null, ProblemCodes.PresenceOutsidePeriod)] // joins after April
    [InlineData(null, null, null, 2024, 3, 31, ProblemCodes.PresenceOutsidePeriod)] // leaves before April
    [InlineData(2024, 4, 20, 2024, 4, 10, ProblemCodes.PresenceInvalid)]            // leaves before joining
    public void Presence_Invalid_ProblemAndNoPresence(int? jy, int? jm, int? jd, int? ly, int? lm, int? ld, string code)
    {
        LocalDate? joined = jy is { } y ? D(y, jm!.Value, jd!.Value) : null;
        LocalDate? left = ly is { } y2 ? D(y2, lm!.Value, ld!.Value) : null;

        var input = SubjectInput.For("S1").Value("m", 1m).Presence(April, joined, left).Build();

        var problem = Assert.Single(input.Problems);
        Assert.Equal((code, "presence", "S1"), (problem.Code, problem.Path, problem.SubjectId));
        Assert.Null(input.Presence);
        Assert.False(SchemeEvaluator.Create(Single(Scorers.Linear(0m, 90m), i => i.Prorated())).Evaluate(input).Succeeded);
    }

    [Fact]
    public void Presence_GivenTwice_Problem()
    {
        var input = SubjectInput.For("S1").Presence(April, D(2024, 4, 2), null).Presence(April, D(2024, 4, 3), null).Build();

        Assert.Equal(ProblemCodes.PresenceInvalid, Assert.Single(input.Problems).Code);
        Assert.Null(input.Presence);
    }

    [Fact]
    public void Presence_Misuse_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SubjectInput.For("S1").Presence(null!, null, null));
        Assert.Throws<ArgumentException>(() => SubjectInput.For("S1").Presence(April, new LocalDate(2024, 4, 2, CalendarSystem.Julian), null));
    }

    [Fact]
    public void Fingerprint_PresenceEntersOnlyWhenGiven()
    {
        var plain = SubjectInput.For("S1").Value("m", 1m).Build();
        var present = SubjectInput.For("S1").Value("m", 1m).Presence(April, D(2024, 4, 21), null).Build();
        var same = SubjectInput.For("S1").Value("m", 1m).Presence(April, D(2024, 4, 21), D(2024, 6, 1)).Build();

        Assert.DoesNotContain("presence", plain.CanonicalText(), StringComparison.Ordinal);
        Assert.Contains("\"daysPresent\": 10", present.CanonicalText(), StringComparison.Ordinal);
        Assert.NotEqual(plain.Fingerprint, present.Fingerprint);
        // The same days present (the leave date lies past the period) give the same fingerprint.
        Assert.Equal(present.Fingerprint, same.Fingerprint);
    }

    [Fact]
    public void ToString_TrCulture_InvariantText()
    {
        using var _ = new CultureScope("tr-TR");

        Assert.Equal("2024-04: 2024-04-21..2024-04-30 (10/30 days)", SubjectInput.For("S1").Presence(April, D(2024, 4, 21), null).Build().Presence!.ToString());
    }

    [Fact]
    public void SchemeFile_Prorated_WrittenOnlyWhenTrueAndReadBack()
    {
        using var _ = new CultureScope("de-DE");
        var prorated = Single(Scorers.Linear(0m, 90m), i => i.Prorated());
        var plain = Single(Scorers.Linear(0m, 90m));

        var text = SchemeFile.WriteString(prorated);
        var loaded = SchemeFile.LoadOrThrow(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Contains("\"prorated\": true", text, StringComparison.Ordinal);
        Assert.DoesNotContain("prorated", SchemeFile.WriteString(plain), StringComparison.Ordinal);
        Assert.True(loaded.Indicators[0].Prorated);
        Assert.Equal(prorated.Fingerprint, loaded.Fingerprint);
        Assert.NotEqual(plain.Fingerprint, prorated.Fingerprint);
    }

    [Fact]
    public void SchemeFile_ProratedFalse_SameAsAbsent()
    {
        var result = SchemeFile.Load(File("\"prorated\": false"));
        var absent = SchemeFile.Load(File(null));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.False(result.Scheme!.Indicators[0].Prorated);
        Assert.Equal(absent.Scheme!.Fingerprint, result.Scheme.Fingerprint);
    }

    [Fact]
    public void SchemeFile_ProratedNotBoolean_TypeProblem()
    {
        var result = SchemeFile.Load(File("\"prorated\": \"yes\""));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.JsonType, "$.root.children[0].prorated"), (problem.Code, problem.Path));
    }

    [Fact]
    public void SchemeFile_ProratedRate_ModelProblemAtJsonPath()
    {
        var result = SchemeFile.Load(File("\"prorated\": true, \"unit\": \"%\""));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.ProratedRate, "$.root.children[0].prorated"), (problem.Code, problem.Path));
    }

    private static string File(string? extra) => $$"""
        {
          "id": "s", "version": "1", "name": "S",
          "grades": [ { "name": "A", "coefficient": 1 } ],
          "root": { "id": "root", "kind": "custom", "weightMode": "normalize", "children": [
            { "id": "a", "weight": 1, "measure": "m", "scorer": { "kind": "linear", "baseline": 0, "target": 90 }{{(extra is null ? string.Empty : ", " + extra)}} }
          ] }
        }
        """;

    private static Scheme Single(ScorerSpec scorer, Action<IndicatorBuilder>? configure = null, ScorerRegistry? registry = null)
        => Scheme.CreateBuilder("proration", "1", registry).Name("Proration").Grade("A", 90m, 1.3m).Grade("D", null, 0.7m)
            .MaxPoints(120m)
            .Root(WeightMode.Normalize, r => r.Indicator("a", 1m, "m", scorer, configure)).Build();

    private static SubjectInput Input(decimal value, LocalDate? joined = null)
    {
        var input = SubjectInput.For("S1").Value("m", value);
        if (joined is { } j)
        {
            input.Presence(April, j, null);
        }

        return input.Build();
    }

    /// <summary>A host kind that opts in to proration: s = min(x ÷ target, 1), with a target of at least 10.</summary>
    private sealed class ShareOfTargetKind : IProratableScorerKind
    {
        public string Name => "share";

        public string Version => "1";

        public IReadOnlyCollection<string> AmountParameters => ["target"];

        public IScorer? Create(ScorerParameterReader parameters)
        {
            var target = parameters.RequiredNumber("target");
            if (!parameters.HasProblems && target < 10m)
            {
                parameters.Report("scorer.share.target", "target", target, "The target must be at least 10.");
            }

            return parameters.HasProblems ? null : new Share(target);
        }

        private sealed class Share(decimal target) : IScorer
        {
            public MeasureKind InputKind => MeasureKind.Number;

            public ScoreDirection Direction => ScoreDirection.HigherIsBetter;

            public decimal MinimumScore => 0m;

            public decimal MaximumScore => 1m;

            public ScoreOutcome Score(MeasureValue value) => ScoreOutcome.Scored(Math.Clamp(value.Number / target, 0m, 1m));
        }
    }
}
