using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Registrar;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Acd;

/// <summary>
/// The ACD (automatic call distribution): agents' live states and the queues' waiting calls, and the matching of
/// one to the other by each queue's strategy. A singleton; every transition is published on
/// <see cref="AgentEventStream"/>.
/// </summary>
/// <remarks>
/// All state lives behind one lock (the dispatcher lock), held only for in-memory work: reserving an agent
/// (Ready → Ringing) and every other transition are atomic with respect to each other. Everything that may run
/// foreign code — publishing state changes, completing a queue entry's exit, cancelling and starting offers — is
/// done after the lock is released (<see cref="AcdEffects"/>). State changes go through one outbox, so subscribers
/// see them in the order they happened even when several threads publish.
/// </remarks>
public sealed partial class AcdService : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IAcdDirectory _directory;
    private readonly AgentEventStream _agentEvents;
    private readonly LocationService _location;
    private readonly TimeProvider _time;
    private readonly ILogger<AcdService> _logger;
    private readonly AcdOptions _options;
    private readonly Dictionary<string, LiveAgent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueueState> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _legs = [];
    private readonly Queue<AgentStateChanged> _outbox = new();
    private readonly IDisposable _callSubscription;
    private readonly IDisposable _registrationSubscription;
    private long _sequence;
    private bool _flushing;

    /// <summary>Creates the ACD and subscribes it to the call events and registration changes.</summary>
    public AcdService(
        IAcdDirectory directory,
        AgentEventStream agentEvents,
        CallEventStream callEvents,
        LocationService location,
        TimeProvider time,
        ILogger<AcdService> logger,
        IOptions<AcdOptions> options)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(agentEvents);
        ArgumentNullException.ThrowIfNull(callEvents);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _directory = directory;
        _agentEvents = agentEvents;
        _location = location;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _callSubscription = callEvents.Subscribe(OnCallEvent);
        _registrationSubscription = location.Changes.Subscribe(OnRegistrationChanged);
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private TimeSpan DefaultHandleTime => TimeSpan.FromSeconds(_options.DefaultHandleTimeSeconds);

    /// <summary>The agent's live state, or null when it never logged in since start.</summary>
    public AgentSnapshot? GetAgent(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        lock (_gate)
        {
            return _agents.TryGetValue(extension, out var agent) ? Snapshot(agent) : null;
        }
    }

    /// <summary>Every known agent's live state, by extension.</summary>
    public IReadOnlyList<AgentSnapshot> GetAgents()
    {
        lock (_gate)
        {
            return [.. _agents.Values.OrderBy(a => a.Extension, StringComparer.Ordinal).Select(Snapshot)];
        }
    }

    /// <summary>The calls in <paramref name="queue"/> (waiting, or ringing an agent), in order.</summary>
    public IReadOnlyList<QueueEntry> GetWaiting(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        lock (_gate)
        {
            return _queues.TryGetValue(queue, out var state) ? [.. state.Entries] : [];
        }
    }

    /// <summary>Stops listening to calls and registrations and stops the timers.</summary>
    public void Dispose()
    {
        _callSubscription.Dispose();
        _registrationSubscription.Dispose();
        lock (_gate)
        {
            foreach (var agent in _agents.Values)
            {
                agent.WrapUpTimer?.Dispose();
            }
            foreach (var entry in _queues.Values.SelectMany(q => q.Entries))
            {
                entry.MaxWaitTimer?.Dispose();
            }
        }
    }

    /// <summary>Runs <paramref name="change"/> under the lock, then its effects outside it.</summary>
    private void Mutate(Action<AcdEffects> change)
    {
        var effects = new AcdEffects();
        lock (_gate)
        {
            change(effects);
        }
        Apply(effects);
    }

    /// <summary>Runs <paramref name="change"/> under the lock, then its effects outside it, and returns its result.</summary>
    private T Mutate<T>(Func<AcdEffects, T> change)
    {
        var effects = new AcdEffects();
        T result;
        lock (_gate)
        {
            result = change(effects);
        }
        Apply(effects);
        return result;
    }

    private void Apply(AcdEffects effects)
    {
        Flush();
        foreach (var (entry, exit) in effects.Exits)
        {
            LogQueueExit(_logger, entry.Queue, entry.Call.CallId, exit.Reason, exit.Agent);
            entry.TryComplete(exit);
        }
        foreach (var cancellation in effects.Cancellations)
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The offer's result was handled meanwhile: nothing is ringing any more.
            }
        }
        foreach (var run in effects.Offers)
        {
            _ = Task.Run(() => RunOfferAsync(run));
        }
    }

    /// <summary>Publishes the queued state changes in order; a thread already publishing publishes ours too.</summary>
    private void Flush()
    {
        lock (_gate)
        {
            if (_flushing)
            {
                return;
            }
            _flushing = true;
        }
        while (true)
        {
            AgentStateChanged next;
            lock (_gate)
            {
                if (!_outbox.TryDequeue(out next!))
                {
                    _flushing = false;
                    return;
                }
            }
            LogStateChanged(_logger, next.Extension, next.Status, next.Reason, next.CallId, next.Queue);
            _agentEvents.Publish(next);
        }
    }

    private AgentSnapshot Snapshot(LiveAgent agent)
    {
        RollAnsweredDay(agent);
        return agent.ToSnapshot();
    }
}
