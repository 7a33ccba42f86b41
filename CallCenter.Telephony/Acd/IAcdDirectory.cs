namespace CallCenter.Telephony.Acd;

/// <summary>
/// The ACD's configuration port (Core implements it from a cached snapshot of queues, groups, agents and skills).
/// Called on the call path, so it answers from memory.
/// </summary>
public interface IAcdDirectory
{
    /// <summary>The queue named <paramref name="name"/>, or null.</summary>
    ValueTask<AcdQueueConfig?> GetQueueAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every queue (the ACD matches an agent who turns Ready against each queue it serves).</summary>
    ValueTask<IReadOnlyList<AcdQueueConfig>> GetQueuesAsync(CancellationToken cancellationToken);

    /// <summary>The active agent with <paramref name="extension"/>, or null.</summary>
    ValueTask<AcdAgentConfig?> GetAgentAsync(string extension, CancellationToken cancellationToken);
}
