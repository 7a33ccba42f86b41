namespace CallCenter.Telephony.Acd;

/// <summary>
/// An agent entered a state. Published on <see cref="AgentEventStream"/> at every transition, in order per agent;
/// the previous state ended at <paramref name="At"/>. Core turns the sequence into agent-state intervals (a
/// <see cref="AgentStatus.LoggedOut"/> closes the session), pages show it live.
/// </summary>
/// <param name="Extension">The agent's extension.</param>
/// <param name="Status">The new state.</param>
/// <param name="Reason">For NotReady: a <see cref="NotReadyReasons"/> code; else null.</param>
/// <param name="CallId">The call the state is about (Ringing, Talking, Held, WrapUp), on the call event stream; else null.</param>
/// <param name="At">When the transition happened, on the engine's clock.</param>
/// <param name="Queue">The queue whose call it is, when the call came from a queue; else null.</param>
public sealed record AgentStateChanged(string Extension, AgentStatus Status, string? Reason, Guid? CallId, DateTimeOffset At, string? Queue = null);
