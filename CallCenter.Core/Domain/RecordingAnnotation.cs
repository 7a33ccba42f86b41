namespace CallCenter.Core.Domain;

/// <summary>A note on a recording at a point in time (quality inspection).</summary>
public class RecordingAnnotation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecordingId { get; set; }
    public double AtSeconds { get; set; }
    public string Text { get; set; } = "";
    public string AuthorUserName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
