namespace CallCenter.Telephony.Events;

/// <summary>A leg the engine called is ringing (180/183 received).</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the provisional response arrived.</param>
/// <param name="LegId">The ringing leg.</param>
public sealed record CallRinging(Guid CallId, DateTimeOffset At, Guid LegId) : CallEvent(CallId, At);
