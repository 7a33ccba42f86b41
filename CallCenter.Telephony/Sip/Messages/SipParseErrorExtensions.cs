namespace CallCenter.Telephony.Sip.Messages;

/// <summary>Maps a <see cref="SipParseError"/> to the response a server answers with.</summary>
public static class SipParseErrorExtensions
{
    /// <summary>The status code to answer a rejected request with: 505 for a bad version, 513 for a message too
    /// large, 400 otherwise; 0 for <see cref="SipParseError.None"/>.</summary>
    public static int ToStatusCode(this SipParseError error) => error switch
    {
        SipParseError.None => 0,
        SipParseError.Version => 505,
        SipParseError.TooLarge or SipParseError.HeaderLineTooLong or SipParseError.TooManyHeaders
            or SipParseError.TooManyVias => 513,
        _ => 400,
    };

    /// <summary>A reason phrase that names the problem, e.g. "Bad Request (CSeq method mismatch)".</summary>
    public static string ToReasonPhrase(this SipParseError error) => error switch
    {
        SipParseError.None => "OK",
        SipParseError.Version => "Version Not Supported",
        SipParseError.TooLarge or SipParseError.HeaderLineTooLong or SipParseError.TooManyHeaders
            or SipParseError.TooManyVias => "Message Too Large",
        SipParseError.RequiredHeaderMissing => "Bad Request (Missing Header)",
        SipParseError.ContentLength => "Bad Request (Bad Content-Length)",
        SipParseError.CSeqMethodMismatch => "Bad Request (CSeq Method Mismatch)",
        SipParseError.ValueOutOfRange => "Bad Request (Value Out Of Range)",
        SipParseError.RequestUri => "Bad Request (Malformed Request-URI)",
        SipParseError.HeaderValue or SipParseError.HeaderSyntax => "Bad Request (Malformed Header)",
        _ => "Bad Request",
    };

    /// <summary>True when the error loses the message boundary on a stream transport, so the connection must be closed
    /// (RFC 3261 §18.3: Content-Length is how a stream is framed).</summary>
    public static bool IsFramingError(this SipParseError error) => error is SipParseError.ContentLength
        or SipParseError.TooLarge or SipParseError.HeaderLineTooLong or SipParseError.TooManyHeaders
        or SipParseError.HeaderSyntax or SipParseError.StartLine or SipParseError.Empty;
}
