using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Transactions;

public sealed class ServerTransactionTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task InviteGets100TryingAfter200MsWhenTheTuIsSilent()
    {
        using var h = new TransactionHarness();
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKsrv1"));
        await h.NextCallAsync();
        h.Run(TimeSpan.FromMilliseconds(199));
        Assert.Equal(0, h.CountResponses(100));
        h.Run(2 * Ms);
        var trying = Assert.Single(h.Transport.Responses);
        Assert.Equal(100, trying.StatusCode);
        Assert.Null(trying.To!.Tag);
    }

    [Fact]
    public async Task No100TryingWhenTheTuAnswersFirst()
    {
        using var h = new TransactionHarness();
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKsrv2"));
        var (transaction, _) = await h.NextCallAsync();
        await transaction.RespondAsync(180, CancellationToken.None);
        h.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(0, h.CountResponses(100));
        Assert.Equal(1, h.CountResponses(180));
    }

    [Fact]
    public async Task FinalNon2xxIsRetransmittedOnTimerGUntilAck()
    {
        using var h = new TransactionHarness();
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKsrv3"));
        var (transaction, _) = await h.NextCallAsync();
        await transaction.RespondAsync(486, CancellationToken.None);
        Assert.Equal(1, h.CountResponses(486));

        // RFC 3261 §17.2.1 Timer G: 0.5, 1, 2, 4, 4 s → resent at 0.5, 1.5, 3.5, 7.5 s.
        h.Run(TimeSpan.FromMilliseconds(501));
        Assert.Equal(2, h.CountResponses(486));
        h.Run(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(3, h.CountResponses(486));
        h.Run(TimeSpan.FromMilliseconds(2000));
        Assert.Equal(4, h.CountResponses(486));

        // The ACK for the non-2xx is absorbed by the transaction (never reaches the TU) and stops Timer G.
        await h.DeliverAsync(SipTestMessages.SameTransaction(SipMethods.Ack, "z9hG4bKsrv3", toTag: transaction.LocalTag));
        Assert.Equal(SipTransactionState.Confirmed, transaction.State);
        h.Run(TimeSpan.FromSeconds(10));
        Assert.Equal(4, h.CountResponses(486));
        Assert.Equal(1, h.Handled);
        // Timer I (T4 = 5 s) has ended it.
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(0, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public async Task TimerHGivesUpWaitingForTheAck()
    {
        using var h = new TransactionHarness();
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKsrv4"));
        var (transaction, _) = await h.NextCallAsync();
        await transaction.RespondAsync(603, CancellationToken.None);
        h.Run(TimeSpan.FromSeconds(32) - Ms);
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        // 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5: 10 retransmissions plus the first.
        Assert.Equal(11, h.CountResponses(603));
        h.Run(2 * Ms);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.True(transaction.Terminated.IsCompleted);
    }

    [Fact]
    public async Task RetransmittedRequestIsAbsorbedAndTheLastResponseResent()
    {
        using var h = new TransactionHarness();
        var options = SipTestMessages.Options("z9hG4bKsrv5");
        await h.DeliverAsync(options);
        var (transaction, _) = await h.NextCallAsync();
        // In Trying a retransmission is absorbed silently (RFC 3261 §17.2.2).
        await h.DeliverAsync(options);
        Assert.Empty(h.Transport.Sent);
        await transaction.RespondAsync(200, CancellationToken.None);
        await h.DeliverAsync(options);
        await h.DeliverAsync(options);
        Assert.Equal(3, h.CountResponses(200));
        Assert.Equal(1, h.Handled);
        // Timer J (64*T1 over UDP) keeps absorbing, then the transaction ends.
        h.Run(TimeSpan.FromSeconds(32) + Ms);
        Assert.Equal(0, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public async Task InviteRetransmissionResendsTheLastProvisional()
    {
        using var h = new TransactionHarness();
        var invite = SipTestMessages.Invite("z9hG4bKsrv6");
        await h.DeliverAsync(invite);
        var (transaction, _) = await h.NextCallAsync();
        await transaction.RespondAsync(180, CancellationToken.None);
        await h.DeliverAsync(invite);
        Assert.Equal(2, h.CountResponses(180));
        Assert.Equal(1, h.Handled);
    }

    [Fact]
    public async Task TwoHundredIsRetransmittedUntilTheAckForIt()
    {
        using var h = new TransactionHarness();
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKsrv7"));
        var (transaction, _) = await h.NextCallAsync();
        await transaction.RespondAsync(200, CancellationToken.None);
        h.Run(TimeSpan.FromMilliseconds(1501));
        Assert.Equal(3, h.CountResponses(200));
        // RFC 3261 §13.3.1.4: the ACK for a 2xx has its own branch; it still stops the retransmission.
        await h.DeliverAsync(SipTestMessages.SameTransaction(SipMethods.Ack, "z9hG4bKack7", toTag: transaction.LocalTag));
        h.Run(TimeSpan.FromSeconds(10));
        Assert.Equal(3, h.CountResponses(200));
        Assert.Equal(SipTransactionState.Accepted, transaction.State);
        h.Run(TimeSpan.FromSeconds(23));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public async Task ResponsesOfOneTransactionShareOneToTag()
    {
        using var h = new TransactionHarness();
        await h.DeliverAsync(SipTestMessages.Invite("z9hG4bKsrv8"));
        var (transaction, _) = await h.NextCallAsync();
        await transaction.RespondAsync(180, CancellationToken.None);
        await transaction.RespondAsync(200, CancellationToken.None);
        var tags = h.Transport.Responses.Select(r => r.To!.Tag).Distinct().ToList();
        Assert.Equal([transaction.LocalTag], tags);
    }
}
