using System.Globalization;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>The matching keys of RFC 3261 §17.1.3 (client), §17.2.3 (server) and §8.2.2.2 (merged requests).</summary>
internal static class SipTransactionKeys
{
    /// <summary>
    /// Server key. With the magic cookie: branch, sent-by and method (ACK and CANCEL-matching use INVITE).
    /// Without it, RFC 2543 style (§17.2.3): Request-URI, From tag, Call-ID, CSeq number and the top Via;
    /// the To tag is left out so that the ACK (which carries our tag) matches its INVITE.
    /// </summary>
    public static string Server(SipRequest request, string? methodOverride = null)
    {
        var method = methodOverride ?? SipMessageFacts.Method(request);
        if (method == SipMethods.Ack)
        {
            method = SipMethods.Invite;
        }
        var via = SipMessageFacts.TopVia(request);
        var port = (via.Port ?? 5060).ToString(CultureInfo.InvariantCulture);
        if (via.HasRfc3261Branch)
        {
            return string.Concat(via.Branch, "|", via.Host.ToLowerInvariant(), ":", port, "|", method);
        }
        var cseq = SipMessageFacts.CSeq(request);
        return string.Join('|',
            "2543",
            SipMessageFacts.RequestUri(request),
            SipMessageFacts.FromTag(request) ?? "",
            SipMessageFacts.CallId(request),
            cseq.Number.ToString(CultureInfo.InvariantCulture),
            via.Transport, via.Host.ToLowerInvariant(), port, via.Branch ?? "",
            method);
    }

    /// <summary>Client key (RFC 3261 §17.1.3): top Via branch and CSeq method; null without an RFC 3261 branch.</summary>
    public static string? Client(SipMessage message)
    {
        var via = SipMessageFacts.TopVia(message);
        return via.HasRfc3261Branch ? via.Branch + "|" + SipMessageFacts.CSeq(message).Method : null;
    }

    /// <summary>RFC 3261 §8.2.2.2: From tag, Call-ID and CSeq of a request without To tag; null when it has one (or is ACK/CANCEL).</summary>
    public static string? Merge(SipRequest request)
    {
        var method = SipMessageFacts.Method(request);
        if (SipMessageFacts.ToTag(request) is not null || method is SipMethods.Ack or SipMethods.Cancel)
        {
            return null;
        }
        var cseq = SipMessageFacts.CSeq(request);
        return string.Join('|', SipMessageFacts.FromTag(request) ?? "", SipMessageFacts.CallId(request),
            cseq.Number.ToString(CultureInfo.InvariantCulture), cseq.Method);
    }

    /// <summary>Call-ID, CSeq number and From tag: what an ACK for a 2xx shares with its INVITE (RFC 3261 §13.2.2.4).</summary>
    public static string Dialog2xx(SipRequest request) =>
        string.Join('|', SipMessageFacts.CallId(request),
            SipMessageFacts.CSeq(request).Number.ToString(CultureInfo.InvariantCulture), SipMessageFacts.FromTag(request) ?? "");
}
