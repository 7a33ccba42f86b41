using CallCenter.Telephony.Sip.Auth;

namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>
/// What the registrar knows of an extension's secret: the digest HA1 values (RFC 3261 §22.4,
/// RFC 8760 §2.2), never the password.
/// </summary>
/// <param name="User">The digest user name (the extension).</param>
/// <param name="Realm">The realm the HA1 values were computed with.</param>
/// <param name="Ha1Md5">H(user:realm:password) with MD5, lower-case hex.</param>
/// <param name="Ha1Sha256">The same with SHA-256.</param>
public sealed record SipCredentials(string User, string Realm, string Ha1Md5, string Ha1Sha256)
{
    /// <summary>The HA1 of <paramref name="algorithm"/>; empty when none is stored for it.</summary>
    public string Ha1(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Sha256 ? Ha1Sha256 : Ha1Md5;
}
