namespace CallCenter.Core.Services.Admin;

/// <summary>A row of the groups table.</summary>
public sealed record AgentGroupSummary(Guid Id, string Name, string? Description, int MemberCount);
