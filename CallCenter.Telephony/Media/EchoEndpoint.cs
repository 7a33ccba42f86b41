using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>
/// The echo test (extension 9196): every RTP packet an endpoint receives goes back to where it came from
/// (the latched source, RFC 4961), as one continuous stream with our SSRC (<see cref="RtpStreamRewriter"/>).
/// </summary>
public sealed class EchoEndpoint : IRtpPacketSink, IDisposable
{
    private readonly RtpStreamRewriter _rewriter = new(RtpStreamRewriter.NewSsrc());
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
    public uint Ssrc => _rewriter.Ssrc;

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
        _rewriter.Rewrite(datagram, packet);
        source.Send(datagram);
    }
}
