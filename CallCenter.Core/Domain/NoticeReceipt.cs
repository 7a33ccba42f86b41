namespace CallCenter.Core.Domain;

/// <summary>A read receipt: who read a notice and when; its author sees them.</summary>
public class NoticeReceipt
{
    public Guid NoticeId { get; set; }
    public Notice? Notice { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
