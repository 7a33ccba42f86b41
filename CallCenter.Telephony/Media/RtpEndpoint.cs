using System.Buffers;
using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Media;

/// <summary>
/// One call leg's media socket pair: RTP on an even port, RTCP on the next (RFC 3550 §11), with one
/// receive loop each over a pooled buffer. The remote address starts as the SDP's guess and is latched to
/// where RTP actually comes from (symmetric RTP, RFC 4961 §4) so phones behind NAT hear us (see
/// RtpEndpoint.Latching.cs for the rules). Valid RTP goes
/// to the attached <see cref="IRtpPacketSink"/>. RTCP is terminated here, not relayed (a bridge rewrites SSRCs,
/// so the peer's reports would describe a stream the other side never sees): received reports are read for
/// their timing, and the endpoint's own reports go out from the <see cref="RtcpReporter"/> (RtpEndpoint.Rtcp.cs).
/// </summary>
public sealed partial class RtpEndpoint : IDisposable
{
    private const int BufferSize = 2048;

    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly Action<RtpEndpoint>? _onDispose;
    private readonly ILogger _logger;
    private readonly RtpStreamRewriter _outbound = new(RtpStreamRewriter.NewSsrc());
    private IRtpPacketSink? _sink;
    private SocketAddress? _remote;
    private SocketAddress? _remoteRtcp;
    private long _lastReceivedAt;
    private long _packetsReceived;
    private long _packetsSent;
    private long _packetsDropped;
    private long _rtcpReceived;
    private int _started;
    private volatile bool _disposed;

    internal RtpEndpoint(Socket rtp, Socket rtcp, RtpPortPair ports, bool symmetricRtp, ILogger logger, Action<RtpEndpoint>? onDispose)
    {
        _rtp = rtp;
        _rtcp = rtcp;
        Ports = ports;
        SymmetricRtp = symmetricRtp;
        _logger = logger;
        _onDispose = onDispose;
        LocalRtp = (IPEndPoint)rtp.LocalEndPoint!;
        _lastReceivedAt = Environment.TickCount64;
    }

    /// <summary>The port pair this endpoint holds (given back on dispose).</summary>
    public RtpPortPair Ports { get; }

    /// <summary>The local RTP address and port (what goes in our SDP, unless an advertised address replaces it).</summary>
    public IPEndPoint LocalRtp { get; }

    /// <summary>Whether the remote is latched to the source of received RTP (RFC 4961).</summary>
    public bool SymmetricRtp { get; set; }

    /// <summary>Our direction for the stream (RFC 3264 §5.1); nothing is sent unless it includes sending.</summary>
    public SdpDirection Direction { get; set; } = SdpDirection.SendRecv;

    /// <summary>Where RTP is sent now: the SDP's address until latched, then the last source; null before either.</summary>
    public IPEndPoint? RemoteRtp => Volatile.Read(ref _remote) is { } a ? ToEndPoint(a) : null;


    /// <summary>When the last valid RTP arrived (<see cref="Environment.TickCount64"/>; creation time before any).</summary>
    public long LastReceivedAt => Volatile.Read(ref _lastReceivedAt);

    /// <summary>Valid RTP packets received.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>Packets sent.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Datagrams dropped on the RTP port because they were not RTP, or had no sink.</summary>
    public long PacketsDropped => Interlocked.Read(ref _packetsDropped);

    /// <summary>RTCP datagrams received (consumed).</summary>
    public long RtcpReceived => Interlocked.Read(ref _rtcpReceived);

    /// <summary>
    /// The SSRC of everything relayed out of this endpoint with <see cref="SendRewritten"/>: the peer sees one
    /// stream for the life of the leg, whichever source (other leg, transfer target, echo) is behind it.
    /// </summary>
    public uint OutboundSsrc => _outbound.Ssrc;

    /// <summary>Sets the remote from SDP (the initial guess, RFC 4961 §4); latching starts again.</summary>
    public void SetRemote(IPEndPoint rtp, IPEndPoint? rtcp = null)
    {
        ArgumentNullException.ThrowIfNull(rtp);
        Volatile.Write(ref _remote, rtp.Serialize());
        Volatile.Write(ref _sdpAddress, rtp.Address.GetAddressBytes());
        Volatile.Write(ref _remoteRtcp, (rtcp ?? new IPEndPoint(rtp.Address, rtp.Port + 1)).Serialize());
        IsLatched = false;
    }

    /// <summary>Applies a negotiated stream: remote address and our direction.</summary>
    public void Apply(SdpNegotiatedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        SetRemote(audio.RemoteRtp, audio.RemoteRtcp);
        Direction = audio.LocalDirection;
    }

