using System.Net;

using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Media;
using CallCenter.Telephony.Sdp;
using CallCenter.Telephony.Sip.Messages;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // Anchored media (RFC 7092 §3.2 "media-relay B2BUA"): each leg negotiates with its own MediaSession on our
    // port range; a MediaBridge relays between the two endpoints.

    /// <summary>
    /// Answers the caller's offer from a new MediaSession on leg A; null (the caller gets 488, RFC 3261 §21.4.26)
    /// when the INVITE has no offer or no audio codec we take.
    /// </summary>
    private SdpAnswerResult? AnchorCaller(CallSession session, SipRequest request)
    {
        if (ReadSdp(request) is not { } offer)
        {
            return null;
        }
        session.Caller.Media = new MediaSession(TrustedEndpoint(session.Caller), AdvertisedMediaAddress);
        var result = session.Caller.Media.Answer(offer);
        return result.Audio is null ? null : result;
    }

    /// <summary>
    /// Our offer to a leg we call from a new MediaSession: only the codec the other leg's negotiation chose (the
    /// bridge relays payloads as they are), or all we take when there is none yet; plus telephone-event.
    /// </summary>
    private byte[] OfferCallee(CallLeg callee, AudioCodec? codec)
    {
        callee.Media = new MediaSession(TrustedEndpoint(callee), AdvertisedMediaAddress);
        var sdp = callee.Media.CreateOffer(SdpDirection.SendRecv, codec is { } only ? [only] : null).ToBytes();
        callee.LocalSdp = sdp;
        return sdp;
    }

    /// <summary>Applies the callee's answer (183 or 2xx) and starts the bridge; false when the message has no usable answer.</summary>
    private bool ApplyCalleeAnswer(CallSession session, SipResponse response)
    {
        if (session.Callee?.Media is not { } calleeMedia || ReadSdp(response) is not { } answer || !calleeMedia.ApplyAnswer(answer))
        {
            return false;
        }
        StartBridge(session);
        return true;
    }

    private void StartBridge(CallSession session)
    {
        if (session.Callee is { } callee && session.Caller.Media?.Audio is not null && callee.Media?.Audio is not null)
        {
            var customer = session.CustomerLeg;
            if (session.TryStartBridge(() => CreateBridge(session, customer, session.Other(customer)!)!))
            {
                _ = StartRecordingByRulesAsync(session);
            }
        }
    }

    /// <summary>Connects two legs of a call (after a transfer, or back from a consultation), replacing what relayed before.</summary>
    private void Connect(CallSession session, CallLeg a, CallLeg b) =>
        // The customer on side A, where the recorder's customer channel listens.
        session.ReplaceBridge(() => ReferenceEquals(b, session.CustomerLeg) ? CreateBridge(session, b, a) : CreateBridge(session, a, b));

    // A bridge between two legs' anchored endpoints, with DTMF events and the media timeout; null when either has no negotiated audio.
    private MediaBridge? CreateBridge(CallSession session, CallLeg legA, CallLeg legB)
    {
        if (legA.Media is not { Audio: { } audioA } mediaA || legB.Media is not { Audio: { } audioB } mediaB)
        {
            return null;
        }
        var timeout = services.GetRequiredService<IOptionsMonitor<RtpOptions>>().CurrentValue.MediaTimeoutSeconds;
        var bridge = media.CreateBridge(mediaA.Endpoint, mediaB.Endpoint, new MediaBridgeOptions
        {
            MediaTimeout = TimeSpan.FromSeconds(timeout),
            TelephoneEventPayloadTypeA = audioA.TelephoneEventPayloadType ?? -1,
            TelephoneEventPayloadTypeB = audioB.TelephoneEventPayloadType ?? -1,
        });
        bridge.DtmfReceived += (_, e) => PublishDtmf(session, e.Leg == MediaLeg.A ? legA : legB, e.Digit, DtmfMethod.Rfc4733);
        if (audioA.TelephoneEventPayloadType is null || audioB.TelephoneEventPayloadType is null)
        {
            // A phone without RFC 4733 sends its keys as tones in the audio: detected there (Goertzel), only on such a leg.
            var inband = new InbandDtmfTap(audioA.Codec, audioB.Codec);
            inband.DigitDetected += (_, e) =>
            {
                var from = e.Leg == MediaLeg.A ? (legA, audioA) : (legB, audioB);
                if (from.Item2.TelephoneEventPayloadType is null)
                {
                    PublishDtmf(session, from.Item1, e.Digit, DtmfMethod.Inband);
                }
            };
            bridge.Tap = inband;
        }
        bridge.MediaTimeout += (_, _) => _ = EndAsync(session, CallParty.System, CallEndCause.MediaTimeout, null, CancellationToken.None);
        bridge.OnHold = audioA.IsOnHold || audioB.IsOnHold;
        return bridge;
    }

    /// <summary>
    /// The 2xx body for a re-INVITE/UPDATE on an anchored leg (RFC 3264 §8): its MediaSession answers the offer
    /// (hold mirrored) or, without an offer, offers again; null: 488, the offer has no audio we take.
    /// </summary>
    private byte[]? AnswerReOffer(CallLeg leg, SipRequest request)
    {
        var legMedia = leg.Media!;
        if (ReadSdp(request) is not { } offer)
        {
            return legMedia.CreateOffer(legMedia.Local.Direction, legMedia.Audio is { } chosen ? [chosen.Codec] : null).ToBytes();
        }
        var result = legMedia.Answer(offer);
        if (result.Audio is null)
        {
            return null;
        }
        if (leg.Session.Bridge is { } bridge)
        {
            // No media timeout while either side holds (a held phone may send nothing); resuming clears it.
            bridge.OnHold = leg.Session.Caller.Media?.Audio?.IsOnHold == true || leg.Session.Callee?.Media?.Audio?.IsOnHold == true;
        }
        var sdp = result.Answer.ToBytes();
        leg.LocalSdp = sdp;
        return sdp;
    }

    // A leg's endpoint latches first only to its SDP address or the address its SIP comes from (against RTP bleed).
    private RtpEndpoint TrustedEndpoint(CallLeg leg)
    {
        var endpoint = media.CreateEndpoint();
        endpoint.TrustSources(leg.Destination.EndPoint.Address);
        return endpoint;
    }

    private IPAddress? AdvertisedMediaAddress => IPAddress.TryParse(transport.AdvertisedHost, out var address) ? address : null;

    private static SdpSession? ReadSdp(SipMessage message) =>
        HasSdp(message) && SdpSession.TryParse(message.Body.Span, out var sdp, out _) ? sdp : null;
}
