using System.Threading.Channels;

using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;
using CallCenter.Web.Hosting.Users;

namespace CallCenter.Web.Hosting.Workspace;

/// <summary>
/// The agent workspace's link to the engine, one per circuit (scoped): binds to the signed-in agent's extension, logs
/// it in to its queues when it is logged out, and pushes a fresh <see cref="DeskState"/> whenever the ACD or a call of
/// this agent changes (server push from the event streams, no polling). The engine holds the truth: a reconnect, a
/// second tab or a reload read the same state, so two tabs of one agent never disagree.
/// </summary>
public sealed partial class AgentDesk : IAsyncDisposable
{
    // Events arrive on SIP and media threads: they only mark the desk dirty; one loop refreshes (bursts coalesce).
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Guid> _calls = [];
    private readonly Lock _gate = new();
    private readonly CurrentUserService _user;
    private readonly AcdService _acd;
    private readonly ICallControl _control;
    private readonly AgentEventStream _agentEvents;
    private readonly CallEventStream _callEvents;
    private readonly ILogger<AgentDesk> _logger;
    private IDisposable? _agentSubscription;
    private IDisposable? _callSubscription;
    private Task? _loop;

    /// <summary>Creates the desk; <see cref="StartAsync"/> binds it.</summary>
    public AgentDesk(CurrentUserService user, AcdService acd, ICallControl control, AgentEventStream agentEvents, CallEventStream callEvents,
        ILogger<AgentDesk> logger)
    {
        _user = user;
        _acd = acd;
        _control = control;
        _agentEvents = agentEvents;
        _callEvents = callEvents;
        _logger = logger;
    }

    /// <summary>The desk as it is now; null until bound (or for a user who is no agent).</summary>
    public DeskState? State { get; private set; }

    /// <summary>Raised (on a background thread) after <see cref="State"/> changed.</summary>
    public event Action? Changed;

    /// <summary>
    /// Binds to the signed-in user's extension (once per circuit): false for a user without an agent extension. An agent
    /// found logged out is logged in to its queues (Ready); one already in a state keeps it.
    /// </summary>
    public async Task<bool> StartAsync()
    {
        if (State is not null)
        {
            return true;
        }
        if ((await _user.GetAsync())?.Agent is not { } agent)
        {
            return false;
        }
        var extension = agent.Extension;
        if (_acd.GetAgent(extension) is null or { Status: AgentStatus.LoggedOut })
        {
            var login = await _acd.LoginAsync(extension, CancellationToken.None);
            LogLogin(_logger, extension, login.Succeeded, login.Reason);
        }
        State = Read(extension, null);
        _agentSubscription = _agentEvents.Subscribe(e =>
        {
            if (e.Extension == extension)
            {
                MarkDirty();
            }
        });
        _callSubscription = _callEvents.Subscribe(e => OnCallEvent(extension, e));
        _loop = RefreshLoopAsync(extension);
        return true;
    }

    /// <summary>Ready (示闲); an agent logged out meanwhile (*63 from its phone) is logged in to its queues again.</summary>
    public async Task<AcdCommandResult> SetReadyAsync() =>
        _acd.GetAgent(Extension) is null or { Status: AgentStatus.LoggedOut }
            ? await _acd.LoginAsync(Extension, CancellationToken.None)
            : _acd.SetReady(Extension);

    /// <summary>NotReady (示忙) with a reason.</summary>
    public AcdCommandResult SetNotReady(string reason) => _acd.SetNotReady(Extension, reason);

    /// <summary>More after-call work time.</summary>
    public AcdCommandResult ExtendWrapUp(TimeSpan extra) => _acd.ExtendWrapUp(Extension, extra);

    /// <summary>The bound extension.</summary>
    public string Extension => State?.Extension ?? throw new InvalidOperationException("The desk is not bound to an agent.");

    /// <summary>Closes the customer panel of a call that ended.</summary>
    public void DismissPop()
    {
        if (State is { Call: null } state)
        {
            State = state with { PopCall = null };
            Changed?.Invoke();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _agentSubscription?.Dispose();
        _callSubscription?.Dispose();
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
        _stop.Dispose();
    }

    private void OnCallEvent(string extension, CallEvent e)
    {
        bool mine;
        lock (_gate)
        {
            if (e is LegStarted { Role: CallLegRole.Agent } started && started.Number == extension || e is CallOffered offered && offered.CallerNumber == extension)
            {
                _calls.Add(e.CallId);
            }
            mine = _calls.Contains(e.CallId);
            if (e is CallEnded)
            {
                _calls.Remove(e.CallId);
            }
        }
        if (mine)
        {
            MarkDirty();
        }
    }

    private void MarkDirty() => _dirty.Writer.TryWrite(true);

    private async Task RefreshLoopAsync(string extension)
    {
        try
        {
            while (await _dirty.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                _dirty.Reader.TryRead(out _);
                State = Read(extension, State);
                Changed?.Invoke();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            LogRefreshFailed(_logger, ex, extension);
        }
    }

    // The pop follows the live call; once the call is gone it stays if the agent had answered it, else it closes.
    private DeskState Read(string extension, DeskState? before)
    {
        var call = _control.GetAgentCall(extension);
        var pop = call ?? (before?.PopCall is { AnsweredAt: not null } answered ? answered : null);
        return new DeskState(extension, _acd.GetAgent(extension), call, pop);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Workspace of {Extension}: logged in to its queues: {Succeeded} {Reason}")]
    private static partial void LogLogin(ILogger logger, string extension, bool succeeded, string? reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Workspace of {Extension}: refreshing failed; the page shows the last known state")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string extension);
}
