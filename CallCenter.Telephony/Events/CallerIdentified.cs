using CallCenter.Telephony.Routing;

namespace CallCenter.Telephony.Events;

/// <summary>The caller was identified (customer match, number location, repeat counts, warnings), before any agent's phone rings.</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the identification finished.</param>
/// <param name="Caller">What is known about the caller.</param>
public sealed record CallerIdentified(Guid CallId, DateTimeOffset At, CallerInfo Caller) : CallEvent(CallId, At);
