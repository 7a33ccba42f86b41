using System.Net;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// Where a SIP message came from or goes to: a transport and an IP end point. For TCP the remote end
/// point also names the connection in the connection table, so a response sent to the source of a
/// request goes back on the connection the request came on (RFC 3261 §18.2.2).
/// </summary>
/// <param name="Protocol">The transport.</param>
/// <param name="EndPoint">The IP address and port.</param>
public sealed record SipEndPoint(SipTransportProtocol Protocol, IPEndPoint EndPoint)
{
    /// <summary>True for TCP (RFC 3261 §17: no retransmissions, timers that wait for them are zero).</summary>
    public bool IsReliable => Protocol != SipTransportProtocol.Udp;

    /// <summary>The Via transport token, "UDP" or "TCP" (RFC 3261 §20.42).</summary>
    public string ViaTransport => Protocol == SipTransportProtocol.Udp ? "UDP" : "TCP";

    /// <summary>A UDP end point.</summary>
    public static SipEndPoint Udp(IPEndPoint endPoint) => new(SipTransportProtocol.Udp, endPoint);

    /// <summary>A TCP end point.</summary>
    public static SipEndPoint Tcp(IPEndPoint endPoint) => new(SipTransportProtocol.Tcp, endPoint);

    /// <inheritdoc />
    public override string ToString() => $"{ViaTransport}:{EndPoint}";
}
