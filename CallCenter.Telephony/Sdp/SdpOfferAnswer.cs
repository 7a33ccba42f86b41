using System.Globalization;
using System.Net;

namespace CallCenter.Telephony.Sdp;

/// <summary>
/// The offer/answer model (RFC 3264) for the one audio stream a call leg carries: PCMU, PCMA and
/// telephone-event (RFC 4733). Builds our offers, answers offers, and reads answers to our offers.
/// </summary>
public static class SdpOfferAnswer
{
    /// <summary>The encoding name of RFC 4733 DTMF events.</summary>
    public const string TelephoneEvent = "telephone-event";

    /// <summary>The events we take and offer: DTMF 0-9, *, #, A-D and flash (RFC 4733 §7.1.1).</summary>
    public const string TelephoneEventFmtp = "0-16";

    /// <summary>Builds our offer: one audio stream with our codecs in preference order and telephone-event (RFC 3264 §5).</summary>
    public static SdpSession CreateOffer(SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var payloadTypes = local.Codecs.Select(c => ((int)c, c)).ToList();
        SdpSession offer = NewSession(local);
        offer.Media.Add(AudioSection(local, payloadTypes, local.TelephoneEventPayloadType, local.Direction));
        return offer;
    }

    /// <summary>
    /// Answers an offer (RFC 3264 §6): takes the first audio stream that has a codec we take, with the
    /// first such codec in the offer's order and the offerer's telephone-event payload type, mirrors the
    /// direction, and rejects (port 0) every other stream. <see cref="SdpAnswerResult.Audio"/> is null when
    /// nothing was taken (the caller answers 488 Not Acceptable Here).
    /// </summary>
    public static SdpAnswerResult CreateAnswer(SdpSession offer, SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        SdpSession answer = NewSession(local);
        SdpNegotiatedAudio? audio = null;
        foreach (SdpMediaDescription offered in offer.Media)
        {
            if (audio is null && TryNegotiate(offer, offered, local.Codecs, mirror: true, out audio))
            {
                int? te = audio!.TelephoneEventPayloadType;
                SdpDirection ours = audio.LocalDirection;
                answer.Media.Add(AudioSection(local, [(audio.PayloadType, audio.Codec)], te, ours));
                continue;
            }
            // RFC 3264 §6: a rejected stream is answered with port 0 and the offered formats.
            var rejected = new SdpMediaDescription { Media = offered.Media, Port = 0, Protocol = offered.Protocol };
            rejected.Formats.AddRange(offered.Formats);
            answer.Media.Add(rejected);
        }
        return new SdpAnswerResult(answer, audio);
    }

    /// <summary>
    /// Reads the answer to one of our offers (RFC 3264 §7): the first audio stream the answerer took,
    /// with the first codec of the answer that we offered. False when the answer took no audio.
    /// </summary>
    public static bool TryReadAnswer(SdpSession answer, SdpLocalMedia local, out SdpNegotiatedAudio? audio)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(local);
        foreach (SdpMediaDescription m in answer.Media)
        {
            if (TryNegotiate(answer, m, local.Codecs, mirror: true, out audio))
            {
                return true;
            }
        }
        audio = null;
        return false;
    }

    private static bool TryNegotiate(SdpSession session, SdpMediaDescription m, IReadOnlyList<AudioCodec> codecs, bool mirror, out SdpNegotiatedAudio? audio)
    {
        audio = null;
        if (!m.Media.Equals("audio", StringComparison.OrdinalIgnoreCase) || m.Port == 0
            || !m.Protocol.Equals("RTP/AVP", StringComparison.OrdinalIgnoreCase)
            || session.ConnectionOf(m) is not { } connection)
        {
            return false;
        }
        int slash = connection.Address.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? connection.Address : connection.Address[..slash], out IPAddress? address))
        {
            return false;
        }
        AudioCodec? codec = null;
        int payloadType = -1;
        int? telephoneEvent = null;
        foreach (string format in m.Formats)
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || m.GetRtpMap(pt) is not { } map)
            {
                continue;
            }
            if (codec is null && map.ClockRate == 8000 && TryCodec(map.EncodingName, out AudioCodec c) && codecs.Contains(c))
            {
                codec = c;
                payloadType = pt;
            }
            else if (telephoneEvent is null && map.ClockRate == 8000 && map.EncodingName.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase))
            {
                telephoneEvent = pt;
            }
        }
        if (codec is null)
        {
            return false;
        }
        SdpDirection theirs = session.DirectionOf(m);
        // RFC 3264 §8.4: c=0.0.0.0 is the RFC 2543 way to put the other side on hold.
        if (address.Equals(IPAddress.Any) && theirs == SdpDirection.SendRecv)
        {
            theirs = SdpDirection.SendOnly;
        }
        int rtcpPort = m.RtcpPort ?? m.Port + 1;
        audio = new SdpNegotiatedAudio(codec.Value, payloadType, telephoneEvent, new IPEndPoint(address, m.Port),
            new IPEndPoint(address, rtcpPort), mirror ? theirs.Mirror() : theirs, m.Ptime ?? 20);
        return true;
    }

    private static bool TryCodec(string encodingName, out AudioCodec codec)
    {
        if (encodingName.Equals("PCMU", StringComparison.OrdinalIgnoreCase))
        {
            codec = AudioCodec.Pcmu;
            return true;
        }
        if (encodingName.Equals("PCMA", StringComparison.OrdinalIgnoreCase))
        {
            codec = AudioCodec.Pcma;
            return true;
        }
        codec = default;
        return false;
    }

    private static SdpSession NewSession(SdpLocalMedia local)
    {
        SdpConnection c = SdpConnection.For(local.Address);
        return new SdpSession
        {
            Origin = new SdpOrigin(local.Username, local.SessionId.ToString(CultureInfo.InvariantCulture),
                local.SessionVersion.ToString(CultureInfo.InvariantCulture), c.NetworkType, c.AddressType, c.Address),
            SessionName = "-",
            Connection = c,
            Timing = "0 0",
        };
    }

    private static SdpMediaDescription AudioSection(SdpLocalMedia local, IReadOnlyList<(int PayloadType, AudioCodec Codec)> payloadTypes, int? telephoneEvent, SdpDirection direction)
    {
        var m = new SdpMediaDescription { Media = "audio", Port = local.Port, Protocol = "RTP/AVP" };
        foreach ((int pt, _) in payloadTypes)
        {
            m.Formats.Add(pt.ToString(CultureInfo.InvariantCulture));
        }
        if (telephoneEvent is { } te)
        {
            m.Formats.Add(te.ToString(CultureInfo.InvariantCulture));
        }
        foreach ((int pt, AudioCodec codec) in payloadTypes)
        {
            string name = codec == AudioCodec.Pcma ? "PCMA" : "PCMU";
            m.Attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(pt, name, 8000).ToString()));
        }
        if (telephoneEvent is { } t)
        {
            m.Attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(t, TelephoneEvent, 8000).ToString()));
            m.Attributes.Add(new SdpAttribute("fmtp", string.Create(CultureInfo.InvariantCulture, $"{t} {TelephoneEventFmtp}")));
        }
        m.Attributes.Add(new SdpAttribute("ptime", local.Ptime.ToString(CultureInfo.InvariantCulture)));
        m.Attributes.Add(new SdpAttribute(direction.ToAttributeName()));
        return m;
    }
}
