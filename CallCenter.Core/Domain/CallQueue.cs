namespace CallCenter.Core.Domain;

/// <summary>
/// An ACD queue. Named CallQueue in code because System.Collections.Generic.Queue is in every
/// file's implicit usings; users call it a queue (队列).
/// </summary>
public class CallQueue : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Short unique name used in routing, e.g. "sales".</summary>
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public QueueStrategy Strategy { get; set; }
    public int RingTimeoutSeconds { get; set; } = 15;
    public int MaxWaitSeconds { get; set; } = 120;
    public int WrapUpSeconds { get; set; } = 5;

    /// <summary>Where a caller goes after MaxWaitSeconds: another queue, voicemail, or a message and hang-up.</summary>
    public RouteTargetType OverflowTargetType { get; set; } = RouteTargetType.Voicemail;
    /// <summary>The overflow target's key (queue name, extension), when the type needs one.</summary>
    public string? OverflowTarget { get; set; }

    public bool JoinWhenEmpty { get; set; } = true;
    public bool LeaveWhenEmpty { get; set; }
    public bool AnnouncePosition { get; set; } = true;
    public int AnnounceIntervalSeconds { get; set; } = 30;
    public bool OfferCallback { get; set; }

    /// <summary>
    /// When the queue takes calls (营业时间), in the text <see cref="CallCenter.Telephony.Acd.BusinessHours"/> reads,
    /// e.g. "Mon-Fri 09:00-18:00; Sat 09:00-12:00"; null: always open.
    /// </summary>
    public string? BusinessHours { get; set; }

    public RecordingRule RecordingRule { get; set; } = RecordingRule.All;
    /// <summary>Numbers recorded when RecordingRule is Selective, comma or newline separated.</summary>
    public string? RecordingNumbers { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
    public List<QueueGroup> Groups { get; set; } = [];
    public List<QueueSkillRequirement> RequiredSkills { get; set; } = [];
}
