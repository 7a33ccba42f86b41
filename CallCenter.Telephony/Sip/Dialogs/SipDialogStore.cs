namespace CallCenter.Telephony.Sip.Dialogs;

/// <summary>The dialogs of this UA by (Call-ID, local tag, remote tag) (RFC 3261 §12).</summary>
public sealed class SipDialogStore
{
}
