using System.Net;

namespace CallCenter.Telephony.Sdp;

/// <summary>What we put in an offer or answer for one audio stream: our address and port, codecs and direction.</summary>
public sealed record SdpLocalMedia
{
    /// <summary>The address media is received on (the advertised address, as it goes in c= and o=).</summary>
    public required IPAddress Address { get; init; }

    /// <summary>Our RTP port (even; RTCP is the next one, RFC 3550 §11).</summary>
    public required int Port { get; init; }

    /// <summary>The o= session id; stable for the life of the leg.</summary>
    public ulong SessionId { get; init; }

    /// <summary>The o= version; the caller increments it for each new offer (RFC 3264 §8).</summary>
    public ulong SessionVersion { get; init; }

    /// <summary>The o= user name.</summary>
    public string Username { get; init; } = "callcenter";

    /// <summary>Codecs we take, in our preference order (used for our offers).</summary>
    public IReadOnlyList<AudioCodec> Codecs { get; init; } = [AudioCodec.Pcmu, AudioCodec.Pcma];

    /// <summary>The payload type we offer for telephone-event (RFC 4733 §7.1.1); null to offer none.</summary>
    public int? TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>Our direction (used for offers; an answer mirrors the offer, RFC 3264 §6.1).</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>The packetisation time we ask for, in milliseconds.</summary>
    public int Ptime { get; init; } = 20;
}
