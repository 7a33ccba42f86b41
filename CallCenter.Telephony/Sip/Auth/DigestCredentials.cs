namespace CallCenter.Telephony.Sip.Auth;

/// <summary>
/// The parameters of one Authorization header with the Digest scheme (RFC 3261 §22.4 / RFC 2617 §3.2.2,
/// RFC 7616 §3.4). Values are unquoted; missing ones are null.
/// </summary>
public sealed record DigestCredentials
{
    public required string Username { get; init; }
    public string? Realm { get; init; }
    public string? Nonce { get; init; }
    public string? Uri { get; init; }
    public string? Response { get; init; }
    public string? Algorithm { get; init; }
    public string? Cnonce { get; init; }
    public string? Opaque { get; init; }
    public string? Qop { get; init; }
    /// <summary>The nonce-count as sent: 8 hex digits (RFC 2617 §3.2.2).</summary>
    public string? NonceCount { get; init; }

    /// <summary>
    /// Reads an Authorization (or Proxy-Authorization) header value. Returns false for other schemes
    /// (RFC 3261 §22.4 lets a server ignore credentials of a scheme it does not know, RFC 4475 regaut01),
    /// for a Digest value without a username, and for malformed parameter lists.
    /// </summary>
    public static bool TryParse(string? headerValue, out DigestCredentials credentials)
    {
        credentials = null!;
        if (!AuthParameterList.TryParseDigest(headerValue, out var parameters)
            || !parameters.TryGetValue("username", out var username))
        {
            return false;
        }
        credentials = new DigestCredentials
        {
            Username = username,
            Realm = parameters.GetValueOrDefault("realm"),
            Nonce = parameters.GetValueOrDefault("nonce"),
            Uri = parameters.GetValueOrDefault("uri"),
            Response = parameters.GetValueOrDefault("response"),
            Algorithm = parameters.GetValueOrDefault("algorithm"),
            Cnonce = parameters.GetValueOrDefault("cnonce"),
            Opaque = parameters.GetValueOrDefault("opaque"),
            Qop = parameters.GetValueOrDefault("qop"),
            NonceCount = parameters.GetValueOrDefault("nc"),
        };
        return true;
    }
}
