namespace CallCenter.Telephony.Simulation;

/// <summary>Where a simulated call stands.</summary>
public enum SimulatedCallState
{
    /// <summary>Outgoing: INVITE sent, no provisional response yet.</summary>
    Calling,

    /// <summary>Outgoing: a provisional response came; incoming: the phone rings.</summary>
    Ringing,

    /// <summary>A 2xx was sent or received: in the call.</summary>
    Answered,

    /// <summary>Over (see <see cref="SimulatedCall.EndReason"/>).</summary>
    Ended,
}
