using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>Takes the RTP packets an <see cref="RtpEndpoint"/> receives (a bridge, the echo test, later a recorder or mixer).</summary>
public interface IRtpPacketSink
{
    /// <summary>
    /// Called on the endpoint's receive loop for each valid RTP packet, after latching. The datagram is
    /// the loop's pooled buffer: it may be rewritten in place and sent, but not kept after the call returns.
    /// </summary>
    /// <param name="source">The endpoint that received it.</param>
    /// <param name="datagram">The whole datagram.</param>
    /// <param name="packet">The packet as parsed from <paramref name="datagram"/> before any rewrite.</param>
    void OnRtp(RtpEndpoint source, Span<byte> datagram, in RtpPacket packet);
}
