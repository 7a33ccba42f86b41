
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    private async Task<bool> OnInDialogRequestAsync(CallLeg leg, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        if (request.Method is not (SipMethods.Bye or SipMethods.Invite or SipMethods.Update or SipMethods.Info or SipMethods.Refer))
        {
            // OPTIONS and the rest are answered by the server's handler.
            return false;
        }
        var dialog = leg.Dialog!;
        SipDialogRequestCheck check;
        lock (dialog)
        {
            check = dialog.OnRemoteRequest(request);
        }
        if (check != SipDialogRequestCheck.Accepted)
        {
            // RFC 3261 §12.2.2: lower CSeq → 500, ended dialog → 481.
            await transaction.RespondAsync(check == SipDialogRequestCheck.OutOfOrder ? 500 : 481, cancellationToken).ConfigureAwait(false);
            return true;
        }
        var session = leg.Session;
        switch (request.Method)
        {
            case SipMethods.Bye:
                // RFC 3261 §15.1.2: 200 to the BYE, then the call goes on without the leg or ends.
                await transaction.RespondAsync(200, cancellationToken).ConfigureAwait(false);
                await OnLegHungUpAsync(session, leg, cancellationToken).ConfigureAwait(false);
                return true;
            case SipMethods.Refer:
                await OnReferAsync(leg, transaction, request, cancellationToken).ConfigureAwait(false);
                return true;
            case SipMethods.Info:
                await transaction.RespondAsync(200, cancellationToken).ConfigureAwait(false);
                if (request.ContentType is { MediaType: var type } && type.Equals("application/dtmf-relay", StringComparison.OrdinalIgnoreCase)
                    && ReadDtmfRelay(BodyText(request)) is { } digit)
                {
                    PublishDtmf(session, leg, digit, DtmfMethod.Info);
                }
                return true;
            default:
                // re-INVITE / UPDATE (RFC 3261 §14.2, RFC 3311 §5.2): answered here by the anchor, not passed on;
                // the answer reflects the offer's direction (hold), RFC 3264 §8.4.
                byte[]? sdp = null;
                if (leg.Media is not null)
                {
                    sdp = AnswerReOffer(leg, request);
                    if (sdp is null)
                    {
                        // RFC 3261 §14.2: an offer we cannot take leaves the session as it was.
                        await transaction.RespondAsync(488, cancellationToken).ConfigureAwait(false);
                        return true;
                    }
                    if (IsMainParty(session, leg))
                    {
                        await OnPhoneDirectionChangedAsync(session, leg, leg.Media.Audio?.IsOnHold == true).ConfigureAwait(false);
                    }
                }
                else if (!leg.LocalSdp.IsEmpty)
                {
                    sdp = HasSdp(request) ? CallSdp.WithDirectionFor(leg.LocalSdp, BodyText(request)) : leg.LocalSdp.ToArray();
                }
                var ok = SipResponse.CreateFor(request, 200, null, transaction.LocalTag);
                ok.Headers.Add(SipHeaderNames.Contact, OurContact(transaction.Source));
                if (sdp is not null)
                {
                    ok.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
                    ok.Body = sdp;
                }
                await transaction.SendResponseAsync(ok, cancellationToken).ConfigureAwait(false);
                return true;
        }
    }

    /// <summary>The digit of an application/dtmf-relay body ("Signal=5\r\nDuration=160"), or null.</summary>
    public static char? ReadDtmfRelay(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var line in body.Split('\n'))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Equals("Signal", StringComparison.OrdinalIgnoreCase) && parts[1].Length == 1
                && "0123456789*#ABCDabcd".Contains(parts[1][0], StringComparison.Ordinal))
            {
                return char.ToUpperInvariant(parts[1][0]);
            }
        }
        return null;
    }

    // The end of a call, once: BYE to the legs still up (all of them when the server ends it), media stopped, state removed.
    private async Task EndAsync(CallSession session, CallParty hungUpBy, CallEndCause cause, int? sipStatus, CancellationToken cancellationToken, CallLeg? byLeg = null)
    {
        if (!session.TryBeginEnd())
        {
            return;
        }
        try
        {
            foreach (var leg in session.ActiveLegs)
            {
                if (leg.Dialog is null || ReferenceEquals(leg, byLeg) || (byLeg is null && leg.Party == hungUpBy && IsMainParty(session, leg)))
                {
                    continue;
                }
                await ByeAsync(leg, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            calls.Remove(session);
            session.Dispose();
            await session.CompleteRecordingAsync().ConfigureAwait(false);
            LogEnded(logger, session.Id, session.From, session.To, cause.ToText(), hungUpBy);
            PublishEnded(session, cause, hungUpBy, sipStatus);
        }
    }

    private static bool IsMainParty(CallSession session, CallLeg leg) => ReferenceEquals(leg, session.Caller) || ReferenceEquals(leg, session.Callee);

    // BYE to one leg (RFC 3261 §15.1.1): the dialog ends whether or not the BYE is answered, within 5 s.
    private async Task ByeAsync(CallLeg leg, CancellationToken cancellationToken)
    {
        if (leg.Dialog is not { } dialog)
        {
            return;
        }
        SipRequest bye;
        lock (dialog)
        {
            if (dialog.State == SipDialogState.Terminated)
            {
                return;
            }
            bye = dialog.CreateRequest(SipMethods.Bye);
            dialog.Terminate();
        }
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(5));
            _ = await Transactions.SendRequestAsync(bye, leg.Destination, null, limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Sip.Transport.SipSendException)
        {
            // RFC 3261 §15.1.1: the call is over whether or not the BYE is answered.
        }
    }
}
