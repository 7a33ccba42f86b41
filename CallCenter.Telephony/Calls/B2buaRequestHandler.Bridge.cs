using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Transactions;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // Extension to extension: a new INVITE to the callee's binding, its progress relayed to the caller.
    private async Task CallExtensionAsync(CallSession session, string extension, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        if (session.Caller.Extension is null)
        {
            // A caller from outside: identified for the agent's screen pop before the phone rings.
            await IdentifyCallerAsync(session, cancellationToken).ConfigureAwait(false);
        }
        if (LatestBinding(extension) is not { } binding)
        {
            if (await TryExtensionVoicemailAsync(session, extension, transaction, request, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            // RFC 3261 §21.4.18: known but not registered.
            await TrySendAsync(transaction, ResponseTo(transaction, 480), cancellationToken).ConfigureAwait(false);
            await EndAsync(session, CallParty.System, CallEndCause.Unavailable, 480, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (AnchorCaller(session, request) is not { Audio: { } audioA } answerA)
        {
            // RFC 3261 §21.4.26 / RFC 3264 §6: no offer, or no audio codec we take.
            await TrySendAsync(transaction, ResponseTo(transaction, 488), cancellationToken).ConfigureAwait(false);
            await EndAsync(session, CallParty.System, CallEndCause.Abnormal, 488, cancellationToken).ConfigureAwait(false);
            return;
        }
        session.Caller.LocalSdp = answerA.Answer.ToBytes();
        var callee = new CallLeg(session, CallParty.Callee, binding.Source, events.NewLegId()) { Extension = extension };
        session.Callee = callee;
        var invite = CreateCalleeInvite(session.From, OfferCallee(callee, audioA.Codec), binding);
        callee.Invite = invite;
        PublishLegStarted(session, callee, CallLegRole.Agent, extension, invite.CallId);

        using var ringTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(callOptions.CurrentValue.RingTimeoutSeconds), time);
        using var stopRinging = CancellationTokenSource.CreateLinkedTokenSource(transaction.CancelRequested, session.Ending, ringTimeout.Token);
        var pending = Transactions.SendRequestAsync(invite, binding.Source, r => OnCalleeProvisional(session, transaction, r), cancellationToken);
        SipResponse final;
        // RFC 3261 §9.1: the caller's CANCEL, the ring timeout or the call's end cancels the B leg; its INVITE then ends with 487.
        await using (stopRinging.Token.Register(() => _ = CancelCalleeAsync(session, callee)).ConfigureAwait(false))
        {
            final = await pending.ConfigureAwait(false);
        }
        var code = final.StatusCode;
        if (code is >= 200 and < 300)
        {
            await OnCalleeAnsweredAsync(session, callee, extension, transaction, request, invite, final, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (transaction.CancelRequested.IsCancellationRequested)
        {
            // RFC 3261 §9.2: the INVITE that was cancelled ends with 487.
            await TrySendAsync(transaction, ResponseTo(transaction, 487), cancellationToken).ConfigureAwait(false);
            await EndAsync(session, CallParty.Caller, CallEndCause.Cancelled, 487, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (await TryExtensionVoicemailAsync(session, extension, transaction, request, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var toCaller = ringTimeout.IsCancellationRequested ? 480 : MapCalleeFailure(code);
        await TrySendAsync(transaction, ResponseTo(transaction, toCaller), cancellationToken).ConfigureAwait(false);
        await EndAfterCalleeFailureAsync(session, ringTimeout.IsCancellationRequested, code, cancellationToken).ConfigureAwait(false);
    }

    // A call from outside that the extension did not take (no answer, busy, phone offline) goes to its voicemail box.
    private async Task<bool> TryExtensionVoicemailAsync(CallSession session, string extension, SipServerTransaction transaction, SipRequest request,
        CancellationToken cancellationToken)
    {
        if (session.Caller.Extension is not null || !services.GetRequiredService<IOptionsMonitor<Voicemail.VoicemailOptions>>().CurrentValue.ExtensionBoxes
            || session.IsEnded || transaction.CancelRequested.IsCancellationRequested)
        {
            return false;
        }
        var store = VoicemailStore;
        if (await store.CreateAsync(new Voicemail.VoicemailBox(false, extension), session.CallId, session.From, cancellationToken).ConfigureAwait(false)
            is not { } ticket)
        {
            return false;
        }
        if (!await AcceptIntoEngineAsync(session, transaction, request, cancellationToken).ConfigureAwait(false))
        {
            await store.CompleteAsync(ticket, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        await RecordVoicemailAsync(session, new Voicemail.VoicemailBox(false, extension), ticket).ConfigureAwait(false);
        return true;
    }

    // Where an extension is called: its most recently registered contact (forking to every binding is a later step).
    private SipBinding? LatestBinding(string extension) => location.GetBindings(extension).MaxBy(b => b.RegisteredAt);

    // The B leg's 2xx starts its dialog; RFC 3261 §13.2.2.4: the ACK for a 2xx is the UAC core's, in the dialog, with a new branch.
    private async Task AcknowledgeCalleeAnswerAsync(CallLeg callee, SipRequest invite, SipResponse final, CancellationToken cancellationToken)
    {
        var dialog = SipDialog.CreateUac(invite, final);
        callee.Dialog = dialog;
        calls.AddDialog(callee);
        var ack = dialog.CreateRequest(SipMethods.Ack, invite.CSeq!.Value.Number);
        ack.Headers.Insert(0, SipHeaderNames.Via, new SipVia(callee.Destination.ViaTransport, transport.AdvertisedHost, transport.AdvertisedPort, Transactions.NewBranch()).ToString());
        await Transactions.SendAckAsync(ack, callee.Destination, cancellationToken).ConfigureAwait(false);
    }

    // A B leg that ended without an answer: no-answer by the system at the ring timeout, else the callee's refusal.
    private Task EndAfterCalleeFailureAsync(CallSession session, bool ringTimedOut, int code, CancellationToken cancellationToken) =>
        ringTimedOut
            ? EndAsync(session, CallParty.System, CallEndCause.NoAnswer, code, cancellationToken)
            : EndAsync(session, CallParty.Callee, MapCalleeFailureCause(code), code, cancellationToken);

    private async Task OnCalleeAnsweredAsync(CallSession session, CallLeg callee, string? extension, SipServerTransaction transaction, SipRequest request,
        SipRequest invite, SipResponse final, CancellationToken cancellationToken)
    {
        await AcknowledgeCalleeAnswerAsync(callee, invite, final, cancellationToken).ConfigureAwait(false);
        if (!ApplyCalleeAnswer(session, final) && callee.Media?.Audio is null)
        {
            // The callee's 2xx took no audio of our offer (nor did an early 183): nothing to bridge.
            await TrySendAsync(transaction, ResponseTo(transaction, 488), cancellationToken).ConfigureAwait(false);
            await EndAsync(session, CallParty.System, CallEndCause.Abnormal, 488, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!await AnswerCallerAsync(session, transaction, request, session.Caller.LocalSdp, callee, extension, cancellationToken).ConfigureAwait(false))
        {
            // The caller cancelled while the callee answered (RFC 3261 §9.1 race): hang up the callee.
            if (transaction.CancelRequested.IsCancellationRequested)
            {
                await TrySendAsync(transaction, ResponseTo(transaction, 487), cancellationToken).ConfigureAwait(false);
            }
            await EndAsync(session, CallParty.Caller, CallEndCause.Cancelled, 487, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnCalleeProvisional(CallSession session, SipServerTransaction transaction, SipResponse response)
    {
        if (response.StatusCode is not (180 or 183) || session.IsEnded)
        {
            return;
        }
        // Early media (RFC 3960 gateway model): the callee's SDP answers our offer, the bridge starts, the caller
        // gets our anchor's answer (the same one its 200 will carry, RFC 3264 §4).
        var relay = ResponseTo(transaction, response.StatusCode, ApplyCalleeAnswer(session, response) ? session.Caller.LocalSdp : default);
        _ = TrySendAsync(transaction, relay, CancellationToken.None).AsTask();
        if (!session.RingingRaised)
        {
            session.RingingRaised = true;
            PublishRinging(session, session.Callee!);
        }
    }

    private async Task CancelCalleeAsync(CallSession session, CallLeg callee)
    {
        try
        {
            await Transactions.CancelAsync(callee.Invite!, callee.Destination, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, session.Id, "CANCEL");
        }
    }

    // A new dialog towards the callee (RFC 3261 §8.1.1): new Call-ID and tags, the caller's user in From.
    private SipRequest CreateCalleeInvite(string fromUser, byte[] sdp, SipBinding binding)
    {
        var host = transport.AdvertisedHost;
        var invite = new SipRequest(SipMethods.Invite, SipUri.Parse(binding.ContactUri));
        var headers = invite.Headers;
        headers.Add(SipHeaderNames.MaxForwards, "70");
        headers.Add(SipHeaderNames.From, $"<sip:{fromUser}@{host}>;tag={Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}");
        headers.Add(SipHeaderNames.To, $"<sip:{binding.Extension}@{host}>");
        headers.Add(SipHeaderNames.CallId, Guid.NewGuid().ToString("N") + "@" + host);
        headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        headers.Add(SipHeaderNames.Contact, OurContact(binding.Source));
        headers.Add(SipHeaderNames.Allow, string.Join(", ", SupportedMethods));
        headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = sdp;
        return invite;
    }

    /// <summary>The caller's answer for the callee's failure (RFC 3261 §21): busy, decline and not-found pass, the rest is unavailable.</summary>
    public static int MapCalleeFailure(int code) => code switch
    {
        486 or 600 => 486,
        603 => 603,
        404 or 410 or 484 or 604 => 404,
        488 or 606 => 488,
        _ => 480,
    };
}
