using CallCenter.Telephony.Events;
using CallCenter.Telephony.Simulation;

namespace CallCenter.Tests.Simulation;

/// <summary>
/// Simulated customers against the real telephony engine without credentials (AllowUnauthenticatedInbound): the echo
/// test returns their own RTP, their RFC 4733 key presses become DtmfReceived, a number nobody serves fails, and an
/// impatient customer cancels a call that rings too long.
/// </summary>
public sealed class SimulatedCustomerTests
{
    [Fact]
    public async Task CustomerCallingTheEchoTestHearsItsOwnAudio()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var customer = new SimulatedCustomer(host.Server, host.Clock, "13900001001", toneFrequencyHz: 450);

        var result = await customer.CallAsync(new CustomerCallPlan { DialledNumber = "9196", TalkTime = TimeSpan.FromSeconds(2) })
            .WaitAsync(SimulationTelephonyHost.Deadline);

        Assert.Equal((CustomerCallOutcome.Answered, 200), (result.Outcome, result.FinalStatus));
        Assert.Equal(SimulatedCallEndReason.LocalHangUp, result.Call.EndReason);
        // 2 s at 50 packets/s is 100 packets; most come back unchanged (the echo relays payloads as they are).
        Assert.True(result.Call.Media.PacketsSent >= 80, $"sent {result.Call.Media.PacketsSent}");
        Assert.True(result.Call.Media.EchoedPackets >= 60, $"echoed {result.Call.Media.EchoedPackets} of {result.Call.Media.PacketsReceived} received");
        var offered = await host.WaitForEventAsync<CallOffered>(e => e.CallerNumber == "13900001001");
        Assert.Equal(("9196", CallEventDirection.Inbound), (offered.DialledNumber, offered.Direction));
        await host.WaitForEventAsync<CallEnded>(e => e.CallId == offered.CallId);
    }

    [Fact]
    public async Task CustomerKeyPressesToTheEchoTestAreReportedAsDtmfReceived()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var customer = new SimulatedCustomer(host.Server, host.Clock, "13900001002");

        var result = await customer.CallAsync(new CustomerCallPlan
        {
            DialledNumber = "9196",
            Digits = "1#",
            DigitsDelay = TimeSpan.FromMilliseconds(300),
            TalkTime = TimeSpan.FromSeconds(2),
        }).WaitAsync(SimulationTelephonyHost.Deadline);

        Assert.Equal(CustomerCallOutcome.Answered, result.Outcome);
        var offered = await host.WaitForEventAsync<CallOffered>(e => e.CallerNumber == "13900001002");
        await host.WaitForEventAsync<CallEnded>(e => e.CallId == offered.CallId);
        var digits = host.Events.OfType<DtmfReceived>().Where(e => e.CallId == offered.CallId).ToArray();
        Assert.Equal(["1", "#"], digits.Select(d => d.Digit.ToString()).ToArray());
        Assert.All(digits, d => Assert.Equal(DtmfMethod.Rfc4733, d.Method));
        // The echo sends the events back too: one press each, heard by the customer.
        Assert.Equal("1#", result.Call.Media.DigitsReceived);
    }

    [Fact]
    public async Task CustomerCallingAnUnknownNumberFails()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var customer = new SimulatedCustomer(host.Server, host.Clock, "13900001003");

        var result = await customer.CallAsync(new CustomerCallPlan { DialledNumber = "7777" }).WaitAsync(SimulationTelephonyHost.Deadline);

        // Unknown to the dial plan, so not taken without credentials: challenged, and a customer has none to give.
        Assert.Equal(CustomerCallOutcome.Failed, result.Outcome);
        Assert.Equal(407, result.FinalStatus);
        Assert.Equal(SimulatedCallEndReason.Rejected, result.Call.EndReason);
    }

    [Fact]
    public async Task ImpatientCustomerCancelsAndTheRingingAgentPhoneSeesTheCancel()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var agent = host.Phone("1003", _ => new IncomingCallPlan(TimeSpan.FromSeconds(30), null));
        Assert.Equal(200, await agent.RegisterAsync());
        var offered = new TaskCompletionSource<SimulatedCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.IncomingCall += call => offered.TrySetResult(call);
        await using var customer = new SimulatedCustomer(host.Server, host.Clock, "13900001004");

        var result = await customer.CallAsync(new CustomerCallPlan { DialledNumber = "1003", Patience = TimeSpan.FromSeconds(1.5) })
            .WaitAsync(SimulationTelephonyHost.Deadline);

        Assert.Equal((CustomerCallOutcome.Abandoned, 487), (result.Outcome, result.FinalStatus));
        Assert.Equal(SimulatedCallEndReason.Cancelled, result.Call.EndReason);
        var agentCall = await offered.Task.WaitAsync(SimulationTelephonyHost.Deadline);
        await agentCall.Ended.WaitAsync(SimulationTelephonyHost.Deadline);
        Assert.Equal((SimulatedCallEndReason.Cancelled, 487), (agentCall.EndReason, agentCall.FinalStatus));
        Assert.Equal("13900001004", agentCall.RemoteNumber);
        var ended = await host.WaitForEventAsync<CallEnded>(e => host.Events.OfType<CallOffered>().Any(o => o.CallId == e.CallId && o.CallerNumber == "13900001004"));
        Assert.Equal(CallEndCause.Cancelled, ended.Cause);
    }
}
