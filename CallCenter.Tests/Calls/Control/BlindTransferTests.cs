using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;

using static CallCenter.Tests.Calls.Control.PartyCallFixture;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// Blind transfer from call control and from the agent's phone (REFER, RFC 3515), judged by who exchanges RTP
/// afterwards: the customer and the target hear each other, the agent's phone is released and hears nothing more.
/// </summary>
public sealed class BlindTransferTests : IAsyncLifetime
{
    private const double CustomerTone = 1000;
    private const double AgentTone = 1800;
    private const double TargetTone = 1400;
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PartyCallFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task BlindTransferConnectsTheCustomerToTheTargetAndReleasesTheAgent()
    {
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var target = await _fixture.AnsweringPhoneAsync("1003", TargetTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        var agentLeg = call.Callee!;
        await AssertHearsAsync(customer, AgentTone, "the customer before the transfer");

        var transferred = await _fixture.Control.BlindTransferAsync(call.CallId, "1002", "1003");

        Assert.True(transferred.Succeeded, transferred.Reason);
        var agentHeard = agent.PacketsReceived;
        var targetLeg = call.FindLeg(Assert.IsType<Guid>(transferred.Id));
        Assert.NotNull(targetLeg);
        Assert.Equal("1003", targetLeg.Extension);
        Assert.Same(targetLeg, call.Callee);
        _fixture.StartSending(targetLeg);
        await _fixture.AssertPhoneEndedWellAsync(agent, Deadline);
        await AssertHearsAsync(customer, TargetTone, "the customer after the transfer");
        await AssertHearsAsync(target, CustomerTone, "the transfer target");
        Assert.InRange(agent.PacketsReceived - agentHeard, 0, 5);
        var transfer = Assert.Single(_fixture.Events.OfType<CallTransferred>());
        Assert.Equal((call.CallId, agentLeg.LegId, "1003", false), (transfer.CallId, transfer.LegId, transfer.TransferTo, transfer.Attended));
        Assert.Contains(_fixture.Events, e => e is LegEnded { Cause: CallEndCause.Normal } ended && ended.LegId == agentLeg.LegId);
        Assert.DoesNotContain(_fixture.Events, e => e is CallEnded);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task TheTransferTargetHangingUpEndsTheCallForTheCustomer()
    {
        // The target hangs up 3 s after answering: it is now the customer's party, so the call ends.
        await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var target = await _fixture.PhoneAsync("1003", TargetTone, "uas-party-hangup.xml", 20, "-d", "3000");
        var (call, _) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        Assert.True((await _fixture.Control.BlindTransferAsync(call.CallId, "1002", "1003")).Succeeded);

        var ended = await _fixture.WaitForEventAsync<CallEnded>(e => e.CallId == call.CallId, Deadline);

        Assert.Equal((CallEndCause.Normal, HangupSide.Callee), (ended.Cause, ended.HangupBy));
        await _fixture.AssertPhoneEndedWellAsync(target, Deadline);
        // The customer's phone ends only on a BYE.
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task BlindTransferToAnExtensionWithoutPhoneEndsTheCallAsUnavailable()
    {
        await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, _) = await _fixture.CallAsync("1001", "1002", CustomerTone);

        var transferred = await _fixture.Control.BlindTransferAsync(call.CallId, "1002", "1004");

        // The agent left at once: with nobody to return to, the customer is hung up with the target's cause.
        Assert.Equal(CallControlError.TargetUnavailable, transferred.Error);
        Assert.Contains("1004", transferred.Reason, StringComparison.Ordinal);
        var ended = await _fixture.WaitForEventAsync<CallEnded>(e => e.CallId == call.CallId, Deadline);
        Assert.Equal((CallEndCause.Unavailable, HangupSide.System), (ended.Cause, ended.HangupBy));
        Assert.Null(_fixture.Calls.Find(call.CallId));
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task BlindTransferToAPhoneThatDoesNotAnswerEndsTheCallAsNoAnswer()
    {
        var ringing = await _fixture.PhoneAsync("1004", TargetTone, "uas-ring.xml");
        var agent = await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);

        // The fixture's ring timeout is 5 s; the customer waits on hold meanwhile.
        var transferring = _fixture.Control.BlindTransferAsync(call.CallId, "1002", "1004");
        await _fixture.AssertPhoneEndedWellAsync(agent, Deadline);
        var waiting = customer.Mark();
        Assert.True(await customer.WaitHeardAsync(waiting, 8000, Deadline), "the customer hears nothing while the target rings");
        Assert.True(Support.AudioAnalysis.TotalPower(customer.HeardSince(waiting)) > 1000 * 1000, "the waiting customer hears silence, not music");
        var transferred = await transferring;

        Assert.Equal(CallControlError.TargetNoAnswer, transferred.Error);
        var ended = await _fixture.WaitForEventAsync<CallEnded>(e => e.CallId == call.CallId, Deadline);
        Assert.Equal((CallEndCause.NoAnswer, HangupSide.System), (ended.Cause, ended.HangupBy));
        await _fixture.AssertPhoneEndedWellAsync(ringing, Deadline);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task ReferFromTheAgentPhoneTransfersTheCustomerAndReportsTheOutcome()
    {
        // The phone REFERs 1.5 s after the answer; its scenario checks the NOTIFYs (sipfrag 100, then 200) and the BYE.
        var agent = await _fixture.PhoneAsync("1002", AgentTone, "uas-party-refer.xml");
        var target = await _fixture.AnsweringPhoneAsync("1003", TargetTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        var agentLeg = call.Callee!;

        var targetLeg = await _fixture.AnsweredLegAsync(call, "1003", Deadline);

        await _fixture.AssertPhoneEndedWellAsync(agent, Deadline);
        var agentHeard = agent.PacketsReceived;
        await AssertHearsAsync(customer, TargetTone, "the customer after the REFER");
        await AssertHearsAsync(target, CustomerTone, "the REFER's target");
        Assert.InRange(agent.PacketsReceived - agentHeard, 0, 5);
        Assert.Same(targetLeg, call.Callee);
        var transfer = Assert.Single(_fixture.Events.OfType<CallTransferred>());
        Assert.Equal((agentLeg.LegId, "1003", false), (transfer.LegId, transfer.TransferTo, transfer.Attended));
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task FailedReferIsReportedToThePhoneWhichIsBackWithTheCustomer()
    {
        // 1004 is busy; the phone's scenario checks that the final NOTIFY reports a failure, then stays in the call.
        var busy = await _fixture.PhoneAsync("1004", TargetTone, "uas-busy.xml");
        var agent = await _fixture.PhoneAsync("1002", AgentTone, "uas-party-refer-fails.xml");
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);

        var busyLeg = await _fixture.WaitForEventAsync<LegStarted>(e => e.CallId == call.CallId && e.Number == "1004", Deadline);
        var refused = await _fixture.WaitForEventAsync<LegEnded>(e => e.LegId == busyLeg.LegId, Deadline);

        Assert.Equal((CallEndCause.Busy, 486), (refused.Cause, refused.SipStatus));
        // The agent hears nothing while the target is dialled: audio reaching it again means it is reconnected.
        Assert.True(await agent.WaitHeardAsync(agent.Mark(), 1600, Deadline), "the agent is not reconnected after the failed REFER");
        await AssertHearsAsync(customer, AgentTone, "the customer after the failed REFER");
        await AssertHearsAsync(agent, CustomerTone, "the agent after the failed REFER");
        Assert.True(_fixture.IsInCall(agent), "the phone whose REFER failed was hung up");
        Assert.NotNull(_fixture.Calls.Find(call.CallId));
        Assert.DoesNotContain(_fixture.Events, e => e is CallTransferred);
        await _fixture.AssertPhoneEndedWellAsync(busy, Deadline);
        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);
        await _fixture.AssertPhonesEndedWellAsync();
    }
}
