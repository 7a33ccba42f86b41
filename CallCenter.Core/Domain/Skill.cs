namespace CallCenter.Core.Domain;

/// <summary>A skill (language, product line...) that skills-based queues can require.</summary>
public class Skill
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
}
