using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Audio;

/// <summary>
/// Plays an <see cref="IAudioSource"/> into a call leg: on every tick of the process <see cref="MediaClock"/>
/// (no timer per call) it reads one 20 ms frame, encodes it as G.711 and sends it with
/// <see cref="RtpEndpoint.SendRewritten"/>, so the peer keeps hearing one stream (one SSRC, continuous
/// sequence numbers, RFC 3550 §5.1) when a prompt replaces relayed audio and back. While it plays, whoever
/// else sends to the endpoint (a bridge) should be paused, or the two streams interleave.
/// The player has its own SSRC, sequence and timestamp: the timestamp is the clock tick times 160, so it
/// also advances across pauses between prompts as the sampling clock would (RFC 3550 §5.1); the first
/// packet of each play has the marker bit (start of a talkspurt, RFC 3551 §4.1).
/// Per tick the work is a frame copy, a table lookup per sample and one send, over buffers allocated at
/// construction: nothing is allocated, and one clock thread drives many hundreds of players (the send
/// system call is most of the cost).
/// </summary>
public sealed class MediaPlayer : IMediaClockListener, IDisposable
{
    private const int PayloadBytes = IAudioSource.FrameSamples;

    private readonly object _gate = new();
    private readonly RtpEndpoint _endpoint;
    private readonly MediaClock _clock;
    private readonly AudioCodec _codec;
    private readonly int _payloadType;
    private readonly short[] _pcm = new short[IAudioSource.FrameSamples];
    private readonly byte[] _packet = new byte[RtpPacket.FixedHeaderLength + PayloadBytes];
    private readonly uint _timestampBase = RtpStreamRewriter.NewSsrc();
    private IAudioSource? _source;
    private IDisposable? _subscription;
    private bool _loop;
    private bool _marker;
    private ushort _sequence = (ushort)Random.Shared.Next(0, 65536);
    private bool _disposed;

    /// <summary>Creates a player for one leg; nothing is sent until <see cref="Play"/>.</summary>
    /// <param name="endpoint">The leg's RTP endpoint.</param>
    /// <param name="clock">The process media clock.</param>
    /// <param name="codec">The negotiated codec.</param>
    /// <param name="payloadType">The payload type to send; -1 for the codec's static one (0 or 8, RFC 3551 §6).</param>
    public MediaPlayer(RtpEndpoint endpoint, MediaClock clock, AudioCodec codec, int payloadType = -1)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, 127);
        _endpoint = endpoint;
        _clock = clock;
        _codec = codec;
        _payloadType = payloadType < 0 ? (int)codec : payloadType;
        Ssrc = RtpStreamRewriter.NewSsrc();
    }

    /// <summary>The SSRC of the player's own stream (before the endpoint rewrites it to the leg's).</summary>
    public uint Ssrc { get; }

    /// <summary>Whether a source is playing.</summary>
    public bool IsPlaying
    {
        get
        {
            lock (_gate)
            {
                return _source is not null;
            }
        }
    }

    /// <summary>
    /// A source that is not looped played to its end. Raised on the thread pool, never on the clock thread,
    /// so handlers may start the next prompt or do call control. Not raised by <see cref="Stop"/>.
    /// </summary>
    public event EventHandler<PlaybackCompletedEventArgs>? Completed;

    /// <summary>Starts playing <paramref name="source"/> from the next tick, replacing whatever was playing.</summary>
    /// <param name="source">The audio; the player reads it from the clock thread until it ends or is stopped.</param>
    /// <param name="loop">Start again at the end (music on hold, ringback) instead of finishing.</param>
    public void Play(IAudioSource source, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _source = source;
            _loop = loop;
            _marker = true;
            _subscription ??= _clock.Subscribe(this);
        }
    }

    /// <summary>Stops playing; once it returns no further packet is sent.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _source = null;
            _subscription?.Dispose();
            _subscription = null;
        }
    }

    /// <summary>Stops playing for good.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
        Stop();
    }

    /// <inheritdoc />
    void IMediaClockListener.OnTick(long tick)
    {
        lock (_gate)
        {
            IAudioSource? source = _source;
            if (source is null)
            {
                return;
            }
            Span<short> pcm = _pcm;
            int count = source.Read(pcm);
            while (_loop && count < pcm.Length)
            {
                source.Reset();
                int more = source.Read(pcm[count..]);
                if (more == 0)
                {
                    // An empty source cannot be looped.
                    break;
                }
                count += more;
            }
            if (count > 0)
            {
                pcm[count..].Clear();
                Send(tick);
            }
            if (count < pcm.Length)
            {
                Finish(source);
            }
        }
    }

    private void Send(long tick)
    {
        Span<byte> packet = _packet;
        RtpPacket.WriteHeader(packet, _marker, _payloadType, _sequence++, _timestampBase + (uint)(tick * IAudioSource.FrameSamples), Ssrc);
        _marker = false;
        G711.Encode(_codec, _pcm, packet[RtpPacket.FixedHeaderLength..]);
        if (RtpPacket.TryParse(packet, out RtpPacket parsed))
        {
            _endpoint.SendRewritten(packet, parsed);
        }
    }

    private void Finish(IAudioSource source)
    {
        _source = null;
        _subscription?.Dispose();
        _subscription = null;
        if (Completed is not null)
        {
            // Off the clock thread: a handler doing call control must not hold up every other call's media.
            ThreadPool.QueueUserWorkItem(static state => state.Player.Completed?.Invoke(state.Player, new PlaybackCompletedEventArgs(state.Source)), (Player: this, Source: source), preferLocal: false);
        }
    }
}
