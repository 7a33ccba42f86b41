using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;

using CallCenter.Tests.Support;

using static CallCenter.Tests.Calls.Control.PartyCallFixture;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// Consultative (attended) transfer: while the agent consults, the customer hears music on hold and the agent and
/// the consulted party hear each other; completing connects customer and consulted party, cancelling (or the
/// consulted party hanging up) brings the agent back to the customer.
/// </summary>
public sealed class ConsultTransferTests : IAsyncLifetime
{
    private const double CustomerTone = 1000;
    private const double AgentTone = 1800;
    private const double ConsultedTone = 1400;
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task CompletedConsultationConnectsTheCustomerToTheConsultedPartyAndReleasesTheAgent()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var consulted = await _fixture.AnsweringPhoneAsync("1003", ConsultedTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        var agentLeg = call.Callee!;
        var consultedLeg = await ConsultAsync(call);
        await AssertConsultingAsync(agent, consulted, customer);

        var completed = await _fixture.Control.CompleteTransferAsync(call.CallId, "1002");

        Assert.True(completed.Succeeded, completed.Reason);
        Assert.Equal(consultedLeg.LegId, completed.Id);
        await _fixture.AssertPhoneEndedWellAsync(agent, Deadline);
        var agentHeard = agent.PacketsReceived;
        await AssertHearsAsync(customer, ConsultedTone, "the customer after the transfer");
        await AssertHearsAsync(consulted, CustomerTone, "the consulted party after the transfer");
        Assert.InRange(agent.PacketsReceived - agentHeard, 0, 5);
        Assert.Same(consultedLeg, call.Callee);
        var transfer = Assert.Single(_fixture.Events.OfType<CallTransferred>());
        Assert.Equal((agentLeg.LegId, "1003", true), (transfer.LegId, transfer.TransferTo, transfer.Attended));
        Assert.Equal(CallControlError.InvalidState, (await _fixture.Control.CompleteTransferAsync(call.CallId, "1003")).Error);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task CancelledConsultationReleasesTheConsultedPartyAndReturnsTheAgentToTheCustomer()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var consulted = await _fixture.AnsweringPhoneAsync("1003", ConsultedTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        var consultedLeg = await ConsultAsync(call);
        await AssertConsultingAsync(agent, consulted, customer);

        var cancelled = await _fixture.Control.CancelConsultAsync(call.CallId, "1002");

        Assert.True(cancelled.Succeeded, cancelled.Reason);
        await _fixture.AssertPhoneEndedWellAsync(consulted, Deadline);
        await AssertBackTogetherAsync(call, agent, customer, consulted);
        Assert.Contains(_fixture.Events, e => e is LegEnded { Cause: CallEndCause.Normal } ended && ended.LegId == consultedLeg.LegId);
        Assert.Equal(CallControlError.InvalidState, (await _fixture.Control.CancelConsultAsync(call.CallId, "1002")).Error);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task ConsultedPartyHangingUpReturnsTheAgentToTheCustomer()
    {
        // The consulted phone hangs up by itself 3 s after answering.
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var consulted = await _fixture.PhoneAsync("1003", ConsultedTone, "uas-party-hangup.xml", 20, "-d", "3000");
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        var consultedLeg = await ConsultAsync(call);

        var left = await _fixture.WaitForEventAsync<LegEnded>(e => e.LegId == consultedLeg.LegId, Deadline);

        Assert.Equal(CallEndCause.Normal, left.Cause);
        await _fixture.AssertPhoneEndedWellAsync(consulted, Deadline);
        await AssertBackTogetherAsync(call, agent, customer, consulted);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task ConsultationOfAnExtensionWithoutPhoneFailsAndTheAgentIsBackWithTheCustomer()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);

        var consulting = await _fixture.Control.ConsultAsync(call.CallId, "1002", "1004");

        Assert.Equal(CallControlError.TargetUnavailable, consulting.Error);
        await AssertHearsAsync(customer, AgentTone, "the customer after the failed consultation");
        await AssertHearsAsync(agent, CustomerTone, "the agent after the failed consultation");
        Assert.Contains(_fixture.Events, e => e is CallResumed);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task ConsultationCancelledWhileRingingCancelsTheCallAndReturnsTheAgent()
    {
        var ringing = await _fixture.PhoneAsync("1004", ConsultedTone, "uas-ring.xml");
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        var consulting = _fixture.Control.ConsultAsync(call.CallId, "1002", "1004");
        var dialled = await _fixture.WaitForEventAsync<LegStarted>(e => e.CallId == call.CallId && e.Number == "1004", Deadline);

        var cancelled = await _fixture.Control.CancelConsultAsync(call.CallId, "1002");

        Assert.True(cancelled.Succeeded, cancelled.Reason);
        // The ring timeout (5 s) is not what ends it: the phone's scenario ends only after a CANCEL (200, 487, ACK).
        await _fixture.AssertPhoneEndedWellAsync(ringing, Deadline);
        Assert.False((await consulting).Succeeded);
        var left = await _fixture.WaitForEventAsync<LegEnded>(e => e.LegId == dialled.LegId, Deadline);
        Assert.Equal(CallEndCause.Cancelled, left.Cause);
        await AssertHearsAsync(customer, AgentTone, "the customer after the cancelled consultation");
        await AssertHearsAsync(agent, CustomerTone, "the agent after the cancelled consultation");
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task ACallHeldBeforeTheConsultationCanBeHeldByTheConsultedPartyAfterTheTransfer()
    {
        await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var consulted = await _fixture.AnsweringPhoneAsync("1003", ConsultedTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        // Agents often hold first, then consult from the held call.
        Assert.True((await _fixture.Control.HoldAsync(call.CallId, "1002")).Succeeded);
        await ConsultAsync(call);
        Assert.True((await _fixture.Control.CompleteTransferAsync(call.CallId, "1002")).Succeeded);
        await AssertHearsAsync(customer, ConsultedTone, "the customer after the transfer");

        var held = await _fixture.Control.HoldAsync(call.CallId, "1003");

        Assert.True(held.Succeeded, held.Reason);
        var onHold = customer.Mark();
        Assert.True(await customer.WaitHeardAsync(onHold, 16000, Deadline), "no music on hold reached the customer");
        Assert.True(customer.Share(ConsultedTone, onHold + 1600) < 0.05, "the customer held by the new party still hears it");
        Assert.True((await _fixture.Control.ResumeAsync(call.CallId, "1003")).Succeeded);
        await AssertHearsAsync(consulted, CustomerTone, "the new party after resuming");
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    // The agent (1002) consults 1003; returns its answered leg, whose party sends from now on.
    private async Task<CallLeg> ConsultAsync(CallSession call)
    {
        var consulting = await _fixture.Control.ConsultAsync(call.CallId, "1002", "1003");
        Assert.True(consulting.Succeeded, consulting.Reason);
        var leg = call.FindLeg(Assert.IsType<Guid>(consulting.Id));
        Assert.NotNull(leg);
        Assert.Equal("1003", leg.Extension);
        _fixture.StartSending(leg);
        Assert.Contains(_fixture.Events, e => e is CallHeld);
        return leg;
    }

    // Agent and consulted party hear each other; the held customer hears music, neither of them.
    private static async Task AssertConsultingAsync(ToneParty agent, ToneParty consulted, ToneParty customer)
    {
        await AssertHearsAsync(agent, ConsultedTone, "the consulting agent");
        await AssertHearsAsync(consulted, AgentTone, "the consulted party");
        var held = customer.Mark();
        Assert.True(await customer.WaitHeardAsync(held, 16000, Deadline), "no music on hold reached the customer");
        Assert.True(customer.Share(AgentTone, held + 1600) < 0.05, "the held customer hears the agent");
        Assert.True(customer.Share(ConsultedTone, held + 1600) < 0.05, "the held customer hears the consulted party");
        Assert.True(AudioAnalysis.TotalPower(customer.HeardSince(held + 1600)) > 1000 * 1000, "the held customer hears silence, not music");
    }

    // After the consultation: agent and customer talk again, the consulted party's phone is gone, the call goes on.
    private async Task AssertBackTogetherAsync(CallSession call, ToneParty agent, ToneParty customer, ToneParty consulted)
    {
        var consultedHeard = consulted.PacketsReceived;
        await AssertHearsAsync(customer, AgentTone, "the customer back from hold");
        await AssertHearsAsync(agent, CustomerTone, "the agent back from the consultation");
        Assert.InRange(consulted.PacketsReceived - consultedHeard, 0, 5);
        Assert.Contains(_fixture.Events, e => e is CallResumed resumed && resumed.CallId == call.CallId);
        Assert.NotNull(_fixture.Calls.Find(call.CallId));
        Assert.DoesNotContain(_fixture.Events, e => e is CallTransferred or CallEnded);
    }
}
