using System.Globalization;
using System.Net;
using System.Text;

namespace CallCenter.Telephony.Sdp;

public sealed partial class SdpSession
{
    /// <summary>Parses a SIP body as a session description.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out SdpSession? session, out SdpParseError error) =>
        TryParse(Encoding.UTF8.GetString(body), out session, out error);

    /// <summary>
    /// Parses a session description (RFC 4566 §5). Lenient where phones are sloppy (LF line ends, trailing
    /// spaces, unknown lines kept or skipped), strict where a mistake would send media to the wrong place
    /// (version, origin, connection, m= port).
    /// </summary>
    public static bool TryParse(string text, out SdpSession? session, out SdpParseError error)
    {
        session = null;
        var result = new SdpSession();
        SdpMediaDescription? media = null;
        bool sawVersion = false, sawOrigin = false, sawName = false, sawTiming = false;
        string[] lines = text.Split('\n');
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd('\r', ' ', '\t');
            if (line.Length == 0)
            {
                continue;
            }
            // RFC 4566 §5: "<type>=<value>", type exactly one case-significant character.
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetter(line[0]))
            {
                error = SdpParseError.MalformedLine;
                return false;
            }
            char type = line[0];
            string value = line[2..];
            if (!sawVersion)
            {
                if (type != 'v' || value.Trim() != "0")
                {
                    error = SdpParseError.BadVersion;
                    return false;
                }
                sawVersion = true;
                continue;
            }
            switch (type)
            {
                case 'o':
                    string[] o = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (o.Length != 6)
                    {
                        error = SdpParseError.BadOrigin;
                        return false;
                    }
                    result.Origin = new SdpOrigin(o[0], o[1], o[2], o[3], o[4], o[5]);
                    sawOrigin = true;
                    break;
                case 's':
                    result.SessionName = value;
                    sawName = true;
                    break;
                case 't':
                    result.Timing = value;
                    sawTiming = true;
                    break;
                case 'c':
                    if (!TryParseConnection(value, out SdpConnection? c))
                    {
                        error = SdpParseError.BadConnection;
                        return false;
                    }
                    if (media is null)
                    {
                        result.Connection = c;
                    }
                    else
                    {
                        media.Connection = c;
                    }
                    break;
                case 'm':
                    if (!TryParseMedia(value, out media))
                    {
                        error = SdpParseError.BadMedia;
                        return false;
                    }
                    result.Media.Add(media!);
                    break;
                case 'a':
                    int colon = value.IndexOf(':');
                    var attribute = colon < 0 ? new SdpAttribute(value) : new SdpAttribute(value[..colon], value[(colon + 1)..]);
                    if (attribute.Name.Equals("rtpmap", StringComparison.OrdinalIgnoreCase) && !SdpRtpMap.TryParse(attribute.Value ?? "", out _))
                    {
                        error = SdpParseError.BadAttribute;
                        return false;
                    }
                    (media?.Attributes ?? result.Attributes).Add(attribute);
                    break;
                default:
                    // b=, i=, u=, e=, p=, r=, z=, k=: kept at session level; media-level ones are of no use to us.
                    if (media is null)
                    {
                        result.OtherLines.Add(new KeyValuePair<char, string>(type, value));
                    }
                    break;
            }
        }
        if (!sawVersion)
        {
            error = SdpParseError.Empty;
            return false;
        }
        if (!sawOrigin)
        {
            error = SdpParseError.BadOrigin;
            return false;
        }
        if (!sawName || !sawTiming)
        {
            error = SdpParseError.MissingRequiredLine;
            return false;
        }
        foreach (SdpMediaDescription m in result.Media)
        {
            // RFC 4566 §5.7: a c= at session level or in every m=.
            if (m.Port != 0 && result.ConnectionOf(m) is null)
            {
                error = SdpParseError.MissingConnection;
                return false;
            }
        }
        session = result;
        error = SdpParseError.None;
        return true;
    }

    private static bool TryParseConnection(string value, out SdpConnection? connection)
    {
        connection = null;
        string[] p = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (p.Length != 3 || p[0] != "IN" || (p[1] != "IP4" && p[1] != "IP6"))
        {
            return false;
        }
        int slash = p[2].IndexOf('/');
        string address = slash < 0 ? p[2] : p[2][..slash];
        // A host name is legal in RFC 4566 but we never resolve names on the call path.
        if (!IPAddress.TryParse(address, out IPAddress? ip)
            || (p[1] == "IP4") != (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
        {
            return false;
        }
        connection = new SdpConnection(p[0], p[1], p[2]);
        return true;
    }

    private static bool TryParseMedia(string value, out SdpMediaDescription? media)
    {
        media = null;
        string[] p = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (p.Length < 4)
        {
            return false;
        }
        string portText = p[1];
        int? count = null;
        int slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(portText.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                return false;
            }
            count = n;
            portText = portText[..slash];
        }
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            return false;
        }
        media = new SdpMediaDescription { Media = p[0], Port = port, PortCount = count, Protocol = p[2] };
        media.Formats.AddRange(p.Skip(3));
        return true;
    }
}
