using System.Collections.Concurrent;
using System.Globalization;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Tests.Calls;
using CallCenter.Tests.Sip.Registrar;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Trunks;

/// <summary>
/// sipp as a carrier calling in from 127.0.0.1 without credentials (Telephony-only host, in-memory trunk directory):
/// a trunk's allowed source is not challenged for the dial plan's numbers; any other source still is.
/// </summary>
public sealed class InboundTrunkSippTests : IAsyncDisposable
{
    private SipTestHost? _host;
    private IDisposable? _subscription;
    private readonly ConcurrentQueue<CallEvent> _events = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task CarrierCallFromAnAllowedSourceIsAnsweredWithoutChallengeAsInbound()
    {
        _host = await StartHostAsync(new InMemoryTrunkDirectory(Trunk()));

        var carrier = await CallSipp.RunAsync(_host.UdpEndPoint, Scenario("carrier-inbound.xml"), SippRunner.FreeUdpPort(), "x", "x", "9196;013800138000;");
        await Task.WhenAny(_ended.Task, Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.True(carrier.ExitCode == 0, carrier.ToString());
        var events = _events.ToArray();
        var offered = Assert.Single(events.OfType<CallOffered>());
        Assert.Equal((CallEventDirection.Inbound, RouteTargetKind.EchoTest, "013800138000", "9196"),
            (offered.Direction, offered.Target.Kind, offered.CallerNumber, offered.DialledNumber));
        var leg = Assert.Single(events.OfType<LegStarted>());
        Assert.Equal((CallLegRole.Trunk, "013800138000"), (leg.Role, leg.Number));
        var ended = Assert.Single(events.OfType<CallEnded>());
        Assert.Equal((CallEndCause.Normal, HangupSide.Caller), (ended.Cause, ended.HangupBy));
    }

    [Fact]
    public async Task CarrierCallToAnUnknownNumberGets404()
    {
        _host = await StartHostAsync(new InMemoryTrunkDirectory(Trunk()));

        var carrier = await RunRejectedAsync("5555", 404);

        Assert.True(carrier.ExitCode == 0, carrier.ToString());
        Assert.Empty(_events);
    }

    [Fact]
    public async Task CallFromASourceOfNoTrunkIsChallenged()
    {
        _host = await StartHostAsync(new InMemoryTrunkDirectory());

        var carrier = await RunRejectedAsync("9196", 407);

        Assert.True(carrier.ExitCode == 0, carrier.ToString());
        Assert.Empty(_events);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static TrunkConfig Trunk() =>
        new(Guid.NewGuid(), "carrier", "127.0.0.1", 5999, null, false, null, null, null, ["127.0.0.1"], null);

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Trunks", "Scenarios", name);

    private async Task<SippResult> RunRejectedAsync(string number, int code)
    {
        var work = Directory.CreateTempSubdirectory("cc-carrier-").FullName;
        try
        {
            var path = Path.Combine(work, "carrier-rejected.xml");
            await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(Scenario("carrier-rejected.xml")))
                .Replace("REJECTCODE", code.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            return await CallSipp.RunAsync(_host!.UdpEndPoint, path, SippRunner.FreeUdpPort(), "x", "x", $"{number};013800138000;");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<SipTestHost> StartHostAsync(InMemoryTrunkDirectory trunks)
    {
        var host = await SipTestHost.StartAsync(
            new()
            {
                ["CallCenter:Rtp:PortMin"] = "34000",
                ["CallCenter:Rtp:PortMax"] = "34998",
            },
            configure: services =>
            {
                services.AddSingleton<ITrunkDirectory>(trunks);
                services.AddSingleton<IDialPlan>(new TrunkDialPlan(trunks));
            });
        _subscription = host.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            _events.Enqueue(e);
            if (e is CallEnded)
            {
                _ended.TrySetResult();
            }
        });
        return host;
    }
}
