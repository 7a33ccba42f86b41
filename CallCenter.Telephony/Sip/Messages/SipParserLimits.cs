namespace CallCenter.Telephony.Sip.Messages;

/// <summary>Size limits that bound the work a parser does for one message; exceeding one is an error, never a
/// truncation.</summary>
public sealed class SipParserLimits
{
    /// <summary>The limits used when none are given: 64 KiB message, 8 KiB header line, 100 headers, 70 Vias.</summary>
    public static SipParserLimits Default { get; } = new();

    /// <summary>The largest message (start line, headers and body) in bytes. Default 65,536.</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>The longest header line, folded continuation lines included, in bytes. Default 8,192.</summary>
    public int MaxHeaderLineLength { get; init; } = 8 * 1024;

    /// <summary>The most header values (comma-separated list elements count one each). Default 100.</summary>
    public int MaxHeaderCount { get; init; } = 100;

    /// <summary>The most Via values. Default 70, the usual Max-Forwards.</summary>
    public int MaxViaCount { get; init; } = 70;
}
