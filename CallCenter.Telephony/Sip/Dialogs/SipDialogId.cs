namespace CallCenter.Telephony.Sip.Dialogs;

/// <summary>A dialog's identity (RFC 3261 §12): Call-ID, local tag and remote tag.</summary>
/// <param name="CallId">The Call-ID.</param>
/// <param name="LocalTag">Our tag: From tag on the UAC side, To tag on the UAS side.</param>
/// <param name="RemoteTag">The peer's tag.</param>
public sealed record SipDialogId(string CallId, string LocalTag, string RemoteTag);
