using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>
/// Anchors the media of two call legs: RTP received on leg A's endpoint goes out of leg B's socket to
/// leg B's remote and back, each side hearing one continuous stream (<see cref="RtpEndpoint.SendRewritten"/>),
/// also when a transfer puts a new bridge in its place. Event-driven: the work happens on the endpoints' receive
/// loops, with no copy and no allocation per packet. RFC 4733 events are relayed (with the other leg's
/// telephone-event payload type) and raise <see cref="DtmfReceived"/> once per key press. On the
/// <see cref="MediaClock"/> it checks each leg for silence and raises <see cref="MediaTimeout"/> once,
/// unless the call is <see cref="OnHold"/>.
/// </summary>
public sealed class MediaBridge : IDisposable, IMediaClockListener
{
    private readonly object _gate = new();
    private readonly Direction _fromA;
    private readonly Direction _fromB;
    private readonly long _timeoutMs;
    private IDisposable? _clockSubscription;
    private IMediaTap? _tap;
    private readonly RtpEndpoint _legA;
    private readonly RtpEndpoint _legB;
    private long _quietSince;
    private volatile bool _onHold;
    private int _timedOut;
    private bool _disposed;

    /// <summary>Creates a bridge; call <see cref="Start"/> to begin relaying.</summary>
    public MediaBridge(RtpEndpoint legA, RtpEndpoint legB, MediaBridgeOptions options, MediaClock clock)
    {
        ArgumentNullException.ThrowIfNull(legA);
        ArgumentNullException.ThrowIfNull(legB);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _legA = legA;
        _legB = legB;
        Clock = clock;
        Options = options;
        _timeoutMs = (long)options.MediaTimeout.TotalMilliseconds;
        _fromA = new Direction(this, MediaLeg.A, legB, options.TelephoneEventPayloadTypeA, options.TelephoneEventPayloadTypeB);
        _fromB = new Direction(this, MediaLeg.B, legA, options.TelephoneEventPayloadTypeB, options.TelephoneEventPayloadTypeA);
    }

    /// <summary>Leg A's endpoint.</summary>
    public RtpEndpoint LegA => _legA;

    /// <summary>Leg B's endpoint.</summary>
    public RtpEndpoint LegB => _legB;

    /// <summary>The settings.</summary>
    public MediaBridgeOptions Options { get; }

    /// <summary>The media clock the timeout check runs on.</summary>
    public MediaClock Clock { get; }

    /// <summary>The SSRC leg B hears (its endpoint's <see cref="RtpEndpoint.OutboundSsrc"/>).</summary>
    public uint SsrcTowardB => LegB.OutboundSsrc;

    /// <summary>The SSRC leg A hears.</summary>
    public uint SsrcTowardA => LegA.OutboundSsrc;

    /// <summary>Whether the call is on hold: no media timeout then (a held phone may send nothing, RFC 3264 §8.4).</summary>
    public bool OnHold
    {
        get => _onHold;
        set
        {
            if (_onHold && !value)
            {
                Volatile.Write(ref _quietSince, Environment.TickCount64);
            }
            _onHold = value;
        }
    }

    /// <summary>Sees every audio packet relayed (the recorder); null for none. May be set or cleared at any time.</summary>
    public IMediaTap? Tap
    {
        get => Volatile.Read(ref _tap);
        set => Volatile.Write(ref _tap, value);
    }

    /// <summary>
    /// Stops (or restarts) relaying toward one leg while something else sends to it (digits from call control),
    /// so the two never interleave in the leg's one stream; the other direction goes on.
    /// </summary>
    public void Mute(MediaLeg toward, bool muted) => (toward == MediaLeg.A ? _fromB : _fromA).Muted = muted;

    /// <summary>A key press on either leg (raised on that leg's receive loop: handlers must not block).</summary>
    public event EventHandler<DtmfEventArgs>? DtmfReceived;

    /// <summary>A leg fell silent longer than the timeout (raised once, on the thread pool); the B2BUA ends the call as abnormal.</summary>
    public event EventHandler<MediaTimeoutEventArgs>? MediaTimeout;

    /// <summary>Starts relaying both ways and, when a timeout is set, watching for silence.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Volatile.Write(ref _quietSince, Environment.TickCount64);
            _legA.Attach(_fromA);
            _legB.Attach(_fromB);
            if (_timeoutMs > 0 && _clockSubscription is null)
            {
                _clockSubscription = Clock.Subscribe(this);
            }
        }
    }

    /// <summary>Stops relaying (the endpoints stay open; their owner disposes them).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _clockSubscription?.Dispose();
            _legA.Attach(null);
            _legB.Attach(null);
        }
    }

    void IMediaClockListener.OnTick(long tick)
    {
        if (_onHold || _timeoutMs <= 0 || Volatile.Read(ref _timedOut) != 0)
        {
            return;
        }
        long now = Environment.TickCount64;
        long since = Volatile.Read(ref _quietSince);
        long silentA = now - Math.Max(LegA.LastReceivedAt, since);
        long silentB = now - Math.Max(LegB.LastReceivedAt, since);
        long silent = Math.Max(silentA, silentB);
        if (silent >= _timeoutMs && Interlocked.Exchange(ref _timedOut, 1) == 0)
        {
            var args = new MediaTimeoutEventArgs(silentA >= silentB ? MediaLeg.A : MediaLeg.B, TimeSpan.FromMilliseconds(silent));
            // Off the clock thread: the handler tears the call down.
            ThreadPool.QueueUserWorkItem(static s => s.Bridge.MediaTimeout?.Invoke(s.Bridge, s.Args), (Bridge: this, Args: args), preferLocal: false);
        }
    }

    private void OnDtmf(MediaLeg leg, char digit, int duration) =>
        DtmfReceived?.Invoke(this, new DtmfEventArgs(leg, digit, duration));

    /// <summary>One direction of the relay: what one leg receives, sent out of the other as its one stream.</summary>
    private sealed class Direction(MediaBridge bridge, MediaLeg from, RtpEndpoint to, int eventPayloadTypeIn, int eventPayloadTypeOut) : IRtpPacketSink
    {
        private readonly DtmfDetector _dtmf = new() { PayloadType = eventPayloadTypeIn };
        private volatile bool _muted;

        public bool Muted
        {
            get => _muted;
            set => _muted = value;
        }

        public void OnRtp(RtpEndpoint source, Span<byte> datagram, in RtpPacket packet)
        {
            int eventIn = eventPayloadTypeIn;
            if (eventIn >= 0 && packet.PayloadType == eventIn)
            {
                if (_dtmf.TryDetect(packet, out char digit) && TelephoneEvent.TryParse(packet.Payload, out TelephoneEvent e))
                {
                    bridge.OnDtmf(from, digit, e.Duration);
                }
                int eventOut = eventPayloadTypeOut;
                if (eventOut < 0)
                {
                    // The other leg negotiated no telephone-event (RFC 4733 §7.1.1): it would not know the payload type.
                    return;
                }
                if (eventOut != eventIn)
                {
                    datagram[1] = (byte)((datagram[1] & 0x80) | eventOut);
                }
            }
            else
            {
                bridge.Tap?.OnAudio(from, packet);
            }
            if (!Muted)
            {
                to.SendRewritten(datagram, packet);
            }
        }
    }
}
