namespace CallCenter.Core.Services.Admin;

/// <summary>A skill with a level: an agent's level, or the minimum a queue requires.</summary>
public sealed record SkillLevelInput(Guid SkillId, int Level);
