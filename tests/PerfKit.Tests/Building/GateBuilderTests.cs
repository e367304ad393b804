using System;
using System.Collections.Generic;
using System.Linq;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Tests.Scoring;
using Xunit;
using static PerfKit.Tests.Building.BuilderTestKit;

namespace PerfKit.Tests.Building;

public sealed class GateBuilderTests
{
    [Fact]
    public void Validate_GateWithoutSubject_ReportsGateSubject()
        => AssertSingle(Valid().Gate("g", g => g.CancelPayout()), ProblemCodes.GateSubject, "gates[0]", null);

    [Fact]
    public void Validate_GateWithoutConsequence_ReportsGateConsequence()
        => AssertSingle(Valid().Gate("g", g => g.OnScore("monthly", 0.5m)), ProblemCodes.GateConsequence, "gates[0]", null);

    [Fact]
    public void Validate_ValueGateOnAGroup_ReportsGateNotIndicator()
        => AssertSingle(Valid().Gate("g", g => g.OnValue("monthly", 5m).CancelPayout()), ProblemCodes.GateNotIndicator, "gates[0].node", "monthly");

    [Fact]
    public void Validate_ValueGateOnARatingIndicator_ReportsGateNotIndicator()
        => AssertSingle(
            WithRoot(WeightMode.Fraction, r => r.Section("capability", 1m, WeightMode.Fraction, c => c
                .Indicator("r360", 1m, "r360", Scorers.Rating(1m, 5m, [new KeyValuePair<string, decimal>("superior", 1m)]))))
                .Gate("g", g => g.OnValue("capability/r360", 3m).CancelPayout()),
            ProblemCodes.GateNotIndicator, "gates[0].node", "capability/r360");

    [Fact]
    public void Validate_ValueGateOnAScorerWithoutDirection_ReportsGateDirection()
    {
        var registry = ScorerRegistry.Default.With(new ClosenessScorerKind());
        var builder = Scheme.CreateBuilder("s", "1", registry).Name("S").Grade("D", null, 1m)
            .Root(WeightMode.Fraction, r => r.Indicator("forecast", 1m, "forecast", Scorers.Custom("closeness", [new("target", 100m), new("tolerance", 20m)])))
            .Gate("g", g => g.OnValue("forecast", 90m).CapGrade("D"));

        AssertSingle(builder, ProblemCodes.GateDirection, "gates[0].direction", null);
    }

    [Fact]
    public void Build_ValueGate_FollowsTheScorerDirection()
    {
        // overdue rate: linear 3 → 1, lower is better; the gate compares with ≤.
        var scheme = WithRoot(WeightMode.Fraction, r => r.Indicator("overdue", 1m, "overdue", Scorers.Linear(3m, 1m)))
            .Gate("g", g => g.OnValue("overdue", 2m).CancelPayout())
            .Build();

        var gate = scheme.Gates.Single();
        Assert.Equal(ScoreDirection.LowerIsBetter, gate.Direction);
        Assert.Null(gate.DeclaredDirection);
    }

    [Fact]
    public void Build_ValueGateWithDeclaredDirection_OverridesTheScorer()
    {
        var scheme = Valid().Gate("g", g => g.OnValue("monthly/a", 2m).Direction(ScoreDirection.LowerIsBetter).CancelPayout()).Build();

        Assert.Equal(ScoreDirection.LowerIsBetter, scheme.Gates[0].Direction);
        Assert.Equal(ScoreDirection.LowerIsBetter, scheme.Gates[0].DeclaredDirection);
    }

    [Fact]
    public void Validate_ZeroScoreFromABaseGate_ReportsGateZeroScoreOrder()
        => AssertSingle(Valid().Gate("g", g => g.OnBase(50m).ZeroScore("monthly/a")), ProblemCodes.GateZeroScoreOrder, "gates[0].zeroScore", "monthly/a");

    [Fact]
    public void Validate_ZeroScoreFromATotalGate_ReportsGateZeroScoreOrder()
        => AssertSingle(Valid().Gate("g", g => g.OnTotal(60m).ZeroScore("monthly")), ProblemCodes.GateZeroScoreOrder, "gates[0].zeroScore", "monthly");

    [Fact]
    public void Validate_GroupScoreGateZeroingASibling_ReportsGateZeroScoreOrder()
        => AssertSingle(Valid().Gate("g", g => g.OnScore("monthly", 0.6m).ZeroScore("quarterly")), ProblemCodes.GateZeroScoreOrder, "gates[0].zeroScore", "quarterly");

    [Fact]
    public void Validate_GroupScoreGateZeroingItsOwnChild_ReportsGateZeroScoreOrder()
        => AssertSingle(Valid().Gate("g", g => g.OnScore("monthly", 0.6m).ZeroScore("monthly/a")), ProblemCodes.GateZeroScoreOrder, "gates[0].zeroScore", "monthly/a");

