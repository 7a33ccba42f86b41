using CallCenter.Telephony.Simulation;

namespace CallCenter.Tests.Simulation;

/// <summary>Simulated agent phones against the real telephony engine: registration, calls between them, re-INVITE-free
/// hang-ups from either side.</summary>
public sealed class SimulatedAgentPhoneTests
{
    [Fact]
    public async Task PhoneRegistersWithDigestAndUnregistersOnDispose()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        var phone = host.Phone("1004");

        Assert.Equal(200, await phone.RegisterAsync());

        Assert.True(phone.IsRegistered);
        Assert.True(phone.GrantedExpiresSeconds > 0);
        var binding = Assert.Single(host.Host.Location.GetBindings("1004"));
        Assert.Equal(phone.LocalEndPoint.Port, binding.Source.EndPoint.Port);
        await phone.DisposeAsync();
        Assert.Empty(host.Host.Location.GetBindings("1004"));
    }

    [Fact]
    public async Task WrongPasswordIsNotRegistered()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var phone = new SimulatedAgentPhone(host.Server, host.Clock, new SimulatedAgentPhoneOptions { Extension = "1005", Password = "wrong" });

        Assert.Equal(401, await phone.RegisterAsync());

        Assert.False(phone.IsRegistered);
        Assert.Empty(host.Host.Location.GetBindings("1005"));
    }

    [Fact]
    public async Task PhoneCallsAnotherPhoneThroughTheB2buaAndTheCalleeHangsUp()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var caller = host.Phone("1001", toneHz: 600);
        await using var callee = host.Phone("1002", _ => new IncomingCallPlan(TimeSpan.FromMilliseconds(300), null), toneHz: 900);
        Assert.Equal(200, await caller.RegisterAsync());
        Assert.Equal(200, await callee.RegisterAsync());

        var call = caller.Dial("1002");
        Assert.Equal(200, await call.FinalResponse.WaitAsync(SimulationTelephonyHost.Deadline));
        var received = Assert.Single(callee.RecentCalls);
        await SimulationTelephonyHost.WaitHeardAsync(call, received);
        await received.HangUpAsync();
        await call.Ended.WaitAsync(SimulationTelephonyHost.Deadline);

        Assert.Equal(SimulatedCallEndReason.RemoteHangUp, call.EndReason);
        Assert.Equal((true, "1001", SimulatedCallEndReason.LocalHangUp), (received.IsIncoming, received.RemoteNumber, received.EndReason));
        Assert.NotNull(call.RingingTimestamp);
        Assert.True(call.Media.PacketsHeardFrom(received.Media) > 20, $"caller heard {call.Media.PacketsHeardFrom(received.Media)}");
        Assert.True(received.Media.PacketsHeardFrom(call.Media) > 20, $"callee heard {received.Media.PacketsHeardFrom(call.Media)}");
        Assert.Null(caller.CurrentCall);
    }

    [Fact]
    public async Task SecondCallToABusyPhoneIsRefusedBusy()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var first = host.Phone("1001");
        await using var second = host.Phone("1003");
        await using var callee = host.Phone("1002", _ => new IncomingCallPlan(TimeSpan.Zero, null));
        Assert.Equal(200, await first.RegisterAsync());
        Assert.Equal(200, await second.RegisterAsync());
        Assert.Equal(200, await callee.RegisterAsync());

        var up = first.Dial("1002");
        Assert.Equal(200, await up.FinalResponse.WaitAsync(SimulationTelephonyHost.Deadline));
        var refused = second.Dial("1002");

        Assert.Equal(486, await refused.FinalResponse.WaitAsync(SimulationTelephonyHost.Deadline));
        await up.HangUpAsync().WaitAsync(SimulationTelephonyHost.Deadline);
        Assert.Equal(SimulatedCallEndReason.LocalHangUp, up.EndReason);
        // The server passes the BYE on to the callee after answering the caller's.
        var received = callee.RecentCalls[0];
        await received.Ended.WaitAsync(SimulationTelephonyHost.Deadline);
        Assert.Equal(SimulatedCallEndReason.RemoteHangUp, received.EndReason);
    }
}
