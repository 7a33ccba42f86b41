namespace CallCenter.Core.Domain;

/// <summary>业务通知: a notice from shift leaders and above to everyone or to some groups.</summary>
public class Notice : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public Guid AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    /// <summary>True: every user; false: the members of <see cref="Groups"/>.</summary>
    public bool ToEveryone { get; set; } = true;
    public DateTimeOffset PublishAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<NoticeGroup> Groups { get; set; } = [];
    public List<NoticeReceipt> Receipts { get; set; } = [];
}
