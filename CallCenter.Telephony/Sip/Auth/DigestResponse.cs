using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Telephony.Sip.Auth;

/// <summary>The request-digest of RFC 2617 §3.2.2.1 (RFC 3261 §22.4, RFC 7616 §3.4.1 for SHA-256).</summary>
public static class DigestResponse
{
    /// <summary>
    /// With qop "auth": H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2); without qop (RFC 2069
    /// compatibility): H(HA1 ":" nonce ":" HA2); HA2 = H(method ":" digest-uri). Lower-case hex.
    /// </summary>
    public static string Compute(
        DigestAlgorithm algorithm,
        string ha1,
        string nonce,
        string? nonceCount,
        string? cnonce,
        string? qop,
        string method,
        string digestUri)
    {
        var ha2 = DigestHash.Hex(algorithm, $"{method}:{digestUri}");
        var text = string.IsNullOrEmpty(qop)
            ? $"{ha1}:{nonce}:{ha2}"
            : $"{ha1}:{nonce}:{nonceCount}:{cnonce}:{qop}:{ha2}";
        return DigestHash.Hex(algorithm, text);
    }

    /// <summary>
    /// Compares two hex digests in time that depends only on their length, so that the answer time
    /// tells nothing about how many leading characters were right.
    /// </summary>
    public static bool FixedTimeEquals(string expected, string? actual)
    {
        if (actual is null)
        {
            return false;
        }
        Span<byte> a = stackalloc byte[128];
        Span<byte> b = stackalloc byte[128];
        if (expected.Length > a.Length || actual.Length != expected.Length)
        {
            return false;
        }
        // Case-insensitive hex (RFC 2617 LHEX is lower case, but some clients send upper case).
        var lengthA = Encoding.ASCII.GetBytes(expected.ToLowerInvariant(), a);
        var lengthB = Encoding.ASCII.GetBytes(actual.ToLowerInvariant(), b);
        return CryptographicOperations.FixedTimeEquals(a[..lengthA], b[..lengthB]);
    }
}
