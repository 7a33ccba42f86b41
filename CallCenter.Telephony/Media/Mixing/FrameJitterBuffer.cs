using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Media.Mixing;

/// <summary>
/// A small fixed ring of decoded 20 ms frames between one participant's receive loop (writer) and the
/// media clock (reader). Frames are placed by RTP sequence number, so packets reordered within the ring
/// play in order (RFC 3550 §5.1: the sequence number is there to restore the order); a packet too far
/// ahead pushes the oldest frames out (dropped, counted), one whose turn has passed is dropped as late, and
/// a tick with nothing to play gives silence. Playout starts (and restarts after running dry) once
/// <see cref="StartDepth"/> frames wait, which absorbs the phase between the sender's clock and ours.
/// A burst (a network stall let go) would otherwise leave the ring full and the talker 160 ms late for
/// good, so a ring that never fell to <see cref="TargetDepth"/> over a second of playout sheds one frame.
/// Everything is preallocated; the lock is held only to copy 160 samples.
/// </summary>
internal sealed class FrameJitterBuffer
{
    /// <summary>Samples in one frame: 20 ms at 8 kHz, the G.711 default packetisation (RFC 3551 §4.5).</summary>
    public const int FrameSamples = 160;

    /// <summary>The ring size in frames (160 ms): the most a sender running ahead of our clock can delay its audio.</summary>
    public const int Capacity = 8;

    /// <summary>Frames that must wait before playout starts.</summary>
    public const int StartDepth = 2;

    /// <summary>The depth above which a ring that stays there for <see cref="ShedWindow"/> reads sheds a frame.</summary>
    public const int TargetDepth = 3;

    /// <summary>Reads (one a tick: a second) over which the ring's lowest depth is watched.</summary>
    public const int ShedWindow = 50;

    private readonly Lock _gate = new();
    private readonly short[] _samples = new short[Capacity * FrameSamples];
    private readonly ushort[] _sequence = new ushort[Capacity];
    private readonly bool[] _filled = new bool[Capacity];
    private int _count;
    private ushort _next;
    private uint _ssrc;
    private bool _anchored;
    private bool _playing;
    private int _windowReads;
    private int _windowMinDepth = int.MaxValue;
    private long _received;
    private long _dropped;
    private long _late;
    private long _played;
    private long _silent;

    /// <summary>Audio frames written.</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Frames pushed out unplayed because newer ones filled the ring.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Frames that came after their turn, or twice.</summary>
    public long Late => Volatile.Read(ref _late);

    /// <summary>Frames taken by <see cref="Read"/>.</summary>
    public long Played => Volatile.Read(ref _played);

    /// <summary>Reads that gave silence (nothing received, a gap, or waiting to start).</summary>
    public long Silent => Volatile.Read(ref _silent);

    /// <summary>Frames waiting now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Decodes one G.711 packet into its place in the ring (receive loop).</summary>
    public void Write(uint ssrc, ushort sequence, AudioCodec codec, ReadOnlySpan<byte> payload)
    {
        lock (_gate)
        {
            _received++;
            int delta = (short)(ushort)(sequence - _next);
            // RFC 3550 §8.2: a new SSRC is a new stream with its own numbering; a jump back further than the
            // ring is a restarted sender, not a late packet.
            if (!_anchored || ssrc != _ssrc || delta < -Capacity)
            {
                Reset(ssrc, sequence);
                delta = 0;
            }
            else if (delta >= Capacity && _count == 0)
            {
                // Far ahead of an empty ring (the sender was quiet, RFC 3551 §4.1 silence suppression): start there.
                _next = sequence;
                delta = 0;
            }
            if (delta < 0)
            {
                _late++;
                return;
            }
            if (delta >= Capacity)
            {
                Advance(sequence);
            }
            int slot = sequence % Capacity;
            if (_filled[slot])
            {
                // Within the window a slot can only hold this very sequence number: a duplicate (RFC 3550 §A.1).
                _late++;
                return;
            }
            Span<short> frame = _samples.AsSpan(slot * FrameSamples, FrameSamples);
            int length = Math.Min(payload.Length, FrameSamples);
            G711.Decode(codec, payload[..length], frame);
            // Another packetisation than 20 ms is not resampled: a short packet is padded with silence.
            frame[length..].Clear();
            _sequence[slot] = sequence;
            _filled[slot] = true;
            _count++;
        }
    }

    /// <summary>Takes the next frame into <paramref name="frame"/> (clock thread); false when it is silence.</summary>
    public bool Read(Span<short> frame)
    {
        lock (_gate)
        {
            if (!_playing)
            {
                if (_count < StartDepth)
                {
                    return Silence(frame);
                }
                _playing = true;
            }
            if (_count == 0)
            {
                // Ran dry (held phone, one-way audio, a late burst): wait for the sender without moving on,
                // so its next packets still have their place.
                _playing = false;
                return Silence(frame);
            }
            ShedIfLate();
            int slot = _next % Capacity;
            ushort sequence = _next;
            _next++;
            if (!_filled[slot] || _sequence[slot] != sequence)
            {
                // Lost in the network: its 20 ms is silence and playout moves on.
                return Silence(frame);
            }
            _samples.AsSpan(slot * FrameSamples, FrameSamples).CopyTo(frame);
            _filled[slot] = false;
            _count--;
            _played++;
            return true;
        }
    }

    /// <summary>Drops the frame due now when the ring has held more than it needs for a whole window.</summary>
    private void ShedIfLate()
    {
        _windowMinDepth = Math.Min(_windowMinDepth, _count);
        if (++_windowReads < ShedWindow)
        {
            return;
        }
        bool late = _windowMinDepth > TargetDepth;
        _windowReads = 0;
        _windowMinDepth = int.MaxValue;
        if (!late)
        {
            return;
        }
        int slot = _next % Capacity;
        if (_filled[slot] && _sequence[slot] == _next)
        {
            _filled[slot] = false;
            _count--;
            _dropped++;
        }
        _next++;
    }

    private bool Silence(Span<short> frame)
    {
        frame[..FrameSamples].Clear();
        _silent++;
        return false;
    }

    private void Reset(uint ssrc, ushort sequence)
    {
        _dropped += _count;
        Array.Clear(_filled);
        _count = 0;
        _ssrc = ssrc;
        _next = sequence;
        _anchored = true;
        _playing = false;
    }

    /// <summary>Moves the window so <paramref name="sequence"/> is its newest place, dropping what falls out.</summary>
    private void Advance(ushort sequence)
    {
        var first = (ushort)(sequence - Capacity + 1);
        for (int slot = 0; slot < Capacity; slot++)
        {
            if (_filled[slot] && (short)(ushort)(_sequence[slot] - first) < 0)
            {
                _filled[slot] = false;
                _count--;
                _dropped++;
            }
        }
        _next = first;
    }
}
