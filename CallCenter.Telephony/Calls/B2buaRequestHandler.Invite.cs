using System.Net;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // A new call: authenticate (RFC 3261 §22.3, as a proxy-like B2BUA: 407), route, then ring or answer.
    private async Task<bool> OnInviteAsync(SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        var number = request.RequestUri.User!;
        var callerNumber = request.From?.Uri?.User ?? "anonymous";
        var source = transaction.Source.EndPoint;
        RouteTarget? target = null;
        var direction = CallEventDirection.Internal;
        var callerRole = CallLegRole.Customer;
        string? callerExtension = null;
        // A phone shares an address with a carrier (same host, NAT): its credentials, or a registration from this very
        // address and port, say it is the phone; only then is the carrier's no-challenge path skipped.
        var fromCarrier = request.Headers.GetAll(SipHeaderNames.ProxyAuthorization).Count == 0
            && await trunks.MatchInboundAsync(source.Address, cancellationToken).ConfigureAwait(false) is not null
            && !location.IsRegisteredSource(transaction.Source);
        if (fromCarrier)
        {
            // From a carrier's trunk (its allowed sources): no challenge, but only the dial plan's own numbers; never back out through a trunk.
            target = await dialPlan.ResolveAsync(new DialRequest(number, callerNumber, source), cancellationToken).ConfigureAwait(false);
            if (target.Kind is RouteTargetKind.NotFound or RouteTargetKind.Trunk)
            {
                await transaction.RespondAsync(404, cancellationToken).ConfigureAwait(false);
                return true;
            }
            direction = CallEventDirection.Inbound;
            callerRole = CallLegRole.Trunk;
        }
        else if (sipOptions.CurrentValue.AllowUnauthenticatedInbound && !location.IsRegisteredSource(transaction.Source)
            && !await IsExtensionAsync(callerNumber, cancellationToken).ConfigureAwait(false))
        {
            // Not an agent's phone: neither from a registered phone's address nor in an extension's name (those are
            // challenged, so agents' calls stay internal and nobody calls as an agent without its password).
            // As from a trunk: the dial plan's numbers take calls from anyone; calling out through a trunk still needs credentials.
            target = await dialPlan.ResolveAsync(new DialRequest(number, callerNumber, source), cancellationToken).ConfigureAwait(false);
            if (target.Kind is RouteTargetKind.NotFound or RouteTargetKind.Trunk)
            {
                target = null;
            }
            else
            {
                direction = CallEventDirection.Inbound;
            }
        }
        if (target is null)
        {
            var auth = await authenticator.AuthenticateAsync(
                SipMethods.Invite, request.RequestUri.ToString(), request.Headers.GetAll(SipHeaderNames.ProxyAuthorization), cancellationToken)
                .ConfigureAwait(false);
            if (!auth.IsAuthenticated)
            {
                if (auth.Status == DigestAuthStatus.Failed)
                {
                    security.ReportAuthFailure(transaction.Source.EndPoint, auth.User, auth.FailureReason ?? "failed");
                }
                var challenge = SipResponse.CreateFor(request, 407, null, transaction.LocalTag);
                foreach (var value in auth.Challenges)
                {
                    challenge.Headers.Add(SipHeaderNames.ProxyAuthenticate, value);
                }
                await transaction.SendResponseAsync(challenge, cancellationToken).ConfigureAwait(false);
                return true;
            }
            callerExtension = auth.User;
            if (FeatureCodes.IsFeatureCode(number))
            {
                target = new RouteTarget(RouteTargetKind.FeatureCode, number, "feature code");
            }
            else
            {
                target = await dialPlan.ResolveAsync(new DialRequest(number, callerNumber, source, auth.User), cancellationToken).ConfigureAwait(false);
            }
            direction = target.Kind == RouteTargetKind.Trunk ? CallEventDirection.Outbound : direction;
        }
        if (target.Kind == RouteTargetKind.NotFound)
        {
            await transaction.RespondAsync(404, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var session = new CallSession(request.CallId!, events.NewCallId(), events.NewLegId(), callerNumber, number, target, transaction.Source, time.GetUtcNow());
        session.Caller.Extension = callerExtension;
        if (!calls.TryAdd(session))
        {
            // The same Call-ID as a call in progress without a To tag: a loop or a merged request (RFC 3261 §8.2.2.2).
            session.Dispose();
            await transaction.RespondAsync(482, cancellationToken).ConfigureAwait(false);
            return true;
        }
        events.Publish(new CallOffered(session.CallId, events.Now, request.CallId, direction, callerNumber, number, target));
        PublishLegStarted(session, session.Caller, callerRole, callerNumber, request.CallId);
        // Routing entry (黑名单): a caller from outside on the blacklist hears a short message and never reaches a person.
        if (direction == CallEventDirection.Inbound
            && await services.GetRequiredService<IBlacklist>().CheckAsync(callerNumber, cancellationToken).ConfigureAwait(false) is { } blocked)
        {
            services.GetRequiredService<IBlacklist>().ReportBlocked(blocked, callerNumber, number, session.CallId);
            LogBlacklisted(logger, session.Id, callerNumber, number, blocked.Number, blocked.Reason);
            _ = RefuseBlacklistedAsync(session, transaction, request, cancellationToken);
            return true;
        }
        // Owned from here: the call runs on past this handler's return, its failures are its own.
        _ = RunCallAsync(session, transaction, request, cancellationToken);
        return true;
    }

    private async ValueTask<bool> IsExtensionAsync(string number, CancellationToken cancellationToken) =>
        (await dialPlan.ResolveAsync(new DialRequest(number, number), cancellationToken).ConfigureAwait(false)).Kind == RouteTargetKind.Extension;

    private async Task RunCallAsync(CallSession session, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var target = session.Target;
            switch (target.Kind)
            {
                case RouteTargetKind.EchoTest:
                    await AnswerEchoAsync(session, transaction, request, cancellationToken).ConfigureAwait(false);
                    break;
                case RouteTargetKind.Extension:
                    await CallExtensionAsync(session, target.Key!, transaction, request, cancellationToken).ConfigureAwait(false);
                    break;
                case RouteTargetKind.Trunk when target.Trunk is not null:
                    await CallTrunkAsync(session, target.Trunk, target.Key!, transaction, request, cancellationToken).ConfigureAwait(false);
                    break;
                case RouteTargetKind.Queue:
                    await CallQueueAsync(session, target.Key!, transaction, request, cancellationToken).ConfigureAwait(false);
                    break;
                case RouteTargetKind.FeatureCode:
                    await RunFeatureCodeAsync(session, transaction, request, cancellationToken).ConfigureAwait(false);
                    break;
                case RouteTargetKind.Voicemail when target.Key is { } box:
                    await CallVoicemailBoxAsync(session, box, transaction, request, cancellationToken).ConfigureAwait(false);
                    break;
                case RouteTargetKind.Hangup:
                    if (await AcceptIntoEngineAsync(session, transaction, request, cancellationToken).ConfigureAwait(false))
                    {
                        await RefuseWithMessageAsync(session, Audio.PromptLibrary.IsValidName(target.Key) ? target.Key! : "queue-unavailable", CallEndCause.Overflow)
                            .ConfigureAwait(false);
                    }
                    break;
                default:
                    // IVR flows and the information service come with later issues.
                    LogTargetNotServed(logger, session.Id, session.From, session.To, target.Kind, target.Key);
                    await TrySendAsync(transaction, ResponseTo(transaction, 480), cancellationToken).ConfigureAwait(false);
                    await EndAsync(session, CallParty.System, CallEndCause.Unavailable, 480, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, session.Id, "setup");
            if (!transaction.HasFinalResponse)
            {
                await TrySendAsync(transaction, ResponseTo(transaction, 500), CancellationToken.None).ConfigureAwait(false);
            }
            await EndAsync(session, CallParty.System, CallEndCause.Abnormal, 500, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // The echo test: answer with our own media endpoint, which sends the caller's RTP back.
    private async Task AnswerEchoAsync(CallSession session, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        var host = transport.AdvertisedHost;
        var endpoint = media.CreateEndpoint();
        // An echo goes back to where the RTP comes from (RFC 4961), whatever the setting for bridged calls.
        endpoint.SymmetricRtp = true;
        session.Echo = media.CreateEcho(endpoint);
        var offer = HasSdp(request) ? BodyText(request) : "";
        session.Echo.EventPayloadType = CallSdp.TelephoneEventPayloadType(offer);
        session.Echo.DtmfReceived += (_, e) => PublishDtmf(session, session.Caller, e.Digit, DtmfMethod.Rfc4733);
        session.Echo.Start();
        var sdp = CallSdp.Answer(offer, host, endpoint.LocalRtp.Port);
        await AnswerCallerAsync(session, transaction, request, sdp, session.Caller, null, cancellationToken).ConfigureAwait(false);
    }

    // 200 to the caller (RFC 3261 §13.3.1.4): the A dialog is confirmed, the call is answered.
    private async Task<bool> AnswerCallerAsync(CallSession session, SipServerTransaction transaction, SipRequest request, ReadOnlyMemory<byte> sdp,
        CallLeg answeredBy, string? agentExtension, CancellationToken cancellationToken)
    {
        if (!await AcceptCallerAsync(session, transaction, request, sdp, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        MarkAnswered(session, answeredBy, agentExtension);
        return true;
    }

    // The A dialog confirmed by our 200, without the call counting as answered yet: the engine itself takes the
    // caller (a queue's music, a voicemail greeting); the maximum duration runs from here.
    private async Task<bool> AcceptCallerAsync(CallSession session, SipServerTransaction transaction, SipRequest request, ReadOnlyMemory<byte> sdp,
        CancellationToken cancellationToken)
    {
        var ok = ResponseTo(transaction, 200, sdp);
        var dialog = SipDialog.CreateUas(request, ok);
        session.Caller.Dialog = dialog;
        session.Caller.LocalSdp = sdp;
        calls.AddDialog(session.Caller);
        if (session.IsEnded || transaction.CancelRequested.IsCancellationRequested || !await TrySendAsync(transaction, ok, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        session.MaxDurationTimer ??= time.CreateTimer(
            _ => _ = EndAsync(session, CallParty.System, CallEndCause.MaxDuration, null, CancellationToken.None),
            null, TimeSpan.FromSeconds(callOptions.CurrentValue.MaxDurationSeconds), Timeout.InfiniteTimeSpan);
        return true;
    }

    // The call is answered (its wait ends, its talk begins) by this leg.
    private void MarkAnswered(CallSession session, CallLeg answeredBy, string? agentExtension)
    {
        session.AnsweredAt = time.GetUtcNow();
        PublishAnswered(session, answeredBy, agentExtension);
    }
}
