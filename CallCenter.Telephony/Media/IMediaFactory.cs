using System.Net;

namespace CallCenter.Telephony.Media;

/// <summary>Creates the media pieces of a call: endpoints on the RTP port range, bridges and echo endpoints.</summary>
public interface IMediaFactory
{
    /// <summary>
    /// Binds a new endpoint on a free port pair, on <paramref name="bindAddress"/> or else the configured
    /// RTP bind address or else the SIP listen address. Disposing the endpoint gives the ports back.
    /// </summary>
    /// <exception cref="RtpPortsExhaustedException">No pair of the range is free or bindable.</exception>
    RtpEndpoint CreateEndpoint(IPAddress? bindAddress = null);

    /// <summary>A bridge between two endpoints with the configured media timeout unless <paramref name="options"/> says otherwise; not started.</summary>
    MediaBridge CreateBridge(RtpEndpoint legA, RtpEndpoint legB, MediaBridgeOptions? options = null);

    /// <summary>An echo on an endpoint; not started.</summary>
    EchoEndpoint CreateEcho(RtpEndpoint endpoint);
}
