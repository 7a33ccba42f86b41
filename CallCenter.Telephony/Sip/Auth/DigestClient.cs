using System.Security.Cryptography;
using System.Text;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Auth;

/// <summary>
/// The client side of digest authentication (RFC 3261 §22.2, §22.3; RFC 2617 §3.2.2; RFC 8760): answers a 401
/// (WWW-Authenticate → Authorization) or 407 (Proxy-Authenticate → Proxy-Authorization) with credentials for
/// the request to re-send. Used by trunk registration and outbound INVITEs.
/// </summary>
public static class DigestClient
{
    /// <summary>
    /// The header to add to the re-sent request for the challenge in <paramref name="response"/>: its name and
    /// value. SHA-256 is preferred over MD5 when both are offered (RFC 8760 §2.4). Null when the response is
    /// no 401/407 or carries no challenge we can answer.
    /// </summary>
    public static (string Name, string Value)? Answer(SipResponse response, string method, string digestUri, string username, string password, int nonceCount = 1)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (challengeHeader, answerHeader) = response.StatusCode switch
        {
            401 => (SipHeaderNames.WwwAuthenticate, SipHeaderNames.Authorization),
            407 => (SipHeaderNames.ProxyAuthenticate, SipHeaderNames.ProxyAuthorization),
            _ => (null, null),
        };
        if (challengeHeader is null || answerHeader is null)
        {
            return null;
        }
        DigestChallenge? best = null;
        foreach (var value in response.Headers.GetAll(challengeHeader))
        {
            if (DigestChallenge.TryParse(value, out var challenge) && (best is null || challenge.Algorithm == DigestAlgorithm.Sha256))
            {
                best = challenge;
            }
        }
        return best is null ? null : (answerHeader, Authorize(best, method, digestUri, username, password, nonceCount));
    }

    /// <summary>The credentials value (RFC 3261 §25.1 "digest-response") for <paramref name="challenge"/>.</summary>
    public static string Authorize(DigestChallenge challenge, string method, string digestUri, string username, string password, int nonceCount = 1, string? cnonce = null)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var ha1 = DigestHash.Ha1(challenge.Algorithm, username, challenge.Realm, password);
        var qop = challenge.OffersAuth ? "auth" : null;
        var nc = nonceCount.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        cnonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var response = DigestResponse.Compute(challenge.Algorithm, ha1, challenge.Nonce, qop is null ? null : nc, qop is null ? null : cnonce, qop, method, digestUri);
        var text = new StringBuilder("Digest ");
        text.Append("username=").Append(Quote(username))
            .Append(", realm=").Append(Quote(challenge.Realm))
            .Append(", nonce=").Append(Quote(challenge.Nonce))
            .Append(", uri=").Append(Quote(digestUri))
            .Append(", response=").Append(Quote(response))
            .Append(", algorithm=").Append(DigestAlgorithmNames.Name(challenge.Algorithm));
        if (qop is not null)
        {
            text.Append(", cnonce=").Append(Quote(cnonce)).Append(", qop=auth, nc=").Append(nc);
        }
        if (challenge.Opaque is not null)
        {
            text.Append(", opaque=").Append(Quote(challenge.Opaque));
        }
        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
