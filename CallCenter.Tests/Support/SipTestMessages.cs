using System.Text;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Support;

/// <summary>SIP messages for tests, from text (LF or CRLF line ends), through the real parser.</summary>
public static class SipTestMessages
{
    public static SipMessage Parse(string text)
    {
        var result = SipMessageParser.Parse(Bytes(text));
        return result.Message ?? throw new InvalidOperationException($"Test message did not parse: {result.Error}\n{text}");
    }

    public static SipRequest Request(string text) => (SipRequest)Parse(text);

    public static SipResponse Response(string text) => (SipResponse)Parse(text);

    /// <summary>The text with CRLF line ends in the header section, as UTF-8.</summary>
    public static byte[] Bytes(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        if (!normalized.Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            normalized += "\r\n";
        }
        return Encoding.UTF8.GetBytes(normalized);
    }

    /// <summary>An OPTIONS from a UA at <paramref name="viaHost"/>:<paramref name="viaPort"/> (rport requested).</summary>
    public static string Options(string branch, string viaHost = "127.0.0.1", int viaPort = 5099, string transport = "UDP", string callId = "opt-1@test", uint cseq = 1, string fromTag = "ft1") =>
        $"""
        OPTIONS sip:server@127.0.0.1 SIP/2.0
        Via: SIP/2.0/{transport} {viaHost}:{viaPort};branch={branch};rport
        Max-Forwards: 70
        From: <sip:alice@test.invalid>;tag={fromTag}
        To: <sip:server@127.0.0.1>
        Call-ID: {callId}
        CSeq: {cseq} OPTIONS
        Content-Length: 0


        """;

    /// <summary>An INVITE with no body.</summary>
    public static string Invite(string branch, string callId = "inv-1@test", uint cseq = 1, string fromTag = "ft1", string? toTag = null, string transport = "UDP") =>
        $"""
        INVITE sip:4000@127.0.0.1 SIP/2.0
        Via: SIP/2.0/{transport} 127.0.0.1:5099;branch={branch}
        Max-Forwards: 70
        From: <sip:alice@test.invalid>;tag={fromTag}
        To: <sip:4000@127.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}
        Call-ID: {callId}
        CSeq: {cseq} INVITE
        Contact: <sip:alice@127.0.0.1:5099>
        Content-Length: 0


        """;

    /// <summary>A request of <paramref name="method"/> sharing the INVITE's branch, Call-ID and CSeq number (CANCEL, ACK).</summary>
    public static string SameTransaction(string method, string branch, string callId = "inv-1@test", uint cseq = 1, string fromTag = "ft1", string? toTag = null) =>
        $"""
        {method} sip:4000@127.0.0.1 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:5099;branch={branch}
        Max-Forwards: 70
        From: <sip:alice@test.invalid>;tag={fromTag}
        To: <sip:4000@127.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}
        Call-ID: {callId}
        CSeq: {cseq} {method}
        Content-Length: 0


        """;
}
