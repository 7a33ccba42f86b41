using CallCenter.Telephony.Sip.Messages;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Transactions;

public sealed class ClientTransactionTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void NonInviteRetransmitsAtT1DoublingCappedAtT2()
    {
        using var h = new TransactionHarness();
        var request = SipTestMessages.Request(SipTestMessages.Options("z9hG4bKclient1"));
        _ = h.Layer.SendRequestAsync(request, TransactionHarness.Peer);
        Assert.Equal(1, h.CountRequests(SipMethods.Options));

        // RFC 3261 §17.1.2.2 Timer E: intervals 500 ms, 1 s, 2 s, then 4 s (T2) each: sends at 0.5, 1.5, 3.5, 7.5, 11.5 s.
        var expected = new (double At, int Sent)[] { (0.499, 1), (0.501, 2), (1.499, 2), (1.501, 3), (3.499, 3), (3.501, 4), (7.499, 4), (7.501, 5), (11.499, 5), (11.501, 6), (15.501, 7) };
        var now = 0.0;
        foreach (var (at, sent) in expected)
        {
            h.Run(TimeSpan.FromSeconds(at - now));
            now = at;
            Assert.Equal(sent, h.CountRequests(SipMethods.Options));
        }
    }

    [Fact]
    public void InviteTimerADoublesWithoutCap()
    {
        using var h = new TransactionHarness();
        _ = h.Layer.SendRequestAsync(SipTestMessages.Request(SipTestMessages.Invite("z9hG4bKclient2")), TransactionHarness.Peer);

        // RFC 3261 §17.1.1.2 Timer A: 0.5, 1, 2, 4, 8, 16 s: sends at 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s.
        var expected = new (double At, int Sent)[] { (0.499, 1), (0.501, 2), (1.501, 3), (3.501, 4), (7.499, 4), (7.501, 5), (15.499, 5), (15.501, 6), (31.499, 6), (31.501, 7) };
        var now = 0.0;
        foreach (var (at, sent) in expected)
        {
            h.Run(TimeSpan.FromSeconds(at - now));
            now = at;
            Assert.Equal(sent, h.CountRequests(SipMethods.Invite));
        }
    }

    [Fact]
    public async Task TimerFEndsNonInviteWith408ToTheTu()
    {
        using var h = new TransactionHarness();
        var final = h.Layer.SendRequestAsync(SipTestMessages.Request(SipTestMessages.Options("z9hG4bKclient3")), TransactionHarness.Peer);
        h.Run(TimeSpan.FromSeconds(32) - Ms);
        Assert.False(final.IsCompleted);
        h.Run(2 * Ms);
        Assert.Equal(408, (await final).StatusCode);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public async Task TimerBEndsInviteWith408ToTheTu()
    {
        using var h = new TransactionHarness();
        var final = h.Layer.SendRequestAsync(SipTestMessages.Request(SipTestMessages.Invite("z9hG4bKclient4")), TransactionHarness.Peer);
        h.Run(TimeSpan.FromSeconds(32) + Ms);
        Assert.Equal(408, (await final).StatusCode);
    }

    [Fact]
    public void NothingIsRetransmittedOverTcp()
    {
        using var h = new TransactionHarness();
        _ = h.Layer.SendRequestAsync(SipTestMessages.Request(SipTestMessages.Options("z9hG4bKclient5", transport: "TCP")), TransactionHarness.TcpPeer);
        h.Run(TimeSpan.FromSeconds(10));
        Assert.Equal(1, h.CountRequests(SipMethods.Options));
    }

    [Fact]
    public async Task ProvisionalStopsTimerAAndFinalIsDeliveredOnce()
    {
        using var h = new TransactionHarness();
        var provisional = new List<int>();
        var final = h.Layer.SendRequestAsync(SipTestMessages.Request(SipTestMessages.Invite("z9hG4bKclient6")), TransactionHarness.Peer, r => provisional.Add(r.StatusCode));
        await h.DeliverAsync(Response("z9hG4bKclient6", 180, "INVITE", "tt1"));
        h.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(1, h.CountRequests(SipMethods.Invite));
        Assert.Equal([180], provisional);
        await h.DeliverAsync(Response("z9hG4bKclient6", 200, "INVITE", "tt1"));
        await h.DeliverAsync(Response("z9hG4bKclient6", 200, "INVITE", "tt1"));
        Assert.Equal(200, (await final).StatusCode);
        // RFC 3261 §17.1.1.3: the ACK for a 2xx is the TU's, not the transaction's.
        Assert.Equal(0, h.CountRequests(SipMethods.Ack));
    }

    [Fact]
    public async Task NonSuccessFinalIsAckedByTheTransactionAndAgainForARetransmission()
    {
        using var h = new TransactionHarness();
        var final = h.Layer.SendRequestAsync(SipTestMessages.Request(SipTestMessages.Invite("z9hG4bKclient7")), TransactionHarness.Peer);
        await h.DeliverAsync(Response("z9hG4bKclient7", 486, "INVITE", "busy1"));
        Assert.Equal(486, (await final).StatusCode);
        var ack = Assert.Single(h.Transport.Requests, r => r.Method == SipMethods.Ack);
        // RFC 3261 §17.1.1.3: same branch, the response's To (with tag), CSeq number of the INVITE with method ACK.
        Assert.Equal("z9hG4bKclient7", ack.TopVia!.Branch);
        Assert.Equal("busy1", ack.To!.Tag);
        Assert.Equal(new SipCSeq(1, SipMethods.Ack), ack.CSeq);
        Assert.Equal("inv-1@test", ack.CallId);

        await h.DeliverAsync(Response("z9hG4bKclient7", 486, "INVITE", "busy1"));
        Assert.Equal(2, h.CountRequests(SipMethods.Ack));
        // Timer D (32 s over UDP) then the transaction ends.
        h.Run(TimeSpan.FromSeconds(32) + Ms);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public async Task TransportErrorIsA503ToTheTu()
    {
        using var h = new TransactionHarness();
        h.Transport.Fail = true;
        var final = await h.Layer.SendRequestAsync(SipTestMessages.Request(SipTestMessages.Options("z9hG4bKclient8")), TransactionHarness.Peer);
        Assert.Equal(503, final.StatusCode);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    private static string Response(string branch, int code, string method, string toTag) =>
        $"""
        SIP/2.0 {code} Whatever
        Via: SIP/2.0/UDP 127.0.0.1:5099;branch={branch}
        From: <sip:alice@test.invalid>;tag=ft1
        To: <sip:4000@127.0.0.1>;tag={toTag}
        Call-ID: inv-1@test
        CSeq: 1 {method}
        Contact: <sip:4000@127.0.0.1:5070>
        Content-Length: 0


        """;
}
