using System.Collections.Concurrent;
using System.Net;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Simulation;
using CallCenter.Tests.Sip.Registrar;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Simulation;

/// <summary>
/// The telephony engine alone (<see cref="SipTestHost"/>: 127.0.0.1, ephemeral SIP port, extensions 1001-1005, the test
/// dial plan with 9196 as echo test) with AllowUnauthenticatedInbound on, as in the demo, so that simulated customers
/// call in without credentials; its own RTP port range; the call events it publishes, and one media clock.
/// </summary>
internal sealed class SimulationTelephonyHost : IAsyncDisposable
{
    private readonly IDisposable _subscription;

    private SimulationTelephonyHost(SipTestHost host)
    {
        Host = host;
        _subscription = host.Services.GetRequiredService<CallEventStream>().Subscribe(Events.Enqueue);
    }

    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(10);

    public SipTestHost Host { get; }

    public IPEndPoint Server => Host.UdpEndPoint;

    public ConcurrentQueue<CallEvent> Events { get; } = new();

    public SimulatedMediaClock Clock { get; } = new();

    public static async Task<SimulationTelephonyHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var credentials = new InMemoryCredentialStore();
        foreach (var extension in new[] { "1001", "1002", "1003", "1004", "1005" })
        {
            credentials.Add(extension, $"sip{extension}demo");
        }
        return new SimulationTelephonyHost(await SipTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["CallCenter:Sip:AllowUnauthenticatedInbound"] = "true",
            ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5",
            // A range no other test host uses: no stray RTP from another test's phones reaches these calls.
            ["CallCenter:Rtp:PortMin"] = "36000",
            ["CallCenter:Rtp:PortMax"] = "36199",
        }, credentials, configure));
    }

    public SimulatedAgentPhone Phone(string extension, Func<SimulatedCall, IncomingCallPlan?>? answer = null, int toneHz = 700) =>
        new(Server, Clock, new SimulatedAgentPhoneOptions { Extension = extension, Password = $"sip{extension}demo", AnswerPolicy = answer, ToneFrequencyHz = toneHz });

    public async Task<T> WaitForEventAsync<T>(Func<T, bool> match)
        where T : CallEvent
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            if (Events.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }
            Assert.False(timeout.IsCancellationRequested, $"no {typeof(T).Name} as expected came within {Deadline}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits (up to <see cref="Deadline"/>) until each side of a call heard 25 packets (half a second) of the other's tone.</summary>
    public static async Task WaitHeardAsync(SimulatedCall a, SimulatedCall b)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (a.Media.PacketsHeardFrom(b.Media) < 25 || b.Media.PacketsHeardFrom(a.Media) < 25)
        {
            Assert.False(timeout.IsCancellationRequested,
                $"within {Deadline} one side heard {a.Media.PacketsHeardFrom(b.Media)}, the other {b.Media.PacketsHeardFrom(a.Media)} packets of the other's tone");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await Host.DisposeAsync();
        Clock.Dispose();
    }
}
