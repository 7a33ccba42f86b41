namespace CallCenter.Telephony.Events;

/// <summary>A leg's dialog ended (BYE, CANCEL, a final error response, or a timeout).</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the leg ended.</param>
/// <param name="LegId">The leg (see <see cref="LegStarted.LegId"/>).</param>
/// <param name="Cause">Why it ended.</param>
/// <param name="SipStatus">The final SIP status that ended an unanswered leg (486, 603...), if any.</param>
public sealed record LegEnded(
    Guid CallId,
    DateTimeOffset At,
    Guid LegId,
    CallEndCause Cause,
    int? SipStatus = null) : CallEvent(CallId, At);
