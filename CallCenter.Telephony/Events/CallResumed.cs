namespace CallCenter.Telephony.Events;

/// <summary>A leg took the call off hold (re-INVITE with a=sendrecv).</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the resume took effect.</param>
/// <param name="LegId">The leg that resumed.</param>
public sealed record CallResumed(Guid CallId, DateTimeOffset At, Guid LegId) : CallEvent(CallId, At);
