using System.Net;

using CallCenter.Telephony.Sdp;
using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Simulation;

/// <summary>The SDP of a simulated phone: PCMU and telephone-event 101 on its media stream's port (RFC 3264).</summary>
internal static class SimulationSdp
{
    public const string ContentType = "application/sdp";

    public static SdpLocalMedia Local(SimulatedMediaStream stream, ulong sessionId, ulong version) => new()
    {
        Address = IPAddress.Loopback,
        Port = stream.LocalEndPoint.Port,
        SessionId = sessionId,
        SessionVersion = version,
        Username = "simulator",
        Codecs = [AudioCodec.Pcmu],
        TelephoneEventPayloadType = SimulatedMediaStream.DefaultTelephoneEventPayloadType,
    };

    public static byte[] Offer(SimulatedMediaStream stream, ulong sessionId, ulong version) =>
        SdpOfferAnswer.CreateOffer(Local(stream, sessionId, version)).ToBytes();

    /// <summary>Our answer to the offer in <paramref name="message"/>; false when there is none or nothing we take (488).</summary>
    public static bool TryAnswer(SipMessage message, SimulatedMediaStream stream, ulong sessionId, ulong version, out byte[] answer, out SdpNegotiatedAudio? audio)
    {
        answer = [];
        audio = null;
        if (message.Body.Length == 0 || !SdpSession.TryParse(message.Body.Span, out var offer, out _) || offer is null)
        {
            return false;
        }
        var result = SdpOfferAnswer.CreateAnswer(offer, Local(stream, sessionId, version));
        if (result.Audio is null)
        {
            return false;
        }
        answer = result.Answer.ToBytes();
        audio = result.Audio;
        return true;
    }

    /// <summary>The audio of the answer to our offer in <paramref name="message"/>.</summary>
    public static bool TryReadAnswer(SipMessage message, SimulatedMediaStream stream, out SdpNegotiatedAudio? audio)
    {
        audio = null;
        return message.Body.Length > 0 && SdpSession.TryParse(message.Body.Span, out var answer, out _) && answer is not null
            && SdpOfferAnswer.TryReadAnswer(answer, Local(stream, 0, 0), out audio);
    }

    public static void SetBody(SipMessage message, byte[] sdp)
    {
        message.Headers.Set(SipHeaderNames.ContentType, ContentType);
        message.Body = sdp;
    }
}
