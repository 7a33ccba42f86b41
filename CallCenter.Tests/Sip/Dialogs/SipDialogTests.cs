using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Dialogs;

public sealed class SipDialogTests
{
    private const string Invite = """
        INVITE sip:bob@192.0.2.20 SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKdlg1
        Max-Forwards: 70
        Record-Route: <sip:p2.example.com;lr>
        Record-Route: <sip:p1.example.com;lr>
        From: <sip:alice@example.com>;tag=alice1
        To: <sip:bob@example.com>
        Call-ID: dlg-1@example.com
        CSeq: 10 INVITE
        Contact: <sip:alice@192.0.2.10:5060>
        Content-Length: 0


        """;

    [Fact]
    public void UacDialogTakesTheReversedRecordRouteAndTheResponsesContact()
    {
        var dialog = SipDialog.CreateUac(SipTestMessages.Request(Invite), Response(200));
        // RFC 3261 §12.1.2: route set = Record-Route of the response, reversed; remote target = its Contact.
        Assert.Equal(new SipDialogId("dlg-1@example.com", "alice1", "bob1"), dialog.Id);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], dialog.RouteSet.Select(r => r.ToString()));
        Assert.Equal("sip:bob@192.0.2.20:5070", dialog.RemoteTarget.ToString());
        Assert.Equal(10u, dialog.LocalSequence);
        Assert.Null(dialog.RemoteSequence);
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.True(dialog.IsUac);
    }

    [Fact]
    public void UasDialogKeepsTheRecordRouteOrderAndTheRequestsContact()
    {
        var dialog = SipDialog.CreateUas(SipTestMessages.Request(Invite), Response(180));
        // RFC 3261 §12.1.1: route set = Record-Route in order; remote target = the request's Contact; remote CSeq = the request's.
        Assert.Equal(new SipDialogId("dlg-1@example.com", "bob1", "alice1"), dialog.Id);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], dialog.RouteSet.Select(r => r.ToString()));
        Assert.Equal("sip:alice@192.0.2.10:5060", dialog.RemoteTarget.ToString());
        Assert.Equal(10u, dialog.RemoteSequence);
        Assert.Equal(SipDialogState.Early, dialog.State);
    }

    [Fact]
    public void EarlyUacDialogIsConfirmedBy2xxWhichRecomputesTheRouteSet()
    {
        var invite = SipTestMessages.Request(Invite);
        var dialog = SipDialog.CreateUac(invite, Response(180));
        Assert.Equal(SipDialogState.Early, dialog.State);
        var ok = Response(200).ToString().Replace("Record-Route: <sip:p1.example.com;lr>\r\n", "", StringComparison.Ordinal);
        dialog.OnResponse(invite, SipTestMessages.Response(ok));
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal(["<sip:p2.example.com;lr>"], dialog.RouteSet.Select(r => r.ToString()));
    }

    [Fact]
    public void NonSuccessFinalEndsAnEarlyDialog()
    {
        var invite = SipTestMessages.Request(Invite);
        var dialog = SipDialog.CreateUac(invite, Response(183));
        dialog.OnResponse(invite, Response(486));
        Assert.Equal(SipDialogState.Terminated, dialog.State);
    }

    [Fact]
    public void RequestsInTheDialogIncrementCSeqAndFollowTheRouteSet()
    {
        var dialog = SipDialog.CreateUac(SipTestMessages.Request(Invite), Response(200));
        var bye = dialog.CreateRequest(SipMethods.Bye);
        // RFC 3261 §12.2.1.1: loose routing: Request-URI = remote target, Route = route set; CSeq one higher.
        Assert.Equal("sip:bob@192.0.2.20:5070", bye.RequestUri.ToString());
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], bye.Route.Select(r => r.ToString()));
        Assert.Equal(new SipCSeq(11, SipMethods.Bye), bye.CSeq);
        Assert.Equal("alice1", bye.From!.Tag);
        Assert.Equal("bob1", bye.To!.Tag);
        Assert.Equal("dlg-1@example.com", bye.CallId);
        Assert.Equal(new SipCSeq(12, SipMethods.Info), dialog.CreateRequest(SipMethods.Info).CSeq);
        // ACK and CANCEL keep the INVITE's number.
        Assert.Equal(new SipCSeq(12, SipMethods.Ack), dialog.CreateRequest(SipMethods.Ack).CSeq);
    }

    [Fact]
    public void StrictFirstRouteBecomesTheRequestUri()
    {
        var strict = Invite.Replace("<sip:p1.example.com;lr>", "<sip:p1.example.com>", StringComparison.Ordinal);
        var ok = Response(200).ToString().Replace("<sip:p1.example.com;lr>", "<sip:p1.example.com>", StringComparison.Ordinal);
        var dialog = SipDialog.CreateUac(SipTestMessages.Request(strict), SipTestMessages.Response(ok));
        var bye = dialog.CreateRequest(SipMethods.Bye);
        // RFC 3261 §12.2.1.1: strict router: Request-URI = first route; Route = the rest, then the remote target.
        Assert.Equal("sip:p1.example.com", bye.RequestUri.ToString());
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:bob@192.0.2.20:5070>"], bye.Route.Select(r => r.ToString()));
    }

    [Fact]
    public void LowerRemoteCSeqIsOutOfOrder()
    {
        var dialog = SipDialog.CreateUas(SipTestMessages.Request(Invite), Response(200));
        Assert.Equal(SipDialogRequestCheck.Accepted, dialog.OnRemoteRequest(InDialog(SipMethods.Info, 11)));
        // RFC 3261 §12.2.2: lower than the last one → 500.
        Assert.Equal(SipDialogRequestCheck.OutOfOrder, dialog.OnRemoteRequest(InDialog(SipMethods.Info, 9)));
        Assert.Equal(11u, dialog.RemoteSequence);
        // The ACK carries the INVITE's number and is not checked.
        Assert.Equal(SipDialogRequestCheck.Accepted, dialog.OnRemoteRequest(InDialog(SipMethods.Ack, 10)));
        Assert.Equal(SipDialogRequestCheck.Accepted, dialog.OnRemoteRequest(InDialog(SipMethods.Info, 20)));
        Assert.Equal(20u, dialog.RemoteSequence);
    }

    [Theory]
    [InlineData(SipMethods.Invite)]
    [InlineData(SipMethods.Update)]
    public void ReInviteAndUpdateRefreshTheRemoteTarget(string method)
    {
        var dialog = SipDialog.CreateUas(SipTestMessages.Request(Invite), Response(200));
        var refresh = InDialog(method, 11, "Contact: <sip:alice@198.51.100.7:5062>\nSession-Expires: 1800;refresher=uac\n");
        Assert.Equal(SipDialogRequestCheck.Accepted, dialog.OnRemoteRequest(refresh));
        Assert.Equal("sip:alice@198.51.100.7:5062", dialog.RemoteTarget.ToString());
        // RFC 4028 session refresh is tolerated and remembered.
        Assert.Equal(TimeSpan.FromSeconds(1800), dialog.SessionExpires);
        Assert.Equal("uac", dialog.SessionRefresher);
    }

    [Fact]
    public void InfoDoesNotRefreshTheTarget()
    {
        var dialog = SipDialog.CreateUas(SipTestMessages.Request(Invite), Response(200));
        dialog.OnRemoteRequest(InDialog(SipMethods.Info, 11, "Contact: <sip:alice@198.51.100.7:5062>\n"));
        Assert.Equal("sip:alice@192.0.2.10:5060", dialog.RemoteTarget.ToString());
    }

    [Fact]
    public void TargetRefreshResponseUpdatesTheUacRemoteTarget()
    {
        var dialog = SipDialog.CreateUac(SipTestMessages.Request(Invite), Response(200));
        var reinvite = dialog.CreateRequest(SipMethods.Invite);
        var ok = Response(200, cseq: "11 INVITE").ToString().Replace("sip:bob@192.0.2.20:5070", "sip:bob@192.0.2.99:5080", StringComparison.Ordinal);
        dialog.OnResponse(reinvite, SipTestMessages.Response(ok));
        Assert.Equal("sip:bob@192.0.2.99:5080", dialog.RemoteTarget.ToString());
    }

    [Fact]
    public void ByeEndsTheDialogAndLaterRequestsAreRefused()
    {
        var dialog = SipDialog.CreateUas(SipTestMessages.Request(Invite), Response(200));
        Assert.Equal(SipDialogRequestCheck.Accepted, dialog.OnRemoteRequest(InDialog(SipMethods.Bye, 11)));
        Assert.Equal(SipDialogState.Terminated, dialog.State);
        Assert.Equal(SipDialogRequestCheck.Terminated, dialog.OnRemoteRequest(InDialog(SipMethods.Info, 12)));
    }

    [Fact]
    public void StoreFindsDialogsByRequestAndByResponse()
    {
        var store = new SipDialogStore();
        var uas = SipDialog.CreateUas(SipTestMessages.Request(Invite), Response(200));
        Assert.True(store.TryAdd(uas));
        Assert.False(store.TryAdd(uas));
        // A request from the peer: To tag is ours, From tag is theirs.
        Assert.Same(uas, store.FindForRequest(InDialog(SipMethods.Bye, 11)));
        var stranger = InDialog(SipMethods.Bye, 11).ToString().Replace("tag=alice1", "tag=other", StringComparison.Ordinal);
        Assert.Null(store.FindForRequest(SipTestMessages.Request(stranger)));

        var uac = SipDialog.CreateUac(SipTestMessages.Request(Invite.Replace("dlg-1@", "dlg-2@", StringComparison.Ordinal)),
            SipTestMessages.Response(Response(200).ToString().Replace("dlg-1@", "dlg-2@", StringComparison.Ordinal)));
        store.TryAdd(uac);
        Assert.Same(uac, store.FindForResponse(SipTestMessages.Response(Response(200).ToString().Replace("dlg-1@", "dlg-2@", StringComparison.Ordinal))));
        Assert.True(store.Remove(uas));
        Assert.Equal(1, store.Count);
    }

    private static SipResponse Response(int code, string cseq = "10 INVITE") => SipTestMessages.Response($"""
        SIP/2.0 {code} Whatever
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKdlg1
        Record-Route: <sip:p2.example.com;lr>
        Record-Route: <sip:p1.example.com;lr>
        From: <sip:alice@example.com>;tag=alice1
        To: <sip:bob@example.com>;tag=bob1
        Call-ID: dlg-1@example.com
        CSeq: {cseq}
        Contact: <sip:bob@192.0.2.20:5070>
        Content-Length: 0


        """);

    // A request from alice (the UAC) to bob inside the dialog, as the UAS sees it.
    private static SipRequest InDialog(string method, uint cseq, string extra = "") => SipTestMessages.Request($"""
        {method} sip:bob@192.0.2.20:5070 SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKin{cseq}{method}
        Max-Forwards: 70
        From: <sip:alice@example.com>;tag=alice1
        To: <sip:bob@example.com>;tag=bob1
        Call-ID: dlg-1@example.com
        CSeq: {cseq} {method}
        {extra}Content-Length: 0


        """);
}
