namespace CallCenter.Core.Domain;

/// <summary>坐席组: a team of agents that queues draw from.</summary>
public class AgentGroup : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<AgentGroupMember> Members { get; set; } = [];
}
