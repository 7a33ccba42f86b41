using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// The INVITE client transaction of RFC 3261 §17.1.1 (Figure 5) with the Accepted state of RFC 6026
/// §7.2: Timer A retransmits over UDP, Timer B times out, a 3xx-6xx is ACKed here (§17.1.1.3).
/// </summary>
internal sealed class SipInviteClientTransaction(
    SipTransactionContext context, string key, SipRequest request, SipEndPoint destination, Action<SipResponse>? onProvisional)
    : SipClientTransaction(context, key, request, destination, onProvisional)
{
    private SipScheduledTimer? _timerA;
    private SipScheduledTimer? _timerB;
    private TimeSpan _interval;
    private SipRequest? _ack;

    public override void OnResponse(SipResponse response)
    {
        var code = SipMessageFacts.StatusCode(response);
        SipRequest? ackToSend = null;
        var deliver = false;
        var provisional = false;
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when code < 200:
                    // RFC 3261 §17.1.1.2: Proceeding, no more retransmissions (Timer A and B stop).
                    State = SipTransactionState.Proceeding;
                    CancelTimers();
                    provisional = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when code < 300:
                    // RFC 6026 §7.2: Accepted; Timer M = 64*T1 absorbs retransmitted 2xx (the TU ACKs).
                    State = SipTransactionState.Accepted;
                    CancelTimers();
                    Context.Schedule(Context.Timers.Timeout64T1, OnTimerEnd);
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    // RFC 3261 §17.1.1.2: Completed; ACK it, Timer D (>= 32 s over UDP, zero over TCP).
                    State = SipTransactionState.Completed;
                    CancelTimers();
                    _ack = SipMessageFacts.CreateAckForNon2xx(Request, response);
                    ackToSend = _ack;
                    Context.Schedule(Destination.IsReliable ? TimeSpan.Zero : SipTransactionTimers.TimerD, OnTimerEnd);
                    deliver = true;
                    break;
                case SipTransactionState.Completed when code >= 300:
                    // A retransmitted final: ACK again, not passed up (§17.1.1.2).
                    ackToSend = _ack;
                    break;
                default:
                    return;
            }
        }
        if (provisional)
        {
            // Outside the gate: the TU's callback may take its time or send.
            Provisional(response);
        }
        if (ackToSend is not null)
        {
            Context.SendInBackground(ackToSend, Destination);
        }
        if (deliver)
        {
            Complete(response);
        }
    }

    protected override void StartTimers()
    {
        State = SipTransactionState.Calling;
        if (!Destination.IsReliable)
        {
            _interval = Context.Timers.T1;
            _timerA = Context.Schedule(_interval, OnTimerA);
        }
        _timerB = Context.Schedule(Context.Timers.Timeout64T1, OnTimerB);
    }

    protected override void CancelTimers()
    {
        _timerA?.Cancel();
        _timerB?.Cancel();
    }

    private void OnTimerA()
    {
        lock (Gate)
        {
            if (State != SipTransactionState.Calling)
            {
                return;
            }
            // RFC 3261 §17.1.1.2: Timer A doubles each time, without the T2 cap of non-INVITE.
            _interval *= 2;
            _timerA = Context.Schedule(_interval, OnTimerA);
        }
        Retransmit();
    }

    private void OnTimerB()
    {
        lock (Gate)
        {
            if (State == SipTransactionState.Calling)
            {
                Fail(408);
            }
        }
    }

    private void OnTimerEnd()
    {
        lock (Gate)
        {
            Terminate();
        }
    }
}
