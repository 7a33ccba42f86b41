namespace CallCenter.Telephony.Calls.Control;

/// <summary>Where an agent's call stands, from the agent's side.</summary>
public enum AgentCallState
{
    /// <summary>The agent's phone rings (an offer from a queue, or a direct call).</summary>
    Ringing,

    /// <summary>Connected to the other party.</summary>
    Talking,

    /// <summary>The agent holds the other party (it hears music).</summary>
    Held,

    /// <summary>The agent consults a third party while the customer waits on hold.</summary>
    Consulting,

    /// <summary>Three or more parties hear each other (三方通话).</summary>
    Conference,
}
