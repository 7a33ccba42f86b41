using System.Diagnostics;

using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>
/// Keeps what one receiver sees a single RTP stream (RFC 3550 §5.1, §8.2) while the source behind us
/// changes: packets go out with one SSRC, and when a new source SSRC appears (transfer, re-INVITE,
/// a prompt replaced by a phone) the sequence number continues at +1 and the timestamp by the media
/// time elapsed since the last packet sent, with the marker bit set to flag the discontinuity
/// (RFC 3551 §4.1). Not thread-safe: one per direction, used on one receive loop.
/// </summary>
public sealed class RtpStreamRewriter
{
    private readonly int _clockRate;
    private bool _started;
    private uint _sourceSsrc;
    private ushort _sequenceOffset;
    private uint _timestampOffset;
    private ushort _lastSequence;
    private uint _lastTimestamp;
    private long _lastSentAt;

    /// <summary>Creates a rewriter sending with <paramref name="ssrc"/>.</summary>
    /// <param name="ssrc">The SSRC the receiver sees.</param>
    /// <param name="clockRate">The RTP clock rate (8000 for G.711 and telephone-event).</param>
    public RtpStreamRewriter(uint ssrc, int clockRate = 8000)
    {
        Ssrc = ssrc;
        _clockRate = clockRate;
    }

    /// <summary>The SSRC the receiver sees.</summary>
    public uint Ssrc { get; }

    /// <summary>The RTP timestamp of the last packet sent (for RTCP sender reports).</summary>
    public uint LastTimestamp => _lastTimestamp;

    /// <summary>When the last packet was sent (<see cref="Stopwatch"/> ticks; 0 before any).</summary>
    public long LastSentAt => _lastSentAt;

    /// <summary>How many times the source SSRC changed.</summary>
    public int SourceChanges { get; private set; }

    /// <summary>A random SSRC (RFC 3550 §8.1), without allocating.</summary>
    public static uint NewSsrc() => (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    /// <summary>Rewrites SSRC, sequence number and timestamp of <paramref name="datagram"/> in place.</summary>
    public void Rewrite(Span<byte> datagram, in RtpPacket packet)
    {
        long now = Stopwatch.GetTimestamp();
        if (!_started || packet.Ssrc != _sourceSsrc)
        {
            if (_started)
            {
                // Continue where the old source stopped: next sequence number, timestamp advanced by the wall time since.
                long elapsedSamples = (now - _lastSentAt) * _clockRate / Stopwatch.Frequency;
                _sequenceOffset = (ushort)(_lastSequence + 1 - packet.SequenceNumber);
                _timestampOffset = (uint)(_lastTimestamp + (uint)Math.Max(1, elapsedSamples) - packet.Timestamp);
                SourceChanges++;
                datagram[1] |= 0x80;
            }
            else
            {
                _sequenceOffset = 0;
                _timestampOffset = 0;
            }
            _started = true;
            _sourceSsrc = packet.Ssrc;
        }
        _lastSequence = (ushort)(packet.SequenceNumber + _sequenceOffset);
        _lastTimestamp = packet.Timestamp + _timestampOffset;
        _lastSentAt = now;
        RtpPacket.Rewrite(datagram, _lastSequence, _lastTimestamp, Ssrc);
    }
}
