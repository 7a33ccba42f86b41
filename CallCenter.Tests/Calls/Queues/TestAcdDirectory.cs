using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Calls.Queues;

/// <summary>The ACD's configuration for a Telephony-only host: one queue "sales" (dialled as 4000) and agents 1001-1005, with skills if given.</summary>
internal sealed class TestAcdDirectory(AcdQueueConfig sales, int maxMissedOffers = 3, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? skills = null)
    : IAcdDirectory
{
    public ValueTask<AcdQueueConfig?> GetQueueAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(name == sales.Name ? sales : null);

    public ValueTask<IReadOnlyList<AcdQueueConfig>> GetQueuesAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<AcdQueueConfig>>([sales]);

    public ValueTask<AcdAgentConfig?> GetAgentAsync(string extension, CancellationToken cancellationToken) =>
        ValueTask.FromResult(extension is "1001" or "1002" or "1003" or "1004" or "1005"
            ? new AcdAgentConfig(extension, "agent " + extension, maxMissedOffers, skills?.GetValueOrDefault(extension) ?? new Dictionary<string, int>())
            : null);

    /// <summary>The sales queue with <paramref name="strategy"/> over <paramref name="members"/> (extension, priority); short timers for tests.</summary>
    public static AcdQueueConfig Sales(AcdStrategy strategy, params (string Extension, int Priority)[] members) =>
        new("sales", "销售", strategy, [.. members.Select(m => new AcdQueueMember(m.Extension, m.Priority))])
        {
            RingTimeout = TimeSpan.FromSeconds(5),
            WrapUp = TimeSpan.Zero,
            AnnouncePosition = false,
        };
}
