using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Hosting;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Media;

/// <summary>The <see cref="IMediaFactory"/> over the process's <see cref="RtpPortAllocator"/> and <see cref="MediaClock"/>.</summary>
public sealed class MediaFactory : IMediaFactory
{
    private readonly RtpPortAllocator _ports;
    private readonly MediaClock _clock;
    private readonly RtpOptions _rtp;
    private readonly IPAddress _defaultAddress;
    private readonly ILogger<RtpEndpoint> _logger;
    private readonly RtcpReporter _reporter;

    /// <summary>Creates the factory.</summary>
    public MediaFactory(RtpPortAllocator ports, MediaClock clock, IOptions<RtpOptions> rtp, IOptions<SipOptions> sip, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(rtp);
        ArgumentNullException.ThrowIfNull(sip);
        _ports = ports;
        _clock = clock;
        _rtp = rtp.Value;
        string address = _rtp.BindAddress.Length > 0 ? _rtp.BindAddress : sip.Value.ListenAddress;
        _defaultAddress = IPAddress.TryParse(address, out IPAddress? ip) ? ip : IPAddress.Any;
        _logger = loggerFactory?.CreateLogger<RtpEndpoint>() ?? NullLogger<RtpEndpoint>.Instance;
        _reporter = new RtcpReporter(clock, TimeSpan.FromSeconds(_rtp.RtcpIntervalSeconds));
    }

    /// <summary>Sends the RTCP reports of the endpoints this factory made.</summary>
    public RtcpReporter Reporter => _reporter;

    /// <inheritdoc/>
    public RtpEndpoint CreateEndpoint(IPAddress? bindAddress = null)
    {
        IPAddress address = bindAddress ?? _defaultAddress;
        // A pair another process holds is skipped (and kept marked, so it is not tried again at once).
        var unusable = new List<RtpPortPair>();
        try
        {
            for (int attempt = 0; attempt < _ports.Capacity; attempt++)
            {
                if (!_ports.TryAllocate(out RtpPortPair pair))
                {
                    break;
                }
                Socket? rtp = null;
                Socket? rtcp = null;
                try
                {
                    rtp = Bind(address, pair.RtpPort);
                    rtcp = Bind(address, pair.RtcpPort);
                    var endpoint = new RtpEndpoint(rtp, rtcp, pair, _rtp.SymmetricRtp, _logger, e => _ports.Release(e.Ports));
                    endpoint.UseReporter(_reporter);
                    return endpoint;
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
                {
                    rtp?.Dispose();
                    rtcp?.Dispose();
                    unusable.Add(pair);
                }
            }
        }
        finally
        {
            foreach (RtpPortPair pair in unusable)
            {
                _ports.Release(pair);
            }
        }
        throw new RtpPortsExhaustedException(
            $"No RTP port pair is free in {_rtp.PortMin}..{_rtp.PortMax} on {address} ({_ports.InUse} of {_ports.Capacity} in use).");
    }

    /// <inheritdoc/>
    public MediaBridge CreateBridge(RtpEndpoint legA, RtpEndpoint legB, MediaBridgeOptions? options = null) =>
        new(legA, legB, options ?? new MediaBridgeOptions { MediaTimeout = TimeSpan.FromSeconds(_rtp.MediaTimeoutSeconds) }, _clock);

    /// <inheritdoc/>
    public EchoEndpoint CreateEcho(RtpEndpoint endpoint) => new(endpoint);

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
