using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6).</summary>
internal sealed class SipNonInviteClientTransaction(
    SipTransactionContext context, string key, SipRequest request, SipEndPoint destination, Action<SipResponse>? onProvisional)
    : SipClientTransaction(context, key, request, destination, onProvisional)
{
    private SipScheduledTimer? _timerE;
    private SipScheduledTimer? _timerF;
    private TimeSpan _interval;

    public override void OnResponse(SipResponse response)
    {
        var code = SipMessageFacts.StatusCode(response);
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                // Completed: retransmitted finals are absorbed (RFC 3261 §17.1.2.2).
                return;
            }
            if (code < 200)
            {
                State = SipTransactionState.Proceeding;
            }
            else
            {
                // Completed; Timer K = T4 over UDP absorbs retransmitted responses, zero over TCP.
                State = SipTransactionState.Completed;
                CancelTimers();
                Context.Schedule(Destination.IsReliable ? TimeSpan.Zero : Context.Timers.T4, OnTimerK);
            }
        }
        if (code < 200)
        {
            Provisional(response);
        }
        else
        {
            Complete(response);
        }
    }

    protected override void StartTimers()
    {
        State = SipTransactionState.Trying;
        if (!Destination.IsReliable)
        {
            _interval = Context.Timers.T1;
            _timerE = Context.Schedule(_interval, OnTimerE);
        }
        _timerF = Context.Schedule(Context.Timers.Timeout64T1, OnTimerF);
    }

    protected override void CancelTimers()
    {
        _timerE?.Cancel();
        _timerF?.Cancel();
    }

    private void OnTimerE()
    {
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }
            // RFC 3261 §17.1.2.2: T1, 2*T1, ... capped at T2; in Proceeding every T2.
            _interval = State == SipTransactionState.Proceeding || _interval * 2 > Context.Timers.T2 ? Context.Timers.T2 : _interval * 2;
            _timerE = Context.Schedule(_interval, OnTimerE);
        }
        Retransmit();
    }

    private void OnTimerF()
    {
        lock (Gate)
        {
            if (State is SipTransactionState.Trying or SipTransactionState.Proceeding)
            {
                // RFC 3261 §17.1.2.2: Timer F, a timeout reported to the TU as 408 (§8.1.3.1).
                Fail(408);
            }
        }
    }

    private void OnTimerK()
    {
        lock (Gate)
        {
            Terminate();
        }
    }
}
