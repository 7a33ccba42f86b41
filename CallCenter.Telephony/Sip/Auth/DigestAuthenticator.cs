using System.Security.Cryptography;

using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Security;

using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Auth;

/// <summary>
/// Digest authentication of requests by a UAS (RFC 3261 §22.4, RFC 2617 §3.2, RFC 8760): checks the
/// Authorization headers against the stored HA1 of the algorithm the client used, and builds the
/// challenges. An unknown user goes through the same steps as a known one with a wrong password (a
/// hash with a throw-away HA1), so neither the answer nor its time tells whether the user exists.
/// </summary>
public sealed class DigestAuthenticator
{
    private readonly NonceService _nonces;
    private readonly ISipCredentialStore _credentials;
    private readonly IOptionsMonitor<SipOptions> _sipOptions;
    private readonly IOptionsMonitor<SipSecurityOptions> _securityOptions;
    private readonly string _decoyHa1Md5 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly string _decoyHa1Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public DigestAuthenticator(
        NonceService nonces,
        ISipCredentialStore credentials,
        IOptionsMonitor<SipOptions> sipOptions,
        IOptionsMonitor<SipSecurityOptions> securityOptions)
    {
        _nonces = nonces;
        _credentials = credentials;
        _sipOptions = sipOptions;
        _securityOptions = securityOptions;
    }

    /// <summary>The realm of this server's challenges.</summary>
    public string Realm => _sipOptions.CurrentValue.Realm;

    /// <summary>
    /// Judges <paramref name="authorizationValues"/> (every Authorization header of the request) for a
    /// request of <paramref name="method"/> to <paramref name="requestUri"/>.
    /// </summary>
    public async ValueTask<DigestAuthResult> AuthenticateAsync(
        string method,
        string requestUri,
        IReadOnlyList<string> authorizationValues,
        CancellationToken cancellationToken)
    {
        var realm = Realm;
        // RFC 3261 §22.4 / RFC 4475 regaut01: credentials of a scheme or realm we do not serve are ignored.
        DigestCredentials? credentials = null;
        foreach (var value in authorizationValues)
        {
            if (DigestCredentials.TryParse(value, out var parsed) && string.Equals(parsed.Realm, realm, StringComparison.Ordinal))
            {
                credentials = parsed;
                break;
            }
        }
        if (credentials is null)
        {
            return Challenge(null, stale: false);
        }
        var nonceCheck = _nonces.Check(credentials.Nonce);
        if (nonceCheck == NonceCheck.Invalid || !DigestAlgorithmNames.TryParse(credentials.Algorithm, out var algorithm)
            || !Offers(algorithm))
        {
            // Not a nonce of ours (e.g. issued before a restart) or an algorithm never offered: nothing
            // was tried against a password, so this is a plain challenge.
            return Challenge(credentials.Username, stale: false);
        }
        if (!string.Equals(credentials.Qop, "auth", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(credentials.Cnonce) || credentials.NonceCount is null || credentials.Response is null)
        {
            // We always offer qop="auth"; RFC 2617 §3.2.2 makes the client use it then.
            return Failed(credentials.Username, "digest without qop=auth, cnonce and nc");
        }
        if (!string.Equals(credentials.Opaque, _nonces.Opaque, StringComparison.Ordinal))
        {
            return Failed(credentials.Username, "opaque does not match");
        }
        if (!string.Equals(credentials.Uri, requestUri, StringComparison.OrdinalIgnoreCase))
        {
            // RFC 2617 §3.2.2.5: the digest-uri must name the Request-URI.
            return Failed(credentials.Username, "digest-uri differs from the Request-URI");
        }

        var stored = await _credentials.FindAsync(credentials.Username, realm, cancellationToken).ConfigureAwait(false);
        var ha1 = stored?.Ha1(algorithm);
        if (string.IsNullOrEmpty(ha1))
        {
            ha1 = algorithm == DigestAlgorithm.Sha256 ? _decoyHa1Sha256 : _decoyHa1Md5;
        }
        var expected = DigestResponse.Compute(
            algorithm, ha1, credentials.Nonce!, credentials.NonceCount, credentials.Cnonce, credentials.Qop, method, credentials.Uri!);
        var matches = DigestResponse.FixedTimeEquals(expected, credentials.Response);
        if (!matches || stored is null)
        {
            // The same reason for both: the log and the audit must not become a user directory either.
            return Failed(credentials.Username, "wrong credentials");
        }
        if (nonceCheck == NonceCheck.Stale)
        {
            // RFC 2617 §3.2.1: the password was right, only the nonce is old.
            return Challenge(credentials.Username, stale: true);
        }
        if (!_nonces.TryUseNonceCount(credentials.Nonce!, credentials.NonceCount))
        {
            return Failed(credentials.Username, "nonce-count replayed");
        }
        return new DigestAuthResult(DigestAuthStatus.Authenticated, credentials.Username, null, []);
    }

    /// <summary>A fresh challenge (for requests that carried no credentials at all).</summary>
    public DigestAuthResult Challenge(string? user, bool stale) =>
        new(DigestAuthStatus.Challenge, user, null, BuildChallenges(stale));

    private DigestAuthResult Failed(string user, string reason) =>
        new(DigestAuthStatus.Failed, user, reason, BuildChallenges(stale: false));

    private bool Offers(DigestAlgorithm algorithm)
    {
        foreach (var offered in OfferedAlgorithms())
        {
            if (offered == algorithm)
            {
                return true;
            }
        }
        return false;
    }

    private List<DigestAlgorithm> OfferedAlgorithms()
    {
        var offered = new List<DigestAlgorithm>(2);
        foreach (var name in _securityOptions.CurrentValue.ChallengeAlgorithms.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (DigestAlgorithmNames.TryParse(name, out var algorithm) && !offered.Contains(algorithm))
            {
                offered.Add(algorithm);
            }
        }
        return offered;
    }

    // RFC 8760 §2.4: one challenge per algorithm, most preferred first, here sharing one nonce (as in
    // the RFC 7616 §3.9.2 example).
    private string[] BuildChallenges(bool stale)
    {
        var nonce = _nonces.Create();
        var realm = Realm;
        var algorithms = OfferedAlgorithms();
        var challenges = new string[algorithms.Count];
        for (var i = 0; i < algorithms.Count; i++)
        {
            var algorithm = algorithms[i];
            challenges[i] = $"Digest realm=\"{realm}\", nonce=\"{nonce}\", opaque=\"{_nonces.Opaque}\", "
                + $"algorithm={DigestAlgorithmNames.Name(algorithm)}, qop=\"auth\"" + (stale ? ", stale=true" : "");
        }
        return challenges;
    }
}
