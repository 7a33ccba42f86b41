using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

public sealed partial class SipTransactionLayer
{
    // Methods we know (RFC 3261 and extensions): unhandled ones get 405 with Allow, others 501 (RFC 3261 §8.2.1).
    private static readonly HashSet<string> s_knownMethods =
    [
        SipMethods.Invite, SipMethods.Ack, SipMethods.Bye, SipMethods.Cancel, SipMethods.Options, SipMethods.Register,
        SipMethods.Prack, SipMethods.Subscribe, SipMethods.Notify, SipMethods.Publish, SipMethods.Info,
        SipMethods.Refer, SipMethods.Message, SipMethods.Update,
    ];

    private async ValueTask OnRequestAsync(SipRequest request, SipEndPoint source, CancellationToken cancellationToken)
    {
        var method = SipMessageFacts.Method(request);
        var key = SipTransactionKeys.Server(request);
        if (method == SipMethods.Ack)
        {
            await OnAckAsync(request, key, source, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (_servers.TryGetValue(key, out var existing))
        {
            // RFC 3261 §17.2.1, §17.2.2: a retransmission; absorbed, the last response resent.
            existing.OnRetransmission();
            return;
        }

        SipServerTransaction transaction = method == SipMethods.Invite
            ? new SipInviteServerTransaction(_context, key, request, source)
            : new SipNonInviteServerTransaction(_context, key, request, source);
        if (!_servers.TryAdd(key, transaction))
        {
            // The same request raced in on two workers: the other one owns it.
            _servers.TryGetValue(key, out existing);
            existing?.OnRetransmission();
            return;
        }

        if (method == SipMethods.Cancel)
        {
            await OnCancelAsync(transaction, cancellationToken).ConfigureAwait(false);
            return;
        }

        // RFC 3261 §8.2.2.2: no To tag, same From tag, Call-ID and CSeq as a running transaction, other branch: 482.
        var merge = SipTransactionKeys.Merge(request);
        if (merge is not null && !_merged.TryAdd(merge, key) && _merged.TryGetValue(merge, out var owner) && owner != key)
        {
            SipTransactionLog.Merged(_logger, method, source);
            await RespondSafeAsync(transaction, 482, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Started inline, Kestrel style: a TU that answers at once (OPTIONS, a 401) answers from this worker without
        // a trip through the thread pool's queue, which a flood can make long; at its first real await the worker
        // moves on to the next message. DispatchAsync observes its own failures.
        _ = DispatchAsync(transaction, request, method, cancellationToken);
    }

    private async Task DispatchAsync(SipServerTransaction transaction, SipRequest request, string method, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var handler in _handlers)
            {
                if (await handler.OnRequestAsync(transaction, request, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            if (s_knownMethods.Contains(method))
            {
                // RFC 3261 §8.2.1: a method we know but nobody serves: 405 with Allow.
                var response = SipMessageFacts.CreateResponse(request, 405, transaction.LocalTag);
                SipMessageFacts.SetAllow(response, AllowedMethods());
                await transaction.SendResponseAsync(response, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await transaction.RespondAsync(501, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SipTransactionLog.HandlerFailed(_logger, ex, method, transaction.Source);
            if (!transaction.HasFinalResponse)
            {
                await RespondSafeAsync(transaction, 500, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask OnCancelAsync(SipServerTransaction cancel, CancellationToken cancellationToken)
    {
        // RFC 3261 §9.2: the CANCEL matches the INVITE transaction with the same key but method INVITE.
        var inviteKey = SipTransactionKeys.Server(cancel.Request, SipMethods.Invite);
        if (!_servers.TryGetValue(inviteKey, out var invite) || invite is not SipInviteServerTransaction)
        {
            await RespondSafeAsync(cancel, 481, cancellationToken).ConfigureAwait(false);
            return;
        }
        await RespondSafeAsync(cancel, 200, cancellationToken).ConfigureAwait(false);
        if (invite.State == SipTransactionState.Proceeding && !invite.HasFinalResponse)
        {
            // The TU answers the INVITE with 487 (RFC 3261 §9.2).
            invite.RequestCancel();
        }
    }

    private async ValueTask OnAckAsync(SipRequest ack, string key, SipEndPoint source, CancellationToken cancellationToken)
    {
        if (_servers.TryGetValue(key, out var transaction) && transaction.State != SipTransactionState.Accepted)
        {
            // RFC 3261 §17.2.1: the ACK for a non-2xx belongs to the INVITE transaction and is absorbed there.
            transaction.OnAck(ack);
            return;
        }
        // RFC 3261 §13.3.1.4, §17.1.1.3: the ACK for a 2xx is its own; it stops our 2xx retransmission and goes to the TU.
        if (_accepted.TryGetValue(SipTransactionKeys.Dialog2xx(ack), out var accepted))
        {
            accepted.OnAck(ack);
        }
        foreach (var handler in _ackHandlers)
        {
            await handler.OnAckAsync(ack, source, cancellationToken).ConfigureAwait(false);
        }
    }

    internal void OnInviteAccepted(SipInviteServerTransaction transaction) =>
        _accepted[SipTransactionKeys.Dialog2xx(transaction.Request)] = transaction;

    private IEnumerable<string> AllowedMethods()
    {
        var allowed = new SortedSet<string>(StringComparer.Ordinal) { SipMethods.Ack, SipMethods.Cancel };
        foreach (var handler in _handlers)
        {
            allowed.UnionWith(handler.SupportedMethods);
        }
        return allowed;
    }

    private async ValueTask RespondSafeAsync(SipServerTransaction transaction, int statusCode, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.RespondAsync(statusCode, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SipSendException or InvalidOperationException)
        {
            SipTransactionLog.SendFailed(_logger, transaction.Source, ex.Message);
        }
    }
}
