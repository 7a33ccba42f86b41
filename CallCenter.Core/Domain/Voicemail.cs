namespace CallCenter.Core.Domain;

/// <summary>A message left by a caller (自动留言), in a queue's box or an extension's.</summary>
public class Voicemail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public VoicemailBoxType BoxType { get; set; }
    public Guid? QueueId { get; set; }
    public Guid? AgentId { get; set; }
    public Guid? CallId { get; set; }
    public string CallerNumber { get; set; } = "";
    /// <summary>Path relative to CallCenter:DataDir.</summary>
    public string FilePath { get; set; } = "";
    public double DurationSeconds { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Null while the message is new.</summary>
    public DateTimeOffset? HeardAt { get; set; }
}
