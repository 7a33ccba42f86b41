using System.Text;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Transport;

public sealed class TcpTransportTests
{
    [Fact]
    public async Task MessageSplitAtEveryBytePositionIsFramedAndAnswered()
    {
        await using var stack = await SipStackFixture.StartAsync();
        await using var peer = await SipTcpPeer.ConnectAsync(stack.Tcp);
        var length = SipTestMessages.Bytes(Message(0)).Length;
        for (var split = 1; split < length; split++)
        {
            var bytes = SipTestMessages.Bytes(Message(split));
            await peer.WriteAsync(bytes.AsMemory(0, split));
            await Task.Yield();
            await peer.WriteAsync(bytes.AsMemory(split));

            // RFC 3261 §18.2.2: the response comes back on this connection, whatever the Via's sent-by says.
            var response = Assert.IsType<SipResponse>(await peer.ReadAsync());
            Assert.Equal(200, response.StatusCode);
            Assert.Equal((uint)split + 1, response.CSeq!.Value.Number);
        }
        Assert.Equal(1, stack.Transport.TcpConnectionCount);
    }

    [Fact]
    public async Task SeveralMessagesInOneSegmentAreAllAnswered()
    {
        await using var stack = await SipStackFixture.StartAsync();
        await using var peer = await SipTcpPeer.ConnectAsync(stack.Tcp);
        var segment = Enumerable.Range(0, 10).SelectMany(i => SipTestMessages.Bytes(Message(i))).ToArray();
        await peer.WriteAsync(segment);

        var numbers = new List<uint>();
        for (var i = 0; i < 10; i++)
        {
            var response = Assert.IsType<SipResponse>(await peer.ReadAsync());
            numbers.Add(response.CSeq!.Value.Number);
        }
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (uint)n), numbers.Order());
    }

    [Fact]
    public async Task MalformedStreamClosesThatConnectionOnly()
    {
        await using var stack = await SipStackFixture.StartAsync();
        await using var bad = await SipTcpPeer.ConnectAsync(stack.Tcp);
        await using var good = await SipTcpPeer.ConnectAsync(stack.Tcp);
        // Content-Length is how a stream is framed (RFC 3261 §18.3): without a number the boundary is lost.
        var broken = SipTestMessages.Options("z9hG4bKtcpbad", transport: "TCP").Replace("Content-Length: 0", "Content-Length: many", StringComparison.Ordinal);
        await bad.WriteAsync(SipTestMessages.Bytes(broken));
        Assert.Null(await bad.ReadAsync());

        await good.WriteAsync(SipTestMessages.Bytes(Message(41)));
        var response = Assert.IsType<SipResponse>(await good.ReadAsync());
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task IdleConnectionIsClosedAfterTheConfiguredTime()
    {
        await using var stack = await SipStackFixture.StartAsync(new() { ["CallCenter:Sip:TcpIdleTimeoutSeconds"] = "1" });
        await using var peer = await SipTcpPeer.ConnectAsync(stack.Tcp);
        await peer.WriteAsync(SipTestMessages.Bytes(Message(0)));
        Assert.IsType<SipResponse>(await peer.ReadAsync());
        var answeredAt = DateTime.UtcNow;

        // The server closes it: the read ends with no message, between 1 s and a few sweeps later.
        Assert.Null(await peer.ReadAsync(TimeSpan.FromSeconds(5)));
        Assert.InRange(DateTime.UtcNow - answeredAt, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(4));
        Assert.Equal(0, stack.Transport.TcpConnectionCount);
    }

    [Fact]
    public async Task KeepAlivesBetweenMessagesAreSkipped()
    {
        await using var stack = await SipStackFixture.StartAsync();
        await using var peer = await SipTcpPeer.ConnectAsync(stack.Tcp);
        await peer.WriteAsync(Encoding.ASCII.GetBytes("\r\n\r\n").Concat(SipTestMessages.Bytes(Message(7))).ToArray());
        var response = Assert.IsType<SipResponse>(await peer.ReadAsync());
        Assert.Equal(8u, response.CSeq!.Value.Number);
    }

    private static string Message(int n) =>
        SipTestMessages.Options($"z9hG4bKtcp{n}", viaHost: "192.0.2.1", transport: "TCP", callId: $"tcp-{n}@test", cseq: (uint)n + 1);
}
