using System.Buffers.Binary;

namespace CallCenter.Telephony.Recording;

/// <summary>
/// What an Ogg Opus file holds up to its last intact page: the identification header's fields, the last
/// granule position, where the intact part ends and, when asked for, the audio packets. A torn last page
/// (a file cut while it was written) or a page with a bad checksum ends the reading; what came before counts.
/// </summary>
public sealed class OggOpusFile
{
    private const int HeaderLength = 27;

    private OggOpusFile()
    {
    }

    /// <summary>Channels in the identification header.</summary>
    public int Channels { get; private set; }

    /// <summary>Pre-skip at 48 kHz (RFC 7845 §5.1).</summary>
    public int PreSkip { get; private set; }

    /// <summary>The input sample rate recorded in the header (informational, RFC 7845 §5.1).</summary>
    public int InputSampleRate { get; private set; }

    /// <summary>The granule position of the last intact page that ends a packet.</summary>
    public long LastGranule { get; private set; }

    /// <summary>Bytes from the start to the end of the last intact page.</summary>
    public long ValidLength { get; private set; }

    /// <summary>Whether the last intact page is flagged end of stream (the writer completed).</summary>
    public bool EndOfStream { get; private set; }

    /// <summary>Whether an OpusHead was found on the first page.</summary>
    public bool IsOpus { get; private set; }

    /// <summary>The audio packets (after the two headers), when read with packets.</summary>
    public IReadOnlyList<byte[]> AudioPackets { get; private set; } = [];

    /// <summary>The playable length: last granule less pre-skip, at 48 kHz.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Math.Max(0, LastGranule - PreSkip) / 48_000.0);

    /// <summary>Reads <paramref name="stream"/> from its current position to the end of its last intact page.</summary>
    /// <param name="stream">The file.</param>
    /// <param name="withPackets">Keep the audio packets (for decoding); off for a quick length check.</param>
    public static OggOpusFile Read(Stream stream, bool withPackets = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var file = new OggOpusFile();
        var packets = new List<byte[]>();
        var partial = new List<byte>();
        var header = new byte[HeaderLength + 255];
        var body = new byte[255 * 255];
        var packetIndex = 0;
        long offset = 0;
        while (true)
        {
            if (!ReadExactly(stream, header.AsSpan(0, HeaderLength)) || !"OggS"u8.SequenceEqual(header.AsSpan(0, 4)))
            {
                break;
            }
            int segments = header[26];
            if (!ReadExactly(stream, header.AsSpan(HeaderLength, segments)))
            {
                break;
            }
            var bodyLength = 0;
            for (var i = 0; i < segments; i++)
            {
                bodyLength += header[HeaderLength + i];
            }
            if (!ReadExactly(stream, body.AsSpan(0, bodyLength)) || !ChecksumMatches(header.AsSpan(0, HeaderLength + segments), body.AsSpan(0, bodyLength)))
            {
                break;
            }

            var start = 0;
            var run = 0;
            for (var i = 0; i < segments; i++)
            {
                int lace = header[HeaderLength + i];
                run += lace;
                if (lace == 255)
                {
                    continue;
                }
                // RFC 3533 §5: a segment shorter than 255 ends the packet (a continued one included).
                partial.AddRange(body.AsSpan(start, run));
                start += run;
                run = 0;
                file.OnPacket([.. partial], packetIndex++, withPackets ? packets : null);
                partial.Clear();
            }
            partial.AddRange(body.AsSpan(start, run));

            var granule = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(6));
            if (granule != -1)
            {
                file.LastGranule = granule;
            }
            offset += HeaderLength + segments + bodyLength;
            file.ValidLength = offset;
            file.EndOfStream = (header[5] & 0x04) != 0;
        }
        file.AudioPackets = packets;
        return file;
    }

    private void OnPacket(byte[] packet, int index, List<byte[]>? packets)
    {
        if (index == 0)
        {
            IsOpus = packet.Length >= 19 && "OpusHead"u8.SequenceEqual(packet.AsSpan(0, 8));
            if (IsOpus)
            {
                Channels = packet[9];
                PreSkip = BinaryPrimitives.ReadUInt16LittleEndian(packet.AsSpan(10));
                InputSampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(packet.AsSpan(12));
            }
            return;
        }
        if (index >= 2)
        {
            packets?.Add(packet);
        }
    }

    private static bool ChecksumMatches(ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(header[22..]);
        Span<byte> zero = stackalloc byte[4];
        var crc = OggCrc.Update(0, header[..22]);
        crc = OggCrc.Update(crc, zero);
        crc = OggCrc.Update(crc, header[26..]);
        return OggCrc.Update(crc, body) == stored;
    }

    private static bool ReadExactly(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }
}
