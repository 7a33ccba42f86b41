namespace CallCenter.Core.Domain;

/// <summary>A fax sent or received (T.30); the document is a file under DataDir/fax.</summary>
public class FaxJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public bool Inbound { get; set; }
    public string RemoteNumber { get; set; } = "";
    public Guid? CustomerId { get; set; }
    public string FilePath { get; set; } = "";
    public int Pages { get; set; }
    public MessageStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Error { get; set; }
    public string CreatedBy { get; set; } = "";
}
