using System.Globalization;

namespace CallCenter.Telephony.Sdp;

/// <summary>An m= section (RFC 4566 §5.14) with its own c= and a= lines.</summary>
public sealed class SdpMediaDescription
{
    /// <summary>The media type: "audio", "video", "application"...</summary>
    public string Media { get; set; } = "audio";

    /// <summary>The transport port; 0 rejects or disables the stream (RFC 3264 §6, §8.2).</summary>
    public int Port { get; set; }

    /// <summary>The "/&lt;number of ports&gt;" suffix when present.</summary>
    public int? PortCount { get; set; }

    /// <summary>The transport protocol, e.g. "RTP/AVP".</summary>
    public string Protocol { get; set; } = "RTP/AVP";

    /// <summary>The format list: RTP payload type numbers for RTP/AVP, in preference order (RFC 3264 §5.1).</summary>
    public List<string> Formats { get; } = [];

    /// <summary>The media-level c= line, or null to use the session's.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The a= lines in order.</summary>
    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>The direction attribute (RFC 3264 §5.1), sendrecv when absent.</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (SdpAttribute a in Attributes)
            {
                if (a.Value is null && TryParseDirection(a.Name, out SdpDirection d))
                {
                    return d;
                }
            }
            return null;
        }
        set
        {
            Attributes.RemoveAll(a => a.Value is null && TryParseDirection(a.Name, out _));
            if (value is { } d)
            {
                Attributes.Add(new SdpAttribute(d.ToAttributeName()));
            }
        }
    }

    /// <summary>The a=rtpmap values that parse.</summary>
    public IEnumerable<SdpRtpMap> RtpMaps
    {
        get
        {
            foreach (SdpAttribute a in Attributes)
            {
                if (a.Name.Equals("rtpmap", StringComparison.OrdinalIgnoreCase) && a.Value is not null && SdpRtpMap.TryParse(a.Value, out SdpRtpMap? map))
                {
                    yield return map!;
                }
            }
        }
    }

    /// <summary>The a=ptime value in milliseconds, if any.</summary>
    public int? Ptime => int.TryParse(GetAttribute("ptime"), NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : null;

    /// <summary>The RTCP port of an a=rtcp attribute (RFC 3605), if any.</summary>
    public int? RtcpPort
    {
        get
        {
            string? v = GetAttribute("rtcp");
            if (v is null)
            {
                return null;
            }
            int space = v.IndexOf(' ');
            return int.TryParse(space < 0 ? v : v[..space], NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : null;
        }
    }

    /// <summary>The value of the first attribute with that name, or null.</summary>
    public string? GetAttribute(string name) =>
        Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>The a=fmtp value for a payload type (without the payload type), or null.</summary>
    public string? GetFmtp(int payloadType)
    {
        string prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (SdpAttribute a in Attributes)
        {
            if (a.Name.Equals("fmtp", StringComparison.OrdinalIgnoreCase) && a.Value is not null && a.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return a.Value[prefix.Length..].Trim();
            }
        }
        return null;
    }

    /// <summary>The rtpmap of a payload type, or the static RFC 3551 §6 mapping for 0 (PCMU) and 8 (PCMA) without one.</summary>
    public SdpRtpMap? GetRtpMap(int payloadType)
    {
        foreach (SdpRtpMap map in RtpMaps)
        {
            if (map.PayloadType == payloadType)
            {
                return map;
            }
        }
        return payloadType switch
        {
            0 => new SdpRtpMap(0, "PCMU", 8000),
            8 => new SdpRtpMap(8, "PCMA", 8000),
            _ => null,
        };
    }

    internal static bool TryParseDirection(string name, out SdpDirection direction)
    {
        switch (name.ToLowerInvariant())
        {
            case "sendrecv": direction = SdpDirection.SendRecv; return true;
            case "sendonly": direction = SdpDirection.SendOnly; return true;
            case "recvonly": direction = SdpDirection.RecvOnly; return true;
            case "inactive": direction = SdpDirection.Inactive; return true;
            default: direction = default; return false;
        }
    }
}
