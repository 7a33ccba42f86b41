namespace CallCenter.Telephony.Sip.Auth;

/// <summary>
/// One Digest challenge of a WWW-Authenticate or Proxy-Authenticate header (RFC 3261 §22.1, RFC 2617 §3.2.1,
/// RFC 7616 §3.3). Values are unquoted; missing ones are null.
/// </summary>
public sealed record DigestChallenge
{
    public required string Realm { get; init; }
    public required string Nonce { get; init; }
    public required DigestAlgorithm Algorithm { get; init; }
    public string? Opaque { get; init; }
    /// <summary>The qop options offered (comma-separated), or null for an RFC 2069 challenge.</summary>
    public string? Qop { get; init; }
    public bool Stale { get; init; }

    /// <summary>True when the challenge offers qop "auth" (the only one a SIP client answers).</summary>
    public bool OffersAuth => Qop is not null
        && Qop.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains("auth", StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a challenge value; false for other schemes, missing realm or nonce, or an algorithm we do not compute.</summary>
    public static bool TryParse(string? headerValue, out DigestChallenge challenge)
    {
        challenge = null!;
        if (!AuthParameterList.TryParseDigest(headerValue, out var parameters)
            || !parameters.TryGetValue("realm", out var realm)
            || !parameters.TryGetValue("nonce", out var nonce)
            || !DigestAlgorithmNames.TryParse(parameters.GetValueOrDefault("algorithm"), out var algorithm))
        {
            return false;
        }
        challenge = new DigestChallenge
        {
            Realm = realm,
            Nonce = nonce,
            Algorithm = algorithm,
            Opaque = parameters.GetValueOrDefault("opaque"),
            Qop = parameters.GetValueOrDefault("qop"),
            Stale = string.Equals(parameters.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase),
        };
        return true;
    }
}
