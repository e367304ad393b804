using System;
using System.Linq;
using PerfKit.Appeals;
using Xunit;

namespace PerfKit.Tests.Appeals;

/// <summary>Tests of <see cref="ConfirmationMachine"/>.</summary>
public sealed class ConfirmationMachineTests
{
    [Fact]
    public void Transitions_AsDocumented_SevenMoves()
    {
        // pending: override, exemption (stay), confirmation → confirmed, appeal → appealed;
        // appealed: override, exemption (stay), resolution → resolved; confirmed and resolved take nothing.
        var moves = ConfirmationMachine.Transitions.Select(t => (t.From, t.Kind, t.To)).ToList();

        Assert.Equal(
            [
                (ConfirmationState.Pending, DecisionKind.Override, ConfirmationState.Pending),
                (ConfirmationState.Pending, DecisionKind.Exemption, ConfirmationState.Pending),
                (ConfirmationState.Pending, DecisionKind.Confirmation, ConfirmationState.Confirmed),
                (ConfirmationState.Pending, DecisionKind.Appeal, ConfirmationState.Appealed),
                (ConfirmationState.Appealed, DecisionKind.Override, ConfirmationState.Appealed),
                (ConfirmationState.Appealed, DecisionKind.Exemption, ConfirmationState.Appealed),
                (ConfirmationState.Appealed, DecisionKind.Resolution, ConfirmationState.Resolved),
            ],
            moves);
    }

    [Fact]
    public void TransitionType_IsImmutable() => Evaluation.Immutability.AssertImmutable(typeof(ConfirmationTransition));

    [Fact]
    public void TryNext_Listed_ReturnsTarget()
    {
        Assert.True(ConfirmationMachine.TryNext(ConfirmationState.Appealed, DecisionKind.Resolution, out var to));
        Assert.Equal(ConfirmationState.Resolved, to);
    }

    [Fact]
    public void TryNext_NotListed_FalseAndStateKept()
    {
        Assert.False(ConfirmationMachine.TryNext(ConfirmationState.Confirmed, DecisionKind.Appeal, out var to));
        Assert.Equal(ConfirmationState.Confirmed, to);
    }

    [Fact]
    public void TryNext_Undefined_ArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfirmationMachine.TryNext((ConfirmationState)9, DecisionKind.Appeal, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfirmationMachine.TryNext(ConfirmationState.Pending, (DecisionKind)9, out _));
    }

    [Fact]
    public void Replay_Empty_Pending() => Assert.Equal(ConfirmationState.Pending, ConfirmationMachine.Replay([]));

    [Fact]
    public void Replay_AppealOverrideResolution_Resolved()
        => Assert.Equal(ConfirmationState.Resolved, ConfirmationMachine.Replay([DecisionKind.Appeal, DecisionKind.Override, DecisionKind.Resolution]));

    [Fact]
    public void Replay_Illegal_ArgumentExceptionNamingPositionAndStates()
    {
        var ex = Assert.Throws<ArgumentException>(() => ConfirmationMachine.Replay([DecisionKind.Confirmation, DecisionKind.Appeal]));

        Assert.Contains("kinds[1]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("from 'confirmed' to 'appealed'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_Null_ArgumentNullException() => Assert.Throws<ArgumentNullException>(() => ConfirmationMachine.Replay(null!));
}
