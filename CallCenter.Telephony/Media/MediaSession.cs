using System.Net;

using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Media;

/// <summary>
/// One call leg's media as the B2BUA sees it: its <see cref="RtpEndpoint"/> plus the SDP offer/answer state
/// (RFC 3264): our offers and answers carry the endpoint's port and the advertised address, with one session
/// id and a version that grows with each description we send (RFC 3264 §8); a negotiated stream is applied to
/// the endpoint (remote address, direction).
/// </summary>
public sealed class MediaSession : IDisposable
{
    private readonly object _gate = new();
    private SdpLocalMedia _local;

    /// <summary>Creates the session for an endpoint.</summary>
    /// <param name="endpoint">The leg's endpoint; disposed with the session.</param>
    /// <param name="advertisedAddress">The address put in c= and o= (null: the endpoint's bound address).</param>
    /// <param name="codecs">The codecs to offer and accept, in preference order (null: PCMU, PCMA).</param>
    /// <param name="telephoneEventPayloadType">The telephone-event payload type of our offers, or null for none.</param>
    public MediaSession(RtpEndpoint endpoint, IPAddress? advertisedAddress = null, IReadOnlyList<AudioCodec>? codecs = null, int? telephoneEventPayloadType = 101)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        _local = new SdpLocalMedia
        {
            Address = advertisedAddress ?? endpoint.LocalRtp.Address,
            Port = endpoint.LocalRtp.Port,
            SessionId = (ulong)Random.Shared.NextInt64(1, long.MaxValue),
            SessionVersion = 0,
            Codecs = codecs ?? [AudioCodec.Pcmu, AudioCodec.Pcma],
            TelephoneEventPayloadType = telephoneEventPayloadType,
        };
    }

    /// <summary>The leg's endpoint.</summary>
    public RtpEndpoint Endpoint { get; }

    /// <summary>The stream last negotiated, or null before any.</summary>
    public SdpNegotiatedAudio? Audio { get; private set; }

    /// <summary>What our descriptions say about us (address, port, codecs, session id and current version).</summary>
    public SdpLocalMedia Local
    {
        get
        {
            lock (_gate)
            {
                return _local;
            }
        }
    }

    /// <summary>Our next offer (initial INVITE, re-INVITE, hold with <see cref="SdpDirection.SendOnly"/>).</summary>
    /// <param name="direction">Our direction.</param>
    /// <param name="codecs">Codecs to offer this time (e.g. only the codec the other leg chose), or null for the session's.</param>
    public SdpSession CreateOffer(SdpDirection direction = SdpDirection.SendRecv, IReadOnlyList<AudioCodec>? codecs = null)
    {
        lock (_gate)
        {
            _local = _local with { SessionVersion = _local.SessionVersion + 1, Direction = direction };
            return SdpOfferAnswer.CreateOffer(codecs is null ? _local : _local with { Codecs = codecs });
        }
    }

    /// <summary>Answers an offer; when audio was taken it is applied to the endpoint (remote address, direction).</summary>
    public SdpAnswerResult Answer(SdpSession offer)
    {
        SdpAnswerResult result;
        lock (_gate)
        {
            _local = _local with { SessionVersion = _local.SessionVersion + 1 };
            result = SdpOfferAnswer.CreateAnswer(offer, _local);
        }
        if (result.Audio is not null)
        {
            Apply(result.Audio);
        }
        return result;
    }

    /// <summary>Reads the answer to our last offer and applies it; false when the answer took no audio.</summary>
    public bool ApplyAnswer(SdpSession answer)
    {
        if (!SdpOfferAnswer.TryReadAnswer(answer, Local, out SdpNegotiatedAudio? audio))
        {
            return false;
        }
        Apply(audio!);
        return true;
    }

    /// <summary>Disposes the endpoint (its ports go back to the allocator).</summary>
    public void Dispose() => Endpoint.Dispose();

    private void Apply(SdpNegotiatedAudio audio)
    {
        Audio = audio;
        Endpoint.Apply(audio);
    }
}
