namespace CallCenter.Telephony.Sdp;

/// <summary>The audio codecs the media engine takes; the values are their static payload types (RFC 3551 §6).</summary>
public enum AudioCodec
{
    /// <summary>G.711 µ-law, payload type 0.</summary>
    Pcmu = 0,

    /// <summary>G.711 A-law, payload type 8.</summary>
    Pcma = 8,
}
