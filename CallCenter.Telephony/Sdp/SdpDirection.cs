namespace CallCenter.Telephony.Sdp;

/// <summary>The media direction attribute of RFC 3264 §5.1 (a=sendrecv, a=sendonly, a=recvonly, a=inactive).</summary>
public enum SdpDirection
{
    /// <summary>a=sendrecv, the default when no direction attribute is present (RFC 3264 §5.1).</summary>
    SendRecv,

    /// <summary>a=sendonly: the describer only sends (the other side is on hold).</summary>
    SendOnly,

    /// <summary>a=recvonly: the describer only receives.</summary>
    RecvOnly,

    /// <summary>a=inactive: no media either way.</summary>
    Inactive,
}
