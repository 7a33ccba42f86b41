namespace CallCenter.Telephony.Calls;

/// <summary>
/// An attended transfer in progress: the agent put <paramref name="Held"/> (the customer) on hold and called
/// <paramref name="Consulted"/>; completing connects the two and releases the agent, cancelling returns the
/// agent to the customer.
/// </summary>
/// <param name="Agent">The agent's leg.</param>
/// <param name="Held">The party waiting on hold.</param>
/// <param name="Consulted">The party the agent consults (null while it is still being called).</param>
/// <param name="Number">The number consulted.</param>
public sealed record Consultation(CallLeg Agent, CallLeg Held, CallLeg? Consulted, string Number);
