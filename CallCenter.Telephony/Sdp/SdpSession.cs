using System.Text;

namespace CallCenter.Telephony.Sdp;

/// <summary>A session description (RFC 4566): parsed from a SIP body with <see cref="TryParse(string, out SdpSession?, out SdpParseError)"/>, written with <see cref="ToString"/>.</summary>
public sealed partial class SdpSession
{
    /// <summary>The v= value; always 0 (RFC 4566 §5.1).</summary>
    public int Version { get; set; }

    /// <summary>The o= line.</summary>
    public SdpOrigin Origin { get; set; } = new("-", "0", "0", "IN", "IP4", "0.0.0.0");

    /// <summary>The s= value; "-" when there is nothing to say (RFC 3264 §5).</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>The session-level c= line, or null when every m= has its own.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The t= value; "0 0" for SIP (RFC 3264 §5).</summary>
    public string Timing { get; set; } = "0 0";

    /// <summary>Session-level a= lines (a session-level direction applies to every m= without one, RFC 3264 §5.1).</summary>
    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>Other session-level lines kept as read (b=, i=, u=, e=, p=, r=, z=, k=), as type and value.</summary>
    public List<KeyValuePair<char, string>> OtherLines { get; } = [];

    /// <summary>The m= sections in order.</summary>
    public List<SdpMediaDescription> Media { get; } = [];

    /// <summary>The connection that applies to a media section: its own, else the session's (RFC 4566 §5.7).</summary>
    public SdpConnection? ConnectionOf(SdpMediaDescription media) => media.Connection ?? Connection;

    /// <summary>The direction that applies to a media section: its own attribute, else the session's, else sendrecv (RFC 3264 §5.1).</summary>
    public SdpDirection DirectionOf(SdpMediaDescription media)
    {
        if (media.Direction is { } d)
        {
            return d;
        }
        foreach (SdpAttribute a in Attributes)
        {
            if (a.Value is null && SdpMediaDescription.TryParseDirection(a.Name, out SdpDirection s))
            {
                return s;
            }
        }
        return SdpDirection.SendRecv;
    }

    /// <summary>The description in RFC 4566 §5 order with CRLF line ends.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(256);
        Line(sb, 'v', Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(sb, 'o', Origin.ToString());
        Line(sb, 's', SessionName);
        foreach (KeyValuePair<char, string> other in OtherLines.Where(o => o.Key is 'i' or 'u' or 'e' or 'p'))
        {
            Line(sb, other.Key, other.Value);
        }
        if (Connection is not null)
        {
            Line(sb, 'c', Connection.ToString());
        }
        foreach (KeyValuePair<char, string> other in OtherLines.Where(o => o.Key == 'b'))
        {
            Line(sb, other.Key, other.Value);
        }
        Line(sb, 't', Timing);
        foreach (KeyValuePair<char, string> other in OtherLines.Where(o => o.Key is not ('i' or 'u' or 'e' or 'p' or 'b')))
        {
            Line(sb, other.Key, other.Value);
        }
        foreach (SdpAttribute a in Attributes)
        {
            Line(sb, 'a', a.ToString());
        }
        foreach (SdpMediaDescription m in Media)
        {
            string port = m.PortCount is { } n ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Port}/{n}") : m.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Line(sb, 'm', $"{m.Media} {port} {m.Protocol} {string.Join(' ', m.Formats)}");
            if (m.Connection is not null)
            {
                Line(sb, 'c', m.Connection.ToString());
            }
            foreach (SdpAttribute a in m.Attributes)
            {
                Line(sb, 'a', a.ToString());
            }
        }
        return sb.ToString();
    }

    /// <summary>The description as the bytes of a SIP body (UTF-8, RFC 4566 §5).</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    private static void Line(StringBuilder sb, char type, string value) => sb.Append(type).Append('=').Append(value).Append("\r\n");
}
