using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Sip.Transport;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Transactions;

public sealed class ClientTransactionSocketTests
{
    [Fact]
    public async Task RequestOverUdpGetsOurViaAndItsResponse()
    {
        await using var stack = await SipStackFixture.StartAsync();
        using var peer = new SipUdpPeer();
        var layer = stack.Get<ISipTransactionLayer>();
        var pending = layer.SendRequestAsync(NewOptions(peer.Port, "udp-client@test"), SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, peer.Port)));

        var request = Assert.IsType<SipRequest>(await peer.ReceiveAsync());
        var via = request.TopVia!;
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("127.0.0.1", via.Host);
        Assert.Equal(stack.Udp.Port, via.Port);
        Assert.True(via.HasRfc3261Branch);
        Assert.True(via.HasRPort);

        var ok = SipResponse.CreateFor(request, 200, toTag: "peer1");
        await peer.SendAsync(ok.ToArray(), stack.Udp);
        var final = await pending.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(200, final.StatusCode);
        Assert.Equal("peer1", final.To!.Tag);
    }

    [Fact]
    public async Task RequestsOverTcpReuseOneConnection()
    {
        await using var stack = await SipStackFixture.StartAsync();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var destination = SipEndPoint.Tcp((IPEndPoint)listener.LocalEndpoint);
            var layer = stack.Get<ISipTransactionLayer>();
            var first = layer.SendRequestAsync(NewOptions(destination.EndPoint.Port, "tcp-client-1@test"), destination);
            using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(5));
            await using var peer = SipTcpPeer.Adopt(accepted);

            var request = Assert.IsType<SipRequest>(await peer.ReadAsync());
            Assert.Equal("TCP", request.TopVia!.Transport);
            await peer.WriteAsync(SipResponse.CreateFor(request, 200, toTag: "t1").ToArray());
            Assert.Equal(200, (await first.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);

            // The second request goes over the same connection (RFC 3261 §18.1.1 reuse), answered on it.
            var second = layer.SendRequestAsync(NewOptions(destination.EndPoint.Port, "tcp-client-2@test"), destination);
            request = Assert.IsType<SipRequest>(await peer.ReadAsync());
            await peer.WriteAsync(SipResponse.CreateFor(request, 404, toTag: "t2").ToArray());
            Assert.Equal(404, (await second.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
            Assert.Equal(1, stack.Transport.TcpConnectionCount);
            Assert.False(listener.Pending());
        }
        finally
        {
            listener.Stop();
        }
    }

    private static SipRequest NewOptions(int port, string callId)
    {
        var request = new SipRequest(SipMethods.Options, SipUri.Parse($"sip:peer@127.0.0.1:{port}"));
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, "<sip:callcenter@127.0.0.1>;tag=cc1");
        request.Headers.Add(SipHeaderNames.To, $"<sip:peer@127.0.0.1:{port}>");
        request.Headers.Add(SipHeaderNames.CallId, callId);
        request.Headers.Add(SipHeaderNames.CSeq, "1 OPTIONS");
        return request;
    }
}
