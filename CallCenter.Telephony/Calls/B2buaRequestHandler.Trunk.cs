using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Telephony.Trunks;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // An agent dials out: the B leg goes to the carrier (its outbound proxy or host:port) with media anchored as for
    // extensions (the carrier sees our RTP address, never the phone's), a 401/407 answered once with the trunk's
    // credentials (RFC 3261 §22.2: new CSeq, same Call-ID and From tag), progress and early media relayed.
    private async Task CallTrunkAsync(CallSession session, TrunkConfig trunk, string number, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        if (AnchorCaller(session, request) is not { Audio: { } audioA } answerA)
        {
            await TrySendAsync(transaction, ResponseTo(transaction, 488), cancellationToken).ConfigureAwait(false);
            await EndAsync(session, CallParty.System, CallEndCause.Abnormal, 488, cancellationToken).ConfigureAwait(false);
            return;
        }
        session.Caller.LocalSdp = answerA.Answer.ToBytes();
        var destination = await TrunkEndPoints.ResolveAsync(trunk, cancellationToken).ConfigureAwait(false);
        var callId = NewCallId();
        var callee = new CallLeg(session, CallParty.Callee, destination, events.NewLegId());
        session.Callee = callee;
        var offer = OfferCallee(callee, audioA.Codec);
        callee.Invite = CreateTrunkInvite(trunk, number, offer, destination, callId, NewTag(), 1, null);
        PublishLegStarted(session, callee, CallLegRole.Trunk, number, callId);

        using var ringTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(callOptions.CurrentValue.RingTimeoutSeconds), time);
        using var stopRinging = CancellationTokenSource.CreateLinkedTokenSource(transaction.CancelRequested, session.Ending, ringTimeout.Token);
        SipResponse final;
        await using (stopRinging.Token.Register(() => _ = CancelCalleeAsync(session, callee)).ConfigureAwait(false))
        {
            final = await InviteLegAsync(callee, trunk, number, offer, r => OnCalleeProvisional(session, transaction, r), stopRinging.Token, cancellationToken)
                .ConfigureAwait(false);
        }
        var code = final.StatusCode;
        if (code is >= 200 and < 300)
        {
            await OnCalleeAnsweredAsync(session, callee, null, transaction, request, callee.Invite!, final, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (transaction.CancelRequested.IsCancellationRequested)
        {
            await TrySendAsync(transaction, ResponseTo(transaction, 487), cancellationToken).ConfigureAwait(false);
            await EndAsync(session, CallParty.Caller, CallEndCause.Cancelled, 487, cancellationToken).ConfigureAwait(false);
            return;
        }
        // A challenge we could not answer (no credentials, or refused again) is the carrier refusing the call.
        var toCaller = ringTimeout.IsCancellationRequested ? 480 : MapCalleeFailure(code is 401 or 407 ? 403 : code);
        await TrySendAsync(transaction, ResponseTo(transaction, toCaller), cancellationToken).ConfigureAwait(false);
        await EndAfterCalleeFailureAsync(session, ringTimeout.IsCancellationRequested, code, cancellationToken).ConfigureAwait(false);
    }

    // Sends the leg's INVITE (leg.Invite); a carrier's 401/407 is answered once with the trunk's credentials (RFC 3261
    // §22.2: CSeq 2, same Call-ID and From tag), leg.Invite then being the second INVITE. No trunk: sent as it is.
    private async Task<SipResponse> InviteLegAsync(CallLeg leg, TrunkConfig? trunk, string number, byte[] offer, Action<SipResponse>? onProvisional,
        CancellationToken stopped, CancellationToken cancellationToken)
    {
        var invite = leg.Invite!;
        var final = await Transactions.SendRequestAsync(invite, leg.Destination, onProvisional, cancellationToken).ConfigureAwait(false);
        if (final.StatusCode is 401 or 407 && trunk is { Username: { Length: > 0 } user } && !stopped.IsCancellationRequested
            && DigestClient.Answer(final, SipMethods.Invite, invite.RequestUri.ToString(), user, trunk.Password ?? "") is { } credentials)
        {
            leg.Invite = CreateTrunkInvite(trunk, number, offer, leg.Destination, invite.CallId!, invite.From!.Tag!, 2, credentials);
            final = await Transactions.SendRequestAsync(leg.Invite, leg.Destination, onProvisional, cancellationToken).ConfigureAwait(false);
        }
        return final;
    }

    // RFC 3261 §8.1.1: Request-URI sip:<number>@<trunk>, From with the trunk's caller id (RFC 3325 P-Asserted-Identity too).
    private SipRequest CreateTrunkInvite(TrunkConfig trunk, string number, byte[] sdp, SipEndPoint destination, string callId, string fromTag,
        int cseq, (string Name, string Value)? credentials)
    {
        var domain = TrunkEndPoints.Domain(trunk);
        var presented = trunk.CallerId is { Length: > 0 } id ? id : trunk.Username is { Length: > 0 } user ? user : AnonymousCaller;
        var invite = new SipRequest(SipMethods.Invite, SipUri.Parse($"sip:{number}@{domain}"));
        var headers = invite.Headers;
        headers.Add(SipHeaderNames.MaxForwards, "70");
        headers.Add(SipHeaderNames.From, $"<sip:{presented}@{domain}>;tag={fromTag}");
        headers.Add(SipHeaderNames.To, $"<sip:{number}@{domain}>");
        headers.Add(SipHeaderNames.CallId, callId);
        headers.Add(SipHeaderNames.CSeq, $"{cseq.ToString(System.Globalization.CultureInfo.InvariantCulture)} INVITE");
        headers.Add(SipHeaderNames.Contact, OurContact(destination));
        headers.Add(SipHeaderNames.Allow, string.Join(", ", SupportedMethods));
        if (trunk.CallerId is { Length: > 0 })
        {
            headers.Add("P-Asserted-Identity", $"<sip:{trunk.CallerId}@{domain}>");
        }
        if (credentials is { } header)
        {
            headers.Add(header.Name, header.Value);
        }
        headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = sdp;
        return invite;
    }

    private const string AnonymousCaller = "anonymous";
}
