using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using PerfKit.Appeals;
using PerfKit.Evaluation;
using PerfKit.Periods;
using PerfKit.Tests.Evaluation;
using Xunit;

namespace PerfKit.Tests.Appeals;

/// <summary>Tests of <see cref="DecisionLog"/>.</summary>
public sealed class DecisionLogTests
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);

    internal static Instant At(int day, int hour = 9) => Instant.FromUtc(2024, 4, day, hour, 0);

    [Fact]
    public void Type_IsImmutable() => Immutability.AssertImmutable(typeof(DecisionLog));

    [Fact]
    public void Start_Empty_PendingWithoutOverrides()
    {
        var log = DecisionLog.Start("CM1", Q1);

        Assert.Equal("CM1", log.SubjectId);
        Assert.Equal(Q1, log.Period);
        Assert.Empty(log.Entries);
        Assert.Equal(ConfirmationState.Pending, log.State);
        Assert.Empty(log.Overrides);
    }

    [Fact]
    public void Start_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => DecisionLog.Start(" ", Q1));
        Assert.Throws<ArgumentNullException>(() => DecisionLog.Start(null!, Q1));
        Assert.Throws<ArgumentNullException>(() => DecisionLog.Start("CM1", null!));
    }

    [Fact]
    public void Append_Confirmation_NewLogConfirmedOriginalUnchanged()
    {
        var pending = DecisionLog.Start("CM1", Q1);

        var confirmed = pending.Append(DecisionEntry.Confirmation("CM1", At(2), "agreed in review"));

        Assert.Equal(ConfirmationState.Confirmed, confirmed.State);
        Assert.Single(confirmed.Entries);
        Assert.Equal(ConfirmationState.Pending, pending.State);
        Assert.Empty(pending.Entries);
    }

    [Fact]
    public void Append_AppealOverrideResolution_AppealedThenResolvedOverrideKept()
    {
        var o = Override.OfValue("a", 10m, "two accounts booked late", "branch.hr", At(5));

        var log = DecisionLog.Start("CM1", Q1)
            .Append(DecisionEntry.Appeal("CM1", At(3), "accounts missing", "AP-7"));
        Assert.Equal(ConfirmationState.Appealed, log.State);
        log = log.Append(DecisionEntry.ForOverride(o, "AP-7"));
        Assert.Equal(ConfirmationState.Appealed, log.State);
        log = log.Append(DecisionEntry.Resolution("branch.hr", At(5), "upheld", "AP-7"));

        Assert.Equal(ConfirmationState.Resolved, log.State);
        Assert.Equal([DecisionKind.Appeal, DecisionKind.Override, DecisionKind.Resolution], log.Entries.Select(e => e.Kind));
        Assert.Same(o, Assert.Single(log.Overrides));
    }

    [Fact]
    public void Append_SameInstantAsLast_Accepted()
    {
        var log = DecisionLog.Start("CM1", Q1)
            .Append(DecisionEntry.Appeal("CM1", At(3), "r"))
            .Append(DecisionEntry.Resolution("hr", At(3), "rejected"));

        Assert.Equal(ConfirmationState.Resolved, log.State);
    }

    [Fact]
    public void Append_EarlierThanLast_DecisionOrderProblemNamingBothInstants()
    {
        var log = DecisionLog.Start("CM1", Q1).Append(DecisionEntry.Appeal("CM1", At(3), "r"));

        var ex = Assert.Throws<DecisionLogException>(() => log.Append(DecisionEntry.Resolution("hr", At(2), "rejected")));

        Assert.Equal(ProblemCodes.DecisionOrder, ex.Problem.Code);
        Assert.Equal("entries[1]", ex.Problem.Path);
        Assert.Equal("2024-04-02T09:00:00Z", ex.Problem.AttemptedValue);
        Assert.Equal("CM1", ex.Problem.SubjectId);
        Assert.Contains("2024-04-03T09:00:00Z", ex.Problem.Message, StringComparison.Ordinal);
        Assert.Contains(ex.Problem.Message, ex.Message, StringComparison.Ordinal);
        Assert.Single(log.Entries);
    }

    [Theory]
    [InlineData(ConfirmationState.Pending, DecisionKind.Resolution, "resolved")]
    [InlineData(ConfirmationState.Appealed, DecisionKind.Appeal, "appealed")]
    [InlineData(ConfirmationState.Appealed, DecisionKind.Confirmation, "confirmed")]
    [InlineData(ConfirmationState.Confirmed, DecisionKind.Appeal, "appealed")]
    [InlineData(ConfirmationState.Confirmed, DecisionKind.Confirmation, "confirmed")]
    [InlineData(ConfirmationState.Confirmed, DecisionKind.Override, "confirmed")]
    [InlineData(ConfirmationState.Confirmed, DecisionKind.Exemption, "confirmed")]
    [InlineData(ConfirmationState.Confirmed, DecisionKind.Resolution, "resolved")]
    [InlineData(ConfirmationState.Resolved, DecisionKind.Appeal, "appealed")]
    [InlineData(ConfirmationState.Resolved, DecisionKind.Override, "resolved")]
    [InlineData(ConfirmationState.Resolved, DecisionKind.Resolution, "resolved")]
    [InlineData(ConfirmationState.Resolved, DecisionKind.Confirmation, "confirmed")]
    [InlineData(ConfirmationState.Resolved, DecisionKind.Exemption, "resolved")]
    public void TryAppend_IllegalTransition_DecisionTransitionNamingFromAndTo(ConfirmationState from, DecisionKind kind, string to)
    {
        var log = Reach(from);

        var appended = log.TryAppend(Entry(kind, At(20)), out var next, out var problem);

        Assert.False(appended);
        Assert.Null(next);
        Assert.NotNull(problem);
        Assert.Equal(ProblemCodes.DecisionTransition, problem.Code);
        Assert.Equal($"entries[{log.Entries.Length}]", problem.Path);
        Assert.Equal(kind.ToString().ToLowerInvariant(), problem.AttemptedValue);
        Assert.Contains($"from '{from.ToString().ToLowerInvariant()}' to '{to}'", problem.Message, StringComparison.Ordinal);
        Assert.Throws<DecisionLogException>(() => log.Append(Entry(kind, At(20))));
    }

    [Fact]
    public void TryAppend_FinalState_MessageSaysFinal()
    {
        Reach(ConfirmationState.Confirmed).TryAppend(Entry(DecisionKind.Appeal, At(20)), out _, out var problem);

        Assert.Equal("An appeal entry would move the confirmation state from 'confirmed' to 'appealed', which is not allowed; 'confirmed' is final.", problem!.Message);
    }

    [Fact]
    public void TryAppend_IllegalFromAppealed_MessageListsAllowedEntries()
    {
        Reach(ConfirmationState.Appealed).TryAppend(Entry(DecisionKind.Confirmation, At(20)), out _, out var problem);

        Assert.Equal("A confirmation entry would move the confirmation state from 'appealed' to 'confirmed', which is not allowed; from 'appealed' the log takes: override, exemption, resolution.", problem!.Message);
    }

    [Fact]
    public void TryAppend_Legal_ReturnsLogAndNoProblem()
    {
        var ok = DecisionLog.Start("CM1", Q1).TryAppend(Entry(DecisionKind.Exemption, At(1)), out var log, out var problem);

        Assert.True(ok);
        Assert.Null(problem);
        Assert.Equal(ConfirmationState.Pending, log!.State);
    }

    [Fact]
    public void AppendAndTryAppend_Null_ArgumentNullException()
    {
        var log = DecisionLog.Start("CM1", Q1);
        Assert.Throws<ArgumentNullException>(() => log.Append(null!));
        Assert.Throws<ArgumentNullException>(() => log.TryAppend(null!, out _, out _));
    }

    [Fact]
    public void Overrides_LaterSamePathAndKind_SupersedesEarlierPathsNormalized()
    {
        var first = Override.OfValue("/monthly/a/", 8m, "manager correction", "manager", At(2));
        var score = Override.OfScore("monthly/a", 0.9m, "quality review", "hr", At(3));
        var second = Override.OfValue("monthly/a", 10m, "appeal upheld", "hr", At(4));

        var log = DecisionLog.Start("CM1", Q1)
            .Append(DecisionEntry.ForOverride(first))
            .Append(DecisionEntry.ForOverride(score))
            .Append(DecisionEntry.ForOverride(second));

        // "/monthly/a/" and "monthly/a" name one indicator: the value override of day 4 replaces the one of day 2;
        // the score override is of another kind and stays.
        Assert.Equal([score, second], log.Overrides.AsEnumerable());
    }

    [Fact]
    public void ExemptionsFor_TwoMeasures_OnlyThatMeasuresInLogOrder()
    {
        var e1 = LoanExemption.Create("L1", "flood", "risk.committee", At(2));
        var e2 = LoanExemption.Create("L2", "policy change", "risk.committee", At(3));
        var e3 = LoanExemption.Create("L3", "fraud by a third party", "risk.committee", At(4));
        var log = DecisionLog.Start("CM1", Q1)
            .Append(DecisionEntry.ForExemption("npl_rate", e1))
            .Append(DecisionEntry.ForExemption("overdue_rate", e2))
            .Append(DecisionEntry.ForExemption("npl_rate", e3));

        Assert.Equal([e1, e3], log.ExemptionsFor("npl_rate").AsEnumerable());
        Assert.Equal([e2], log.ExemptionsFor("overdue_rate").AsEnumerable());
        Assert.Empty(log.ExemptionsFor("other"));
        Assert.Throws<ArgumentNullException>(() => log.ExemptionsFor(null!));
    }

    [Fact]
    public void ApplyTo_InputWithOverrides_LogReplacesSameKindAndPathKeepsOthersAndData()
    {
        var kept = Override.OfScore("b", 0.5m, "earlier", "hr");
        var replaced = Override.OfValue("a", 7m, "earlier", "hr");
        var input = SubjectInput.For("CM1").Attribute("department", "retail").Value("m_a", 8m).Value("m_b", 6m).BasePay(1000m)
            .Presence(Q1, new LocalDate(2024, 2, 1), null)
            .With(kept).With(replaced).Build();
        var logged = Override.OfValue("/a", 10m, "appeal", "hr", At(4));
        var log = DecisionLog.Start("CM1", Q1).Append(DecisionEntry.ForOverride(logged));

        var applied = log.ApplyTo(input);

        Assert.Equal([kept, logged], applied.Overrides.AsEnumerable());
        Assert.Equal(input.Values, applied.Values);
        Assert.Equal(input.Attributes, applied.Attributes);
        Assert.Equal(input.BasePay, applied.BasePay);
        Assert.Same(input.Presence, applied.Presence);
        Assert.NotEqual(input.Fingerprint, applied.Fingerprint);
    }

    [Fact]
    public void ApplyTo_NoOverridesLogged_SameInput()
    {
        var input = SubjectInput.For("CM1").Value("m_a", 8m).Build();

        Assert.Same(input, DecisionLog.Start("CM1", Q1).Append(DecisionEntry.Confirmation("CM1", At(1), "ok")).ApplyTo(input));
    }

    [Fact]
    public void ApplyTo_OtherSubjectOrNull_Throws()
    {
        var log = DecisionLog.Start("CM1", Q1);
        Assert.Throws<ArgumentException>(() => log.ApplyTo(SubjectInput.For("CM2").Build()));
        Assert.Throws<ArgumentNullException>(() => log.ApplyTo(null!));
    }

    [Fact]
    public void ApplyTo_ReEvaluation_OriginalAndOverrideSideBySide()
    {
        // Scheme: a 50, b 30, c 20 (percent), each linear 0 → 10; grades A ≥ 90, B ≥ 80, C ≥ 60, D.
        var scheme = EvaluationFixtures.ThreeIndicators();
        var input = EvaluationFixtures.Abc(8m, 6m, 10m, "CM1", basePay: 1000m);
        var log = DecisionLog.Start("CM1", Q1)
            .Append(DecisionEntry.Appeal("CM1", At(3), "two accounts booked after the cut-off", "AP-7"))
            .Append(DecisionEntry.ForOverride(Override.OfValue("a", 10m, "accounts confirmed", "branch.hr", At(4)), "AP-7"))
            .Append(DecisionEntry.Resolution("branch.hr", At(4), "upheld", "AP-7"));

        var after = EvaluationFixtures.Assess(scheme, log.ApplyTo(input));

        // a: value 8 → 10 (the original kept), score 0.8 → 1; total 50 × 1 + 30 × 0.6 + 20 × 1 = 88.
        Assert.Equal(10m, after.Node("a").Value!.Value.Number);
        Assert.Equal(8m, after.Node("a").OriginalValue!.Value.Number);
        Assert.Equal(8m, Assert.Single(after.Overrides).OriginalValue!.Value.Number);
        Assert.Equal(88m, after.RoundedTotal);
    }

    [Property]
    public bool State_DependsOnlyOnEntries(int[] codes, bool otherSubject)
    {
        // Append generated entries (kinds from the codes, one hour apart), keeping those the machine takes; a log of
        // another subject and period given the same entries derives the same state and overrides, and the state is
        // the replay of the kinds.
        var log = DecisionLog.Start("CM1", Q1);
        for (var i = 0; i < codes.Length; i++)
        {
            var kind = (DecisionKind)(Math.Abs(codes[i] % 5));
            if (log.TryAppend(Entry(kind, Instant.FromUtc(2024, 4, 1, 0, 0).Plus(Duration.FromHours(i))), out var next, out _))
            {
                log = next;
            }
        }

        var other = DecisionLog.Start(otherSubject ? "CM2" : "CM1", AssessmentPeriod.Month(2023, 12));
        foreach (var entry in log.Entries)
        {
            other = other.Append(entry);
        }

        return other.State == log.State
            && other.Overrides.SequenceEqual(log.Overrides)
            && ConfirmationMachine.Replay(log.Entries.Select(e => e.Kind)) == log.State;
    }

    internal static DecisionEntry Entry(DecisionKind kind, Instant at) => kind switch
    {
        DecisionKind.Override => DecisionEntry.ForOverride(Override.OfScore("a", 1m, "r", "hr", at)),
        DecisionKind.Appeal => DecisionEntry.Appeal("CM1", at, "r"),
        DecisionKind.Resolution => DecisionEntry.Resolution("hr", at, "r"),
        DecisionKind.Confirmation => DecisionEntry.Confirmation("CM1", at, "r"),
        _ => DecisionEntry.ForExemption("npl_rate", LoanExemption.Create("L1", "r", "hr", at)),
    };

    private static DecisionLog Reach(ConfirmationState state)
    {
        var log = DecisionLog.Start("CM1", Q1);
        return state switch
        {
            ConfirmationState.Pending => log,
            ConfirmationState.Confirmed => log.Append(Entry(DecisionKind.Confirmation, At(1))),
            ConfirmationState.Appealed => log.Append(Entry(DecisionKind.Appeal, At(1))),
            _ => log.Append(Entry(DecisionKind.Appeal, At(1))).Append(Entry(DecisionKind.Resolution, At(2))),
        };
    }
}
