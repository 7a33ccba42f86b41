using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// Common part of the client transactions (RFC 3261 §17.1): the request, its destination, the final
/// response as a task, and the TU's callback for provisional responses.
/// </summary>
internal abstract class SipClientTransaction
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<SipResponse>? _onProvisional;

    protected SipClientTransaction(SipTransactionContext context, string key, SipRequest request, SipEndPoint destination, Action<SipResponse>? onProvisional)
    {
        Context = context;
        Key = key;
        Request = request;
        Destination = destination;
        _onProvisional = onProvisional;
    }

    public string Key { get; }

    public SipRequest Request { get; }

    public SipEndPoint Destination { get; }

    public SipTransactionState State { get; protected set; }

    public Task<SipResponse> FinalResponse => _final.Task;

    protected SipTransactionContext Context { get; }

    protected Lock Gate { get; } = new();

    /// <summary>Sends the request for the first time and starts the timers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            StartTimers();
        }
        try
        {
            await Context.Transport.SendAsync(Request, Destination, cancellationToken).ConfigureAwait(false);
        }
        catch (SipSendException ex)
        {
            // RFC 3261 §17.1.4, §8.1.3.1: a transport error is a 503 to the TU.
            SipTransactionLog.SendFailed(Context.Logger, Destination, ex.Message);
            lock (Gate)
            {
                Fail(503);
            }
        }
    }

    public abstract void OnResponse(SipResponse response);

    protected abstract void StartTimers();

    protected void Provisional(SipResponse response)
    {
        try
        {
            _onProvisional?.Invoke(response);
        }
        catch (Exception ex)
        {
            SipTransactionLog.HandlerFailed(Context.Logger, ex, SipMessageFacts.CSeq(Request).Method, Destination);
        }
    }

    protected void Complete(SipResponse response) => _final.TrySetResult(response);

    /// <summary>Ends the transaction with a locally made response (408 on timeout, 503 on transport error). Called under the gate.</summary>
    protected void Fail(int statusCode)
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }
        CancelTimers();
        Terminate();
        Complete(SipMessageFacts.CreateResponse(Request, statusCode));
    }

    protected abstract void CancelTimers();

    protected void Terminate()
    {
        State = SipTransactionState.Terminated;
        Context.OnClientTerminated(this);
    }

    protected void Retransmit() => Context.SendInBackground(Request, Destination);
}
