using System.Collections.Concurrent;
using System.Net;

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
    public async Task AgentDialsOutThroughTheTrunkAnsweringTheCarriers407()
    {
        var providerPort = SippRunner.FreeUdpPort();
        var provider = StartProvider("provider-call.xml", providerPort);
        _host = await StartHostAsync(Trunk(providerPort, register: false));
        using var subscription = _host.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            _events.Enqueue(e);
            if (e is CallEnded)
            {
                _ended.TrySetResult();
            }
        });

        var caller = await CallSipp.RunAsync(_host.UdpEndPoint, CallSipp.Scenario("uac-call.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "013800138000;1001;");
        var carrier = await provider;
        await Task.WhenAny(_ended.Task, Task.Delay(TimeSpan.FromSeconds(5)));

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

    private static Task<SippResult> StartProvider(string scenario, int port)
    {
        var task = CallSipp.RunAsync(new IPEndPoint(IPAddress.Loopback, 5060), Path.Combine(AppContext.BaseDirectory, "Trunks", "Scenarios", scenario), port, "x", "x", timeoutSeconds: 10);
        return task;
    }

    private static async Task<SipTestHost> StartHostAsync(TrunkConfig trunk)
    {
        // sipp binds its port at start; give it a moment before the first request reaches it.
        await Task.Delay(300);
        return await SipTestHost.StartAsync(
            new()
            {
                ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5",
                ["CallCenter:Calls:RingTimeoutSeconds"] = "5",
                ["CallCenter:Rtp:PortMin"] = "32000",
                ["CallCenter:Rtp:PortMax"] = "32998",
            },
            configure: services =>
            {
                var trunks = new InMemoryTrunkDirectory(trunk);
                services.AddSingleton<ITrunkDirectory>(trunks);
                services.AddSingleton<IDialPlan>(new TrunkDialPlan(trunks));
            });
    }
}
