using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7) with the Accepted state of RFC 6026
/// §7.1. Over UDP it also retransmits its 2xx until the ACK arrives or Timer L fires, the UAS core's
/// duty of RFC 3261 §13.3.1.4, since nothing else holds the response.
/// </summary>
internal sealed class SipInviteServerTransaction : SipServerTransaction
{
    private readonly Lock _gate = new();
    private SipScheduledTimer? _trying;
    private SipScheduledTimer? _retransmit;
    private SipScheduledTimer? _timeout;
    private TimeSpan _interval;

    public SipInviteServerTransaction(SipTransactionContext context, string key, SipRequest request, SipEndPoint source)
        : base(context, key, request, source)
    {
        State = SipTransactionState.Proceeding;
        // RFC 3261 §17.2.1: 100 Trying if the TU will not answer within 200 ms.
        _trying = context.Schedule(context.Timers.TryingDelay, SendTryingIfSilent);
    }

    /// <summary>True once the ACK for our 2xx arrived (RFC 3261 §13.3.1.4).</summary>
    public bool AckReceivedFor2xx { get; private set; }

    public override ValueTask SendResponseAsync(SipResponse response, CancellationToken cancellationToken)
    {
        var code = SipMessageFacts.StatusCode(response);
        var timers = Context.Timers;
        lock (_gate)
        {
            _trying?.Cancel();
            switch (State)
            {
                case SipTransactionState.Proceeding when code < 200:
                    LastResponse = response;
                    break;
                case SipTransactionState.Proceeding when code < 300:
                    // RFC 6026 §7.1: Accepted, Timer L = 64*T1 absorbs retransmitted INVITEs.
                    State = SipTransactionState.Accepted;
                    LastResponse = response;
                    _timeout = Context.Schedule(timers.Timeout64T1, OnTimerL);
                    Context.InviteAccepted?.Invoke(this);
                    if (!Source.IsReliable)
                    {
                        _interval = timers.T1;
                        _retransmit = Context.Schedule(_interval, OnRetransmitTimer);
                    }
                    break;
                case SipTransactionState.Proceeding:
                    // RFC 3261 §17.2.1: Completed; Timer G (UDP only) retransmits, Timer H gives up waiting for the ACK.
                    State = SipTransactionState.Completed;
                    LastResponse = response;
                    if (!Source.IsReliable)
                    {
                        _interval = timers.T1;
                        _retransmit = Context.Schedule(_interval, OnRetransmitTimer);
                    }
                    _timeout = Context.Schedule(timers.Timeout64T1, OnTimerH);
                    break;
                case SipTransactionState.Accepted when code is >= 200 and < 300:
                    // The TU may send the 2xx again (RFC 6026 §8.7); it is passed to the transport.
                    LastResponse = response;
                    break;
                default:
                    throw new InvalidOperationException($"INVITE transaction {Key} in state {State} cannot send a {code}.");
            }
        }
        return SendNowAsync(response, cancellationToken);
    }

    internal override void OnRetransmission()
    {
        SipResponse? resend;
        lock (_gate)
        {
            // RFC 3261 §17.2.1: in Proceeding resend the last provisional, in Completed the final;
            // RFC 6026 §7.1: in Accepted and Confirmed absorb.
            resend = State is SipTransactionState.Proceeding or SipTransactionState.Completed ? LastResponse : null;
        }
        if (resend is not null)
        {
            Send(resend);
        }
    }

    internal override void OnAck(SipRequest ack)
    {
        lock (_gate)
        {
            if (State == SipTransactionState.Completed)
            {
                // RFC 3261 §17.2.1: Confirmed; Timer I (T4 over UDP, zero over TCP) absorbs further ACKs.
                State = SipTransactionState.Confirmed;
                _retransmit?.Cancel();
                _timeout?.Cancel();
                _timeout = Context.Schedule(Source.IsReliable ? TimeSpan.Zero : Context.Timers.T4, OnTimerI);
            }
            else if (State == SipTransactionState.Accepted)
            {
                AckReceivedFor2xx = true;
                _retransmit?.Cancel();
            }
        }
    }

    private void SendTryingIfSilent()
    {
        lock (_gate)
        {
            if (State != SipTransactionState.Proceeding || LastResponse is not null)
            {
                return;
            }
        }
        Send(SipMessageFacts.CreateResponse(Request, 100));
    }

    private void OnRetransmitTimer()
    {
        SipResponse? resend;
        lock (_gate)
        {
            var waiting = State == SipTransactionState.Completed || (State == SipTransactionState.Accepted && !AckReceivedFor2xx);
            if (!waiting)
            {
                return;
            }
            resend = LastResponse;
            // Timer G: T1, 2*T1, ... capped at T2 (RFC 3261 §17.2.1; §13.3.1.4 for the 2xx).
            _interval = _interval * 2 > Context.Timers.T2 ? Context.Timers.T2 : _interval * 2;
            _retransmit = Context.Schedule(_interval, OnRetransmitTimer);
        }
        if (resend is not null)
        {
            Send(resend);
        }
    }

    private void OnTimerH()
    {
        lock (_gate)
        {
            if (State != SipTransactionState.Completed)
            {
                return;
            }
            _retransmit?.Cancel();
            Terminate();
        }
        SipTransactionLog.NoAck(Context.Logger, Key);
    }

    private void OnTimerI()
    {
        lock (_gate)
        {
            Terminate();
        }
    }

    private void OnTimerL()
    {
        lock (_gate)
        {
            _retransmit?.Cancel();
            Terminate();
        }
    }
}
