using System.Globalization;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// The little of an RFC 3261 §12 dialog a simulated phone needs: Call-ID, both tags and addresses, the remote
/// target (the peer's Contact) and our CSeq. Every request is sent to the one server, whatever the target says.
/// </summary>
internal sealed class SimulatedDialog
{
    private uint _localCSeq;

    public SimulatedDialog(string callId, string localAddress, string localTag, string remoteAddress, string? remoteTag, SipUri remoteTarget, uint localCSeq)
    {
        CallId = callId;
        LocalAddress = localAddress;
        LocalTag = localTag;
        RemoteAddress = remoteAddress;
        RemoteTag = remoteTag;
        RemoteTarget = remoteTarget;
        _localCSeq = localCSeq;
    }

    public string CallId { get; }

    /// <summary>Our URI in angle brackets, without tag.</summary>
    public string LocalAddress { get; }

    public string LocalTag { get; }

    /// <summary>The peer's URI in angle brackets, without tag.</summary>
    public string RemoteAddress { get; }

    public string? RemoteTag { get; set; }

    public SipUri RemoteTarget { get; set; }

    /// <summary>The UAS side of a dialog an INVITE creates (RFC 3261 §12.1.1).</summary>
    public static SimulatedDialog ForIncoming(SipRequest invite, string localTag)
    {
        var from = invite.From!;
        var to = invite.To!;
        var target = invite.Contacts.FirstOrDefault()?.Uri ?? from.Uri!;
        return new SimulatedDialog(invite.CallId!, "<" + to.Uri + ">", localTag, "<" + from.Uri + ">", from.Tag, target, 1);
    }

    /// <summary>Learns the remote tag and target from a response that establishes the dialog (RFC 3261 §12.1.2).</summary>
    public void Confirm(SipResponse response)
    {
        RemoteTag = response.To?.Tag ?? RemoteTag;
        if (response.Contacts.FirstOrDefault()?.Uri is { } contact)
        {
            RemoteTarget = contact;
        }
    }

    /// <summary>A request inside the dialog with the next CSeq (RFC 3261 §12.2.1.1).</summary>
    public SipRequest CreateRequest(SimulatedSipEndpoint endpoint, string method) =>
        CreateRequest(endpoint, method, Interlocked.Increment(ref _localCSeq), method);

    /// <summary>The ACK of a 2xx to the INVITE numbered <paramref name="inviteCSeq"/> (RFC 3261 §13.2.2.4: a new branch).</summary>
    public SipRequest CreateAck(SimulatedSipEndpoint endpoint, uint inviteCSeq) => CreateRequest(endpoint, SipMethods.Ack, inviteCSeq, SipMethods.Ack);

    private SipRequest CreateRequest(SimulatedSipEndpoint endpoint, string method, uint cseq, string cseqMethod)
    {
        var request = new SipRequest(method, RemoteTarget);
        request.Headers.Add(SipHeaderNames.Via, endpoint.ViaValue(SimulatedSipEndpoint.NewBranch()));
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, LocalAddress + ";tag=" + LocalTag);
        request.Headers.Add(SipHeaderNames.To, RemoteAddress + (RemoteTag is null ? string.Empty : ";tag=" + RemoteTag));
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, cseq.ToString(CultureInfo.InvariantCulture) + " " + cseqMethod);
        request.Headers.Add(SipHeaderNames.UserAgent, "CallCenter-Simulator");
        return request;
    }
}
