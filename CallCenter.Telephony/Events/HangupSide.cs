namespace CallCenter.Telephony.Events;

/// <summary>Who ended a call.</summary>
public enum HangupSide
{
    /// <summary>Not known (e.g. a fault on both sides).</summary>
    Unknown,

    /// <summary>The party that placed the call (the customer on inbound calls, the agent on outbound ones).</summary>
    Caller,

    /// <summary>The party that was called (the agent on inbound calls, the customer on outbound ones).</summary>
    Callee,

    /// <summary>The engine: timeout, maximum duration, media timeout, shutdown, blacklist.</summary>
    System,
}
