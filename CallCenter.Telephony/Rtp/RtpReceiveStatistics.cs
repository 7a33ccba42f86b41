namespace CallCenter.Telephony.Rtp;

/// <summary>
/// What a receiver knows about the one stream it receives, for its RTCP reception report (RFC 3550 §6.4.1):
/// the extended highest sequence number with wrap-around cycles and the loss counts (Appendix A.1, A.3), and
/// the interarrival jitter (Appendix A.8). A new SSRC starts the statistics again. Not thread-safe: the endpoint
/// updates it on its receive loop and reads it under its own lock.
/// </summary>
public sealed class RtpReceiveStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;

    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private long _lastTransit;
    private double _jitter;
    private bool _hasTransit;

    /// <summary>The SSRC of the stream, or 0 before the first packet.</summary>
    public uint SourceSsrc { get; private set; }

    /// <summary>Whether any packet arrived.</summary>
    public bool HasSource { get; private set; }

    /// <summary>Packets received from the current source.</summary>
    public long Received => _received;

    /// <summary>The extended highest sequence number received (cycles in the high 16 bits).</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets expected from the first to the highest sequence number.</summary>
    public long Expected => (long)ExtendedHighestSequence - _baseSequence + 1;

    /// <summary>Packets lost since the start (expected - received; negative with duplicates, RFC 3550 §6.4.1).</summary>
    public long CumulativeLost => HasSource ? Expected - _received : 0;

    /// <summary>The interarrival jitter in timestamp units.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>Takes one packet.</summary>
    /// <param name="ssrc">Its SSRC.</param>
    /// <param name="sequence">Its sequence number.</param>
    /// <param name="timestamp">Its RTP timestamp.</param>
    /// <param name="arrival">When it arrived, in the same clock units as the timestamp (8000 Hz for G.711).</param>
    public void Update(uint ssrc, ushort sequence, uint timestamp, long arrival)
    {
        if (!HasSource || ssrc != SourceSsrc)
        {
            Restart(ssrc, sequence);
        }
        else
        {
            var delta = (ushort)(sequence - _maxSequence);
            if (delta < MaxDropout)
            {
                if (sequence < _maxSequence)
                {
                    _cycles += 1u << 16;
                }
                _maxSequence = sequence;
            }
            else if (delta <= ushort.MaxValue + 1 - MaxMisorder)
            {
                // A very large jump: the sender restarted its numbering (Appendix A.1 resynchronises after two; one is enough here).
                Restart(ssrc, sequence);
            }
        }
        _received++;
        // Appendix A.8: J += (|D| - J) / 16, D the difference of relative transit times.
        var transit = arrival - timestamp;
        if (_hasTransit)
        {
            var d = Math.Abs(transit - _lastTransit);
            _jitter += (d - _jitter) / 16.0;
        }
        _lastTransit = transit;
        _hasTransit = true;
    }

    /// <summary>
    /// The fraction lost since the last call, as the 8-bit fixed-point of the report block (Appendix A.3),
    /// and moves the interval on.
    /// </summary>
    public byte TakeFractionLost()
    {
        var expectedInterval = Expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = Expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        return expectedInterval <= 0 || lostInterval <= 0 ? (byte)0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    private void Restart(uint ssrc, ushort sequence)
    {
        HasSource = true;
        SourceSsrc = ssrc;
        _maxSequence = sequence;
        _cycles = 0;
        _baseSequence = sequence;
        _received = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
        _jitter = 0;
        _hasTransit = false;
    }
}
