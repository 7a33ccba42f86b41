namespace CallCenter.Core.Domain;

/// <summary>A skill a skills-based queue requires, at a minimum level.</summary>
public class QueueSkillRequirement
{
    public Guid QueueId { get; set; }
    public CallQueue? Queue { get; set; }
    public Guid SkillId { get; set; }
    public Skill? Skill { get; set; }
    public int MinLevel { get; set; } = 1;
}
