namespace CallCenter.Core.Domain;

public class NoticeGroup
{
    public Guid NoticeId { get; set; }
    public Notice? Notice { get; set; }
    public Guid GroupId { get; set; }
    public AgentGroup? Group { get; set; }
}
