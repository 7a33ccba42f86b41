using System.Buffers.Binary;
using System.Security.Cryptography;

using Concentus;
using Concentus.Enums;
using Concentus.Structs;

namespace CallCenter.Telephony.Recording;

/// <summary>
/// Writes 8 kHz stereo PCM as Ogg Opus (RFC 7845), 20 ms per packet, incrementally: the identification
/// and comment headers go out at once on their own pages, then a page at least every
/// <see cref="FramesPerPage"/> frames, each flushed to the operating system, so a copy of the file taken at any
/// moment (or left by a process that died) plays up to its last complete page.
/// </summary>
/// <remarks>
/// Opus takes 8 kHz input as it is (no resampling; it codes narrowband), and RFC 7845 §4 counts granule
/// positions at 48 kHz whatever the input rate: each 20 ms packet adds 960. Not thread-safe: one writer.
/// </remarks>
public sealed class OggOpusWriter : IDisposable
{
    /// <summary>The input sample rate (G.711's).</summary>
    public const int SampleRate = 8000;

    /// <summary>Channels: left, right.</summary>
    public const int Channels = 2;

    /// <summary>Samples per channel in one 20 ms frame at <see cref="SampleRate"/>.</summary>
    public const int FrameSamples = 160;

    /// <summary>Frames per page: half a second, so data reaches the file well within a second.</summary>
    public const int FramesPerPage = 25;

    /// <summary>
    /// The default bitrate. 32 kbit/s for the two channels is 16 kbit/s per voice (each its own mono stream),
    /// where Opus' SILK layer codes narrowband speech transparently (its gains flatten above ~12 kbit/s).
    /// That is 14 MB an hour, a tenth of the G.711 the call carried.
    /// </summary>
    public const int DefaultBitrate = 32_000;

    private const int GranulePerFrame = 960;
    private const byte Streams = 2;
    private const int MaxPacket = 1275; // RFC 6716 §3.4 R1

    private readonly Stream _stream;
    private readonly OpusMSEncoder _encoder;
    private readonly OggPageWriter _pages;
    private readonly byte[] _packet = new byte[MaxPacket];
    private readonly short[] _silence = new short[FrameSamples * Channels];
    private long _frames;
    private bool _completed;

    /// <summary>Writes the headers to <paramref name="stream"/> and prepares the encoder.</summary>
    /// <param name="stream">Where the file goes; flushed after every page; not disposed by the writer.</param>
    /// <param name="bitrate">Target bitrate of both channels together, bits per second.</param>
    public OggOpusWriter(Stream stream, int bitrate = DefaultBitrate)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitrate, 6_000);
        _stream = stream;
        // Two mono streams, not one stereo stream (RFC 7845 §5.1.1.2, mapping family 1, two streams, none coupled): the
        // customer and the agent are two people, and stereo coding's mid/side prediction let each leak into the other
        // channel at the cheap encoder settings. Complexity 0: about 0.3% of a core per call here against 1.4% for
        // stereo at 5 (bench/recording-load.sh), with no difference anyone hears in narrowband speech.
        // The factory's multistream encoder takes surround layouts only; two uncoupled streams need Create itself.
#pragma warning disable CS0618
        _encoder = OpusMSEncoder.Create(SampleRate, Channels, Streams, 0, [0, 1], OpusApplication.OPUS_APPLICATION_VOIP);
#pragma warning restore CS0618
        _encoder.Bitrate = bitrate;
        _encoder.SignalType = OpusSignal.OPUS_SIGNAL_VOICE;
        _encoder.Complexity = 0;
        // RFC 7845 §5.1: pre-skip is the encoder's delay, counted at 48 kHz.
        PreSkip = _encoder.Lookahead * (48_000 / SampleRate);
        _pages = new OggPageWriter(stream, (uint)RandomNumberGenerator.GetInt32(int.MaxValue));
        WriteHeaders();
    }

    /// <summary>Samples at 48 kHz a player drops at the start (the encoder's delay).</summary>
    public int PreSkip { get; }

    /// <summary>Frames (20 ms each) written.</summary>
    public long Frames => _frames;

    /// <summary>The audio written: frames × 20 ms.</summary>
    public TimeSpan Duration => TimeSpan.FromMilliseconds(_frames * 20);

    /// <summary>Bytes of whole pages written to the stream.</summary>
    public long BytesWritten => _pages.BytesWritten;

    /// <summary>Encodes one 20 ms frame: <see cref="FrameSamples"/> interleaved left/right pairs.</summary>
    public void WriteFrame(ReadOnlySpan<short> interleaved)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (interleaved.Length != FrameSamples * Channels)
        {
            throw new ArgumentException($"A frame is {FrameSamples * Channels} interleaved samples.", nameof(interleaved));
        }
        _frames++;
        Encode(interleaved, _frames * GranulePerFrame);
        if (_pages.PendingPackets >= FramesPerPage)
        {
            FlushPage();
        }
    }

    /// <summary>Writes the pending frames as a page and flushes the stream.</summary>
    public void Flush() => FlushPage();

    /// <summary>
    /// Ends the stream: one frame of silence pushes the encoder's delayed tail out, and the last page's
    /// granule position trims the output to exactly what was written (RFC 7845 §4.5), flagged end of stream.
    /// </summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }
        Encode(_silence, PreSkip + (_frames * GranulePerFrame));
        _pages.FlushPage(endOfStream: true);
        _stream.Flush();
        _completed = true;
    }

    /// <summary>Marks the writer finished without writing (the stream is the caller's).</summary>
    public void Dispose() => _completed = true;

    private void Encode(ReadOnlySpan<short> interleaved, long granule)
    {
        var length = _encoder.EncodeMultistream(interleaved, FrameSamples, _packet, _packet.Length);
        _pages.AddPacket(_packet.AsSpan(0, length), granule);
    }

    private void FlushPage()
    {
        _pages.FlushPage();
        _stream.Flush();
    }

    private void WriteHeaders()
    {
        // RFC 7845 §5.1 identification header, alone on the first page (§3).
        Span<byte> head = stackalloc byte[21 + Channels];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1;
        head[9] = Channels;
        BinaryPrimitives.WriteUInt16LittleEndian(head[10..], (ushort)PreSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(head[12..], SampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(head[16..], 0);
        // Mapping family 1 (§5.1.1.2): stream count, coupled count, then the channel mapping, left → stream 0, right → 1.
        head[18] = 1;
        head[19] = Streams;
        head[20] = 0;
        head[21] = 0;
        head[22] = 1;
        _pages.AddPacket(head, 0);
        _pages.FlushPage();

        // RFC 7845 §5.2 comment header, on its own page so audio starts on a fresh one.
        var vendor = "CallCenter recorder"u8;
        Span<byte> tags = stackalloc byte[8 + 4 + vendor.Length + 4];
        "OpusTags"u8.CopyTo(tags);
        BinaryPrimitives.WriteUInt32LittleEndian(tags[8..], (uint)vendor.Length);
        vendor.CopyTo(tags[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(tags[(12 + vendor.Length)..], 0);
        _pages.AddPacket(tags, 0);
        _pages.FlushPage();
        _stream.Flush();
    }
}
