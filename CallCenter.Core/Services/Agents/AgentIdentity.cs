namespace CallCenter.Core.Services.Agents;

/// <summary>The agent a signed-in user is (its extension is what the telephony engine knows it by).</summary>
/// <param name="AgentId">The agent's id.</param>
/// <param name="Extension">Its SIP extension.</param>
/// <param name="Name">Its display name.</param>
/// <param name="WorkNumber">工号.</param>
public sealed record AgentIdentity(Guid AgentId, string Extension, string Name, string WorkNumber);
