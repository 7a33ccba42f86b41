namespace CallCenter.Core.Domain;

/// <summary>黑名单: a number (or a prefix) whose calls never reach a person.</summary>
public class BlacklistEntry : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Number { get; set; } = "";
    /// <summary>True: every number starting with <see cref="Number"/>.</summary>
    public bool IsPrefix { get; set; }
    public string Reason { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Null: never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public int BlockedCount { get; set; }
    public DateTimeOffset? LastBlockedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
