namespace CallCenter.Telephony.Sip.Messages;

/// <summary>What the parser read from a start line (RFC 3261 §7.1, §7.2); offsets are into the message bytes.</summary>
internal readonly struct SipStartLine
{
    public bool IsRequest { get; init; }

    /// <summary>True when the line is not a status line, so a rejected request may still be answered.</summary>
    public bool LooksLikeRequest { get; init; }

    public string? Method { get; init; }

    public int UriStart { get; init; }

    public int UriLength { get; init; }

    public int StatusCode { get; init; }

    public string? Reason { get; init; }

    public SipParseError Error { get; init; }
}
