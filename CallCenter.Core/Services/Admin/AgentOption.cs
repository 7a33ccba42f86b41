namespace CallCenter.Core.Services.Admin;

/// <summary>An agent as a pick list shows it.</summary>
public sealed record AgentOption(Guid Id, string WorkNumber, string Name, string Extension);
