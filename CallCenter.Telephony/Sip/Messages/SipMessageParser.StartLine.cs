using System.Buffers;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

public static partial class SipMessageParser
{
    private static SipStartLine ParseStartLine(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("SIP/"u8))
        {
            return ParseStatusLine(line);
        }
        // Request-Line = Method SP Request-URI SP SIP-Version CRLF: exactly one SP each (lwsstart, trws, lwsruri).
        var firstSpace = line.IndexOf((byte)' ');
        var method = firstSpace > 0 ? line[..firstSpace] : line;
        foreach (var b in method)
        {
            if (!SipGrammar.IsTokenChar((char)b))
            {
                return new SipStartLine { Error = SipParseError.StartLine };
            }
        }
        var methodName = method.IsEmpty ? "UNKNOWN" : SipMethods.Intern(method);
        if (firstSpace <= 0)
        {
            return new SipStartLine { Error = SipParseError.StartLine };
        }
        var rest = line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf((byte)' ');
        if (secondSpace <= 0)
        {
            return Rejected(methodName, SipParseError.StartLine);
        }
        var uri = rest[..secondSpace];
        var version = rest[(secondSpace + 1)..];
        if (version.IndexOfAny((byte)' ', (byte)'\t') >= 0)
        {
            return Rejected(methodName, SipParseError.StartLine);
        }
        var versionError = CheckVersion(version);
        if (versionError != SipParseError.None)
        {
            return Rejected(methodName, versionError);
        }
        if (!IsValidRequestUri(uri))
        {
            return Rejected(methodName, SipParseError.RequestUri);
        }
        return new SipStartLine
        {
            IsRequest = true, LooksLikeRequest = true, Method = methodName, UriStart = firstSpace + 1,
            UriLength = uri.Length,
        };
    }

    private static SipStartLine Rejected(string method, SipParseError error) =>
        new() { IsRequest = true, LooksLikeRequest = true, Method = method, Error = error };

    // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF; the reason may be empty (noreason).
    private static SipStartLine ParseStatusLine(ReadOnlySpan<byte> line)
    {
        var space = line.IndexOf((byte)' ');
        if (space < 0)
        {
            return new SipStartLine { Error = SipParseError.StartLine };
        }
        var versionError = CheckVersion(line[..space]);
        if (versionError != SipParseError.None)
        {
            return new SipStartLine { Error = versionError };
        }
        var rest = line[(space + 1)..];
        var codeEnd = rest.IndexOf((byte)' ');
        var code = codeEnd >= 0 ? rest[..codeEnd] : rest;
        if (code.Length != 3 || !char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1])
            || !char.IsAsciiDigit((char)code[2]) || code[0] < '1' || code[0] > '6')
        {
            return new SipStartLine { Error = SipParseError.StatusCode };
        }
        var statusCode = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
        var reasonBytes = codeEnd >= 0 ? rest[(codeEnd + 1)..] : default;
        var standard = SipReasonPhrases.Get(statusCode);
        var reason = reasonBytes.Length == standard.Length && Ascii.Equals(reasonBytes, standard)
            ? standard
            : Encoding.UTF8.GetString(reasonBytes);
        return new SipStartLine { StatusCode = statusCode, Reason = reason };
    }

    // SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT; only 2.0 is served (505 otherwise, badvers).
    private static SipParseError CheckVersion(ReadOnlySpan<byte> version)
    {
        if (version.Length == 7 && Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8))
        {
            return SipParseError.None;
        }
        if (version.Length < 7 || !Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8))
        {
            return SipParseError.StartLine;
        }
        var dot = version.IndexOf((byte)'.');
        return dot > 4 && dot < version.Length - 1 && version[4..dot].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && version[(dot + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            ? SipParseError.Version
            : SipParseError.StartLine;
    }

    // RFC 3261 §19.1.1 table: a Request-URI carries no headers (escruri) and no angle brackets (ltgtruri).
    private static bool IsValidRequestUri(ReadOnlySpan<byte> uri)
    {
        char[]? rented = null;
        Span<char> scratch = uri.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(uri.Length));
        try
        {
            var chars = Latin1(uri, scratch);
            if (!SipUri.TryParseCore(chars, null, out var hasHeaders))
            {
                return false;
            }
            var isSip = chars.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
                || chars.StartsWith("sips:", StringComparison.OrdinalIgnoreCase);
            return !(isSip && hasHeaders);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
