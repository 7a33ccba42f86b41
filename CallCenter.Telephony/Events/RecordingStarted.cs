namespace CallCenter.Telephony.Events;

/// <summary>A recording of the call began (automatically by the rules, or on demand); Core links the call record to it.</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the recorder started.</param>
/// <param name="RecordingId">The recording's catalogue id.</param>
public sealed record RecordingStarted(Guid CallId, DateTimeOffset At, Guid RecordingId) : CallEvent(CallId, At);
