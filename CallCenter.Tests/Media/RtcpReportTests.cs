using System.Buffers.Binary;
using System.Net;
using System.Text;

using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;

namespace CallCenter.Tests.Media;

/// <summary>
/// Each leg's endpoint reports on the streams it really sends and receives (RTCP terminated at the anchor): the
/// phone's RTCP port gets a compound SR + SDES whose figures match what crossed the endpoint.
/// </summary>
public sealed class RtcpReportTests : IDisposable
{
    private readonly MediaFactory _factory;
    private readonly MediaClock _clock;
    private readonly TestPhone _phone = new();
    private readonly TestPhone _phoneRtcp = new();

    public RtcpReportTests() => (_factory, _, _clock) = MediaTestFactory.Create(rtcpIntervalSeconds: 0.2);

    public void Dispose()
    {
        _clock.Dispose();
        _phone.Dispose();
        _phoneRtcp.Dispose();
    }

    [Fact]
    public void PhoneGetsASenderReportWithItsLossAndOurCounts()
    {
        using var endpoint = _factory.CreateEndpoint();
        endpoint.SymmetricRtp = false;
        endpoint.SetRemote(_phone.Local, _phoneRtcp.Local);
        using var echo = _factory.CreateEcho(endpoint);
        echo.Start();
        // 30 packets with 100..129 except 110, 111 and 112: 3 lost; each is echoed back (sent by the endpoint).
        var sent = Enumerable.Range(100, 30).Where(s => s is < 110 or > 112).ToArray();
        foreach (var seq in sent)
        {
            _phone.Send(TestPhone.Rtp(0xFACE, (ushort)seq, (uint)seq * 160), endpoint.LocalRtp);
            _phone.Receive();
        }

        var report = NextReportAfterTraffic();

        Assert.True(RtcpPacket.TryParse(report, out var first));
        Assert.Equal((200, 1, endpoint.OutboundSsrc), (first.PacketType, first.Count, first.Ssrc));
        Assert.Equal((uint)sent.Length, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(20)));
        Assert.Equal((uint)sent.Length * 160, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(24)));
        var block = report.AsSpan(28);
        Assert.Equal(0xFACEu, BinaryPrimitives.ReadUInt32BigEndian(block));
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32BigEndian(block[4..]) & 0xFFFFFF);
        Assert.Equal(129u, BinaryPrimitives.ReadUInt32BigEndian(block[8..]));
        var sdes = report.AsSpan((first.LengthWords + 1) * 4);
        Assert.True(RtcpPacket.TryParse(sdes, out var second));
        Assert.Equal((202, endpoint.OutboundSsrc), (second.PacketType, second.Ssrc));
        Assert.Equal(1, sdes[8]);
        Assert.NotEmpty(Encoding.ASCII.GetString(sdes.Slice(10, sdes[9])));
        Assert.Equal(report.Length, ((first.LengthWords + 1) * 4) + ((second.LengthWords + 1) * 4));
    }

    [Fact]
    public void EndpointThatOnlyReceivesSendsReceiverReports()
    {
        using var endpoint = _factory.CreateEndpoint();
        endpoint.SymmetricRtp = false;
        endpoint.SetRemote(_phone.Local, _phoneRtcp.Local);
        endpoint.Attach(new Discard());
        for (ushort seq = 1; seq <= 5; seq++)
        {
            _phone.Send(TestPhone.Rtp(0xBEEF, seq, seq * 160u), endpoint.LocalRtp);
        }
        Assert.True(SpinWait.SpinUntil(() => endpoint.PacketsReceived == 5, TimeSpan.FromSeconds(5)), $"received {endpoint.PacketsReceived}");

        var report = NextReportAfterTraffic();

        Assert.True(RtcpPacket.TryParse(report, out var rr));
        Assert.Equal((201, 1), (rr.PacketType, rr.Count));
        Assert.Equal(0xBEEFu, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(8)));
    }

    [Fact]
    public void DisposedEndpointsStopReporting()
    {
        var endpoint = _factory.CreateEndpoint();
        endpoint.SetRemote(_phone.Local, _phoneRtcp.Local);
        endpoint.Attach(new Discard());
        Assert.Equal(1, _factory.Reporter.Count);
        _phoneRtcp.Receive();

        endpoint.Dispose();

        Assert.Equal(0, _factory.Reporter.Count);
        Assert.True(_phoneRtcp.ReceivesNothingWithin(600));
    }

    [Fact]
    public void NtpTimestampCountsFrom1900()
    {
        var ntp = RtcpReportWriter.ToNtp(new DateTimeOffset(1970, 1, 1, 0, 0, 0, 500, TimeSpan.Zero));

        Assert.Equal(2_208_988_800UL, ntp >> 32);
        Assert.Equal(0x8000_0000UL, ntp & 0xFFFF_FFFF);
    }

    // Reports are periodic: one may have gone out before the traffic above (on a slow start); the next describes all of it.
    private byte[] NextReportAfterTraffic()
    {
        while (!_phoneRtcp.ReceivesNothingWithin(0))
        {
            _phoneRtcp.Receive();
        }
        return _phoneRtcp.Receive();
    }

    private sealed class Discard : IRtpPacketSink
    {
        public void OnRtp(RtpEndpoint source, Span<byte> datagram, in RtpPacket packet)
        {
        }
    }
}
