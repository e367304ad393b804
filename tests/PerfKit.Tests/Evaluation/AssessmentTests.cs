using System.Linq;
using System.Threading.Tasks;
using PerfKit.Demo;
using PerfKit.Evaluation;
using Xunit;
using static PerfKit.Tests.Evaluation.EvaluationFixtures;

namespace PerfKit.Tests.Evaluation;

/// <summary>Tests of <see cref="Assessment"/>.</summary>
public sealed partial class AssessmentTests
{
    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(Assessment));

    [Fact]
    public void Assessment_CarriesSchemeSubjectAndBasePay()
    {
        var scheme = ThreeIndicators();

        var a = Assess(scheme, Abc(8m, 10m, 5m, id: "S-42", basePay: 3000m));

        // (40 + 30 + 10) / 100 → 80 → B 1.10 → 3300.
        Assert.Same(scheme, a.Scheme);
        Assert.Equal("S-42", a.SubjectId);
        Assert.Equal(3000m, a.BasePay);
        Assert.Equal(3300m, a.Payout);
        Assert.Equal(a.Grade.Coefficient, a.Coefficient);
    }

    [Fact]
    public void Collections_OnSuccess_NeverDefault()
    {
        var a = Assess(ThreeIndicators(), Abc(8m, 10m, 5m));

        Assert.False(a.Gates.IsDefault);
        Assert.False(a.Adjustments.IsDefault);
        Assert.False(a.Exclusions.IsDefault);
        Assert.False(a.Overrides.IsDefault);
        Assert.Empty(a.Gates);
        Assert.Empty(a.FailedGates);
        Assert.False(a.PayoutCancelled);
    }

    [Fact]
    public void FailedGates_OnlyFailedInSchemeOrder()
    {
        // All three A-bank gates fail except the net-new one (6 ≥ 6).
        var a = SchemeEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow(Scenarios.ABank2023ScenarioTests.Subject(newAccounts: 3m, netBalance: 100m));

        Assert.Equal(new[] { "gate_new_accounts", "gate_net_balance" }, a.FailedGates.Select(g => g.Gate.Id));
        Assert.True(a.PayoutCancelled);
    }

    [Fact]
    public void PayoutCancelled_OnlyCapGradeGateFailed_False()
    {
        var scheme = ThreeIndicators(more: b => b.Gate("cap", g => g.OnValue("a", 10m).CapGrade("B")));

        var a = Assess(scheme, Abc(9m, 10m, 10m, basePay: 1000m));

        // (45 + 30 + 20) → 95 → earned A, capped B → 1100.
        Assert.Single(a.FailedGates);
        Assert.False(a.PayoutCancelled);
        Assert.Equal("A", a.EarnedGrade.Name);
        Assert.Equal(1100m, a.Payout);
    }

    [Fact]
    public void Assessment_ReadFromManyThreads_SameAnswers()
    {
        var a = SchemeEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow(Scenarios.ABank2023ScenarioTests.Subject(newAccounts: 9m));
        var totals = new decimal[64];
        var failed = new int[64];

        Parallel.For(0, 64, i =>
        {
            totals[i] = a.Root.Children.Sum(c => c.Contribution);
            failed[i] = a.FailedGates.Count();
        });

        // Contributions 47.5 + 50 = 97.5 (see the A-bank scenario); one failed gate.
        Assert.All(totals, t => Assert.Equal(97.5m, t));
        Assert.All(failed, f => Assert.Equal(1, f));
    }

    [Fact]
    public void Root_FirstReadOnManyThreadsAtOnce_OneTreeAndOneGateArray()
    {
        // Nothing read yet: the threads race to build the tree and the gates from the evaluation's record.
        var a = SchemeEvaluator.Create(SampleSchemes.ABank2023()).EvaluateOrThrow(Scenarios.ABank2023ScenarioTests.Subject(newAccounts: 9m));
        var roots = new NodeResult[64];
        var gates = new GateResult[64];

        Parallel.For(0, 64, i =>
        {
            roots[i] = a.Root;
            gates[i] = a.Gates[0];
        });

        Assert.All(roots, r => Assert.Same(a.Root, r));
        Assert.All(gates, g => Assert.Same(a.Gates[0], g));
    }
}
