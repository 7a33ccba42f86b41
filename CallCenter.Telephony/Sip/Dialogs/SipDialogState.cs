namespace CallCenter.Telephony.Sip.Dialogs;

/// <summary>Dialog states (RFC 3261 §12: early after a 1xx with tag, confirmed after a 2xx).</summary>
public enum SipDialogState
{
    /// <summary>Created by a provisional response with a To tag.</summary>
    Early,

    /// <summary>Created or confirmed by a 2xx.</summary>
    Confirmed,

    /// <summary>Ended (BYE, or a non-2xx final for an early dialog).</summary>
    Terminated,
}
