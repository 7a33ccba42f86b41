using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Trunks;
using CallCenter.Tests.Calls;
using CallCenter.Tests.Sip.Registrar;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Trunks;

/// <summary>
/// sipp as the carrier on 127.0.0.1 (Telephony-only host, in-memory trunk directory): a registrar that challenges with
/// 401 and checks the digest (verifyauth), and a carrier that challenges the outbound INVITE with 407 before answering.
/// </summary>
public sealed class TrunkSippTests : IAsyncDisposable
{
    private SipTestHost? _host;
    private readonly ConcurrentQueue<CallEvent> _events = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task TrunkRegistersThroughTheDigestChallengeAndUnregistersAtShutdown()
    {
        var providerPort = SippRunner.FreeUdpPort();
        var provider = StartProvider("provider-registrar.xml", providerPort);
        var registered = new TaskCompletionSource<TrunkRegistrationStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var trunk = Trunk(providerPort, register: true);
        _host = await StartHostAsync(trunk);
        var statuses = _host.Services.GetRequiredService<TrunkStatusService>();
        statuses.Changed += s =>
        {
            if (s.State is TrunkRegistrationState.Registered or TrunkRegistrationState.Failed)
            {
                registered.TrySetResult(s);
            }
        };
        if (statuses.Get(trunk.Id) is { State: TrunkRegistrationState.Registered or TrunkRegistrationState.Failed } already)
        {
            registered.TrySetResult(already);
        }

        var status = await registered.Task.WaitAsync(TimeSpan.FromSeconds(8));
        Assert.True(status.State == TrunkRegistrationState.Registered, $"{status.State}: {status.Reason}");
        Assert.NotNull(status.ExpiresAt);
        await _host.DisposeAsync();
        var result = await provider;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TrunkRegistrationState.Unregistered, statuses.Get(trunk.Id)!.State);
        _host = null;
    }

    [Fact]
    public async Task AgentDialsOutThroughTheTrunkAnsweringTheCarriers407WithMediaAnchored()
    {
        var (caller, carrier, call) = await DialOutAsync(Trunk(SippRunner.FreeUdpPort(), register: false), SippRunner.FreeUdpPort());

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(carrier.ExitCode == 0, carrier.ToString());
        var events = _events.ToArray();
        var offered = Assert.Single(events.OfType<CallOffered>());
        Assert.Equal((CallEventDirection.Outbound, RouteTargetKind.Trunk, "13800138000"), (offered.Direction, offered.Target.Kind, offered.Target.Key));
        var legs = events.OfType<LegStarted>().ToArray();
        Assert.Equal([(CallLegRole.Customer, "1001"), (CallLegRole.Trunk, "13800138000")], legs.Select(l => (l.Role, l.Number)).ToArray());
        Assert.Equal(legs[1].LegId, Assert.Single(events.OfType<CallRinging>()).LegId);
        var answered = Assert.Single(events.OfType<CallAnswered>());
        Assert.Equal((legs[1].LegId, (string?)null), (answered.LegId, answered.AgentExtension));
        var ended = Assert.Single(events.OfType<CallEnded>());
        Assert.Equal((CallEndCause.Normal, HangupSide.Caller), (ended.Cause, ended.HangupBy));
        // The phone's RTP crossed our A endpoint to the carrier, the carrier's echo came back through B to the phone.
        Assert.NotNull(call);
        var (a, b) = (call.Caller.Media!.Endpoint, call.Callee!.Media!.Endpoint);
        Assert.True(a.PacketsReceived > 20 && b.PacketsSent > 20, $"A received {a.PacketsReceived}, B sent {b.PacketsSent}");
        Assert.True(b.PacketsReceived > 20 && a.PacketsSent > 20, $"B received {b.PacketsReceived}, A sent {a.PacketsSent}");
    }

    [Fact]
    public async Task PhoneRegisteredFromTheCarriersAddressIsChallengedAndDialsOut()
    {
        // The carrier's allowed source is 127.0.0.1, where the phone is too: its registration from this address and
        // port tells it apart, so its INVITE is challenged like any phone's instead of taken as the carrier's.
        var phonePort = SippRunner.FreeUdpPort();
        var trunk = Trunk(SippRunner.FreeUdpPort(), register: false) with { AllowedSources = ["127.0.0.1"] };

        var (caller, carrier, _) = await DialOutAsync(trunk, phonePort, registerFirst: true);

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(carrier.ExitCode == 0, carrier.ToString());
        var offered = Assert.Single(_events.OfType<CallOffered>());
        Assert.Equal((CallEventDirection.Outbound, RouteTargetKind.Trunk), (offered.Direction, offered.Target.Kind));
    }

    // sipp 1001 (RTP from a pcap) dials 0 + 13800138000 out through the trunk; sipp as the carrier echoes the RTP.
    private async Task<(SippResult Caller, SippResult Carrier, CallSession? Call)> DialOutAsync(TrunkConfig trunk, int phonePort, bool registerFirst = false)
    {
        var provider = StartProvider("provider-call.xml", trunk.Port, "-mp", SippRunner.FreeUdpPort().ToString(CultureInfo.InvariantCulture), "-rtp_echo");
        _host = await StartHostAsync(trunk);
        CallSession? call = null;
        using var subscription = _host.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            _events.Enqueue(e);
            if (e is CallAnswered)
            {
                call = _host.Services.GetRequiredService<CallRegistry>().Calls.Single(c => c.CallId == e.CallId);
            }
            if (e is CallEnded)
            {
                _ended.TrySetResult();
            }
        });
        if (registerFirst)
        {
            var registered = await SippRunner.RunAsync(_host.UdpEndPoint, "register-auth.xml", ["1001;300;"], "1001", "sip1001demo", calls: 1, localPort: phonePort);
            Assert.True(registered.ExitCode == 0, registered.ToString());
        }
        var caller = await CallSipp.RunAsync(_host.UdpEndPoint, AnchoredMediaCallTests.CallerScenario("/usr/share/sip-tester/g711a.pcap", 1500), phonePort,
            "1001", "sip1001demo", "013800138000;1001;", extra: ["-mp", SippRunner.FreeUdpPort().ToString(CultureInfo.InvariantCulture)]);
        var carrier = await provider;
        await Task.WhenAny(_ended.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        return (caller, carrier, call);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    // No inbound sources: the agent's sipp shares 127.0.0.1 with the carrier, and a trunk source is never challenged.
    private static TrunkConfig Trunk(int port, bool register) =>
        new(Guid.NewGuid(), "carrier", "127.0.0.1", port, null, register, "trunkuser", "trunkpass", "8675309", [], "0");

    private static Task<SippResult> StartProvider(string scenario, int port, params string[] extra) =>
        CallSipp.RunAsync(new IPEndPoint(IPAddress.Loopback, 5060), Path.Combine(AppContext.BaseDirectory, "Trunks", "Scenarios", scenario), port, "x", "x",
            timeoutSeconds: 10, extra: extra);

    private static async Task<SipTestHost> StartHostAsync(TrunkConfig trunk)
    {
        // sipp binds its port at start; give it a moment before the first request reaches it.
        await Task.Delay(300);
        return await SipTestHost.StartAsync(
            new()
            {
                ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5",
                ["CallCenter:Calls:RingTimeoutSeconds"] = "5",
                ["CallCenter:Rtp:PortMin"] = "33000",
                ["CallCenter:Rtp:PortMax"] = "33998",
            },
            configure: services =>
            {
                var trunks = new InMemoryTrunkDirectory(trunk);
                services.AddSingleton<ITrunkDirectory>(trunks);
                services.AddSingleton<IDialPlan>(new TrunkDialPlan(trunks));
            });
    }
}
