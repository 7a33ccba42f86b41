namespace CallCenter.Core.Domain;

/// <summary>A call recording (录音) in the catalogue; the audio is a file under DataDir/recordings.</summary>
public class Recording
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? CallId { get; set; }
    /// <summary>Path relative to CallCenter:DataDir, e.g. recordings/2026/11/30/{id}.ogg.</summary>
    public string FilePath { get; set; } = "";
    /// <summary>Container/codec, e.g. "ogg-opus".</summary>
    public string Format { get; set; } = "";
    public int Channels { get; set; } = 2;
    public double DurationSeconds { get; set; }
    public long SizeBytes { get; set; }
    public string CallerNumber { get; set; } = "";
    public string CalleeNumber { get; set; } = "";
    public Guid? AgentId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Set when moved to the recycle bin; purged later.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public List<RecordingAnnotation> Annotations { get; set; } = [];
}
