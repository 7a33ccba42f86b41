using System.Security.Cryptography;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sdp;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Telephony.Trunks;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    /// <summary>
    /// Places a new leg of <paramref name="session"/> from the server (transfer target, consulted or added party,
    /// supervisor): <paramref name="number"/> goes through the dial plan as if <paramref name="byExtension"/> dialled it
    /// (so outside numbers leave through a trunk), our offer carries <paramref name="codec"/> only (the bridge relays
    /// payloads as they are). Returns the answered leg, its dialog confirmed and media negotiated, or null with the
    /// failure's SIP status. A null <paramref name="codec"/> offers every codec we take (nothing to match yet: click-to-dial).
    /// The (404 unknown number, 480 not registered, the callee's refusal, 487 when
    /// <paramref name="stop"/> fired, 408 when the ring timeout, <paramref name="ringTimeout"/> or the calls' setting, passed).
    /// </summary>
    private async Task<(CallLeg? Leg, int Status)> DialLegAsync(CallSession session, string number, string presentedNumber, string? byExtension,
        CallLegRole role, AudioCodec? codec, CancellationToken stop, CallParty party = CallParty.Callee, bool publishAnswer = true,
        TimeSpan? ringTimeout = null)
    {
        var target = await dialPlan.ResolveAsync(new DialRequest(number, presentedNumber, null, byExtension), stop).ConfigureAwait(false);
        CallLeg leg;
        SipRequest invite;
        byte[] offer;
        switch (target.Kind)
        {
            case RouteTargetKind.Extension:
                if (LatestBinding(target.Key!) is not { } binding)
                {
                    return (null, 480);
                }
                leg = new CallLeg(session, party, binding.Source, events.NewLegId()) { Extension = target.Key };
                offer = OfferCallee(leg, codec);
                invite = CreateCalleeInvite(presentedNumber, offer, binding);
                break;
            case RouteTargetKind.Trunk when target.Trunk is { } trunk:
                var destination = await TrunkEndPoints.ResolveAsync(trunk, stop).ConfigureAwait(false);
                leg = new CallLeg(session, party, destination, events.NewLegId());
                offer = OfferCallee(leg, codec);
                invite = CreateTrunkInvite(trunk, target.Key!, offer, destination, NewCallId(), NewTag(), 1, null);
                break;
            default:
                // Queues, IVR flows and the rest are not places a leg can be dialled to (yet).
                return (null, 404);
        }
        leg.Invite = invite;
        PublishLegStarted(session, leg, target.Kind == RouteTargetKind.Extension && role != CallLegRole.Consult ? CallLegRole.Agent : role,
            target.Key ?? number, invite.CallId);

        using var ringTimedOut = new CancellationTokenSource(ringTimeout ?? TimeSpan.FromSeconds(callOptions.CurrentValue.RingTimeoutSeconds), time);
        using var stopRinging = CancellationTokenSource.CreateLinkedTokenSource(stop, session.Ending, ringTimedOut.Token);
        SipResponse final;
        await using (stopRinging.Token.Register(() => _ = CancelCalleeAsync(session, leg)).ConfigureAwait(false))
        {
            final = await InviteLegAsync(leg, target.Trunk, target.Key!, offer, null, stopRinging.Token, CancellationToken.None).ConfigureAwait(false);
        }
        var code = final.StatusCode;
        if (code is >= 200 and < 300)
        {
            await AcknowledgeCalleeAnswerAsync(leg, leg.Invite!, final, CancellationToken.None).ConfigureAwait(false);
            if (ReadSdp(final) is { } answer && leg.Media!.ApplyAnswer(answer) && !session.IsEnded)
            {
                if (publishAnswer)
                {
                    events.Publish(new CallAnswered(session.CallId, events.Now, leg.LegId, leg.Extension));
                }
                return (leg, code);
            }
            // Answered without audio we take (or the call ended meanwhile): hang the new leg up.
            await ByeAsync(leg, CancellationToken.None).ConfigureAwait(false);
            code = 488;
        }
        calls.RemoveDialog(leg);
        PublishLegEnded(session, leg, ringTimedOut.IsCancellationRequested ? CallEndCause.NoAnswer : MapCalleeFailureCause(code), code);
        leg.Media?.Dispose();
        return (null, ringTimedOut.IsCancellationRequested ? 408 : code);
    }

    private string NewCallId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "@" + transport.AdvertisedHost;

    private static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
