using CallCenter.Telephony.Calls.Control;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// What the phone bar is told about an agent's call (<see cref="ICallControl.GetAgentCall"/>) as a real call moves
/// through its states: the state and the actions it allows, from both agents' sides.
/// </summary>
public sealed class AgentCallViewTests : IAsyncLifetime
{
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task TheViewFollowsTalkingHoldConsultationAndTheEnd()
    {
        await _fixture.AnsweringPhoneAsync("1002", 1800);
        await _fixture.AnsweringPhoneAsync("1003", 1400);
        Assert.Null(_fixture.Control.GetAgentCall("1002"));
        var (call, _) = await _fixture.CallAsync("1001", "1002", 1000);

        var talking = _fixture.Control.GetAgentCall("1002")!;
        Assert.Equal((AgentCallState.Talking, call.CallId, "1001"), (talking.State, talking.CallId, talking.OtherNumber));
        Assert.Equal(
            AgentCallActions.Hangup | AgentCallActions.Hold | AgentCallActions.BlindTransfer | AgentCallActions.Consult | AgentCallActions.ConferenceAdd
            | AgentCallActions.SendDtmf | AgentCallActions.StartRecording,
            talking.Actions);
        Assert.NotNull(talking.AnsweredAt);

        Assert.True((await _fixture.Control.HoldAsync(call.CallId, "1002")).Succeeded);
        var held = _fixture.Control.GetAgentCall("1002")!;
        Assert.Equal((AgentCallState.Held, AgentCallActions.Hangup | AgentCallActions.Resume | AgentCallActions.StartRecording), (held.State, held.Actions));
        // The held customer's own phone (an agent's too, here) may do nothing but hang up while it is held.
        Assert.Equal(AgentCallActions.Hangup | AgentCallActions.StartRecording, _fixture.Control.GetAgentCall("1001")!.Actions);
        Assert.True((await _fixture.Control.ResumeAsync(call.CallId, "1002")).Succeeded);

        var consult = await _fixture.Control.ConsultAsync(call.CallId, "1002", "1003");
        Assert.True(consult.Succeeded, consult.Reason);
        var consulting = _fixture.Control.GetAgentCall("1002")!;
        Assert.Equal(AgentCallState.Consulting, consulting.State);
        Assert.Equal(AgentCallActions.Hangup | AgentCallActions.CancelConsult | AgentCallActions.CompleteTransfer | AgentCallActions.StartRecording,
            consulting.Actions);
        Assert.Equal(AgentCallActions.Hangup, _fixture.Control.GetAgentCall("1003")!.Actions);
        Assert.True((await _fixture.Control.CancelConsultAsync(call.CallId, "1002")).Succeeded);
        Assert.Equal(AgentCallState.Talking, _fixture.Control.GetAgentCall("1002")!.State);

        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        Assert.Null(_fixture.Control.GetAgentCall("1002"));
        Assert.Null(_fixture.Control.GetAgentCall("1003"));
        await _fixture.AssertPhonesEndedWellAsync();
    }
}
