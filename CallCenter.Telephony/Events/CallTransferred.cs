namespace CallCenter.Telephony.Events;

/// <summary>A leg transferred the call (REFER, or the call-control API) to another number.</summary>
/// <param name="CallId">The call's id (a transfer keeps the call; the new party gets a new leg).</param>
/// <param name="At">When the transfer was accepted.</param>
/// <param name="LegId">The leg that transferred (usually the agent's).</param>
/// <param name="TransferTo">The number or extension the call goes to.</param>
/// <param name="Attended">True for an attended (consult) transfer, false for a blind one.</param>
public sealed record CallTransferred(
    Guid CallId,
    DateTimeOffset At,
    Guid LegId,
    string TransferTo,
    bool Attended) : CallEvent(CallId, At);
