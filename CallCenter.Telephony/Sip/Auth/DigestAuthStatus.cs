namespace CallCenter.Telephony.Sip.Auth;

/// <summary>The verdict on a request's Digest credentials.</summary>
public enum DigestAuthStatus
{
    /// <summary>Right credentials with a fresh nonce and a new nonce-count.</summary>
    Authenticated,
    /// <summary>No usable credentials (none, another scheme, another realm, a nonce not ours, or stale): challenge, not a failure.</summary>
    Challenge,
    /// <summary>Credentials that do not prove the password (wrong, unknown user, replayed): challenge again and count it.</summary>
    Failed,
}
