namespace CallCenter.Core.Domain;

/// <summary>A group whose members serve a queue.</summary>
public class QueueGroup
{
    public Guid QueueId { get; set; }
    public CallQueue? Queue { get; set; }
    public Guid GroupId { get; set; }
    public AgentGroup? Group { get; set; }
}
