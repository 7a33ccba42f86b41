namespace CallCenter.Telephony.Sip.Dialogs;

/// <summary>What <see cref="SipDialog.OnRemoteRequest"/> decided about a request inside the dialog.</summary>
public enum SipDialogRequestCheck
{
    /// <summary>In order; the dialog state was updated.</summary>
    Accepted,

    /// <summary>CSeq lower than the last one: answer 500 (RFC 3261 §12.2.2).</summary>
    OutOfOrder,

    /// <summary>The dialog has ended: answer 481 (RFC 3261 §12.2.2).</summary>
    Terminated,
}