    /// <summary>Routes received RTP to <paramref name="sink"/> (null: drop) and starts the receive loops on first use.</summary>
    public void Attach(IRtpPacketSink? sink)
    {
        Volatile.Write(ref _sink, sink);
        if (sink is null || _disposed)
        {
            ObjectDisposedException.ThrowIf(_disposed && sink is not null, this);
            return;
        }
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = ReceiveRtpAsync();
            _ = ReceiveRtcpAsync();
            _reporter?.Add(this);
        }
    }

    /// <summary>Sends one datagram to the current remote; does nothing without a remote or when our direction does not send.</summary>
    public void Send(ReadOnlySpan<byte> datagram)
    {
        SocketAddress? remote = Volatile.Read(ref _remote);
        if (remote is null || !Direction.Sends() || _disposed)
        {
            return;
        }
        try
        {
            _rtp.SendTo(datagram, SocketFlags.None, remote);
            Interlocked.Increment(ref _packetsSent);
        }
        catch (SocketException ex)
        {
            LogSendFailed(_logger, LocalRtp.Port, ex.SocketErrorCode);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a relay was in flight: the packet is lost with the call.
        }
    }

    /// <summary>
    /// Sends a packet from another source as part of this leg's one outbound stream: SSRC, sequence number and
    /// timestamp are rewritten in place (<see cref="RtpStreamRewriter"/>) and the packet is sent. Safe from any
    /// thread; packets go out in the order their numbers were given.
    /// </summary>
    public void SendRewritten(Span<byte> datagram, in RtpPacket packet)
    {
        lock (_outbound)
        {
            _outbound.Rewrite(datagram, packet);
            _octetsSent += datagram.Length - packet.HeaderLength;
            Send(datagram);
        }
    }

    /// <summary>Closes the sockets (ending the loops) and gives the ports back.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _reporter?.Remove(this);
        _rtp.Dispose();
        _rtcp.Dispose();
        _onDispose?.Invoke(this);
    }

    private async Task ReceiveRtpAsync()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var from = new SocketAddress(_rtp.AddressFamily);
        try
        {
            while (!_disposed)
            {
                int length;
                try
                {
                    // No token: disposing the socket ends the wait, and a token registration per receive would allocate.
                    length = await _rtp.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, from).ConfigureAwait(false);
                }
                catch (SocketException ex) when (!_disposed)
                {
                    LogReceiveFailed(_logger, LocalRtp.Port, ex.SocketErrorCode);
                    continue;
                }
                OnRtpDatagram(buffer.AsSpan(0, length), from);
            }
        }
        catch (Exception ex) when (_disposed && ex is ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // Closed by Dispose: the normal end of the loop.
        }
        catch (Exception ex)
        {
            LogLoopFailed(_logger, LocalRtp.Port, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnRtpDatagram(Span<byte> datagram, SocketAddress from)
    {
        if (!RtpPacket.TryParse(datagram, out RtpPacket packet) || RtcpPacket.IsRtcp(datagram))
        {
            Interlocked.Increment(ref _packetsDropped);
            return;
        }
        if (SymmetricRtp)
        {
            if (from.Equals(Volatile.Read(ref _remote)))
            {
                // RTP from where the SDP said confirms the remote: latched without a change.
                IsLatched = true;
                _candidateCount = 0;
            }
            else if (!TryLatch(from))
            {
                Interlocked.Increment(ref _packetsDropped);
                return;
            }
        }
        Interlocked.Increment(ref _packetsReceived);
        Volatile.Write(ref _lastReceivedAt, Environment.TickCount64);
        CountReceived(packet);
        IRtpPacketSink? sink = Volatile.Read(ref _sink);
        if (sink is null)
        {
            Interlocked.Increment(ref _packetsDropped);
            return;
        }
        sink.OnRtp(this, datagram, packet);
    }

    private async Task ReceiveRtcpAsync()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var from = new SocketAddress(_rtcp.AddressFamily);
        try
        {
            while (!_disposed)
            {
                try
                {
                    int length = await _rtcp.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, from).ConfigureAwait(false);
                    if (RtcpPacket.TryParse(buffer.AsSpan(0, length), out RtcpPacket rtcp))
                    {
                        Interlocked.Increment(ref _rtcpReceived);
                        OnRtcpDatagram(buffer.AsSpan(0, length), rtcp);
                    }
                }
                catch (SocketException) when (!_disposed)
                {
                    // RTCP is best effort (RFC 3550 §6): a failed read is skipped.
                }
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // Closed by Dispose.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IPEndPoint ToEndPoint(SocketAddress address) =>
        (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(address);
}
