using CallCenter.Core.Domain;

namespace CallCenter.Core.Demo;

/// <summary>A queue as the history simulation sees it: who serves it and how long its calls take.</summary>
internal sealed record DemoQueueRoute(
    Guid Id, string Number, QueueStrategy Strategy, IReadOnlySet<Guid> GroupIds, int MeanTalkSeconds, int WrapUpSeconds, int MaxWaitSeconds)
{
    public bool IsServedBy(DemoRosterAgent agent) => agent.GroupPriorities.Keys.Any(GroupIds.Contains);

    /// <summary>The agent's priority for this queue: its highest in the queue's groups.</summary>
    public int PriorityOf(DemoRosterAgent agent) =>
        agent.GroupPriorities.Where(p => GroupIds.Contains(p.Key)).Select(p => p.Value).DefaultIfEmpty(0).Max();
}
