using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

public sealed partial class RtpEndpoint
{
    private readonly object _statsGate = new();
    private readonly RtpReceiveStatistics _received = new();
    private readonly byte[] _report = new byte[RtcpReportWriter.MaxLength];
    private byte[] _cname = [];
    private RtcpReporter? _reporter;
    private long _octetsSent;
    private long _packetsAtLastReport;
    private uint _lastSenderReport;
    private long _lastSenderReportAt;
    private long _rtcpSent;

    /// <summary>RTCP compound packets sent (reports on this leg's streams).</summary>
    public long RtcpSent => Interlocked.Read(ref _rtcpSent);

    /// <summary>When the reporter next sends this endpoint's report (<see cref="Stopwatch"/> ticks).</summary>
    internal long NextReportAt { get; set; }

    /// <summary>Sets who sends this endpoint's reports (from the factory); reporting begins with the receive loops.</summary>
    internal void UseReporter(RtcpReporter reporter)
    {
        _reporter = reporter;
        // RFC 7022: a random CNAME per endpoint, unlinkable to the host.
        _cname = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64())));
    }

    // On the RTP receive loop, for each accepted packet (RFC 3550 A.1, A.8: arrival in timestamp units).
    private void CountReceived(in RtpPacket packet)
    {
        var arrival = (long)(Stopwatch.GetTimestamp() * (8000.0 / Stopwatch.Frequency));
        lock (_statsGate)
        {
            _received.Update(packet.Ssrc, packet.SequenceNumber, packet.Timestamp, arrival);
        }
    }

    // On the RTCP receive loop: remember the peer's last SR for our LSR/DLSR fields (RFC 3550 §6.4.1).
    private void OnRtcpDatagram(ReadOnlySpan<byte> datagram, in RtcpPacket packet)
    {
        if (packet.PacketType == 200 && datagram.Length >= 28)
        {
            lock (_statsGate)
            {
                _lastSenderReport = BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(10, 4));
                _lastSenderReportAt = Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>Sends one compound report to the remote's RTCP address; called by the reporter on the clock thread.</summary>
    internal void SendReport()
    {
        if (_disposed || Volatile.Read(ref _remoteRtcp) is not { } remote)
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        uint rtpNow;
        uint octets;
        lock (_outbound)
        {
            // RFC 3550 §6.4.1: the RTP timestamp of the same instant as the NTP one, extrapolated from the last packet sent.
            rtpNow = _outbound.LastTimestamp + (uint)((now - _outbound.LastSentAt) * 8000 / Stopwatch.Frequency);
            octets = (uint)_octetsSent;
        }
        var sent = Interlocked.Read(ref _packetsSent);
        RtcpReport report;
        lock (_statsGate)
        {
            var delay = _lastSenderReportAt == 0 ? 0u : (uint)((now - _lastSenderReportAt) * 65536 / Stopwatch.Frequency);
            report = new RtcpReport
            {
                Ssrc = OutboundSsrc,
                IsSender = sent > _packetsAtLastReport,
                NtpTimestamp = RtcpReportWriter.ToNtp(DateTimeOffset.UtcNow),
                RtpTimestamp = rtpNow,
                PacketsSent = (uint)sent,
                OctetsSent = octets,
                HasBlock = _received.HasSource,
                SourceSsrc = _received.SourceSsrc,
                FractionLost = _received.HasSource ? _received.TakeFractionLost() : (byte)0,
                CumulativeLost = _received.CumulativeLost,
                ExtendedHighestSequence = _received.ExtendedHighestSequence,
                Jitter = _received.Jitter,
                LastSenderReport = _lastSenderReport,
                DelaySinceLastSenderReport = _lastSenderReport == 0 ? 0 : delay,
            };
        }
        _packetsAtLastReport = sent;
        var length = RtcpReportWriter.Write(_report, report, _cname);
        try
        {
            _rtcp.SendTo(_report.AsSpan(0, length), SocketFlags.None, remote);
            Interlocked.Increment(ref _rtcpSent);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // RTCP is best effort (RFC 3550 §6): a report that cannot go is skipped.
        }
    }
}