    [Theory]
    [InlineData("monthly")] // itself
    [InlineData("/")]       // its ancestor, the root
    public void Validate_GroupScoreGateZeroingItselfOrAnAncestor_IsValid(string target)
        => Assert.Empty(Valid().Gate("g", g => g.OnScore("monthly", 0.6m).ZeroScore(target)).Validate());

    [Theory]
    [InlineData("quarterly/c")]
    [InlineData("quarterly")]
    public void Validate_IndicatorGatesZeroingAnyNode_AreValid(string target)
        => Assert.Empty(Valid()
            .Gate("value", g => g.OnValue("monthly/a", 5m).ZeroScore(target))
            .Gate("score", g => g.OnScore("monthly/b", 0.5m).ZeroScore(target))
            .Validate());

    [Fact]
    public void Validate_CapGradeNamingNoGrade_ReportsGateUnknownGrade()
        => AssertSingle(Valid().Gate("g", g => g.OnTotal(60m).CapGrade("E")), ProblemCodes.GateUnknownGrade, "gates[0].capGrade", "E");

    [Fact]
    public void Validate_ValueGateNamingNoNode_ReportsUnknownNode()
        => AssertSingle(Valid().Gate("g", g => g.OnValue("monthly/zzz", 5m).CancelPayout()), ProblemCodes.UnknownNode, "gates[0].node", "monthly/zzz");

    [Fact]
    public void Validate_ScoreGateNamingNoNode_ReportsUnknownNode()
        => AssertSingle(Valid().Gate("g", g => g.OnScore("yearly", 0.5m).CancelPayout()), ProblemCodes.UnknownNode, "gates[0].node", "yearly");

    [Fact]
    public void Validate_ZeroScoreNamingNoNode_ReportsUnknownNode()
        => AssertSingle(Valid().Gate("g", g => g.OnValue("monthly/a", 5m).ZeroScore("nowhere")), ProblemCodes.UnknownNode, "gates[0].zeroScore", "nowhere");

    [Fact]
    public void Validate_GatesWithTheSameId_ReportsIdDuplicate()
        => AssertSingle(
            Valid().Gate("g", g => g.OnTotal(60m).CancelPayout()).Gate("g", g => g.OnBase(50m).CapGrade("D")),
            ProblemCodes.IdDuplicate, "gates[1]", "g");

    [Fact]
    public void Validate_GateIdBreakingTheIdRule_ReportsIdInvalid()
        => AssertSingle(Valid().Gate("gate 1", g => g.OnTotal(60m).CancelPayout()), ProblemCodes.IdInvalid, "gates[0]", "gate 1");

    [Fact]
    public void Build_GatePaths_AreNormalized()
    {
        var gate = Valid().Gate("g", g => g.OnValue("/monthly/a/", 5m).ZeroScore("/monthly/")).Build().Gates.Single();

        Assert.Equal("monthly/a", gate.NodePath);
        Assert.Equal("monthly", gate.ConsequenceTarget);
        Assert.Equal(GateSubject.IndicatorValue, gate.Subject);
        Assert.Equal(GateConsequence.ZeroScore, gate.Consequence);
        Assert.Equal(5m, gate.Threshold);
        Assert.Equal(GateMissingBehavior.Fail, gate.OnMissing);
    }

    [Fact]
    public void Build_PassWhenMissing_IsKept()
        => Assert.Equal(GateMissingBehavior.Pass, Valid().Gate("g", g => g.OnScore("monthly", 0.5m).CancelPayout().PassWhenMissing()).Build().Gates[0].OnMissing);

    [Fact]
    public void OnSomething_Twice_ThrowsInvalidOperationNamingTheGate()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Valid().Gate("g", g => g.OnBase(50m).OnTotal(60m)));

        Assert.Contains("'g'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("one subject", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Base", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consequence_Twice_ThrowsInvalidOperationNamingTheGate()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Valid().Gate("g", g => g.OnTotal(60m).CancelPayout().CapGrade("D")));

        Assert.Contains("'g'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("one consequence", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CancelPayout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Direction_None_ThrowsArgumentOutOfRange()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Valid().Gate("g", g => g.Direction(ScoreDirection.None)));

    [Fact]
    public void Members_NullArguments_Throw()
    {
        Valid().Gate("g", g =>
        {
            Assert.Throws<ArgumentNullException>(() => g.OnValue(null!, 1m));
            Assert.Throws<ArgumentNullException>(() => g.OnScore(null!, 1m));
            Assert.Throws<ArgumentNullException>(() => g.ZeroScore(null!));
            Assert.Throws<ArgumentNullException>(() => g.CapGrade(null!));
            Assert.Throws<ArgumentNullException>(() => g.Name(null!));
            g.OnTotal(60m).CancelPayout();
        });
    }
}
