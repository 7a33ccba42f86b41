namespace CallCenter.Telephony.Events;

/// <summary>A leg put the call on hold (re-INVITE with a=sendonly/inactive).</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the hold took effect.</param>
/// <param name="LegId">The leg that held.</param>
public sealed record CallHeld(Guid CallId, DateTimeOffset At, Guid LegId) : CallEvent(CallId, At);
