using CallCenter.Core.Domain;

namespace CallCenter.Core.Demo;

/// <summary>A simulated agent-state period, in seconds from the day's local midnight.</summary>
internal readonly record struct AgentActivity(int Start, int End, AgentState State, string? Reason, Guid? CallId);
