using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;

namespace CallCenter.Tests.Media;

/// <summary>A fresh endpoint latches first only to the SDP's address or a trusted (signalling) address, against RTP bleed.</summary>
public sealed class RtpEndpointTrustTests : IDisposable
{
    private readonly MediaFactory _factory;
    private readonly MediaClock _clock;

    public RtpEndpointTrustTests() => (_factory, _, _clock) = MediaTestFactory.Create();

    public void Dispose() => _clock.Dispose();

    [Fact]
    public void StrayAddressCannotLatchAFreshEndpointButTheTrustedOneCan()
    {
        using var endpoint = _factory.CreateEndpoint();
        var sink = new Counter();
        endpoint.Attach(sink);
        // The SDP names 127.0.0.1 and the phone's SIP came from 127.0.0.1; a sender on 127.0.0.2 is a stranger.
        endpoint.SetRemote(new IPEndPoint(IPAddress.Loopback, 9));
        endpoint.TrustSources(IPAddress.Loopback);
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        stranger.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        using var phone = new TestPhone();

        for (ushort i = 0; i < 5; i++)
        {
            stranger.SendTo(TestPhone.Rtp(0xBAD, i, i * 160u), endpoint.LocalRtp);
        }
        Assert.True(SpinWait.SpinUntil(() => endpoint.PacketsDropped == 5, TimeSpan.FromSeconds(5)), $"dropped {endpoint.PacketsDropped}");
        phone.Send(TestPhone.Rtp(0x600D, 1, 160), endpoint.LocalRtp);

        Assert.True(SpinWait.SpinUntil(() => sink.Count == 1, TimeSpan.FromSeconds(5)));
        Assert.Equal(phone.Local, endpoint.RemoteRtp);
        Assert.Equal(0x600Du, sink.LastSsrc);
    }

    private sealed class Counter : IRtpPacketSink
    {
        public int Count;
        public uint LastSsrc;

        public void OnRtp(RtpEndpoint source, Span<byte> datagram, in RtpPacket packet)
        {
            LastSsrc = packet.Ssrc;
            Interlocked.Increment(ref Count);
        }
    }
}
