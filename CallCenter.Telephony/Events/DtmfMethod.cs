namespace CallCenter.Telephony.Events;

/// <summary>How a DTMF digit arrived.</summary>
public enum DtmfMethod
{
    /// <summary>RTP telephone-event payload (RFC 4733).</summary>
    Rfc4733,

    /// <summary>SIP INFO (application/dtmf-relay or application/dtmf).</summary>
    Info,

    /// <summary>Detected in the audio (Goertzel).</summary>
    Inband,
}
