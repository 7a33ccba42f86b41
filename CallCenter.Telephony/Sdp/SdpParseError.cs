namespace CallCenter.Telephony.Sdp;

/// <summary>Why a session description did not parse (RFC 4566 §5); maps to a 488 or 400 in the SIP layer.</summary>
public enum SdpParseError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The body is empty.</summary>
    Empty,

    /// <summary>A line is not "&lt;type&gt;=&lt;value&gt;" with a single-letter type (RFC 4566 §5).</summary>
    MalformedLine,

    /// <summary>The first line is not "v=0" (RFC 4566 §5.1).</summary>
    BadVersion,

    /// <summary>The o= line is missing or has not six fields (RFC 4566 §5.2).</summary>
    BadOrigin,

    /// <summary>A c= line is not "IN IP4|IP6 address" (RFC 4566 §5.7).</summary>
    BadConnection,

    /// <summary>An m= line is not "media port proto fmt..." with a valid port (RFC 4566 §5.14).</summary>
    BadMedia,

    /// <summary>A media description has no connection address, neither its own nor the session's (RFC 4566 §5.7).</summary>
    MissingConnection,

    /// <summary>The s= or t= line is missing (RFC 4566 §5).</summary>
    MissingRequiredLine,

    /// <summary>An a=rtpmap or a=rtcp value does not parse (RFC 4566 §6, RFC 3605).</summary>
    BadAttribute,
}
