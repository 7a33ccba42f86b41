using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Admin;

/// <summary>A row of the queues table.</summary>
public sealed record QueueSummary(
    Guid Id,
    string Name,
    string DisplayName,
    QueueStrategy Strategy,
    int RingTimeoutSeconds,
    int MaxWaitSeconds,
    int WrapUpSeconds,
    RouteTargetType OverflowTargetType,
    string? OverflowTarget,
    RecordingRule RecordingRule,
    IReadOnlyList<string> Groups);
