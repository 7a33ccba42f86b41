using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Uas;

/// <summary>
/// The checks of RFC 3261 §8.2 a UAS makes before looking at what a request asks (RFC 4475 §3.3): the
/// response to send when one fails, null when the request may go on to its method's handler.
/// </summary>
public static class UasRequestValidator
{
    // Headers whose grammar holds one value (RFC 3261 §20): several are a malformed message (RFC 4475 multi01, mcl01).
    private static readonly string[] s_singleValued =
    [
        SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq,
        SipHeaderNames.MaxForwards, SipHeaderNames.ContentLength, SipHeaderNames.ContentType, SipHeaderNames.Expires,
    ];

    /// <summary>The error response <paramref name="request"/> earns, or null when it passes (ACK never gets one).</summary>
    public static SipResponse? Validate(SipRequest request, string toTag)
    {
        ArgumentNullException.ThrowIfNull(request);
        var respond = request.Method != SipMethods.Ack;
        // RFC 3261 §8.1.1: To, From, CSeq, Call-ID, Max-Forwards and Via are mandatory; Max-Forwards is
        // let off for RFC 2543 peers (RFC 4475 §3.4.1). RFC 4475 insuf.
        if (!request.HasRequiredHeaders)
        {
            return respond ? SipResponse.CreateFor(request, 400, "Bad Request (Missing Required Header)", toTag) : null;
        }
        foreach (var name in s_singleValued)
        {
            if (request.Headers.CountOf(name) > 1)
            {
                return respond ? SipResponse.CreateFor(request, 400, $"Bad Request (Multiple {name} Values)", toTag) : null;
            }
        }
        if (!TryReadTypedHeaders(request))
        {
            return respond ? SipResponse.CreateFor(request, 400, "Bad Request (Malformed Header)", toTag) : null;
        }
        if (!respond)
        {
            return null;
        }
        // RFC 3261 §8.2.2.1: a Request-URI scheme we do not understand (RFC 4475 unkscm, novelsc).
        if (!request.RequestUri.IsSip)
        {
            return SipResponse.CreateFor(request, 416, null, toTag);
        }
        // RFC 3261 §8.2.2.3: every Require tag we do not support is listed in Unsupported; never for CANCEL.
        if (request.Method != SipMethods.Cancel && request.Require.Count > 0)
        {
            var response = SipResponse.CreateFor(request, 420, null, toTag);
            response.Headers.Add(SipHeaderNames.Unsupported, string.Join(", ", request.Require));
            return response;
        }
        // RFC 3261 §8.2.3: a body whose type we do not take is answered 415 with what we do take (RFC 4475 invut).
        if (!request.Body.IsEmpty && !SipServerCapabilities.AcceptsBody(request.ContentType))
        {
            var response = SipResponse.CreateFor(request, 415, null, toTag);
            response.Headers.Add(SipHeaderNames.Accept, SipServerCapabilities.Accept);
            return response;
        }
        // RFC 3261 §21.4.7 and §8.2.3: an INVITE whose Accept rules out SDP cannot get an answer it can read (RFC 4475 sdp01).
        if (request.Method == SipMethods.Invite && request.Headers.Contains(SipHeaderNames.Accept)
            && !request.Accept.Any(t => t.Matches("application", "sdp")))
        {
            return SipResponse.CreateFor(request, 406, null, toTag);
        }
        return null;
    }

    // The parser checks most typed headers before handing a message out; this catches the rest (e.g. a Max-Forwards
    // or Expires that is not a number) as a 400 instead of an exception further in.
    private static bool TryReadTypedHeaders(SipRequest request)
    {
        try
        {
            _ = request.MaxForwards;
            _ = request.Expires;
            _ = request.CSeq;
            _ = request.From;
            _ = request.To;
            _ = request.ContentType;
            _ = request.Accept;
            _ = request.Contacts;
            _ = request.RequestUri;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
