namespace CallCenter.Telephony.Events;

/// <summary>Which way a call goes, as the engine sees it (Core maps it to its <c>CallDirection</c>).</summary>
public enum CallEventDirection
{
    /// <summary>From a customer (or a trunk) to the call center.</summary>
    Inbound,

    /// <summary>From an agent to an outside number, usually through a trunk.</summary>
    Outbound,

    /// <summary>Between two of the call center's own extensions or services.</summary>
    Internal,
}
