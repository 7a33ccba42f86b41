using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// The SIP transport layer (RFC 3261 §18): UDP and TCP listeners on <c>SipOptions.ListenAddress/Port</c>
/// and sending. Inbound messages go through one bounded queue to the transaction layer
/// (<see cref="ISipMessageReceiver"/>); outbound ones leave through <see cref="SendAsync"/>.
/// </summary>
public interface ISipTransport
{
    /// <summary>Whether the listeners are bound.</summary>
    SipTransportState State { get; }

    /// <summary>Why binding failed, when <see cref="State"/> is <see cref="SipTransportState.Failed"/>.</summary>
    string? FailureReason { get; }

    /// <summary>The bound UDP end point (actual port, also when configured as 0); null before start.</summary>
    SipEndPoint? UdpEndPoint { get; }

    /// <summary>The bound TCP end point; null before start.</summary>
    SipEndPoint? TcpEndPoint { get; }

    /// <summary>The host we put in Via sent-by and Contact (<c>SipOptions.AdvertisedAddress</c> or the bound address).</summary>
    string AdvertisedHost { get; }

    /// <summary>The port we put in Via sent-by and Contact (the bound port).</summary>
    int AdvertisedPort { get; }

    /// <summary>Inbound messages dropped because the queue (or the sender's share of it) was full.</summary>
    long InboundDropped { get; }

    /// <summary>Inbound messages refused by an <see cref="ISipInboundFilter"/>.</summary>
    long InboundFiltered { get; }

    /// <summary>Open TCP connections.</summary>
    int TcpConnectionCount { get; }

    /// <summary>
    /// Sends a message to <paramref name="destination"/>. Over TCP it reuses the connection to that remote
    /// end point (the one a request came in on) or opens one. Broadcast and multicast destinations are
    /// refused (logged, <see cref="SipSendException"/>).
    /// </summary>
    /// <exception cref="SipSendException">The message could not be sent (refused destination, connect or socket failure).</exception>
    ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a response where RFC 3261 §18.2.2 and RFC 3581 §4 say: over TCP back on the connection the
    /// request came on (<paramref name="requestSource"/>), over UDP to the top Via's received/rport, or
    /// its sent-by. maddr is ignored.
    /// </summary>
    ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken);
}
