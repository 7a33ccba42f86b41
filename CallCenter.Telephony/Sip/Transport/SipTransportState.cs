namespace CallCenter.Telephony.Sip.Transport;

/// <summary>Life cycle of the SIP listeners, as the health check reports it.</summary>
public enum SipTransportState
{
    /// <summary>Not started yet.</summary>
    NotStarted,

    /// <summary>UDP and TCP listeners are bound and receiving.</summary>
    Running,

    /// <summary>Binding failed (e.g. the port is taken); see <see cref="ISipTransport.FailureReason"/>.</summary>
    Failed,

    /// <summary>Stopped with the host.</summary>
    Stopped,
}
