using System.Buffers;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Sip.Messages;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// The SIP listeners (RFC 3261 §18): one UDP socket and one TCP listener on the same address and port,
/// bound when the host starts (so the actual port is known right after start, also for port 0). Every
/// inbound message passes the <see cref="ISipInboundFilter"/>s and goes into the one bounded
/// <see cref="SipInboundQueue"/>; <see cref="SipInboundProcessor"/> takes it from there.
/// </summary>
public sealed partial class SipTransportService : BackgroundService, ISipTransport
{
    private const int MaxDatagram = 65535;

    private readonly SipOptions _options;
    private readonly SipInboundQueue _queue;
    private readonly ISipInboundFilter[] _filters;
    private readonly ILogger<SipTransportService> _logger;
    private readonly TimeProvider _time;
    private readonly SipTcpConnectionTable _connections;
    private readonly SipParserLimits _limits;
    private readonly SipLogGate _receiveErrors;
    private readonly List<Task> _readers = [];
    private Socket? _udp;
    private Socket? _tcp;
    private CancellationToken _stopping;
    private long _filtered;

    /// <summary>Creates the service; nothing is bound before <see cref="StartAsync"/>.</summary>
    public SipTransportService(
        IOptions<SipOptions> options,
        SipInboundQueue queue,
        IEnumerable<ISipInboundFilter> filters,
        ILogger<SipTransportService> logger,
        TimeProvider? time = null)
    {
        _options = options.Value;
        _queue = queue;
        _filters = [.. filters];
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _limits = new SipParserLimits { MaxMessageSize = _options.MaxMessageSize };
        _receiveErrors = new SipLogGate(_time, TimeSpan.FromSeconds(10));
        _connections = new SipTcpConnectionTable(_options.MaxTcpConnections, _time, StartReading);
        AdvertisedHost = _options.AdvertisedAddress;
    }

    /// <inheritdoc />
    public SipTransportState State { get; private set; }

    /// <inheritdoc />
    public string? FailureReason { get; private set; }

    /// <inheritdoc />
    public SipEndPoint? UdpEndPoint { get; private set; }

    /// <inheritdoc />
    public SipEndPoint? TcpEndPoint { get; private set; }

    /// <inheritdoc />
    public string AdvertisedHost { get; private set; }

    /// <inheritdoc />
    public int AdvertisedPort => UdpEndPoint?.EndPoint.Port ?? _options.Port;

    /// <inheritdoc />
    public long InboundDropped => _queue.DroppedCount;

    /// <inheritdoc />
    public long InboundFiltered => Interlocked.Read(ref _filtered);

    /// <inheritdoc />
    public int TcpConnectionCount => _connections.Count;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Bind();
            State = SipTransportState.Running;
            LogListening(UdpEndPoint!, TcpEndPoint!, AdvertisedHost);
        }
        catch (SocketException ex)
        {
            // The web app keeps running; /healthz reports the SIP component Unhealthy with this reason.
            State = SipTransportState.Failed;
            FailureReason = $"Cannot bind SIP to {_options.ListenAddress}:{_options.Port}: {ex.Message}";
            LogBindFailed(ex, _options.ListenAddress, _options.Port);
            _udp?.Dispose();
            _tcp?.Dispose();
            return Task.CompletedTask;
        }
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _connections.CloseAllAsync().ConfigureAwait(false);
        Task[] readers;
        lock (_readers)
        {
            readers = [.. _readers];
        }
        await Task.WhenAll(readers).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (State == SipTransportState.Running)
        {
            State = SipTransportState.Stopped;
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _udp?.Dispose();
        _tcp?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        stoppingToken.Register(() =>
        {
            // Closing the sockets ends the pending receive and accept calls.
            _udp?.Close();
            _tcp?.Close();
        });
        return Task.WhenAll(
            Task.Run(() => ReceiveUdpAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => AcceptTcpAsync(stoppingToken), CancellationToken.None),
            SweepIdleAsync(stoppingToken));
    }

    private void Bind()
    {
        var address = IPAddress.Parse(_options.ListenAddress);
        // Port 0 (tests): UDP picks a free port and TCP takes the same; if that one is taken for TCP, try again.
        for (var attempt = 0; ; attempt++)
        {
            _udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            TryEnlargeReceiveBuffer(_udp);
            _udp.Bind(new IPEndPoint(address, _options.Port));
            var port = ((IPEndPoint)_udp.LocalEndPoint!).Port;
            _tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _tcp.Bind(new IPEndPoint(address, port));
                _tcp.Listen(512);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse && _options.Port == 0 && attempt < 20)
            {
                _udp.Dispose();
                _tcp.Dispose();
                continue;
            }
            UdpEndPoint = SipEndPoint.Udp((IPEndPoint)_udp.LocalEndPoint!);
            TcpEndPoint = SipEndPoint.Tcp((IPEndPoint)_tcp.LocalEndPoint!);
            break;
        }
        if (string.IsNullOrEmpty(AdvertisedHost))
        {
            AdvertisedHost = (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? FirstLocalAddress() : address).ToString();
        }
    }

    private static void TryEnlargeReceiveBuffer(Socket socket)
    {
        try
        {
            // Bursts (e.g. re-REGISTER storms after a restart) must not overflow the kernel queue before we read it.
            socket.ReceiveBufferSize = 4 * 1024 * 1024;
        }
        catch (SocketException)
        {
            // The OS limit stays; not fatal.
        }
    }

    private static IPAddress FirstLocalAddress()
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                if (unicast.Address.AddressFamily == AddressFamily.InterNetwork)
                {
                    return unicast.Address;
                }
            }
        }
        return IPAddress.Loopback;
    }

    private bool Admit(SipEndPoint source, int length)
    {
        foreach (var filter in _filters)
        {
            if (!filter.Accept(source, length))
            {
                Interlocked.Increment(ref _filtered);
                return false;
            }
        }
        return true;
    }

    private async Task SweepIdleAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(_options.TcpIdleTimeoutSeconds);
        var period = TimeSpan.FromMilliseconds(Math.Clamp(idle.TotalMilliseconds / 4, 100, 30_000));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(period, _time, stoppingToken).ConfigureAwait(false);
                var closed = _connections.CloseIdle(idle);
                if (closed > 0)
                {
                    LogIdleClosed(closed);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
