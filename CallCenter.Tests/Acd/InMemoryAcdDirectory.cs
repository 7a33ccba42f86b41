using System.Collections.Concurrent;

using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

/// <summary>Queues and agents held in memory, changed by the test.</summary>
internal sealed class InMemoryAcdDirectory : IAcdDirectory
{
    private readonly ConcurrentDictionary<string, AcdQueueConfig> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AcdAgentConfig> _agents = new(StringComparer.Ordinal);

    public void Add(AcdQueueConfig queue) => _queues[queue.Name] = queue;

    public void Add(AcdAgentConfig agent) => _agents[agent.Extension] = agent;

    public ValueTask<AcdQueueConfig?> GetQueueAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_queues.GetValueOrDefault(name));

    public ValueTask<IReadOnlyList<AcdQueueConfig>> GetQueuesAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<AcdQueueConfig>>([.. _queues.Values]);

    public ValueTask<AcdAgentConfig?> GetAgentAsync(string extension, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_agents.GetValueOrDefault(extension));
}
