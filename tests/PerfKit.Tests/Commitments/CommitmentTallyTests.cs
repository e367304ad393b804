using System;
using System.Linq;
using PerfKit.Commitments;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Periods;
using PerfKit.Scoring;
using PerfKit.Tests.Evaluation;
using Xunit;
using static PerfKit.Tests.Commitments.CommitmentFixtures;

namespace PerfKit.Tests.Commitments;

/// <summary>Tests of <see cref="CommitmentTally"/>: the counts and feeding them to penalty rules.</summary>
public sealed class CommitmentTallyTests
{
    private static readonly AssessmentPeriod March = AssessmentPeriod.Month(2024, 3);

    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(CommitmentTally));

    [Fact]
    public void Counts_MarchLoans_ByHand()
    {
        var tally = Tracker(MarchNow).Evaluate(MarchLoans(), PeriodKind.Month).TallyFor("CM1", March);

        // L1 on time; L2 late 2, L3 late 6; L4 overdue 4; L6 pending; L5 counts in April.
        Assert.Equal((5, 1, 2, 1, 1, 3), (tally.Events, tally.OnTime, tally.Late, tally.Pending, tally.Overdue, tally.Breaches));
        Assert.Equal(12L, tally.TotalDaysLate); // 2 + 6 + 4
        Assert.Equal(6, tally.MaxDaysLate);
        Assert.Empty(tally.Problems);
        Assert.Equal(("CM1", March), (tally.SubjectId, tally.Period));
    }

    [Fact]
    public void TallyFor_SubjectWithoutEvents_Zeros()
    {
        var tally = Tracker(MarchNow).Evaluate(MarchLoans(), PeriodKind.Month).TallyFor("CM2", March);

        Assert.Equal((0, 0, 0, 0L, 0), (tally.Events, tally.Breaches, tally.OnTime, tally.TotalDaysLate, tally.MaxDaysLate));
    }

    [Fact]
    public void WriteTo_SchemeWithPenalties_ScoredEndToEnd()
    {
        var scheme = EvaluationFixtures.Start()
            .Root(WeightMode.Percent, r => r.Indicator("sales", 100m, "sales", Scorers.Linear(0m, 100m)))
            .Penalty("late_loans", "loan_breaches", 1m)
            .Penalty("late_days", "loan_days_late", 0.5m, cap: 5m)
            .Build();
        var report = Tracker(MarchNow).Evaluate(MarchLoans(), PeriodKind.Month);
        var evaluator = SchemeEvaluator.Create(scheme);

        var inputs = new[] { "CM1", "CM2" }.Select(id =>
            report.TallyFor(id, March)
                .WriteTo(SubjectInput.For(id).Value("sales", 90m), breachesMeasure: "loan_breaches", daysLateMeasure: "loan_days_late")
                .Build()).ToArray();
        var cm1 = evaluator.EvaluateOrThrow(inputs[0]);
        var cm2 = evaluator.EvaluateOrThrow(inputs[1]);

        // CM1: base 90/100 × 100 = 90; 3 breaches × 1 = 3; 12 days × 0.5 = 6, capped at 5; 90 − 3 − 5 = 82 → B.
        Assert.Equal(3m, cm1.Adjustment("late_loans").Applied);
        // Raw is min(units × pointsPerUnit, cap) = min(12 × 0.5, 5) = 5.
        Assert.Equal((12m, 5m, 5m), (cm1.Adjustment("late_days").Units, cm1.Adjustment("late_days").Raw, cm1.Adjustment("late_days").Applied));
        Assert.Equal(82m, cm1.RoundedTotal);
        Assert.Equal("B", cm1.Grade.Name);
        // CM2 had no loan: 0 breaches, 0 days; 90 → A.
        Assert.Equal(90m, cm2.RoundedTotal);
        Assert.Equal("A", cm2.Grade.Name);
    }

    [Fact]
    public void WriteTo_OnTimeMeasure_WrittenAlone()
    {
        var tally = Tracker(MarchNow).Evaluate(MarchLoans(), PeriodKind.Month).TallyFor("CM1", March);

        var input = tally.WriteTo(SubjectInput.For("CM1"), onTimeMeasure: "loans_on_time").Build();

        Assert.Equal([("loans_on_time", 1m)], input.Values.Select(v => (v.Key, v.Value)).ToArray());
    }

    [Fact]
    public void WriteTo_TallyWithProblems_EvaluationFailsNamingTheEvent()
    {
        var events = MarchLoans().Append(CommitmentEvent.Create("L7", "CM1", Local(2024, 3, 1, 9), Local(2024, 3, 1, 8))).ToArray();
        var scheme = EvaluationFixtures.Start()
            .Root(WeightMode.Percent, r => r.Indicator("sales", 100m, "sales", Scorers.Linear(0m, 100m)))
            .Penalty("late_loans", "loan_breaches", 1m)
            .Build();
        var tally = Tracker(MarchNow).Evaluate(events, PeriodKind.Month).TallyFor("CM1", March);

        var result = SchemeEvaluator.Create(scheme).Evaluate(tally.WriteTo(SubjectInput.For("CM1").Value("sales", 90m), breachesMeasure: "loan_breaches").Build());

        // L7 (fulfilled before applied) is not counted, so scoring 3 breaches would hide it: the subject fails instead.
        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemCodes.CommitmentOrder, "CM1", "events[6].fulfilment"), (problem.Code, problem.SubjectId, problem.Path));
        Assert.Contains("'L7'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_Misuse_Exceptions()
    {
        var tally = Tracker(MarchNow).Evaluate(MarchLoans(), PeriodKind.Month).TallyFor("CM1", March);

        Assert.Throws<ArgumentNullException>(() => tally.WriteTo(null!, breachesMeasure: "b"));
        Assert.Throws<ArgumentException>(() => tally.WriteTo(SubjectInput.For("CM1")));
        var other = Assert.Throws<ArgumentException>(() => tally.WriteTo(SubjectInput.For("CM2"), breachesMeasure: "b"));
        Assert.Contains("'CM2'", other.Message, StringComparison.Ordinal);
    }
}
