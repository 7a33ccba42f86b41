using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Recording;

/// <summary>
/// One leg's audio on the recording's timeline (8 kHz samples since the recorder started), in a ring
/// that the writer reads (and clears) frame by frame; a place nothing was written to reads as silence.
/// </summary>
/// <remarks>
/// Placement uses both clocks. RTP timestamps say exactly where each packet's audio belongs relative to
/// the leg's other packets, whatever the network did (jitter, reordering, a gap from loss or silence
/// suppression), while arrival time is the only clock the two legs share (each phone starts its
/// timestamps at random, RFC 3550 §5.1). So a leg is anchored by arrival once and then placed by
/// timestamp; the anchor moves earlier when a packet proves the first one was delayed (lowest delay
/// wins), and is set anew on an SSRC change (transfer, phone restart) or when timestamp and arrival part
/// by more than <see cref="ResyncSamples"/> (a timestamp jump, or a sender whose clock stopped on hold); the
/// recorder also anchors a leg anew (<see cref="Reanchor"/>) when a packet that came in time would be placed
/// where the writer has passed already (a sender whose clock fell behind ours by more than the playout delay).
/// Not thread-safe: the recorder's writer alone uses it.
/// </remarks>
internal sealed class RecordingLeg(AudioCodec codec)
{
    /// <summary>Samples held ahead of the writer: 2 s.</summary>
    public const int RingSamples = 16_000;

    /// <summary>How far timestamp and arrival may disagree before the leg is anchored anew: 1 s.</summary>
    public const long ResyncSamples = 8_000;

    private readonly short[] _ring = new short[RingSamples];
    private bool _anchored;
    private uint _ssrc;
    private uint _lastTimestamp;
    private long _lastExtended;
    private long _offset;

    /// <summary>The timeline position just after the latest sample placed.</summary>
    public long WrittenEnd { get; private set; }

    /// <summary>Packets whose whole audio came after its place had been written.</summary>
    public long LatePackets { get; private set; }

    /// <summary>Times the leg was anchored anew after its first packet.</summary>
    public long Resyncs { get; private set; }

    /// <summary>Where a packet's first sample belongs on the timeline.</summary>
    public long Locate(uint ssrc, uint timestamp, long arrival)
    {
        if (!_anchored || ssrc != _ssrc)
        {
            return Anchor(ssrc, timestamp, arrival);
        }
        // RFC 3550 timestamps wrap at 2^32; the signed difference to the previous one unwraps them.
        var extended = _lastExtended + (int)(timestamp - _lastTimestamp);
        _lastTimestamp = timestamp;
        _lastExtended = extended;
        var position = extended + _offset;
        var lateness = arrival - position;
        if (lateness > ResyncSamples || lateness < -ResyncSamples)
        {
            Resyncs++;
            return Anchor(ssrc, timestamp, arrival);
        }
        if (lateness < 0)
        {
            // Here earlier than the anchor allows: the anchoring packet was delayed more than this one.
            _offset += lateness;
            position = arrival;
        }
        return position;
    }

    /// <summary>Anchors the leg anew at this packet's arrival (its sender's clock fell behind ours); returns its place.</summary>
    public long Reanchor(uint ssrc, uint timestamp, long arrival)
    {
        Resyncs++;
        return Anchor(ssrc, timestamp, arrival);
    }

    /// <summary>
    /// Decodes <paramref name="payload"/> onto the timeline at <paramref name="position"/>; the part before
    /// <paramref name="written"/> (already encoded) is lost. The caller keeps the end within the ring.
    /// </summary>
    public void Write(long position, ReadOnlySpan<byte> payload, long written)
    {
        var skip = written - position;
        if (skip >= payload.Length)
        {
            LatePackets++;
            return;
        }
        if (skip > 0)
        {
            payload = payload[(int)skip..];
            position = written;
        }
        var index = (int)(position % RingSamples);
        var first = Math.Min(payload.Length, RingSamples - index);
        G711.Decode(codec, payload[..first], _ring.AsSpan(index, first));
        if (first < payload.Length)
        {
            G711.Decode(codec, payload[first..], _ring);
        }
        WrittenEnd = Math.Max(WrittenEnd, position + payload.Length);
    }

    /// <summary>Copies one frame from <paramref name="position"/> into every other sample of <paramref name="interleaved"/> from <paramref name="channel"/>, leaving silence behind.</summary>
    public void Take(long position, Span<short> interleaved, int channel)
    {
        var frame = interleaved.Length / 2;
        var index = (int)(position % RingSamples);
        for (var i = 0; i < frame; i++)
        {
            interleaved[(i * 2) + channel] = _ring[index];
            _ring[index] = 0;
            if (++index == RingSamples)
            {
                index = 0;
            }
        }
    }

    private long Anchor(uint ssrc, uint timestamp, long arrival)
    {
        _anchored = true;
        _ssrc = ssrc;
        _lastTimestamp = timestamp;
        _lastExtended = timestamp;
        _offset = arrival - timestamp;
        return arrival;
    }
}
