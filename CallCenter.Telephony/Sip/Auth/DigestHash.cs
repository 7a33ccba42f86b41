using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Telephony.Sip.Auth;

/// <summary>Digest hashing of RFC 3261 §22.4 / RFC 2617 §3.2.2, with the algorithms of RFC 8760.</summary>
public static class DigestHash
{
    /// <summary>
    /// HA1 = H(username ":" realm ":" password), lower-case hex. This is what we store instead of
    /// a SIP password: it is enough to check a response, and the password cannot be read back.
    /// </summary>
    public static string Ha1(DigestAlgorithm algorithm, string username, string realm, string password) =>
        Hex(algorithm, $"{username}:{realm}:{password}");

    /// <summary>Lower-case hex of the algorithm's hash of the UTF-8 text.</summary>
    public static string Hex(DigestAlgorithm algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = algorithm switch
        {
            DigestAlgorithm.Md5 => MD5.HashData(bytes),
            DigestAlgorithm.Sha256 => SHA256.HashData(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        return Convert.ToHexStringLower(hash);
    }
}
