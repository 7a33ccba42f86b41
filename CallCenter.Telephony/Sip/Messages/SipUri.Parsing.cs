namespace CallCenter.Telephony.Sip.Messages;

public sealed partial class SipUri
{
    /// <summary>Validates (and, when <paramref name="target"/> is given, fills) a URI. Allocates nothing without a
    /// target. RFC 3261 §25.1 SIP-URI / SIPS-URI / absoluteURI.</summary>
    internal static bool TryParseCore(ReadOnlySpan<char> s, SipUri? target, out bool hasHeaders)
    {
        hasHeaders = false;
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        var colon = s.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }
        var scheme = s[..colon];
        foreach (var c in scheme)
        {
            if (!(SipGrammar.IsAlphaNum(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }
        var rest = s[(colon + 1)..];
        var isSip = scheme.Equals("sip", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase);
        if (target is not null)
        {
            target.Scheme = scheme.ToString();
            target.IsSip = isSip;
        }
        if (!isSip)
        {
            // absoluteURI: any uric; no white space, quotes or angle brackets (RFC 2396 §3).
            if (rest.IsEmpty)
            {
                return false;
            }
            foreach (var c in rest)
            {
                if (c <= ' ' || c >= 0x7F || c is '<' or '>' or '"')
                {
                    return false;
                }
            }
            if (target is not null)
            {
                target.SchemeSpecificPart = rest.ToString();
            }
            return true;
        }

        // userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userinfo = rest[..at];
            var passwordColon = userinfo.IndexOf(':');
            var user = passwordColon >= 0 ? userinfo[..passwordColon] : userinfo;
            if (user.IsEmpty || !IsValid(user, UserChar))
            {
                return false;
            }
            if (passwordColon >= 0 && !IsValid(userinfo[(passwordColon + 1)..], PasswordChar))
            {
                return false;
            }
            if (target is not null)
            {
                target.RawUser = user.ToString();
                target.Password = passwordColon >= 0 ? userinfo[(passwordColon + 1)..].ToString() : null;
            }
            rest = rest[(at + 1)..];
        }

        var hostEnd = rest.IndexOfAny(';', '?');
        var hostPort = hostEnd >= 0 ? rest[..hostEnd] : rest;
        if (!TryParseHostPort(hostPort, out var host, out var port))
        {
            return false;
        }
        if (target is not null)
        {
            target.Host = host.ToString();
            target.Port = port;
        }
        rest = hostEnd >= 0 ? rest[hostEnd..] : default;

        // uri-parameters = *( ";" pname [ "=" pvalue ] )
        while (!rest.IsEmpty && rest[0] == ';')
        {
            rest = rest[1..];
            var end = rest.IndexOfAny(';', '?');
            var parameter = end >= 0 ? rest[..end] : rest;
            var equals = parameter.IndexOf('=');
            var name = equals >= 0 ? parameter[..equals] : parameter;
            if (name.IsEmpty || !IsValid(name, ParamChar) || equals >= 0 && !IsValid(parameter[(equals + 1)..], ParamChar)
                || equals >= 0 && equals == parameter.Length - 1)
            {
                return false;
            }
            target?.Parameters.Add(name.ToString(), equals >= 0 ? parameter[(equals + 1)..].ToString() : null);
            rest = end >= 0 ? rest[end..] : default;
        }

        // headers = "?" header *( "&" header ); header = hname "=" hvalue
        if (!rest.IsEmpty)
        {
            if (rest[0] != '?' || rest.Length == 1)
            {
                return false;
            }
            var headers = rest[1..];
            foreach (var range in headers.Split('&'))
            {
                var header = headers[range];
                var equals = header.IndexOf('=');
                if (equals <= 0 || !IsValid(header[..equals], HeaderChar) || !IsValid(header[(equals + 1)..], HeaderChar))
                {
                    return false;
                }
            }
            hasHeaders = true;
            if (target is not null)
            {
                target.Headers = headers.ToString();
            }
        }
        return true;
    }

    /// <summary>hostport = host [ ":" port ]; host = hostname / IPv4address / IPv6reference (RFC 3261 §25.1).</summary>
    internal static bool TryParseHostPort(ReadOnlySpan<char> s, out ReadOnlySpan<char> host, out int? port)
    {
        port = null;
        host = default;
        int hostLength;
        if (s.IsEmpty)
        {
            return false;
        }
        if (s[0] == '[')
        {
            var close = s.IndexOf(']');
            if (close < 3)
            {
                return false;
            }
            foreach (var c in s[1..close])
            {
                if (!(char.IsAsciiHexDigit(c) || c is ':' or '.'))
                {
                    return false;
                }
            }
            hostLength = close + 1;
        }
        else
        {
            hostLength = 0;
            while (hostLength < s.Length && (SipGrammar.IsAlphaNum(s[hostLength]) || s[hostLength] is '-' or '.'))
            {
                hostLength++;
            }
            if (hostLength == 0)
            {
                return false;
            }
        }
        host = s[..hostLength];
        var tail = s[hostLength..];
        if (tail.IsEmpty)
        {
            return true;
        }
        if (tail[0] != ':' || !SipGrammar.TryParseDecimal(tail[1..], 65535, out var value, out var outOfRange)
            || outOfRange || tail.Length > 6)
        {
            return false;
        }
        port = (int)value;
        return true;
    }

    private static bool IsValid(ReadOnlySpan<char> s, Func<char, bool> allowed)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%')
            {
                if (!SipGrammar.IsEscape(s, i))
                {
                    return false;
                }
                i += 2;
            }
            else if (!allowed(s[i]))
            {
                return false;
            }
        }
        return true;
    }

    // user-unreserved = "&" / "=" / "+" / "$" / "," / ";" / "?" / "/"
    private static bool UserChar(char c) => SipGrammar.IsUnreserved(c) || c is '&' or '=' or '+' or '$' or ',' or ';'
        or '?' or '/';

    private static bool PasswordChar(char c) => SipGrammar.IsUnreserved(c) || c is '&' or '=' or '+' or '$' or ',';

    // paramchar = param-unreserved / unreserved / escaped; param-unreserved = "[" / "]" / "/" / ":" / "&" / "+" / "$"
    private static bool ParamChar(char c) => SipGrammar.IsUnreserved(c) || c is '[' or ']' or '/' or ':' or '&' or '+'
        or '$';

    // hnv-unreserved = "[" / "]" / "/" / "?" / ":" / "+" / "$"
    private static bool HeaderChar(char c) => SipGrammar.IsUnreserved(c) || c is '[' or ']' or '/' or '?' or ':' or '+'
        or '$';
}
