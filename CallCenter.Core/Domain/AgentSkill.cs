namespace CallCenter.Core.Domain;

/// <summary>An agent's level (1–10) in a skill.</summary>
public class AgentSkill
{
    public Guid AgentId { get; set; }
    public Agent? Agent { get; set; }
    public Guid SkillId { get; set; }
    public Skill? Skill { get; set; }
    public int Level { get; set; }
}
