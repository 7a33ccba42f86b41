namespace CallCenter.Telephony.Sip.Auth;

/// <summary>The algorithm tokens of the Digest scheme (RFC 8760 §2.3, RFC 7616 §3.3).</summary>
public static class DigestAlgorithmNames
{
    public const string Md5 = "MD5";
    public const string Sha256 = "SHA-256";

    /// <summary>The token written in challenges for <paramref name="algorithm"/>.</summary>
    public static string Name(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => Md5,
        DigestAlgorithm.Sha256 => Sha256,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>
    /// Reads an algorithm token; an absent one means MD5 (RFC 2617 §3.2.1). The "-sess" variants are
    /// not offered, so they are not accepted either.
    /// </summary>
    public static bool TryParse(string? token, out DigestAlgorithm algorithm)
    {
        if (string.IsNullOrEmpty(token) || token.Equals(Md5, StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5;
            return true;
        }
        if (token.Equals(Sha256, StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }
        algorithm = default;
        return false;
    }
}
