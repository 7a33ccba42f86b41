using System.Net;

using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Acd;

/// <summary>
/// An ACD on a fake clock with an in-memory directory, a real call event stream and a real location service; records
/// every published agent state change and every offer.
/// </summary>
internal sealed class AcdHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);
    private readonly List<AgentStateChanged> _events = [];
    private readonly List<PendingOffer> _offers = [];
    private long _cseq;
    private TaskCompletionSource _offerSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AcdHarness()
    {
        Location = new LocationService(Time, new FixedOptionsMonitor<RegistrarOptions>(new RegistrarOptions()));
        Calls = new CallEventStream(Time);
        AgentEvents.Subscribe(e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        });
        Acd = new AcdService(Directory, AgentEvents, Calls, Location, Time, NullLogger<AcdService>.Instance, Options.Create(new AcdOptions()));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryAcdDirectory Directory { get; } = new();

    public AgentEventStream AgentEvents { get; } = new();

    public CallEventStream Calls { get; }

    public LocationService Location { get; }

    public AcdService Acd { get; }

    public IReadOnlyList<AgentStateChanged> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<PendingOffer> AllOffers
    {
        get
        {
            lock (_offers)
            {
                return [.. _offers];
            }
        }
    }

    public void Agent(string extension, int maxMissedOffers = 0, IReadOnlyDictionary<string, int>? skills = null) =>
        Directory.Add(new AcdAgentConfig(extension, "Agent " + extension, maxMissedOffers, skills ?? new Dictionary<string, int>()));

    /// <summary>A queue whose members are <paramref name="extensions"/> with priority 0, in that order.</summary>
    public AcdQueueConfig Queue(string name, AcdStrategy strategy, params string[] extensions) => Queue(
        new AcdQueueConfig(name, name, strategy, [.. extensions.Select(e => new AcdQueueMember(e, 0))]) { WrapUp = TimeSpan.Zero });

    public AcdQueueConfig Queue(AcdQueueConfig config)
    {
        Directory.Add(config);
        foreach (var member in config.Members)
        {
            if (Directory.GetAgentAsync(member.Extension, default).Result is null)
            {
                Agent(member.Extension);
            }
        }
        return config;
    }

    public async Task LoginAsync(params string[] extensions)
    {
        foreach (var extension in extensions)
        {
            var result = await Acd.LoginAsync(extension, CancellationToken.None);
            Assert.True(result.Succeeded, result.Reason);
        }
    }

    public async Task<(ScriptedQueuedCall Call, QueueEntry Entry)> EnqueueAsync(string queue, int priority = 0, bool honourCancellation = true)
    {
        var call = new ScriptedQueuedCall(this, Calls.NewCallId(), priority) { HonourCancellation = honourCancellation };
        var entry = await Acd.EnqueueAsync(queue, call, CancellationToken.None);
        Assert.NotNull(entry);
        return (call, entry);
    }

    public AgentStatus StatusOf(string extension) => Acd.GetAgent(extension)?.Status ?? AgentStatus.LoggedOut;

    public IReadOnlyList<AgentStateChanged> EventsOf(string extension) => [.. Events.Where(e => e.Extension == extension)];

    public IReadOnlyList<AgentStatus> StatusesOf(string extension) => [.. EventsOf(extension).Select(e => e.Status)];

    /// <summary>The offer (still ringing) that includes <paramref name="extension"/>, once it arrived.</summary>
    public Task<PendingOffer> OfferToAsync(string extension) => WaitForOfferAsync(o => !o.IsCompleted && o.Offer.Extensions.Contains(extension));

    /// <summary>The next ringing offer of <paramref name="call"/>, once it arrived.</summary>
    public Task<PendingOffer> OfferOfAsync(ScriptedQueuedCall call) => WaitForOfferAsync(o => !o.IsCompleted && o.Call == call);

    public async Task<PendingOffer> WaitForOfferAsync(Func<PendingOffer, bool> predicate)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            Task signal;
            lock (_offers)
            {
                var found = _offers.Find(o => predicate(o));
                if (found is not null)
                {
                    return found;
                }
                signal = _offerSignal.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("No such offer arrived.");
            }
            await signal.WaitAsync(left).ConfigureAwait(false);
        }
    }

    public void OfferArrived(PendingOffer offer)
    {
        TaskCompletionSource signal;
        lock (_offers)
        {
            _offers.Add(offer);
            signal = _offerSignal;
            _offerSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        signal.SetResult();
    }

    /// <summary>An agent leg of <paramref name="callId"/> started (the B2BUA rings the agent's phone); returns the leg id.</summary>
    public Guid AgentLeg(Guid callId, string extension)
    {
        var leg = Calls.NewLegId();
        Calls.Publish(new LegStarted(callId, Now, leg, CallLegRole.Agent, extension, null));
        return leg;
    }

    public void EndCall(Guid callId) => Calls.Publish(new CallEnded(callId, Now, CallEndCause.Normal, HangupSide.Caller));

    public DateTimeOffset Now => Time.GetUtcNow();

    public static async Task<QueueExit> ExitOf(QueueEntry entry) => await entry.Exit.WaitAsync(WaitLimit);

    public void Register(string extension, string contact = "sip:phone@192.0.2.10", int expires = 300) =>
        Apply(extension, contact, expires);

    public void Unregister(string extension, string contact = "sip:phone@192.0.2.10") => Apply(extension, contact, 0);

    private void Apply(string extension, string contact, int expires)
    {
        var request = new RegistrationRequest
        {
            Extension = extension,
            CallId = "reg-" + extension,
            CSeq = ++_cseq,
            Source = SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060)),
            Contacts = [new ContactUpdate(contact, "", expires)],
        };
        Assert.Equal(RegistrationOutcome.Applied, Location.Apply(request, out _));
    }

    public void Dispose()
    {
        Acd.Dispose();
        Location.Dispose();
    }
}
