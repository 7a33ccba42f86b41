namespace CallCenter.Telephony.Acd;

/// <summary>One agent's live state; every field is read and written under the ACD's lock.</summary>
internal sealed class LiveAgent(string extension, AcdAgentConfig config, DateTimeOffset now)
{
    public string Extension { get; } = extension;

    public AcdAgentConfig Config { get; set; } = config;

    public AgentStatus Status { get; set; } = AgentStatus.LoggedOut;

    public string? Reason { get; set; }

    public Guid? CallId { get; set; }

    public string? Queue { get; set; }

    public DateTimeOffset Since { get; set; } = now;

    public DateTimeOffset IdleSince { get; set; } = now;

    public int AnsweredToday { get; set; }

    /// <summary>The local day <see cref="AnsweredToday"/> counts.</summary>
    public DateOnly AnsweredDay { get; set; }

    public int MissedInRow { get; set; }

    public DateTimeOffset? WrapUpEndsAt { get; set; }

    /// <summary>The wrap-up timer; its callback checks <see cref="WrapUpGeneration"/> so a stale one does nothing.</summary>
    public ITimer? WrapUpTimer { get; set; }

    public long WrapUpGeneration { get; set; }

    public string? PendingNotReadyReason { get; set; }

    public bool PendingLogout { get; set; }

    /// <summary>The queue offer this agent is reserved for (Ringing), else null.</summary>
    public OfferRun? Offer { get; set; }

    /// <summary>
    /// A queue offer withdrawn from this agent (NotReady while ringing) whose result has not come back: the phone may
    /// still have answered, so the agent is offered nothing else until it does.
    /// </summary>
    public OfferRun? WithdrawnOffer { get; set; }

    /// <summary>True while the current call (Ringing/Talking/Held) is a direct call, not one the ACD offered.</summary>
    public bool DirectCall { get; set; }

    /// <summary>The agent's leg of the current call, when the call event stream named it.</summary>
    public Guid? LegId { get; set; }

    /// <summary>When the current queue call was answered (handle time runs from here to the end of wrap-up).</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    public bool IsLoggedIn => Status != AgentStatus.LoggedOut;

    /// <summary>Counts for a queue's "empty" and its estimated wait: logged in and not NotReady.</summary>
    public bool IsPresent => Status is not (AgentStatus.LoggedOut or AgentStatus.NotReady);

    /// <summary>May be reserved for an offer now.</summary>
    public bool IsOfferable => Status == AgentStatus.Ready && Offer is null && WithdrawnOffer is null;

    public AgentSnapshot ToSnapshot() => new(
        Extension, Status, Reason, CallId, Since, Queue, IdleSince, AnsweredToday, MissedInRow, WrapUpEndsAt, PendingNotReadyReason)
    {
        PendingLogout = PendingLogout,
    };
}
