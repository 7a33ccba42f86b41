namespace CallCenter.Telephony.Sip.Messages;

/// <summary>Why a SIP message was rejected by <see cref="SipMessageParser"/> or <see cref="SipStreamFramer"/>.
/// <see cref="SipParseErrorExtensions.ToStatusCode"/> maps each reason to the response code to answer with.</summary>
public enum SipParseError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The input is empty or holds only CRLF keep-alives (RFC 5626 §3.5.1).</summary>
    Empty,

    /// <summary>The request line or status line is malformed (RFC 3261 §7.1, §7.2, §25.1), e.g. extra spaces.</summary>
    StartLine,

    /// <summary>The method is not a token (RFC 3261 §25.1).</summary>
    Method,

    /// <summary>The Request-URI is malformed, e.g. in angle brackets, with white space or with headers (RFC 3261 §19.1.1).</summary>
    RequestUri,

    /// <summary>The SIP version is not SIP/2.0 (answered 505, RFC 3261 §21.5.7).</summary>
    Version,

    /// <summary>The status code is not three digits in 100..699 (RFC 3261 §7.2, §21).</summary>
    StatusCode,

    /// <summary>A header line is not <c>name HCOLON value</c>, or a header section is not terminated (RFC 3261 §7.3).</summary>
    HeaderSyntax,

    /// <summary>A header value that the parser checks (Via, From, To, Contact, Route, Date, Content-Type...) is malformed.</summary>
    HeaderValue,

    /// <summary>A header needed to handle the message at all (Via, CSeq; or From/To/Call-ID for a response) is missing.</summary>
    RequiredHeaderMissing,

    /// <summary>Content-Length is malformed, negative, larger than the bytes received, or missing on a stream (RFC 3261 §18.3, §20.14).</summary>
    ContentLength,

    /// <summary>The CSeq method differs from the request method (RFC 3261 §8.1.1.5).</summary>
    CSeqMethodMismatch,

    /// <summary>A number is out of its range: CSeq ≥ 2^31, Max-Forwards &gt; 255, Expires &gt; 2^32-1 (RFC 3261 §8.1.1.5, §20.19, §20.22).</summary>
    ValueOutOfRange,

    /// <summary>The message exceeds <see cref="SipParserLimits.MaxMessageSize"/> (answered 513, RFC 3261 §21.5.11).</summary>
    TooLarge,

    /// <summary>A header line exceeds <see cref="SipParserLimits.MaxHeaderLineLength"/>.</summary>
    HeaderLineTooLong,

    /// <summary>The message has more than <see cref="SipParserLimits.MaxHeaderCount"/> header values.</summary>
    TooManyHeaders,

    /// <summary>The message has more than <see cref="SipParserLimits.MaxViaCount"/> Via values.</summary>
    TooManyVias,
}
