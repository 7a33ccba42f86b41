using System.Collections.Concurrent;
using System.Globalization;
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
    private static int s_fixtures;
    private readonly ConcurrentQueue<CallEvent> _events = new();
    private readonly List<Task<SippResult>> _phones = [];
    private readonly List<ToneParty> _parties = [];
    private readonly Dictionary<ToneParty, Task<SippResult>> _phoneOf = [];
    private IDisposable? _subscription;

    private PartyCallFixture(SipTestHost host) => Host = host;

    /// <summary>How long a test waits for something that takes well under a second on an idle machine: generous, for a loaded one.</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(10);

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
        // Each fixture its own slice of 34000-34999 (a call takes a handful of ports): a host of a test running in
        // parallel does not bind a port another test's host just released while a party there still sends to it (an
        // endpoint latches onto the first RTP it gets, RFC 4961, and would then talk to the wrong test's party).
        var portMin = 34000 + (100 * (Interlocked.Increment(ref s_fixtures) % 10));
        var all = new Dictionary<string, string?>
        {
            ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5",
            ["CallCenter:Calls:RingTimeoutSeconds"] = "5",
            ["CallCenter:Rtp:PortMin"] = portMin.ToString(CultureInfo.InvariantCulture),
            ["CallCenter:Rtp:PortMax"] = (portMin + 99).ToString(CultureInfo.InvariantCulture),
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
    public Task<ToneParty> AnsweringPhoneAsync(string extension, double frequency, int timeoutSeconds = 20) =>
        PhoneAsync(extension, frequency, "uas-party.xml", timeoutSeconds);

    /// <summary>
    /// A phone at <paramref name="extension"/> that registers, then takes the next call with <paramref name="scenario"/>
    /// (a uas-party-* variant: field0 of its injection row is the party's media port).
    /// </summary>
    public async Task<ToneParty> PhoneAsync(string extension, double frequency, string scenario, int timeoutSeconds = 20, params string[] sippArguments)
    {
        var port = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(Host.UdpEndPoint, "register-auth.xml", [$"{extension};300;"], extension, $"sip{extension}demo", calls: 1, localPort: port);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var party = NewParty(frequency);
        var phone = CallSipp.RunAsync(Host.UdpEndPoint, CallSipp.Scenario(scenario), port, extension, $"sip{extension}demo", $"{party.Port};",
            timeoutSeconds, sippArguments);
        Track(party, phone);
        // sipp binds its port at start; give it a moment before an INVITE reaches it.
        await Task.Delay(300);
        return party;
    }

    /// <summary>
    /// <paramref name="extension"/> dials <paramref name="number"/> with a party sending <paramref name="frequency"/>;
    /// returns once the call is answered, with the call and the caller's party.
    /// </summary>
    public async Task<(CallSession Call, ToneParty Party)> CallAsync(string extension, string number, double frequency, int timeoutSeconds = 20,
        string scenario = "uac-party.xml")
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
            var phone = CallSipp.RunAsync(Host.UdpEndPoint, CallSipp.Scenario(scenario), SippRunner.FreeUdpPort(), extension, $"sip{extension}demo",
                $"{number};{extension};{party.Port};", timeoutSeconds: timeoutSeconds);
            Track(party, phone);
            var callId = await answered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var call = Calls.Find(callId)!;
            party.SendTo(call.Caller.Media!.Endpoint.LocalRtp);
            StartSending(call.Callee!);
            return (call, party);
        }
    }

    /// <summary>Takes over a phone the test started itself (with its party): stopped and awaited like the fixture's own.</summary>
    public void Adopt(ToneParty party, Task<SippResult> phone)
    {
        _parties.Add(party);
        Track(party, phone);
    }

    /// <summary>Starts the party of the phone on <paramref name="leg"/> sending to the server's port for that leg.</summary>
    public void StartSending(CallLeg leg)
    {
        // The port the phone's SDP gave is the party's: the party is found by it.
        var port = leg.Media!.Audio!.RemoteRtp.Port;
        var party = _parties.Single(p => p.Port == port);
        party.SendTo(leg.Media!.Endpoint.LocalRtp);
    }

    /// <summary>
    /// Waits (up to <paramref name="deadline"/>) for the sipp phone of <paramref name="party"/> to finish, and asserts it
    /// ended well: its scenario ran to the end (for the party scenarios: it got its BYE and answered it).
    /// </summary>
    public async Task AssertPhoneEndedWellAsync(ToneParty party, TimeSpan deadline)
    {
        var phone = _phoneOf[party];
        var finished = await Task.WhenAny(phone, Task.Delay(deadline));
        Assert.True(finished == phone, "the phone did not finish its scenario: the BYE (or CANCEL) it waits for never came");
        var result = await phone;
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>True while the sipp phone of <paramref name="party"/> still runs its scenario (for a party scenario: no BYE yet).</summary>
    public bool IsInCall(ToneParty party) => !_phoneOf[party].IsCompleted;

    /// <summary>The first event of type <typeparamref name="T"/> that <paramref name="match"/> takes, waited for up to <paramref name="deadline"/>.</summary>
    public async Task<T> WaitForEventAsync<T>(Func<T, bool> match, TimeSpan deadline)
        where T : CallEvent
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (true)
        {
            if (_events.OfType<T>().FirstOrDefault(match) is { } found)
            {
                return found;
            }
            Assert.False(timeout.IsCancellationRequested, $"no {typeof(T).Name} as expected came within {deadline}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the leg of <paramref name="extension"/> on <paramref name="call"/> to answer, then starts its party sending; returns the leg.</summary>
    public async Task<CallLeg> AnsweredLegAsync(CallSession call, string extension, TimeSpan deadline)
    {
        var answered = await WaitForEventAsync<CallAnswered>(e => e.CallId == call.CallId && e.AgentExtension == extension, deadline);
        var leg = call.FindLeg(answered.LegId)!;
        StartSending(leg);
        return leg;
    }

    /// <summary>
    /// Asserts that <paramref name="listener"/> hears mostly <paramref name="frequency"/> from now on: a second of what
    /// it receives next, after 100 ms left for the switch-over, is waited for and judged.
    /// </summary>
    public static async Task AssertHearsAsync(ToneParty listener, double frequency, string who)
    {
        var mark = listener.Mark();
        Assert.True(await listener.WaitHeardAsync(mark, 8800, Deadline), $"{who} hears nothing");
        var share = listener.Share(frequency, mark + 800);
        Assert.True(share > 0.5, $"{who} does not hear the {frequency} Hz party (share {share:F2})");
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

    // A phone whose call ended sends no more media: its party stops with it (else it would go on sending to a port
    // the server released, which a later call may get).
    private void Track(ToneParty party, Task<SippResult> phone)
    {
        _phones.Add(phone);
        _phoneOf[party] = phone;
        _ = phone.ContinueWith(_ => party.StopSending(), TaskScheduler.Default);
    }

    private ToneParty NewParty(double frequency)
    {
        var party = new ToneParty(frequency);
        _parties.Add(party);
        return party;
    }
}
