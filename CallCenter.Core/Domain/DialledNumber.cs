namespace CallCenter.Core.Domain;

/// <summary>A number callers dial (user part of the Request-URI) and where it leads.</summary>
public class DialledNumber : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Number { get; set; } = "";
    public RouteTargetType TargetType { get; set; }
    /// <summary>The target's key: queue name, extension, IVR flow name; empty for the echo test.</summary>
    public string? Target { get; set; }
    public string? Description { get; set; }
    /// <summary>Whether this number's calls are recorded; null inherits (the precedence: RecordingRules).</summary>
    public RecordingRule? RecordingRule { get; set; }
    /// <summary>Numbers recorded when RecordingRule is Selective, comma or newline separated.</summary>
    public string? RecordingNumbers { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
