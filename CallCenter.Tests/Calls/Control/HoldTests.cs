using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;

namespace CallCenter.Tests.Calls.Control;

/// <summary>Hold from call control: the held party hears music on hold instead of the agent, the agent hears nothing; resume reconnects.</summary>
public sealed class HoldTests : IAsyncLifetime
{
    private const double CallerTone = 1000;
    private const double AgentTone = 1800;
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task HeldCustomerHearsMusicOnHoldAndResumeReconnectsTheAgent()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CallerTone);
        var connected = customer.Mark();
        Assert.True(await customer.WaitHeardAsync(connected, 8000, TimeSpan.FromSeconds(5)), "the customer heard nothing");
        Assert.True(customer.Share(AgentTone, connected) > 0.5, "the customer does not hear the agent");

        var held = await _fixture.Control.HoldAsync(call.CallId, "1002");

        Assert.True(held.Succeeded, held.Reason);
        var onHold = customer.Mark();
        var agentHeardBefore = agent.PacketsReceived;
        Assert.True(await customer.WaitHeardAsync(onHold, 16000, TimeSpan.FromSeconds(5)), "no music on hold reached the customer");
        var music = customer.HeardSince(onHold)[1600..];
        Assert.True(customer.Share(AgentTone, onHold + 1600) < 0.05, "the held customer still hears the agent");
        Assert.True(Support.AudioAnalysis.TotalPower(music) > 1000 * 1000, "the held customer hears silence, not music");
        Assert.InRange(agent.PacketsReceived - agentHeardBefore, 0, 5);
        Assert.Equal(CallControlError.InvalidState, (await _fixture.Control.HoldAsync(call.CallId, "1002")).Error);

        var resumed = await _fixture.Control.ResumeAsync(call.CallId, "1002");

        Assert.True(resumed.Succeeded, resumed.Reason);
        var back = customer.Mark();
        Assert.True(await customer.WaitHeardAsync(back, 8000, TimeSpan.FromSeconds(5)));
        Assert.True(customer.Share(AgentTone, back + 800) > 0.5, "after resume the customer does not hear the agent");
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
        Assert.Contains(_fixture.Events, e => e is CallHeld);
        Assert.Contains(_fixture.Events, e => e is CallResumed);
    }

    [Fact]
    public async Task PhoneHoldingByReInviteGivesTheCustomerMusicOnHoldUntilItResumes()
    {
        // The agent's phone re-INVITEs with sendonly 2 s after answering and with sendrecv 2.5 s later.
        await _fixture.PhoneAsync("1002", AgentTone, "uas-party-hold.xml");
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CallerTone);
        var held = await _fixture.WaitForEventAsync<CallHeld>(_ => true, TimeSpan.FromSeconds(10));
        var onHold = customer.Mark();
        Assert.Equal(call.Callee!.LegId, held.LegId);

        var resumed = await _fixture.WaitForEventAsync<CallResumed>(_ => true, TimeSpan.FromSeconds(10));
        var music = customer.HeardSince(onHold);
        Assert.True(music.Length > 8000, $"only {music.Length} samples reached the held customer");
        Assert.True(Support.AudioAnalysis.TotalPower(music[800..]) > 1000 * 1000, "the held customer hears silence, not music");
        Assert.True(customer.Share(AgentTone, onHold + 800) < 0.05, "the held customer still hears the agent");
        var back = customer.Mark();
        Assert.True(await customer.WaitHeardAsync(back, 8000, TimeSpan.FromSeconds(5)));
        Assert.True(customer.Share(AgentTone, back + 800) > 0.5, "after the phone's resume the customer does not hear the agent");
        Assert.Equal(call.Callee!.LegId, resumed.LegId);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task ControlOfAnUnknownCallOrByAnotherExtensionIsRefusedWithTheReason()
    {
        await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, _) = await _fixture.CallAsync("1001", "1002", CallerTone);

        var unknown = await _fixture.Control.HoldAsync(Guid.NewGuid(), "1002");
        var stranger = await _fixture.Control.HoldAsync(call.CallId, "1005");

        Assert.Equal(CallControlError.NoSuchCall, unknown.Error);
        Assert.Equal(CallControlError.NotAParty, stranger.Error);
        Assert.Contains("1005", stranger.Reason, StringComparison.Ordinal);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }
}
