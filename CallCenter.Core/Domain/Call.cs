namespace CallCenter.Core.Domain;

/// <summary>
/// One call as the business sees it (one row per call), with its legs. Written by the
/// telephony-event subscriber; the source of every traffic report (话务量).
/// </summary>
public class Call
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>SIP Call-ID of the first (customer) leg.</summary>
    public string? SipCallId { get; set; }
    public CallDirection Direction { get; set; }
    public string CallerNumber { get; set; } = "";
    public string DialledNumber { get; set; } = "";
    public Guid? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public Guid? QueueId { get; set; }
    public CallQueue? Queue { get; set; }
    public Guid? AgentId { get; set; }
    public Agent? Agent { get; set; }

    public DateTimeOffset OfferedAt { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int WaitSeconds { get; set; }
    public int TalkSeconds { get; set; }

    public HangupParty HangupBy { get; set; }
    /// <summary>Why it ended: normal, busy, no-answer, abandoned, overflow, voicemail, blacklisted, abnormal...</summary>
    public string? EndCause { get; set; }
    public bool IsAbandoned { get; set; }
    /// <summary>Ended by a fault (media timeout, crash) rather than by a party.</summary>
    public bool IsAbnormal { get; set; }

    /// <summary>The agent's wrap-up disposition (处理结果): resolved, follow-up, transferred, wrong number...; null until given.</summary>
    public string? Disposition { get; set; }

    public Guid? RecordingId { get; set; }
    public Recording? Recording { get; set; }
    public List<CallLeg> Legs { get; set; } = [];
}
