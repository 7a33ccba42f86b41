using System.Net;
using System.Net.Sockets;

namespace CallCenter.Telephony.Media;

public sealed partial class RtpEndpoint
{
    /// <summary>Packets in a row a new source must send before a latched endpoint moves to it.</summary>
    public const int RelatchPackets = 3;

    private SocketAddress? _candidate;
    private int _candidateCount;
    private byte[][] _trustedAddresses = [];
    private byte[]? _sdpAddress;

    /// <summary>Whether the remote was latched from received packets at least once since the last <see cref="SetRemote"/>.</summary>
    public bool IsLatched { get; private set; }

    /// <summary>
    /// Addresses besides the SDP's that may be latched to first: the address the leg's SIP comes from (a phone behind
    /// NAT puts its private address in SDP, its RTP comes from the public one). Empty: any source may.
    /// </summary>
    public void TrustSources(params IPAddress[] addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        Volatile.Write(ref _trustedAddresses, [.. addresses.Select(a => a.GetAddressBytes())]);
    }

    // The IP of a SocketAddress without allocating: IPv4 at bytes 4-7, IPv6 at 8-23 (sockaddr_in / sockaddr_in6).
    private static ReadOnlySpan<byte> AddressBytes(SocketAddress address) =>
        address.Family == AddressFamily.InterNetworkV6 ? address.Buffer.Span.Slice(8, 16) : address.Buffer.Span.Slice(4, 4);

    private bool IsExpectedSource(SocketAddress from)
    {
        var trusted = Volatile.Read(ref _trustedAddresses);
        if (trusted.Length == 0)
        {
            return true;
        }
        var ip = AddressBytes(from);
        if (Volatile.Read(ref _sdpAddress) is { } sdp && ip.SequenceEqual(sdp))
        {
            return true;
        }
        foreach (var address in trusted)
        {
            if (ip.SequenceEqual(address))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Symmetric RTP (RFC 4961 §4): the first RTP after <see cref="SetRemote"/> latches the remote to its
    /// source, whatever the SDP said (NAT). Once latched, a packet from another source is dropped unless that
    /// source has sent <see cref="RelatchPackets"/> in a row with nothing from the latched one in between (a
    /// NAT binding that changed mid-call), so stray or injected packets ("RTP bleed") neither reach the other
    /// leg nor steal the stream. Runs on the receive loop only; allocates only when the remote changes.
    /// </summary>
    /// <returns>True when the packet is to be taken (the remote now is its source).</returns>
    private bool TryLatch(SocketAddress from)
    {
        if (!IsLatched && !IsExpectedSource(from))
        {
            // The first latch only to the SDP's address or the phone's signalling address (any port: NAT), so a
            // stray sender hitting a freshly allocated port cannot take the stream before the phone does.
            return false;
        }
        if (IsLatched)
        {
            _candidate ??= new SocketAddress(from.Family);
            if (_candidateCount > 0 && from.Equals(_candidate))
            {
                _candidateCount++;
            }
            else
            {
                from.Buffer.Span[..from.Size].CopyTo(_candidate.Buffer.Span);
                _candidate.Size = from.Size;
                _candidateCount = 1;
            }
            if (_candidateCount < RelatchPackets)
            {
                return false;
            }
        }
        _candidateCount = 0;
        // A new object per change (rare), so senders on other threads never see a half-copied address.
        var copy = new SocketAddress(from.Family, from.Size);
        from.Buffer.Span[..from.Size].CopyTo(copy.Buffer.Span);
        Volatile.Write(ref _remote, copy);
        IPEndPoint endPoint = ToEndPoint(copy);
        Volatile.Write(ref _remoteRtcp, new IPEndPoint(endPoint.Address, endPoint.Port + 1).Serialize());
        IsLatched = true;
        LogLatched(_logger, LocalRtp.Port, endPoint);
        return true;
    }
}
