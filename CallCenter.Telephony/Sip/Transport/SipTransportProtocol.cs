namespace CallCenter.Telephony.Sip.Transport;

/// <summary>The transports of the stack (RFC 3261 §18). TCP is reliable, UDP is not.</summary>
public enum SipTransportProtocol
{
    /// <summary>UDP: unreliable, the transaction layer retransmits (RFC 3261 §17).</summary>
    Udp,

    /// <summary>TCP: reliable and stream-framed by Content-Length (RFC 3261 §18.3).</summary>
    Tcp,
}
