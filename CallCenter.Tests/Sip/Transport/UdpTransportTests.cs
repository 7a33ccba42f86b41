using System.Net;
using System.Text;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Transport;

public sealed class UdpTransportTests
{
    [Fact]
    public async Task OptionsIsAnsweredAtTheSourcePortWithReceivedAndRportFilled()
    {
        await using var stack = await SipStackFixture.StartAsync();
        using var peer = new SipUdpPeer();
        // The Via names a host we never contact (TEST-NET-1): RFC 3581 sends the response to the source instead.
        await peer.SendAsync(SipTestMessages.Options("z9hG4bKudp1", viaHost: "192.0.2.1", viaPort: 5099), stack.Udp);

        var response = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        Assert.Equal(200, response.StatusCode);
        var via = response.TopVia!;
        Assert.Equal("127.0.0.1", via.Received);
        Assert.Equal(peer.Port, via.RPort);
        Assert.Equal("z9hG4bKudp1", via.Branch);
        Assert.NotNull(response.To!.Tag);
    }

    [Fact]
    public async Task WithoutRportTheResponseGoesToTheViaSentBy()
    {
        await using var stack = await SipStackFixture.StartAsync();
        using var sender = new SipUdpPeer();
        using var sentBy = new SipUdpPeer();
        var text = SipTestMessages.Options("z9hG4bKudp2", viaPort: sentBy.Port).Replace(";rport", "", StringComparison.Ordinal);
        await sender.SendAsync(text, stack.Udp);

        // RFC 3261 §18.2.2: no rport, host equals the source: the sent-by port, not the source port.
        var response = Assert.IsType<SipResponse>(await sentBy.ReceiveAsync());
        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.TopVia!.Received);
        Assert.False(response.TopVia.HasRPort);
    }

    [Fact]
    public async Task MalformedDatagramsDoNotStopTheListener()
    {
        await using var stack = await SipStackFixture.StartAsync();
        using var peer = new SipUdpPeer();
        var random = new Random(4475);
        for (var i = 0; i < 20; i++)
        {
            var junk = new byte[random.Next(1, 1500)];
            random.NextBytes(junk);
            await peer.SendAsync(junk, stack.Udp);
        }
        await peer.SendAsync(Encoding.ASCII.GetBytes("INVITE sip:x SIP/2.0\r\nVia: nonsense\r\n\r\n"), stack.Udp);
        await peer.SendAsync(SipTestMessages.Options("z9hG4bKudp3"), stack.Udp);

        // Nothing of the junk could be answered; the good request is.
        var response = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("z9hG4bKudp3", response.TopVia!.Branch);
    }

    [Fact]
    public async Task MalformedRequestWithRoutableHeadersGets400()
    {
        await using var stack = await SipStackFixture.StartAsync();
        using var peer = new SipUdpPeer();
        // RFC 4475 §3.1.2.17-like: CSeq method differs from the request method; Via/From/To/Call-ID/CSeq parse.
        var text = SipTestMessages.Options("z9hG4bKudp4").Replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE", StringComparison.Ordinal);
        await peer.SendAsync(text, stack.Udp);

        var response = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        Assert.Equal(400, response.StatusCode);
        Assert.Equal(peer.Port, response.TopVia!.RPort);
    }

    [Fact]
    public async Task NothingIsSentToBroadcastOrMulticast()
    {
        await using var stack = await SipStackFixture.StartAsync();
        var response = new SipResponse(200);
        await Assert.ThrowsAsync<SipSendException>(() =>
            stack.Transport.SendAsync(response, SipEndPoint.Udp(new IPEndPoint(IPAddress.Broadcast, 5060)), CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<SipSendException>(() =>
            stack.Transport.SendAsync(response, SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("224.0.1.75"), 5060)), CancellationToken.None).AsTask());

        // A request whose Via asks for a broadcast reply (no rport): dropped, and the listener serves the next one.
        using var peer = new SipUdpPeer();
        var bcast = SipTestMessages.Options("z9hG4bKbcast", viaHost: "255.255.255.255", viaPort: 5060).Replace(";rport", "", StringComparison.Ordinal);
        await peer.SendAsync(bcast, stack.Udp);
        await peer.SendAsync(SipTestMessages.Options("z9hG4bKudp5", callId: "after-bcast@test"), stack.Udp);
        var answered = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        Assert.Equal("z9hG4bKudp5", answered.TopVia!.Branch);
    }
}
