using System.Globalization;
using System.Security.Cryptography;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// The few things the transaction and dialog layers read from and make of messages, in one place. The
/// parser has checked Via, From, To, Call-ID and CSeq of every message it hands out (a request missing
/// one is answered 400 by the transport), so their absence here is a programming error.
/// </summary>
internal static class SipMessageFacts
{
    public static string Method(SipRequest request) => request.Method;

    public static int StatusCode(SipResponse response) => response.StatusCode;

    public static SipVia TopVia(SipMessage message) =>
        message.TopVia ?? throw new InvalidOperationException("The message has no Via.");

    public static string? Branch(SipMessage message) => message.TopVia?.Branch;

    public static SipCSeq CSeq(SipMessage message) =>
        message.CSeq ?? throw new InvalidOperationException("The message has no CSeq.");

    public static string CallId(SipMessage message) => message.CallId ?? "";

    public static string? FromTag(SipMessage message) => message.From?.Tag;

    public static string? ToTag(SipMessage message) => message.To?.Tag;

    public static string RequestUri(SipRequest request) => request.RequestUri.ToString();

    /// <summary>A new tag for From/To (RFC 3261 §19.3: at least 32 bits of randomness).</summary>
    public static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>
    /// The response to <paramref name="request"/> (RFC 3261 §8.2.6); a To tag is added to anything but a
    /// 100 when the request has none (§8.2.6.2).
    /// </summary>
    public static SipResponse CreateResponse(SipRequest request, int statusCode, string? toTag = null) =>
        SipResponse.CreateFor(request, statusCode, null, statusCode == 100 ? null : toTag ?? NewTag());

    /// <summary>RFC 3261 §20.5: Allow lists the methods we serve.</summary>
    public static void SetAllow(SipResponse response, IEnumerable<string> methods) =>
        response.Headers.Set(SipHeaderNames.Allow, string.Join(", ", methods));

    /// <summary>
    /// The ACK for a 3xx-6xx made by the INVITE client transaction (RFC 3261 §17.1.1.3): the original
    /// Request-URI, Call-ID, From and CSeq number, the response's To (with its tag), the original's top
    /// Via only, and its Route headers.
    /// </summary>
    public static SipRequest CreateAckForNon2xx(SipRequest invite, SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, invite.RequestUri);
        var headers = ack.Headers;
        headers.Add(SipHeaderNames.Via, invite.Headers.Get(SipHeaderNames.Via)!);
        headers.Add(SipHeaderNames.MaxForwards, "70");
        foreach (var route in invite.Headers.GetAll(SipHeaderNames.Route))
        {
            headers.Add(SipHeaderNames.Route, route);
        }
        headers.Add(SipHeaderNames.From, invite.Headers.Get(SipHeaderNames.From)!);
        headers.Add(SipHeaderNames.To, response.Headers.Get(SipHeaderNames.To)!);
        headers.Add(SipHeaderNames.CallId, invite.Headers.Get(SipHeaderNames.CallId)!);
        headers.Add(SipHeaderNames.CSeq, CSeq(invite).Number.ToString(CultureInfo.InvariantCulture) + " " + SipMethods.Ack);
        return ack;
    }
}
