using System.Net;

namespace CallCenter.Telephony.Sdp;

/// <summary>The outcome of an offer/answer exchange for the audio stream, from our side.</summary>
/// <param name="Codec">The codec both sides use.</param>
/// <param name="PayloadType">Its payload type.</param>
/// <param name="TelephoneEventPayloadType">The telephone-event payload type both sides use (the offerer's, RFC 3264 §6.1), or null.</param>
/// <param name="RemoteRtp">Where the peer said it receives RTP (c= and m= port); only the first guess with symmetric RTP.</param>
/// <param name="RemoteRtcp">Where the peer said it receives RTCP (a=rtcp, RFC 3605, else port + 1).</param>
/// <param name="LocalDirection">Our direction for the stream.</param>
/// <param name="Ptime">The packetisation time in milliseconds (the peer's a=ptime, else 20).</param>
public sealed record SdpNegotiatedAudio(
    AudioCodec Codec,
    int PayloadType,
    int? TelephoneEventPayloadType,
    IPEndPoint RemoteRtp,
    IPEndPoint RemoteRtcp,
    SdpDirection LocalDirection,
    int Ptime)
{
    /// <summary>Whether the stream is on hold from either side (our direction is not sendrecv).</summary>
    public bool IsOnHold => LocalDirection != SdpDirection.SendRecv;
}
