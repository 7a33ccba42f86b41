using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>
/// The echo test (extension 9196): every RTP packet an endpoint receives goes back to where it came from
/// (the latched source, RFC 4961), as one continuous stream with the endpoint's SSRC (<see cref="RtpEndpoint.SendRewritten"/>).
/// RFC 4733 telephone-events among them are echoed too and reported once per key press (<see cref="DtmfReceived"/>).
/// </summary>
public sealed class EchoEndpoint : IRtpPacketSink, IDisposable
{
    private readonly DtmfDetector _dtmf = new();
    private bool _disposed;

    /// <summary>Echoes what <paramref name="endpoint"/> receives; call <see cref="Start"/> to begin.</summary>
    public EchoEndpoint(RtpEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
    }

    /// <summary>The endpoint echoed on.</summary>
    public RtpEndpoint Endpoint { get; }

    /// <summary>The SSRC the caller hears.</summary>
    public uint Ssrc => Endpoint.OutboundSsrc;

    /// <summary>The negotiated telephone-event payload type (the offerer's, RFC 3264 §6.1), or -1 for none; set before <see cref="Start"/>.</summary>
    public int EventPayloadType
    {
        get => _dtmf.PayloadType;
        set => _dtmf.PayloadType = value;
    }

    /// <summary>A key press received as RFC 4733 telephone-events; raised on the endpoint's receive loop (the leg is always <see cref="MediaLeg.A"/>).</summary>
    public event EventHandler<DtmfEventArgs>? DtmfReceived;

    /// <summary>Starts echoing.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Endpoint.Attach(this);
    }

    /// <summary>Stops echoing (the endpoint stays open; its owner disposes it).</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Endpoint.Attach(null);
        }
    }

    void IRtpPacketSink.OnRtp(RtpEndpoint source, Span<byte> datagram, in RtpPacket packet)
    {
        // Before the echo: sending rewrites the datagram's header in place.
        if (_dtmf.TryDetect(packet, out var digit))
        {
            DtmfReceived?.Invoke(this, new DtmfEventArgs(MediaLeg.A, digit, TelephoneEvent.TryParse(packet.Payload, out TelephoneEvent e) ? e.Duration : 0));
        }
        source.SendRewritten(datagram, packet);
    }
}
