namespace CallCenter.Core.Domain;

/// <summary>One SMS, sent (alone or in a task) or received.</summary>
public class SmsMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? TaskId { get; set; }
    public bool Inbound { get; set; }
    public string Number { get; set; } = "";
    public Guid? CustomerId { get; set; }
    public string Content { get; set; } = "";
    public MessageStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? Error { get; set; }
}
