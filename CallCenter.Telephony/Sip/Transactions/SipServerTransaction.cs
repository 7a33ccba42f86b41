using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2) as its TU sees it: the request, where it came from, and the
/// one way to answer. Retransmitted requests are absorbed and the last response resent by the
/// transaction; over UDP it retransmits its own final responses as its state machine says.
/// </summary>
public abstract class SipServerTransaction
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected SipServerTransaction(SipTransactionContext context, string key, SipRequest request, SipEndPoint source)
    {
        Context = context;
        Key = key;
        Request = request;
        Source = source;
        LocalTag = SipMessageFacts.ToTag(request) ?? SipMessageFacts.NewTag();
    }

    /// <summary>The To tag this transaction's responses carry (the request's own when it has one, RFC 3261 §8.2.6.2).</summary>
    public string LocalTag { get; }

    /// <summary>The matching key (RFC 3261 §17.2.3 branch + sent-by + method, or the RFC 2543 fields).</summary>
    public string Key { get; }

    /// <summary>The request that created the transaction.</summary>
    public SipRequest Request { get; }

    /// <summary>Where the request came from (for TCP: the connection responses go back on).</summary>
    public SipEndPoint Source { get; }

    /// <summary>The current state.</summary>
    public SipTransactionState State { get; private protected set; }

    /// <summary>The last response sent, resent for retransmitted requests.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>
    /// Fires when a CANCEL matched this INVITE transaction before its final response (RFC 3261 §9.2): the
    /// layer has answered the CANCEL with 200; the TU stops and answers the INVITE with 487.
    /// </summary>
    public CancellationToken CancelRequested => _cancel.Token;

    /// <summary>Completes when the transaction reaches Terminated.</summary>
    public Task Terminated => _terminated.Task;

    /// <summary>True once a final (non-1xx) response was sent.</summary>
    public bool HasFinalResponse => LastResponse is { } last && SipMessageFacts.StatusCode(last) >= 200;

    private protected SipTransactionContext Context { get; }

    /// <summary>
    /// Sends a response in this transaction. Over UDP a final response is retransmitted as RFC 3261
    /// §17.2.1 (INVITE) requires. Throws <see cref="InvalidOperationException"/> after a final response
    /// (except a 2xx resent for an INVITE). Transport failures are logged, not thrown (RFC 3261 §17.2.4).
    /// </summary>
    public abstract ValueTask SendResponseAsync(SipResponse response, CancellationToken cancellationToken);

    /// <summary>Sends a response with <paramref name="statusCode"/> made from the request (RFC 3261 §8.2.6), with our To tag when needed.</summary>
    public ValueTask RespondAsync(int statusCode, CancellationToken cancellationToken) =>
        SendResponseAsync(SipMessageFacts.CreateResponse(Request, statusCode, LocalTag), cancellationToken);

    /// <summary>The request was received again (same transaction): absorb it, resend the last response if the state says so.</summary>
    internal abstract void OnRetransmission();

    /// <summary>An ACK matched this transaction.</summary>
    internal virtual void OnAck(SipRequest ack)
    {
    }

    internal void RequestCancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (AggregateException)
        {
            // A TU callback on the token threw; that TU logs its own failures.
        }
    }

    private protected void Terminate()
    {
        State = SipTransactionState.Terminated;
        Context.OnServerTerminated(this);
        _terminated.TrySetResult();
    }

    private protected void Send(SipResponse response) => Context.SendResponseInBackground(response, Source);

    /// <summary>
    /// Sends a response the TU just gave. A transport failure (RFC 3261 §17.2.4), e.g. a Via naming a broadcast
    /// address or a TCP connection that cannot be reopened, is logged, not thrown: the state machine goes on and
    /// its timers end the transaction, so TUs need no error path for a peer that cannot be reached.
    /// </summary>
    private protected async ValueTask SendNowAsync(SipResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await Context.Transport.SendResponseAsync(response, Source, cancellationToken).ConfigureAwait(false);
        }
        catch (SipSendException ex)
        {
            SipTransactionLog.SendFailed(Context.Logger, Source, ex.Message);
        }
    }
}
