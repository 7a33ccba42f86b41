using System.Text;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Transactions;

public sealed class TransactionMatchingTests
{
    [Fact]
    public async Task CancelGets200AndTheTuAnswersTheInvite487()
    {
        using var h = new TransactionHarness(async (transaction, request) =>
        {
            if (request.Method == SipMethods.Invite)
            {
                // A TU that rings until cancelled (RFC 3261 §9.2: it answers the INVITE 487).
                var cancelled = new TaskCompletionSource();
                transaction.CancelRequested.Register(() => cancelled.TrySetResult());
                await cancelled.Task;
                await transaction.RespondAsync(487, CancellationToken.None);
            }
            return true;
        });
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKcan1"));
        await h.NextCallAsync();
        await h.DeliverAsync(SipTestMessages.SameTransaction(SipMethods.Cancel, "z9hG4bKcan1"));
        var ok = (SipResponse)Assert.Single(await h.Transport.WaitForResponseAsync(200));
        Assert.Equal(SipMethods.Cancel, ok.CSeq!.Value.Method);
        var terminated = (SipResponse)Assert.Single(await h.Transport.WaitForResponseAsync(487));
        Assert.Equal(SipMethods.Invite, terminated.CSeq!.Value.Method);
        // The CANCEL itself never reaches the TU.
        Assert.Equal(1, h.Handled);
    }

    [Fact]
    public async Task CancelMatchingNothingGets481()
    {
        using var h = new TransactionHarness();
        await h.DeliverAsync(SipTestMessages.SameTransaction(SipMethods.Cancel, "z9hG4bKnothing"));
        var response = (SipResponse)Assert.Single(await h.Transport.WaitForResponseAsync(481));
        Assert.Equal(SipMethods.Cancel, response.CSeq!.Value.Method);
        Assert.Equal(0, h.Handled);
    }

    [Fact]
    public async Task MergedRequestGets482()
    {
        using var h = new TransactionHarness();
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKfork1"));
        await h.NextCallAsync();
        // The same request forked back to us by a proxy: same From tag, Call-ID and CSeq, another branch (RFC 3261 §8.2.2.2).
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKfork2"));
        await h.Transport.WaitForResponseAsync(482);
        Assert.Equal(1, h.Handled);
    }

    [Fact]
    public async Task UnhandledKnownMethodGets405WithAllowAndUnknownGets501()
    {
        using var h = new TransactionHarness((_, r) => Task.FromResult(r.Method == SipMethods.Options), [SipMethods.Options]);
        await h.DeliverAsync(SipTestMessages.SameTransaction(SipMethods.Subscribe, "z9hG4bKsub1", callId: "sub@test"));
        var notAllowed = (SipResponse)Assert.Single(await h.Transport.WaitForResponseAsync(405));
        Assert.Equal("ACK, CANCEL, OPTIONS", notAllowed.Headers.Get(SipHeaderNames.Allow));
        Assert.NotNull(notAllowed.To!.Tag);
        await h.DeliverAsync(SipTestMessages.SameTransaction("FROB", "z9hG4bKfrob1", callId: "frob@test"));
        await h.Transport.WaitForResponseAsync(501);
    }

    [Fact]
    public async Task Rfc2543InviteIsMatchedByItsFieldsAndItsAckIsAbsorbed()
    {
        // RFC 4475 §3.4.2 inv2543: no branch magic cookie, so the transaction is matched RFC 2543 style (RFC 3261 §17.2.3).
        var text = Encoding.UTF8.GetString(SipCorpus.Read("inv2543.dat"));
        using var h = new TransactionHarness();
        await h.DeliverAsync(text);
        var (transaction, request) = await h.NextCallAsync();
        Assert.False(request.TopVia!.HasRfc3261Branch);
        await transaction.RespondAsync(486, CancellationToken.None);

        // The retransmitted INVITE matches: absorbed, the 486 resent, the TU not called again.
        await h.DeliverAsync(text);
        Assert.Equal(2, h.CountResponses(486));
        Assert.Equal(1, h.Handled);

        // The ACK (same Request-URI, From, Call-ID, CSeq number and Via, our To tag) matches the INVITE transaction.
        var ack = $"""
            ACK sip:UserB@example.com SIP/2.0
            Via: SIP/2.0/UDP iftgw.example.com
            From: <sip:+13035551111@ift.client.example.net;user=phone>
            To: <sip:+16505552222@ss1.example.net;user=phone>;tag={transaction.LocalTag}
            Call-ID: inv2543.1717@ift.client.example.com
            CSeq: 56 ACK


            """;
        await h.DeliverAsync(ack);
        Assert.Equal(CallCenter.Telephony.Sip.Transactions.SipTransactionState.Confirmed, transaction.State);

        // A different CSeq is another transaction.
        await h.DeliverAsync(text.Replace("CSeq: 56 INVITE", "CSeq: 57 INVITE", StringComparison.Ordinal));
        await h.NextCallAsync();
        Assert.Equal(2, h.Handled);
    }
}
