namespace CallCenter.Telephony.Simulation;

/// <summary>How a simulated call ended.</summary>
public enum SimulatedCallEndReason
{
    /// <summary>Not ended yet.</summary>
    None,

    /// <summary>This phone sent the BYE.</summary>
    LocalHangUp,

    /// <summary>The server sent the BYE.</summary>
    RemoteHangUp,

    /// <summary>Cancelled before an answer: by this phone (CANCEL sent) or by the server (CANCEL received).</summary>
    Cancelled,

    /// <summary>Outgoing: a 300-699 final response (<see cref="SimulatedCall.FinalStatus"/>); incoming: this phone refused it (busy, no acceptable SDP).</summary>
    Rejected,

    /// <summary>No final response within the transaction time-out (32 s), or no ACK for our 2xx.</summary>
    TimedOut,

    /// <summary>The phone was disposed during the call.</summary>
    Disposed,
}
