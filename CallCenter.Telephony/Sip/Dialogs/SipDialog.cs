using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Dialogs;

/// <summary>
/// A dialog (RFC 3261 §12): identity, sequence numbers, parties, remote target and route set, made on
/// either side from the request and the response that created it. Not thread-safe on its own: the
/// owner (call, registrar subscription...) serialises access, or locks on the dialog.
/// </summary>
public sealed partial class SipDialog
{
    private SipDialog(SipDialogId id, bool isUac, SipNameAddress localParty, SipNameAddress remoteParty, SipUri remoteTarget,
        IReadOnlyList<SipNameAddress> routeSet, uint localSequence, uint? remoteSequence, bool secure, SipDialogState state)
    {
        Id = id;
        IsUac = isUac;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        LocalSequence = localSequence;
        RemoteSequence = remoteSequence;
        Secure = secure;
        State = state;
    }

    /// <summary>Call-ID, local tag, remote tag.</summary>
    public SipDialogId Id { get; private set; }

    /// <summary>True when we sent the request that created the dialog.</summary>
    public bool IsUac { get; }

    /// <summary>Our URI with our tag (the From of our requests).</summary>
    public SipNameAddress LocalParty { get; }

    /// <summary>The peer's URI with its tag (the To of our requests).</summary>
    public SipNameAddress RemoteParty { get; private set; }

    /// <summary>Where our requests go: the peer's Contact URI, updated by target refreshes (RFC 3261 §12.2).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The route set, in the order our requests carry it (RFC 3261 §12.1.1, §12.1.2).</summary>
    public IReadOnlyList<SipNameAddress> RouteSet { get; private set; }

    /// <summary>The last CSeq number we used (RFC 3261 §12.2.1.1).</summary>
    public uint LocalSequence { get; private set; }

    /// <summary>The highest CSeq number the peer used; null until it sends a request (UAC side).</summary>
    public uint? RemoteSequence { get; private set; }

    /// <summary>True when the dialog was created over sips (RFC 3261 §12.1.1).</summary>
    public bool Secure { get; }

    /// <summary>Early, Confirmed or Terminated.</summary>
    public SipDialogState State { get; private set; }

    /// <summary>The session interval of RFC 4028 last negotiated (Session-Expires), if any; tolerated, not enforced here.</summary>
    public TimeSpan? SessionExpires { get; private set; }

    /// <summary>Who refreshes the session (RFC 4028 "uac"/"uas"), if said.</summary>
    public string? SessionRefresher { get; private set; }

    /// <summary>
    /// The UAS side (RFC 3261 §12.1.1): from the request and our response with our To tag (1xx or 2xx).
    /// Route set = Record-Route in order; remote target = the request's Contact; remote sequence = the
    /// request's CSeq; local sequence starts empty (0).
    /// </summary>
    public static SipDialog CreateUas(SipRequest request, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var to = response.To ?? throw new ArgumentException("The response has no To.", nameof(response));
        var from = request.From ?? throw new ArgumentException("The request has no From.", nameof(request));
        var id = new SipDialogId(request.CallId ?? "", to.Tag ?? throw new ArgumentException("The response has no To tag.", nameof(response)), from.Tag ?? "");
        var target = request.Contacts is [{ Uri: { } contact }, ..] ? contact : request.RequestUri;
        var dialog = new SipDialog(id, isUac: false, to, from, target, [.. request.RecordRoute], 0, request.CSeq?.Number,
            request.RequestUri.IsSecure, response.StatusCode < 200 ? SipDialogState.Early : SipDialogState.Confirmed);
        dialog.ReadSessionTimer(response);
        return dialog;
    }

    /// <summary>
    /// The UAC side (RFC 3261 §12.1.2): from our request and a 1xx with To tag or a 2xx. Route set =
    /// Record-Route of the response, reversed; remote target = the response's Contact; local sequence =
    /// our request's CSeq; remote sequence empty.
    /// </summary>
    public static SipDialog CreateUac(SipRequest request, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var to = response.To ?? throw new ArgumentException("The response has no To.", nameof(response));
        var from = request.From ?? throw new ArgumentException("The request has no From.", nameof(request));
        var id = new SipDialogId(request.CallId ?? "", from.Tag ?? "", to.Tag ?? throw new ArgumentException("The response has no To tag.", nameof(response)));
        var target = response.Contacts is [{ Uri: { } contact }, ..] ? contact : request.RequestUri;
        var routes = response.RecordRoute.Reverse().ToArray();
        var dialog = new SipDialog(id, isUac: true, from, to, target, routes, request.CSeq?.Number ?? 0, null,
            request.RequestUri.IsSecure, response.StatusCode < 200 ? SipDialogState.Early : SipDialogState.Confirmed);
        dialog.ReadSessionTimer(response);
        return dialog;
    }

    /// <summary>
    /// A response to a request we sent in this dialog. A 2xx to the INVITE confirms an early dialog and
    /// recomputes the route set (RFC 3261 §13.2.2.4); a 2xx to a re-INVITE or UPDATE refreshes the
    /// remote target (§12.2.1.2); a non-2xx final to the INVITE ends an early dialog (§12.3); 481 and
    /// 408 to a request in the dialog end it (§12.2.1.2).
    /// </summary>
    public void OnResponse(SipRequest request, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var code = response.StatusCode;
        var method = request.Method;
        if (code is 481 or 408)
        {
            State = SipDialogState.Terminated;
            return;
        }
        if (code is >= 200 and < 300)
        {
            if (State == SipDialogState.Early && method == SipMethods.Invite && IsUac)
            {
                State = SipDialogState.Confirmed;
                RouteSet = response.RecordRoute.Reverse().ToArray();
            }
            if (method is SipMethods.Invite or SipMethods.Update && response.Contacts is [{ Uri: { } contact }, ..])
            {
                RemoteTarget = contact;
            }
            if (method is SipMethods.Invite or SipMethods.Update)
            {
                ReadSessionTimer(response);
            }
        }
        else if (code >= 300 && State == SipDialogState.Early && method == SipMethods.Invite)
        {
            State = SipDialogState.Terminated;
        }
    }

    /// <summary>Ends the dialog (BYE sent or received).</summary>
    public void Terminate() => State = SipDialogState.Terminated;

    private void ReadSessionTimer(SipMessage message)
    {
        // RFC 4028 §4: "Session-Expires: 1800;refresher=uac". Tolerated: remembered, malformed values ignored.
        if (message.Headers.Get(SipHeaderNames.SessionExpires) is not { } value)
        {
            return;
        }
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        if (uint.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            SessionExpires = TimeSpan.FromSeconds(seconds);
        }
        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith("refresher=", StringComparison.OrdinalIgnoreCase))
            {
                SessionRefresher = part["refresher=".Length..];
            }
        }
    }
}
