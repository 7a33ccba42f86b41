using System.Globalization;
using System.Text;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // A leg sent BYE. A two-party call ends; a call with more legs goes on where that makes sense.
    private async Task OnLegHungUpAsync(CallSession session, CallLeg leg, CancellationToken cancellationToken)
    {
        if (session.Consultation is { } consultation)
        {
            if (ReferenceEquals(leg, consultation.Agent) && consultation.Consulted is not null)
            {
                // The agent hung up while consulting: the transfer completes (the usual phone habit).
                await CompleteTransferAsync(session).ConfigureAwait(false);
                return;
            }
            if (ReferenceEquals(leg, consultation.Consulted))
            {
                // The consulted party hung up: the agent is back with the customer.
                ReturnToCustomer(session);
                await ReleaseAsync(session, leg).ConfigureAwait(false);
                return;
            }
        }
        if (ReferenceEquals(leg, session.Transferring) || !IsMainParty(session, leg) && !session.IsMixed)
        {
            // The transferring phone left (as phones do after REFER), or a leg that had left already: the call goes on.
            calls.RemoveDialog(leg);
            PublishLegEnded(session, leg, CallEndCause.Normal, null);
            return;
        }
        if (session.IsMixed)
        {
            calls.RemoveDialog(leg);
            await LeaveMixAsync(session, leg).ConfigureAwait(false);
            PublishLegEnded(session, leg, CallEndCause.Normal, null);
            return;
        }
        // The caller hanging up while it waits in a queue abandons; while it leaves a message, the message is complete.
        var cause = ReferenceEquals(leg, session.Caller) ? session.CallerHangupCause : CallEndCause.Normal;
        await EndAsync(session, leg.Party, cause, null, cancellationToken, byLeg: leg).ConfigureAwait(false);
    }

    // REFER from a phone in the call (RFC 3515): a blind transfer of the other party to the Refer-To's user. 202,
    // then NOTIFYs with the outcome as message/sipfrag (RFC 3515 §2.4.5) while the referrer's dialog is up.
    private async Task OnReferAsync(CallLeg leg, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        var referTo = request.Headers.Get(SipHeaderNames.ReferTo) is { } value && SipNameAddress.TryParse(value, out var address) ? address.Uri : null;
        if (referTo is not { User: { Length: > 0 } number } || referTo.Headers is not null)
        {
            // No number to go to, or an attended transfer (Replaces in the Refer-To's headers) we do not take from phones.
            await transaction.RespondAsync(referTo is null ? 400 : 501, cancellationToken).ConfigureAwait(false);
            return;
        }
        var session = leg.Session;
        if (!IsMainParty(session, leg) || session.Consultation is not null || session.IsMixed)
        {
            await transaction.RespondAsync(488, cancellationToken).ConfigureAwait(false);
            return;
        }
        await transaction.RespondAsync(202, cancellationToken).ConfigureAwait(false);
        await NotifyReferAsync(leg, 100, "Trying", final: false).ConfigureAwait(false);
        // The referrer stays until the outcome is known and told (RFC 3515): on success it is released, on failure
        // it is back with the other party and may try again.
        _ = BlindTransferAsync(session, leg, number, status => NotifyReferAsync(leg, status, status is >= 200 and < 300 ? "OK" : "Failed", final: true));
    }

    private async Task NotifyReferAsync(CallLeg leg, int status, string reason, bool final)
    {
        if (leg.Dialog is not { } dialog)
        {
            return;
        }
        SipRequest notify;
        lock (dialog)
        {
            if (dialog.State == Sip.Dialogs.SipDialogState.Terminated)
            {
                return;
            }
            notify = dialog.CreateRequest(SipMethods.Notify);
        }
        notify.Headers.Add(SipHeaderNames.Contact, OurContact(leg.Destination));
        notify.Headers.Add("Event", "refer");
        notify.Headers.Add("Subscription-State", final ? "terminated;reason=noresource" : "active;expires=60");
        notify.Headers.Add(SipHeaderNames.ContentType, "message/sipfrag;version=2.0");
        notify.Body = Encoding.ASCII.GetBytes($"SIP/2.0 {status.ToString(CultureInfo.InvariantCulture)} {reason}\r\n");
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _ = await Transactions.SendRequestAsync(notify, leg.Destination, null, limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Sip.Transport.SipSendException)
        {
            // The referrer may have hung up already: the transfer goes on regardless.
        }
    }
}
