namespace CallCenter.Core.Services.Admin;

/// <summary>A member of a group, as the group form edits it.</summary>
public sealed record GroupMemberInput(Guid AgentId, int Priority);
