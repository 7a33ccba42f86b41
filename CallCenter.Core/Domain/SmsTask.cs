namespace CallCenter.Core.Domain;

/// <summary>A batch of SMS (群发) with one text, sent at a time by a background job.</summary>
public class SmsTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Content { get; set; } = "";
    public MessageStatus Status { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<SmsMessage> Messages { get; set; } = [];
}
