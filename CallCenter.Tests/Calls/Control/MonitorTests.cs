using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// Supervisor monitoring from call control: supervisor 1005 joins the call of agent 1002 with customer 1001 and is
/// heard by nobody (listen), by the agent only (whisper) or by everyone (barge), judged by what each party hears.
/// </summary>
public sealed class MonitorTests : IAsyncLifetime
{
    // Far apart from each other and from 450 Hz (ring-back and busy tones).
    private const double CustomerTone = 700;
    private const double AgentTone = 1300;
    private const double SupervisorTone = 1900;
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task ListeningSupervisorIsHeardByNobodyWhisperingByTheAgentOnlyBargingByEveryone()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var supervisor = await _fixture.AnsweringPhoneAsync("1005", SupervisorTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);

        var joined = await _fixture.Control.MonitorAsync(call.CallId, "1002", "1005", MonitorMode.Listen);

        Assert.True(joined.Succeeded, joined.Reason);
        var supervisorLeg = call.FindLeg(joined.Id!.Value)!;
        Assert.Equal("1005", supervisorLeg.Extension);
        _fixture.StartSending(supervisorLeg);
        var listening = await Hearing.ListenAsync(("customer", customer), ("agent", agent), ("supervisor", supervisor));
        listening.Assert("supervisor", [CustomerTone, AgentTone], [SupervisorTone]);
        listening.Assert("customer", [AgentTone], [SupervisorTone, CustomerTone]);
        listening.Assert("agent", [CustomerTone], [SupervisorTone, AgentTone]);

        var whisper = await _fixture.Control.SetMonitorModeAsync(call.CallId, supervisorLeg.LegId, MonitorMode.Whisper);

        Assert.True(whisper.Succeeded, whisper.Reason);
        var whispering = await Hearing.ListenAsync(("customer", customer), ("agent", agent), ("supervisor", supervisor));
        whispering.Assert("supervisor", [CustomerTone, AgentTone], [SupervisorTone]);
        whispering.Assert("customer", [AgentTone], [SupervisorTone, CustomerTone]);
        whispering.Assert("agent", [CustomerTone, SupervisorTone], [AgentTone]);

        var barge = await _fixture.Control.SetMonitorModeAsync(call.CallId, supervisorLeg.LegId, MonitorMode.Barge);

        Assert.True(barge.Succeeded, barge.Reason);
        var barging = await Hearing.ListenAsync(("customer", customer), ("agent", agent), ("supervisor", supervisor));
        barging.Assert("supervisor", [CustomerTone, AgentTone], [SupervisorTone]);
        barging.Assert("customer", [AgentTone, SupervisorTone], [CustomerTone]);
        barging.Assert("agent", [CustomerTone, SupervisorTone], [AgentTone]);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task WhisperFromTheStartReachesOnlyTheAgentAndTheSupervisorLeavingLeavesTheCallAsItWas()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        // The supervisor hangs up 5 s after it answers: time enough to hear the whisper first.
        await using var supervisor = await OwnPhone.AnswerAsync(_fixture.Host.UdpEndPoint, "1005", SupervisorTone, hangUpAfterMilliseconds: 5000);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);

        var joined = await _fixture.Control.MonitorAsync(call.CallId, "1002", "1005", MonitorMode.Whisper);

        Assert.True(joined.Succeeded, joined.Reason);
        var supervisorLeg = call.FindLeg(joined.Id!.Value)!;
        supervisor.StartSending(supervisorLeg);
        var whispering = await Hearing.ListenAsync(("customer", customer), ("agent", agent));
        whispering.Assert("customer", [AgentTone], [SupervisorTone, CustomerTone]);
        whispering.Assert("agent", [CustomerTone, SupervisorTone], [AgentTone]);

        await supervisor.AssertEndedWellAsync(TimeSpan.FromSeconds(15));

        var afterwards = await Hearing.ListenAsync(("customer", customer), ("agent", agent));
        afterwards.Assert("customer", [AgentTone], [SupervisorTone, CustomerTone]);
        afterwards.Assert("agent", [CustomerTone], [SupervisorTone, AgentTone]);
        Assert.Contains(_fixture.Events, e => e is LegEnded ended && ended.LegId == supervisorLeg.LegId);
        Assert.DoesNotContain(_fixture.Events, e => e is CallEnded);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }
}
