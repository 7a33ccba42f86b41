namespace CallCenter.Telephony.Sip.Auth;

/// <summary>Digest hash algorithms a SIP registrar offers (RFC 8760 adds SHA-256 to MD5).</summary>
public enum DigestAlgorithm
{
    Md5,
    Sha256,
}
