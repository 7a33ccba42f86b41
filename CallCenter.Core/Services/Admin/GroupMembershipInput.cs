namespace CallCenter.Core.Services.Admin;

/// <summary>An agent's membership of a group with its priority there (higher is offered first).</summary>
public sealed record GroupMembershipInput(Guid GroupId, int Priority);
