using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8).</summary>
internal sealed class SipNonInviteServerTransaction : SipServerTransaction
{
    private readonly Lock _gate = new();

    public SipNonInviteServerTransaction(SipTransactionContext context, string key, SipRequest request, SipEndPoint source)
        : base(context, key, request, source)
    {
        State = SipTransactionState.Trying;
    }

    public override ValueTask SendResponseAsync(SipResponse response, CancellationToken cancellationToken)
    {
        var code = SipMessageFacts.StatusCode(response);
        lock (_gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                throw new InvalidOperationException($"Transaction {Key} in state {State} cannot send a {code}.");
            }
            LastResponse = response;
            if (code < 200)
            {
                State = SipTransactionState.Proceeding;
            }
            else
            {
                // RFC 3261 §17.2.2: Completed; Timer J = 64*T1 over UDP (absorbs retransmissions), zero over TCP.
                State = SipTransactionState.Completed;
                Context.Schedule(Source.IsReliable ? TimeSpan.Zero : Context.Timers.Timeout64T1, OnTimerJ);
            }
        }
        return SendNowAsync(response, cancellationToken);
    }

    internal override void OnRetransmission()
    {
        SipResponse? resend;
        lock (_gate)
        {
            // RFC 3261 §17.2.2: in Trying absorb, in Proceeding and Completed resend the last response.
            resend = State is SipTransactionState.Proceeding or SipTransactionState.Completed ? LastResponse : null;
        }
        if (resend is not null)
        {
            Send(resend);
        }
    }

    private void OnTimerJ()
    {
        lock (_gate)
        {
            Terminate();
        }
    }
}
