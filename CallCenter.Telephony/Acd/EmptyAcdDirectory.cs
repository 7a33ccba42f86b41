namespace CallCenter.Telephony.Acd;

/// <summary>The default directory until the host registers its own: no queues, no agents.</summary>
public sealed class EmptyAcdDirectory : IAcdDirectory
{
    /// <inheritdoc />
    public ValueTask<AcdQueueConfig?> GetQueueAsync(string name, CancellationToken cancellationToken) => ValueTask.FromResult<AcdQueueConfig?>(null);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AcdQueueConfig>> GetQueuesAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<AcdQueueConfig>>([]);

    /// <inheritdoc />
    public ValueTask<AcdAgentConfig?> GetAgentAsync(string extension, CancellationToken cancellationToken) => ValueTask.FromResult<AcdAgentConfig?>(null);
}
