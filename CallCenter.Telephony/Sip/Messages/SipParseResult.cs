namespace CallCenter.Telephony.Sip.Messages;

/// <summary>The outcome of parsing one message: the message, or the reason it was rejected and, when enough of a
/// rejected request parsed to route a response, that request so a 400 (505, 513) can be answered.</summary>
public readonly struct SipParseResult
{
    internal SipParseResult(SipMessage? message, SipParseError error, SipRequest? rejectedRequest)
    {
        Message = message;
        Error = error;
        RejectedRequest = rejectedRequest;
    }

    /// <summary>The parsed message; null when <see cref="Error"/> is not <see cref="SipParseError.None"/>.</summary>
    public SipMessage? Message { get; }

    /// <summary>Why the message was rejected, or <see cref="SipParseError.None"/>.</summary>
    public SipParseError Error { get; }

    /// <summary>For a rejected request whose start line, Via, From, To, Call-ID and CSeq parsed: the request as far as
    /// it parsed, enough for <see cref="SipResponse.CreateFor"/>. Null otherwise: the message is dropped
    /// (RFC 4475 §3.1.2: answer 400 where a response can be formed, otherwise drop).</summary>
    public SipRequest? RejectedRequest { get; }

    /// <summary>True when a message was parsed.</summary>
    public bool Success => Error == SipParseError.None && Message is not null;

    /// <summary>True when the message was rejected and a response can be sent (see <see cref="RejectedRequest"/>).</summary>
    public bool CanRespond => RejectedRequest is not null;

    /// <summary>The status code to answer a rejected request with (see <see cref="SipParseErrorExtensions.ToStatusCode"/>).</summary>
    public int StatusCode => Error.ToStatusCode();
}
