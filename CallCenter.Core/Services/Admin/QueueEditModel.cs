using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Admin;

/// <summary>The queue form (队列); property names are the field names of <see cref="AdminResult.Errors"/>.</summary>
public sealed class QueueEditModel
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public QueueStrategy Strategy { get; set; } = QueueStrategy.RoundRobin;
    public int RingTimeoutSeconds { get; set; } = 15;
    public int MaxWaitSeconds { get; set; } = 120;
    public int WrapUpSeconds { get; set; } = 5;
    public RouteTargetType OverflowTargetType { get; set; } = RouteTargetType.Voicemail;
    public string? OverflowTarget { get; set; }
    public bool JoinWhenEmpty { get; set; } = true;
    public bool LeaveWhenEmpty { get; set; }
    public bool AnnouncePosition { get; set; } = true;
    public int AnnounceIntervalSeconds { get; set; } = 30;
    public bool OfferCallback { get; set; }
    /// <summary>Business hours (营业时间), e.g. "Mon-Fri 09:00-18:00; Sat 09:00-12:00"; empty: always open.</summary>
    public string? BusinessHours { get; set; }
    public RecordingRule RecordingRule { get; set; } = RecordingRule.All;
    /// <summary>Numbers recorded under the selective rule, comma or newline separated.</summary>
    public string? RecordingNumbers { get; set; }
    public List<Guid> GroupIds { get; set; } = [];
    public List<SkillLevelInput> RequiredSkills { get; set; } = [];
    /// <summary>The version the editor loaded; ignored when creating.</summary>
    public Guid Version { get; set; }
}
