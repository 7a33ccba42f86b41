namespace CallCenter.Core.Domain;

/// <summary>受理记录: what a customer asked for and what was done, linked to the call and so to its recording.</summary>
public class ServiceRecord : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public Guid? CallId { get; set; }
    public Call? Call { get; set; }
    public Guid? AgentId { get; set; }
    public Agent? Agent { get; set; }
    /// <summary>咨询, 投诉, 报修, 建议...</summary>
    public string Category { get; set; } = "";
    public string Content { get; set; } = "";
    public ServiceRecordStatus Status { get; set; }
    public DateTimeOffset? FollowUpAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
