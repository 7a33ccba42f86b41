using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>
/// Anchors the media of two call legs: RTP received on leg A's endpoint goes out of leg B's socket to
/// leg B's remote and back, each direction rewritten to one continuous stream (<see cref="RtpStreamRewriter"/>).
/// Event-driven: the work happens on the endpoints' receive loops, with no copy and no allocation per packet.
/// RFC 4733 events are relayed (with the other leg's telephone-event payload type) and raise
/// <see cref="DtmfReceived"/> once per key press. On the <see cref="MediaClock"/> it checks each leg for
/// silence and raises <see cref="MediaTimeout"/> once, unless the call is <see cref="OnHold"/>.
/// </summary>
public sealed class MediaBridge : IDisposable, IMediaClockListener
{
    private readonly Direction _fromA;
    private readonly Direction _fromB;
    private readonly long _timeoutMs;
    private IDisposable? _clockSubscription;
    private long _holdEndedAt;
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
        LegA = legA;
        LegB = legB;
        Clock = clock;
        Options = options;
        _timeoutMs = (long)options.MediaTimeout.TotalMilliseconds;
        _fromA = new Direction(this, MediaLeg.A, legB, options.TelephoneEventPayloadTypeA, options.TelephoneEventPayloadTypeB);
        _fromB = new Direction(this, MediaLeg.B, legA, options.TelephoneEventPayloadTypeB, options.TelephoneEventPayloadTypeA);
    }

    /// <summary>Leg A's endpoint.</summary>
    public RtpEndpoint LegA { get; }

    /// <summary>Leg B's endpoint.</summary>
    public RtpEndpoint LegB { get; }

    /// <summary>The settings.</summary>
    public MediaBridgeOptions Options { get; }

    /// <summary>The media clock the timeout check runs on.</summary>
    public MediaClock Clock { get; }

    /// <summary>The SSRC leg B hears (what leg A's media is rewritten to).</summary>
    public uint SsrcTowardB => _fromA.Rewriter.Ssrc;

    /// <summary>The SSRC leg A hears.</summary>
    public uint SsrcTowardA => _fromB.Rewriter.Ssrc;

    /// <summary>Whether the call is on hold: no media timeout then (a held phone may send nothing, RFC 3264 §8.4).</summary>
    public bool OnHold
    {
        get => _onHold;
        set
        {
            if (_onHold && !value)
            {
                Volatile.Write(ref _holdEndedAt, Environment.TickCount64);
            }
            _onHold = value;
        }
    }

    /// <summary>A key press on either leg (raised on that leg's receive loop: handlers must not block).</summary>
    public event EventHandler<DtmfEventArgs>? DtmfReceived;

    /// <summary>A leg fell silent longer than the timeout (raised once, on the thread pool); the B2BUA ends the call as abnormal.</summary>
    public event EventHandler<MediaTimeoutEventArgs>? MediaTimeout;

    /// <summary>Starts relaying both ways and, when a timeout is set, watching for silence.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Volatile.Write(ref _holdEndedAt, Environment.TickCount64);
        LegA.Attach(_fromA);
        LegB.Attach(_fromB);
        if (_timeoutMs > 0 && _clockSubscription is null)
        {
            _clockSubscription = Clock.Subscribe(this);
        }
    }

    /// <summary>Stops relaying (the endpoints stay open; their owner disposes them).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _clockSubscription?.Dispose();
        LegA.Attach(null);
        LegB.Attach(null);
    }

    void IMediaClockListener.OnTick(long tick)
    {
        if (_onHold || _timeoutMs <= 0 || Volatile.Read(ref _timedOut) != 0)
        {
            return;
        }
        long now = Environment.TickCount64;
        long since = Math.Max(Volatile.Read(ref _holdEndedAt), 0);
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

    /// <summary>One direction of the relay: what one leg receives, rewritten and sent out of the other.</summary>
    private sealed class Direction(MediaBridge bridge, MediaLeg from, RtpEndpoint to, int eventPayloadTypeIn, int eventPayloadTypeOut) : IRtpPacketSink
    {
        private readonly DtmfDetector _dtmf = new() { PayloadType = eventPayloadTypeIn };

        public RtpStreamRewriter Rewriter { get; } = new(RtpStreamRewriter.NewSsrc());

        public void OnRtp(RtpEndpoint source, Span<byte> datagram, in RtpPacket packet)
        {
            if (eventPayloadTypeIn >= 0 && packet.PayloadType == eventPayloadTypeIn)
            {
                if (_dtmf.TryDetect(packet, out char digit) && TelephoneEvent.TryParse(packet.Payload, out TelephoneEvent e))
                {
                    bridge.OnDtmf(from, digit, e.Duration);
                }
                if (eventPayloadTypeOut >= 0 && eventPayloadTypeOut != eventPayloadTypeIn)
                {
                    datagram[1] = (byte)((datagram[1] & 0x80) | eventPayloadTypeOut);
                }
            }
            Rewriter.Rewrite(datagram, packet);
            to.Send(datagram);
        }
    }
}
