namespace CallCenter.Telephony.Events;

/// <summary>
/// A leg answered (2xx). The first one for a call is the call's answer time (wait ends, talk begins);
/// for the echo test or an IVR it is the engine answering the customer's leg.
/// </summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the 2xx was sent or received.</param>
/// <param name="LegId">The leg that answered.</param>
/// <param name="AgentExtension">The agent's extension when an agent answered; null otherwise.</param>
public sealed record CallAnswered(Guid CallId, DateTimeOffset At, Guid LegId, string? AgentExtension) : CallEvent(CallId, At);
