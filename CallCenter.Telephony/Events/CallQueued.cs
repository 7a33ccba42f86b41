namespace CallCenter.Telephony.Events;

/// <summary>The call joined an ACD queue: its wait began.</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When it joined.</param>
/// <param name="Queue">The queue's name.</param>
/// <param name="Priority">The caller's priority there (VIP higher).</param>
public sealed record CallQueued(Guid CallId, DateTimeOffset At, string Queue, int Priority) : CallEvent(CallId, At);
