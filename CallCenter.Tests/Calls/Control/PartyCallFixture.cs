using System.Collections.Concurrent;
using System.Net;

using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// Calls between sipp phones whose media are the test's <see cref="ToneParty"/> sockets, through a Telephony-only
/// host (127.0.0.1, extensions 1001-1005): phones that take calls register first and answer with uas-party.xml;
/// the caller dials with uac-party.xml and stays until the server hangs it up. The test acts through
/// <see cref="ICallControl"/> and judges by what each party hears.
/// </summary>
internal sealed class PartyCallFixture : IAsyncDisposable
{
    private readonly ConcurrentQueue<CallEvent> _events = new();
    private readonly List<Task<SippResult>> _phones = [];
    private readonly List<ToneParty> _parties = [];
    private IDisposable? _subscription;

    private PartyCallFixture(SipTestHost host) => Host = host;

    public SipTestHost Host { get; }

    public ICallControl Control => Host.Services.GetRequiredService<ICallControl>();

    public CallRegistry Calls => Host.Services.GetRequiredService<CallRegistry>();

    public IReadOnlyCollection<CallEvent> Events => _events;

    public static async Task<PartyCallFixture> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var credentials = new InMemoryCredentialStore();
        foreach (var extension in new[] { "1001", "1002", "1003", "1004", "1005" })
        {
            credentials.Add(extension, $"sip{extension}demo");
        }
        var all = new Dictionary<string, string?>
        {
            ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5",
            ["CallCenter:Calls:RingTimeoutSeconds"] = "5",
            ["CallCenter:Rtp:PortMin"] = "34000",
            ["CallCenter:Rtp:PortMax"] = "34998",
            ["CallCenter:Rtp:MediaTimeoutSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        var fixture = new PartyCallFixture(await SipTestHost.StartAsync(all, credentials, configure));
        fixture._subscription = fixture.Host.Services.GetRequiredService<CallEventStream>().Subscribe(fixture._events.Enqueue);
        return fixture;
    }

    /// <summary>A phone at <paramref name="extension"/> that registers, then answers the next call with a party sending <paramref name="frequency"/>.</summary>
    public async Task<ToneParty> AnsweringPhoneAsync(string extension, double frequency, int timeoutSeconds = 20)
    {
        var port = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(Host.UdpEndPoint, "register-auth.xml", [$"{extension};300;"], extension, $"sip{extension}demo", calls: 1, localPort: port);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var party = NewParty(frequency);
        _phones.Add(CallSipp.RunAsync(Host.UdpEndPoint, CallSipp.Scenario("uas-party.xml"), port, extension, $"sip{extension}demo", $"{party.Port};",
            timeoutSeconds: timeoutSeconds));
        // sipp binds its port at start; give it a moment before an INVITE reaches it.
        await Task.Delay(300);
        return party;
    }

    /// <summary>
    /// <paramref name="extension"/> dials <paramref name="number"/> with a party sending <paramref name="frequency"/>;
    /// returns once the call is answered, with the call and the caller's party.
    /// </summary>
    public async Task<(CallSession Call, ToneParty Party)> CallAsync(string extension, string number, double frequency, int timeoutSeconds = 20)
    {
        var party = NewParty(frequency);
        var answered = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (Host.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            if (e is CallAnswered)
            {
                answered.TrySetResult(e.CallId);
            }
        }))
        {
            _phones.Add(CallSipp.RunAsync(Host.UdpEndPoint, CallSipp.Scenario("uac-party.xml"), SippRunner.FreeUdpPort(), extension, $"sip{extension}demo",
                $"{number};{extension};{party.Port};", timeoutSeconds: timeoutSeconds));
            var callId = await answered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var call = Calls.Find(callId)!;
            party.SendTo(call.Caller.Media!.Endpoint.LocalRtp);
            StartSending(call.Callee!);
            return (call, party);
        }
    }

    /// <summary>Starts the party of the phone on <paramref name="leg"/> sending to the server's port for that leg.</summary>
    public void StartSending(CallLeg leg)
    {
        // The leg's remote is the party's port (from its SDP): the party is found by it.
        var party = _parties.Single(p => p.Port == leg.Media!.Endpoint.RemoteRtp!.Port);
        party.SendTo(leg.Media!.Endpoint.LocalRtp);
    }

    /// <summary>Waits for every sipp phone to finish; each must have ended well.</summary>
    public async Task AssertPhonesEndedWellAsync()
    {
        foreach (var result in await Task.WhenAll(_phones))
        {
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await Host.DisposeAsync();
        foreach (var party in _parties)
        {
            await party.DisposeAsync();
        }
        // Phones still waiting end at their own time-outs.
        await Task.WhenAll(_phones.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private ToneParty NewParty(double frequency)
    {
        var party = new ToneParty(frequency);
        _parties.Add(party);
        return party;
    }
}
