using System.Net;

namespace CallCenter.Telephony.Sip.Uas;

/// <summary>Where a request came from: the remote socket address and the transport ("UDP", "TCP").</summary>
/// <param name="RemoteEndPoint">The packet's source address and port (not what Via claims).</param>
/// <param name="Transport">"UDP" or "TCP".</param>
public sealed record SipSource(IPEndPoint RemoteEndPoint, string Transport);
