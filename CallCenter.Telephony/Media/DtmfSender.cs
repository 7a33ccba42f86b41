using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>
/// Sends digits to one endpoint as RFC 4733 telephone-events, paced by the media clock: per digit a 100 ms event
/// (five packets, duration growing by 160, marker on the first, one timestamp for the whole event, §2.5.1.2), three
/// end packets (§2.5.1.4, the end sent three times against loss), then 60 ms of pause before the next digit.
/// The packets go out through <see cref="RtpEndpoint.SendRewritten"/>, as part of the leg's one stream: the caller
/// stops relaying toward the leg meanwhile. <see cref="Completed"/> is raised (on the thread pool) when all are sent.
/// </summary>
public sealed class DtmfSender : IMediaClockListener, IDisposable
{
    private const int ToneTicks = 5;
    private const int EndPackets = 3;
    private const int GapTicks = 3;
    private const int Volume = 10;

    private readonly RtpEndpoint _endpoint;
    private readonly int _payloadType;
    private readonly string _digits;
    private readonly uint _ssrc = RtpStreamRewriter.NewSsrc();
    private readonly byte[] _packet = new byte[RtpPacket.FixedHeaderLength + TelephoneEvent.Length];
    private IDisposable? _subscription;
    private int _index;
    private int _step;
    private ushort _sequence = (ushort)Random.Shared.Next(ushort.MaxValue);
    private uint _timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
    private int _completed;

    /// <summary>Prepares sending <paramref name="digits"/> (0-9, *, #, A-D) with <paramref name="payloadType"/>; call <see cref="Start"/>.</summary>
    public DtmfSender(RtpEndpoint endpoint, int payloadType, string digits)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(digits);
        if (digits.Any(d => TelephoneEvent.ToEventCode(d) < 0))
        {
            throw new ArgumentException("Digits are 0-9, *, # and A-D.", nameof(digits));
        }
        _endpoint = endpoint;
        _payloadType = payloadType;
        _digits = digits;
    }

    /// <summary>All digits were sent (or the sender was disposed first).</summary>
    public event EventHandler? Completed;

    /// <summary>Starts sending on the next tick of <paramref name="clock"/>.</summary>
    public void Start(MediaClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _subscription = clock.Subscribe(this);
    }

    /// <inheritdoc />
    public void Dispose() => Finish();

    void IMediaClockListener.OnTick(long tick)
    {
        if (_index >= _digits.Length)
        {
            Finish();
            return;
        }
        if (_step < ToneTicks + EndPackets)
        {
            var end = _step >= ToneTicks;
            var duration = (ushort)(Math.Min(_step + 1, ToneTicks) * 160);
            RtpPacket.WriteHeader(_packet, marker: _step == 0, _payloadType, _sequence++, _timestamp, _ssrc);
            new TelephoneEvent { Event = (byte)TelephoneEvent.ToEventCode(_digits[_index]), End = end, Volume = Volume, Duration = duration }
                .Write(_packet.AsSpan(RtpPacket.FixedHeaderLength));
            if (RtpPacket.TryParse(_packet, out var parsed))
            {
                _endpoint.SendRewritten(_packet, parsed);
            }
        }
        _step++;
        if (_step == ToneTicks + EndPackets + GapTicks)
        {
            // The next event starts at the media time it begins (§2.5.1.2): 100 ms tone + 60 ms end/gap later.
            _timestamp += (uint)((ToneTicks + EndPackets + GapTicks) * 160);
            _step = 0;
            _index++;
        }
    }

    private void Finish()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            _subscription?.Dispose();
            ThreadPool.QueueUserWorkItem(static s => s.Completed?.Invoke(s, EventArgs.Empty), this, preferLocal: false);
        }
    }
}
