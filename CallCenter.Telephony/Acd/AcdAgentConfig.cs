namespace CallCenter.Telephony.Acd;

/// <summary>An agent as the ACD needs it (Core builds it from Agent and its skills).</summary>
/// <param name="Extension">The agent's extension (the key everywhere in the ACD).</param>
/// <param name="Name">Display name.</param>
/// <param name="MaxMissedOffers">Unanswered offers in a row after which the agent goes NotReady "missed call"; 0: never.</param>
/// <param name="Skills">Skill name → level (1-10).</param>
public sealed record AcdAgentConfig(string Extension, string Name, int MaxMissedOffers, IReadOnlyDictionary<string, int> Skills);
