using System.Buffers.Binary;

namespace CallCenter.Telephony.Rtp;

/// <summary>
/// An RTP packet read in place (RFC 3550 §5.1): the fixed header fields, and the payload as a slice of
/// the datagram (after CSRCs and a header extension, before padding). No copy, no allocation.
/// </summary>
public readonly ref struct RtpPacket
{
    /// <summary>The fixed header length (RFC 3550 §5.1).</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>The RTP version; always 2.</summary>
    public int Version { get; init; }

    /// <summary>The P bit: padding octets follow the payload, the last one says how many (RFC 3550 §5.1).</summary>
    public bool Padding { get; init; }

    /// <summary>The X bit: a header extension follows the CSRCs (RFC 3550 §5.3.1).</summary>
    public bool Extension { get; init; }

    /// <summary>The CSRC count.</summary>
    public int CsrcCount { get; init; }

    /// <summary>The marker bit (start of a talkspurt for audio, RFC 3551 §4.1; start of an event in RFC 4733 §2.5.1.1).</summary>
    public bool Marker { get; init; }

    /// <summary>The payload type (0-127).</summary>
    public int PayloadType { get; init; }

    /// <summary>The sequence number.</summary>
    public ushort SequenceNumber { get; init; }

    /// <summary>The timestamp in units of the payload's clock.</summary>
    public uint Timestamp { get; init; }

    /// <summary>The synchronisation source.</summary>
    public uint Ssrc { get; init; }

    /// <summary>The header length: fixed header, CSRCs and the extension.</summary>
    public int HeaderLength { get; init; }

    /// <summary>The payload, without padding.</summary>
    public ReadOnlySpan<byte> Payload { get; init; }

    /// <summary>
    /// Reads an RTP packet. False for anything that is not version 2 or whose CSRC list, extension or
    /// padding run past the datagram (RFC 3550 §A.1 validity checks).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet)
    {
        packet = default;
        if (data.Length < FixedHeaderLength || (data[0] >> 6) != 2)
        {
            return false;
        }
        byte b0 = data[0];
        byte b1 = data[1];
        int csrcCount = b0 & 0x0F;
        int headerLength = FixedHeaderLength + (4 * csrcCount);
        bool extension = (b0 & 0x10) != 0;
        if (data.Length < headerLength)
        {
            return false;
        }
        if (extension)
        {
            // RFC 3550 §5.3.1: 16-bit profile-defined id, 16-bit length in 32-bit words, then the words.
            if (data.Length < headerLength + 4)
            {
                return false;
            }
            int words = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(headerLength + 2, 2));
            headerLength += 4 + (4 * words);
            if (data.Length < headerLength)
            {
                return false;
            }
        }
        int end = data.Length;
        bool padding = (b0 & 0x20) != 0;
        if (padding)
        {
            int pad = data[^1];
            if (pad == 0 || headerLength + pad > data.Length)
            {
                return false;
            }
            end -= pad;
        }
        packet = new RtpPacket
        {
            Version = 2,
            Padding = padding,
            Extension = extension,
            CsrcCount = csrcCount,
            Marker = (b1 & 0x80) != 0,
            PayloadType = b1 & 0x7F,
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2, 2)),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(4, 4)),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(8, 4)),
            HeaderLength = headerLength,
            Payload = data[headerLength..end],
        };
        return true;
    }

    /// <summary>Writes a 12-byte fixed header (no CSRC, no extension, no padding) and returns its length.</summary>
    public static int WriteHeader(Span<byte> destination, bool marker, int payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        if (destination.Length < FixedHeaderLength)
        {
            throw new ArgumentException("The destination is shorter than an RTP header.", nameof(destination));
        }
        destination[0] = 0x80;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2, 2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4, 4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8, 4), ssrc);
        return FixedHeaderLength;
    }

    /// <summary>Rewrites sequence number, timestamp and SSRC of a packet in place (the rest is left as it is).</summary>
    public static void Rewrite(Span<byte> packet, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet.Slice(2, 2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(4, 4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(8, 4), ssrc);
    }
}
