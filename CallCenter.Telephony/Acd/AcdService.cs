namespace CallCenter.Telephony.Acd;

/// <summary>
/// The ACD (automatic call distribution): agents' live states and the queues' waiting calls, and the matching of
/// one to the other by each queue's strategy. A singleton; every transition is published on
/// <see cref="AgentEventStream"/>.
/// </summary>
public sealed partial class AcdService
{
    /// <summary>Puts <paramref name="call"/> in queue <paramref name="queue"/>; null when no such queue.
    /// The entry's Exit may already be completed (Empty) when the queue refuses callers while empty.</summary>
    public ValueTask<QueueEntry?> EnqueueAsync(string queue, IQueuedCall call, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>The caller hung up (or was moved elsewhere): the entry leaves with <see cref="QueueExitReason.Abandoned"/>, a ringing offer is cancelled.</summary>
    public void Abandon(QueueEntry entry) => throw new NotImplementedException();

    /// <summary>The caller asked to be called back: keeps its place, no maximum wait from now on.</summary>
    public void RequestCallback(QueueEntry entry) => throw new NotImplementedException();

    /// <summary>Logs the agent in to its queues and makes it Ready (示闲). Refused for an unknown or inactive extension.</summary>
    public ValueTask<AcdCommandResult> LoginAsync(string extension, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Ready (示闲). During a call or wrap-up: ends the wrap-up now / clears a pending NotReady.</summary>
    public AcdCommandResult SetReady(string extension) => throw new NotImplementedException();

    /// <summary>NotReady (示忙) with a reason. While ringing: the offer is withdrawn (the call goes back to its place); during a call or wrap-up: applied when they end.</summary>
    public AcdCommandResult SetNotReady(string extension, string reason) => throw new NotImplementedException();

    /// <summary>Logs the agent out (refused during a call: applied after it).</summary>
    public AcdCommandResult Logout(string extension) => throw new NotImplementedException();

    /// <summary>Adds <paramref name="extra"/> to the current wrap-up.</summary>
    public AcdCommandResult ExtendWrapUp(string extension, TimeSpan extra) => throw new NotImplementedException();

    /// <summary>The agent's live state, or null when it never logged in since start.</summary>
    public AgentSnapshot? GetAgent(string extension) => throw new NotImplementedException();

    /// <summary>Every known agent's live state.</summary>
    public IReadOnlyList<AgentSnapshot> GetAgents() => throw new NotImplementedException();

    /// <summary>The calls waiting in <paramref name="queue"/>, in order.</summary>
    public IReadOnlyList<QueueEntry> GetWaiting(string queue) => throw new NotImplementedException();
}
