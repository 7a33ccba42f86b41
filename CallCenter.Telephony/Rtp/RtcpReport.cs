namespace CallCenter.Telephony.Rtp;

/// <summary>The figures of one RTCP report an endpoint sends (RFC 3550 §6.4): sender info when it sent, one report block when it received.</summary>
public readonly record struct RtcpReport
{
    /// <summary>Our SSRC (the stream we send).</summary>
    public uint Ssrc { get; init; }

    /// <summary>True for a sender report (we sent RTP since the last report).</summary>
    public bool IsSender { get; init; }

    /// <summary>Wall-clock time of the report (NTP format).</summary>
    public ulong NtpTimestamp { get; init; }

    /// <summary>The same instant in our stream's RTP timestamp units.</summary>
    public uint RtpTimestamp { get; init; }

    /// <summary>RTP packets we sent since the start.</summary>
    public uint PacketsSent { get; init; }

    /// <summary>Payload octets we sent since the start.</summary>
    public uint OctetsSent { get; init; }

    /// <summary>True when a report block on the received stream follows.</summary>
    public bool HasBlock { get; init; }

    /// <summary>The SSRC of the stream we receive.</summary>
    public uint SourceSsrc { get; init; }

    /// <summary>Fraction lost since the last report (8-bit fixed point).</summary>
    public byte FractionLost { get; init; }

    /// <summary>Packets lost since the start.</summary>
    public long CumulativeLost { get; init; }

    /// <summary>Extended highest sequence number received.</summary>
    public uint ExtendedHighestSequence { get; init; }

    /// <summary>Interarrival jitter in timestamp units.</summary>
    public uint Jitter { get; init; }

    /// <summary>The middle 32 bits of the NTP timestamp of the last SR received, or 0.</summary>
    public uint LastSenderReport { get; init; }

    /// <summary>Delay since that SR in units of 1/65536 s, or 0.</summary>
    public uint DelaySinceLastSenderReport { get; init; }
}
