namespace CallCenter.Telephony.Acd;

/// <summary>An agent's live state, as pages and strategies read it.</summary>
/// <param name="Extension">The agent's extension.</param>
/// <param name="Status">Its state.</param>
/// <param name="Reason">The NotReady reason, else null.</param>
/// <param name="CallId">The call of Ringing/Talking/Held/WrapUp, else null.</param>
/// <param name="Since">When it entered <paramref name="Status"/>.</param>
/// <param name="Queue">The queue of that call, if it came from one.</param>
/// <param name="IdleSince">When it last became free (Ready after a call or a NotReady); longest-idle ranks by it.</param>
/// <param name="AnsweredToday">Queue calls answered since local midnight (fewest-calls ranks by it).</param>
/// <param name="MissedInRow">Unanswered offers since its last answer.</param>
/// <param name="WrapUpEndsAt">In WrapUp: when it ends (Ready, or NotReady if asked for meanwhile).</param>
/// <param name="PendingNotReadyReason">NotReady asked for during a call or wrap-up: applied when they end.</param>
public sealed record AgentSnapshot(
    string Extension,
    AgentStatus Status,
    string? Reason,
    Guid? CallId,
    DateTimeOffset Since,
    string? Queue,
    DateTimeOffset IdleSince,
    int AnsweredToday,
    int MissedInRow,
    DateTimeOffset? WrapUpEndsAt,
    string? PendingNotReadyReason)
{
    /// <summary>Log-out asked for during a call: applied when it ends.</summary>
    public bool PendingLogout { get; init; }
}
