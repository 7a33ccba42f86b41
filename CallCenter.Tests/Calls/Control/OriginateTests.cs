using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;

using static CallCenter.Tests.Calls.Control.PartyCallFixture;

namespace CallCenter.Tests.Calls.Control;

/// <summary>Click-to-dial: the agent's phone is called first, and once it answers the number; then both talk.</summary>
public sealed class OriginateTests : IAsyncLifetime
{
    private const double AgentTone = 1800;
    private const double CalledTone = 1400;
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task OriginateRingsTheAgentFirstThenConnectsItToTheNumber()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var called = await _fixture.AnsweringPhoneAsync("1003", CalledTone);

        var originated = await _fixture.Control.OriginateAsync("1002", "1003");

        Assert.True(originated.Succeeded, originated.Reason);
        var call = _fixture.Calls.Find(Assert.IsType<Guid>(originated.Id));
        Assert.NotNull(call);
        // It returns once the agent answered: the agent's leg is the call's A leg, its dialog up.
        Assert.Equal("1002", call.Caller.Extension);
        Assert.NotNull(call.Caller.Dialog);
        var calledLeg = await _fixture.AnsweredLegAsync(call, "1003", Deadline);
        _fixture.StartSending(call.Caller);
        await AssertHearsAsync(agent, CalledTone, "the agent");
        await AssertHearsAsync(called, AgentTone, "the called extension");
        var offered = Assert.Single(_fixture.Events.OfType<CallOffered>(), e => e.CallId == call.CallId);
        Assert.Equal((CallEventDirection.Internal, "1002", "1003"), (offered.Direction, offered.CallerNumber, offered.DialledNumber));
        var legs = _fixture.Events.OfType<LegStarted>().Where(e => e.CallId == call.CallId).ToList();
        Assert.Equal([(call.Caller.LegId, "1002"), (calledLeg.LegId, "1003")], legs.Select(l => (l.LegId, l.Number)));
        // The agent answering is not the call's answer; the called party's is.
        var answered = Assert.Single(_fixture.Events.OfType<CallAnswered>(), e => e.CallId == call.CallId);
        Assert.Equal(calledLeg.LegId, answered.LegId);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
        var ended = await _fixture.WaitForEventAsync<CallEnded>(e => e.CallId == call.CallId, Deadline);
        Assert.Equal(HangupSide.System, ended.HangupBy);
    }

    [Fact]
    public async Task OriginateIsRefusedForAnUnknownNumberAnUnregisteredAgentOrNoNumber()
    {
        var unknown = await _fixture.Control.OriginateAsync("1002", "9999");
        var unregistered = await _fixture.Control.OriginateAsync("1005", "1003");
        var empty = await _fixture.Control.OriginateAsync("1002", " ");

        Assert.Equal(CallControlError.TargetNotFound, unknown.Error);
        Assert.Equal(CallControlError.TargetUnavailable, unregistered.Error);
        Assert.Contains("1005", unregistered.Reason, StringComparison.Ordinal);
        Assert.Equal(CallControlError.InvalidArgument, empty.Error);
        Assert.Empty(_fixture.Events);
    }
}
