namespace CallCenter.Core.Domain;

/// <summary>An agent's membership of a group, with its priority there (higher is offered first).</summary>
public class AgentGroupMember
{
    public Guid GroupId { get; set; }
    public AgentGroup? Group { get; set; }
    public Guid AgentId { get; set; }
    public Agent? Agent { get; set; }
    public int Priority { get; set; }
}
