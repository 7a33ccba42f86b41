using System.Buffers.Binary;

namespace CallCenter.Telephony.Rtp;

/// <summary>The common header of the first RTCP packet of a compound datagram (RFC 3550 §6.4).</summary>
public readonly struct RtcpPacket
{
    /// <summary>The header length up to and including the sender SSRC.</summary>
    public const int HeaderLength = 8;

    /// <summary>The report count / subtype field.</summary>
    public int Count { get; init; }

    /// <summary>The packet type: 200 SR, 201 RR, 202 SDES, 203 BYE, 204 APP (RFC 3550 §12.1).</summary>
    public int PacketType { get; init; }

    /// <summary>The length in 32-bit words minus one.</summary>
    public int LengthWords { get; init; }

    /// <summary>The SSRC of the sender.</summary>
    public uint Ssrc { get; init; }

    /// <summary>Whether a datagram looks like RTCP rather than RTP: version 2 and packet type 200-204 (RFC 5761 §4).</summary>
    public static bool IsRtcp(ReadOnlySpan<byte> data) => data.Length >= HeaderLength && (data[0] >> 6) == 2 && data[1] is >= 200 and <= 204;

    /// <summary>Reads the header of the first packet; false when it is not RTCP or its length runs past the datagram.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtcpPacket packet)
    {
        packet = default;
        if (!IsRtcp(data))
        {
            return false;
        }
        int words = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2, 2));
        if ((words + 1) * 4 > data.Length)
        {
            return false;
        }
        packet = new RtcpPacket
        {
            Count = data[0] & 0x1F,
            PacketType = data[1],
            LengthWords = words,
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(4, 4)),
        };
        return true;
    }
}
