using System.Buffers.Binary;

namespace CallCenter.Telephony.Recording;

/// <summary>
/// Lays packets into Ogg pages of one logical stream (RFC 3533) and writes each page whole to a stream.
/// Packets are gathered until <see cref="FlushPage"/> (or until the 255-entry segment table is full); a
/// packet never spans pages, which keeps every page on disk independently decodable up to its end.
/// All buffers are allocated once.
/// </summary>
internal sealed class OggPageWriter
{
    private const int HeaderLength = 27;
    private const int MaxSegments = 255;
    private const byte FlagBeginOfStream = 0x02;
    private const byte FlagEndOfStream = 0x04;

    private readonly Stream _stream;
    private readonly uint _serial;
    private readonly byte[] _header = new byte[HeaderLength + MaxSegments];
    private readonly byte[] _body = new byte[MaxSegments * 255];
    private uint _sequence;
    private int _segments;
    private int _bodyLength;
    private long _granule;

    public OggPageWriter(Stream stream, uint serial)
    {
        _stream = stream;
        _serial = serial;
    }

    /// <summary>Packets waiting for the next page.</summary>
    public int PendingPackets { get; private set; }

    /// <summary>Bytes written to the stream so far (whole pages only).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>
    /// Adds one packet; <paramref name="granule"/> is the granule position after it (RFC 7845 §4: 48 kHz
    /// samples including the pre-skip). Writes the current page first when the packet would not fit.
    /// </summary>
    public void AddPacket(ReadOnlySpan<byte> packet, long granule)
    {
        var lacing = (packet.Length / 255) + 1;
        if (lacing > MaxSegments)
        {
            throw new ArgumentException("An Ogg packet of this writer must fit in one page.", nameof(packet));
        }
        if (_segments + lacing > MaxSegments)
        {
            FlushPage();
        }
        // RFC 3533 §5: a packet is laced as 255-byte segments and one shorter (possibly empty) last one.
        var remaining = packet.Length;
        while (remaining >= 255)
        {
            _header[HeaderLength + _segments++] = 255;
            remaining -= 255;
        }
        _header[HeaderLength + _segments++] = (byte)remaining;
        packet.CopyTo(_body.AsSpan(_bodyLength));
        _bodyLength += packet.Length;
        _granule = granule;
        PendingPackets++;
    }

    /// <summary>Writes the pending packets as one page (nothing when there are none and it is not the end).</summary>
    public void FlushPage(bool endOfStream = false)
    {
        if (PendingPackets == 0 && !endOfStream)
        {
            return;
        }
        var header = _header.AsSpan(0, HeaderLength + _segments);
        "OggS"u8.CopyTo(header);
        header[4] = 0;
        header[5] = (byte)((_sequence == 0 ? FlagBeginOfStream : 0) | (endOfStream ? FlagEndOfStream : 0));
        BinaryPrimitives.WriteInt64LittleEndian(header[6..], _granule);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], _serial);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], _sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], 0);
        header[26] = (byte)_segments;
        var body = _body.AsSpan(0, _bodyLength);
        var crc = OggCrc.Update(OggCrc.Update(0, header), body);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], crc);

        _stream.Write(header);
        _stream.Write(body);
        BytesWritten += header.Length + body.Length;
        _sequence++;
        _segments = 0;
        _bodyLength = 0;
        PendingPackets = 0;
    }
}
