namespace CallCenter.Telephony.Calls;

/// <summary>Who did something to a call (for example who hung up).</summary>
public enum CallParty
{
    /// <summary>The calling side (A leg).</summary>
    Caller,

    /// <summary>The called side (B leg).</summary>
    Callee,

    /// <summary>The server (time limit, failure, shutdown).</summary>
    System,
}
