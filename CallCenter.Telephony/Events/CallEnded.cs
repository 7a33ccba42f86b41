namespace CallCenter.Telephony.Events;

/// <summary>
/// The call is over: every leg has ended. Always the last event of a call; the legs'
/// <see cref="LegEnded"/> events come before it.
/// </summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the last leg ended.</param>
/// <param name="Cause">Why the call ended (for an unanswered call: why it was never answered).</param>
/// <param name="HangupBy">Who ended it.</param>
public sealed record CallEnded(Guid CallId, DateTimeOffset At, CallEndCause Cause, HangupSide HangupBy) : CallEvent(CallId, At);
