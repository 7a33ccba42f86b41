namespace CallCenter.Telephony.Sip.Messages;

/// <summary>Parses one SIP message from a datagram (RFC 3261 §7, §18.3, §25). On UDP Content-Length may be absent (the
/// body is the rest of the datagram); bytes after Content-Length are ignored (RFC 4475 §3.1.1.8 dblreq).</summary>
public static partial class SipMessageParser
{
    /// <summary>Parses a datagram; false with a reason when malformed or over <see cref="SipParserLimits.Default"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out SipMessage? message, out SipParseError error)
    {
        var result = Parse(datagram);
        message = result.Message;
        error = result.Error;
        return result.Success;
    }

    /// <summary>Parses a datagram; on failure the result says why and, when a 400 can be routed, holds the request
    /// as far as it parsed (<see cref="SipParseResult.RejectedRequest"/>).</summary>
    public static SipParseResult Parse(ReadOnlySpan<byte> datagram, SipParserLimits? limits = null) =>
        ParseCore(datagram, limits ?? SipParserLimits.Default, stream: false);
}
