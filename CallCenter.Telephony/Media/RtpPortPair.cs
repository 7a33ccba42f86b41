namespace CallCenter.Telephony.Media;

/// <summary>An even RTP port and the odd RTCP port above it (RFC 3550 §11).</summary>
/// <param name="RtpPort">The even RTP port.</param>
public readonly record struct RtpPortPair(int RtpPort)
{
    /// <summary>The RTCP port: RTP + 1.</summary>
    public int RtcpPort => RtpPort + 1;
}
