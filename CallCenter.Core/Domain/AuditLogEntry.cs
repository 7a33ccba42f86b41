namespace CallCenter.Core.Domain;

/// <summary>Who did what, when, from where: every admin change, recording access and security event.</summary>
public class AuditLogEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>User name, or "system" / "sip" for events without a signed-in user.</summary>
    public string Actor { get; set; } = "";
    /// <summary>e.g. "agent.create", "queue.update", "recording.play", "sip.auth-failed".</summary>
    public string Action { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Details { get; set; }
    public string? RemoteAddress { get; set; }
}
