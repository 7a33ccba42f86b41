namespace CallCenter.Telephony.Sip.Auth;

/// <summary>What a nonce sent back in credentials turned out to be.</summary>
public enum NonceCheck
{
    /// <summary>Issued by this server and within its lifetime.</summary>
    Valid,
    /// <summary>Issued by this server but older than its lifetime: challenge again with stale=true (RFC 2617 §3.2.1).</summary>
    Stale,
    /// <summary>Not one of ours (forged, mangled, or from before a restart).</summary>
    Invalid,
}
