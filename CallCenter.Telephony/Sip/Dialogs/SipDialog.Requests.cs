using System.Globalization;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Dialogs;

public sealed partial class SipDialog
{
    /// <summary>
    /// A request from the peer inside this dialog (RFC 3261 §12.2.2): its CSeq must not be lower than the
    /// last one (else 500; ACK and CANCEL carry the INVITE's number and are not checked); the remote
    /// sequence takes its number; a re-INVITE or UPDATE with a Contact refreshes the remote target
    /// (§12.2.2, RFC 3311 §5.2); a BYE ends the dialog (§15.1.2).
    /// </summary>
    public SipDialogRequestCheck OnRemoteRequest(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State == SipDialogState.Terminated)
        {
            return SipDialogRequestCheck.Terminated;
        }
        var method = request.Method;
        var number = request.CSeq?.Number ?? 0;
        if (method is not (SipMethods.Ack or SipMethods.Cancel))
        {
            if (RemoteSequence is { } last && number < last)
            {
                return SipDialogRequestCheck.OutOfOrder;
            }
            RemoteSequence = number;
        }
        if (method is SipMethods.Invite or SipMethods.Update)
        {
            if (request.Contacts is [{ Uri: { } contact }, ..])
            {
                RemoteTarget = contact;
            }
            ReadSessionTimer(request);
        }
        else if (method == SipMethods.Bye)
        {
            State = SipDialogState.Terminated;
        }
        return SipDialogRequestCheck.Accepted;
    }

    /// <summary>The next local CSeq number (RFC 3261 §12.2.1.1: one higher than the last, starting from our first request's).</summary>
    public uint NextLocalSequence()
    {
        if (LocalSequence == 0)
        {
            // UAS side: no request sent yet; any start below 2^31 is allowed (§8.1.1.5), 1 is conventional.
            LocalSequence = 1;
            return 1;
        }
        return ++LocalSequence;
    }

    /// <summary>
    /// A request inside the dialog (RFC 3261 §12.2.1.1): From = local party, To = remote party, Call-ID,
    /// the next CSeq (ACK and CANCEL take <paramref name="sequence"/> of their INVITE), Request-URI and Route
    /// from the remote target and route set: with a loose first route (lr) Request-URI = remote target and
    /// Route = the route set; with a strict one Request-URI = the first route and Route = the rest plus the
    /// remote target. The caller adds Via (with a new branch) and Contact, then sends it to the first hop.
    /// </summary>
    public SipRequest CreateRequest(string method, uint? sequence = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var number = sequence ?? (method is SipMethods.Ack or SipMethods.Cancel ? LocalSequence : NextLocalSequence());
        SipRequest request;
        if (RouteSet is [var first, ..] && first.Uri is { IsLooseRouter: false } strict)
        {
            request = new SipRequest(method, strict);
            for (var i = 1; i < RouteSet.Count; i++)
            {
                request.Headers.Add(SipHeaderNames.Route, RouteSet[i].ToString());
            }
            request.Headers.Add(SipHeaderNames.Route, new SipNameAddress(RemoteTarget).ToString());
        }
        else
        {
            request = new SipRequest(method, RemoteTarget);
            foreach (var route in RouteSet)
            {
                request.Headers.Add(SipHeaderNames.Route, route.ToString());
            }
        }
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, LocalParty.ToString());
        request.Headers.Add(SipHeaderNames.To, RemoteParty.ToString());
        request.Headers.Add(SipHeaderNames.CallId, Id.CallId);
        request.Headers.Add(SipHeaderNames.CSeq, number.ToString(CultureInfo.InvariantCulture) + " " + method);
        return request;
    }
}
