using System.Buffers.Binary;

namespace CallCenter.Telephony.Rtp;

/// <summary>
/// Writes the compound RTCP packet an endpoint sends (RFC 3550 §6.1): a sender report when it has sent RTP
/// since the last report, else a receiver report, with one reception report block for the stream it receives,
/// followed by an SDES with its CNAME (required in every compound packet). Into a caller's buffer, no allocation.
/// </summary>
public static class RtcpReportWriter
{
    /// <summary>Enough room for SR + one block + SDES with a CNAME of up to 64 bytes.</summary>
    public const int MaxLength = 8 + 20 + 24 + 8 + 2 + 64 + 4;

    /// <summary>Writes the compound packet; returns its length.</summary>
    public static int Write(Span<byte> destination, in RtcpReport report, ReadOnlySpan<byte> cname)
    {
        if (cname.Length > 64)
        {
            throw new ArgumentException("The CNAME is limited to 64 bytes here.", nameof(cname));
        }
        var blocks = report.HasBlock ? 1 : 0;
        var offset = 0;
        // SR (PT 200) or RR (PT 201), RFC 3550 §6.4.1 / §6.4.2.
        var length = 8 + (report.IsSender ? 20 : 0) + (24 * blocks);
        destination[0] = (byte)(0x80 | blocks);
        destination[1] = report.IsSender ? (byte)200 : (byte)201;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], report.Ssrc);
        offset = 8;
        if (report.IsSender)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[offset..], report.NtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 8)..], report.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 12)..], report.PacketsSent);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 16)..], report.OctetsSent);
            offset += 20;
        }
        if (report.HasBlock)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], report.SourceSsrc);
            // Cumulative lost: 24-bit signed, clamped (RFC 3550 §6.4.1).
            var lost = (int)Math.Clamp(report.CumulativeLost, -0x800000, 0x7FFFFF);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 4)..], ((uint)report.FractionLost << 24) | ((uint)lost & 0xFFFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 8)..], report.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 12)..], report.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 16)..], report.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 20)..], report.DelaySinceLastSenderReport);
            offset += 24;
        }
        // SDES (PT 202) with one chunk: SSRC, CNAME item, end item, padded to a 32-bit boundary (RFC 3550 §6.5).
        var items = 2 + cname.Length + 1;
        var chunk = 4 + ((items + 3) & ~3);
        destination[offset] = 0x81;
        destination[offset + 1] = 202;
        BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(chunk / 4));
        BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 4)..], report.Ssrc);
        destination[offset + 8] = 1;
        destination[offset + 9] = (byte)cname.Length;
        cname.CopyTo(destination[(offset + 10)..]);
        destination.Slice(offset + 10 + cname.Length, chunk - 4 - 2 - cname.Length).Clear();
        return offset + 4 + chunk;
    }

    /// <summary>The NTP timestamp (RFC 5905: seconds since 1900 and a 32-bit fraction) of <paramref name="time"/>.</summary>
    public static ulong ToNtp(DateTimeOffset time)
    {
        var sinceEra = time.UtcDateTime - new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var seconds = (ulong)(sinceEra.Ticks / TimeSpan.TicksPerSecond);
        var fraction = (ulong)(sinceEra.Ticks % TimeSpan.TicksPerSecond) * 0x1_0000_0000UL / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }
}
