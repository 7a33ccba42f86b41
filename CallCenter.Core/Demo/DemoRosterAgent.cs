namespace CallCenter.Core.Demo;

/// <summary>An agent as the history simulation sees it: its groups with its priority in each.</summary>
internal sealed record DemoRosterAgent(Guid Id, string Extension, int Index, bool IsLeader, IReadOnlyDictionary<Guid, int> GroupPriorities);
