namespace CallCenter.Telephony.Sip.Security;

/// <summary>What happened, as written to the audit log ("sip.auth-failed", "sip.banned", "sip.scanner").</summary>
public enum SecurityEventKind
{
    AuthFailed,
    Banned,
    Scanner,
}
