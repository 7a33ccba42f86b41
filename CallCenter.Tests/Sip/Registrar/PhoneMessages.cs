using System.Globalization;
using System.Text;

using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>Builds SIP requests as a phone would, and answers digest challenges (RFC 2617 §3.2.2) like one.</summary>
internal static class PhoneMessages
{
    public const string ServerUri = "sip:127.0.0.1";

    public static string RegisterText(
        string user,
        string callId,
        uint cseq,
        string[] contacts,
        int? expires = null,
        string? authorization = null,
        string? userAgent = null,
        string via = "SIP/2.0/UDP 127.0.0.1:5999;rport")
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"REGISTER {ServerUri} SIP/2.0\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Via: {via};branch=z9hG4bK{Guid.NewGuid():N}\r\n");
        text.Append("Max-Forwards: 70\r\n");
        text.Append(CultureInfo.InvariantCulture, $"From: <sip:{user}@127.0.0.1>;tag=f{cseq}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"To: <sip:{user}@127.0.0.1>\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Call-ID: {callId}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} REGISTER\r\n");
        foreach (var contact in contacts)
        {
            text.Append(CultureInfo.InvariantCulture, $"Contact: {contact}\r\n");
        }
        if (expires is { } e)
        {
            text.Append(CultureInfo.InvariantCulture, $"Expires: {e}\r\n");
        }
        if (authorization is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Authorization: {authorization}\r\n");
        }
        if (userAgent is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"User-Agent: {userAgent}\r\n");
        }
        text.Append("Content-Length: 0\r\n\r\n");
        return text.ToString();
    }

    /// <summary>The Authorization value answering <paramref name="challenge"/> (a WWW-Authenticate value).</summary>
    public static string Authorize(
        string challenge,
        string user,
        string password,
        string method = "REGISTER",
        string uri = ServerUri,
        int nonceCount = 1,
        string cnonce = "0a4f113b")
    {
        var p = ChallengeParameters(challenge);
        Assert.True(DigestAlgorithmNames.TryParse(p.GetValueOrDefault("algorithm"), out var algorithm));
        var ha1 = DigestHash.Ha1(algorithm, user, p["realm"], password);
        var nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var response = DigestResponse.Compute(algorithm, ha1, p["nonce"], nc, cnonce, "auth", method, uri);
        return $"Digest username=\"{user}\", realm=\"{p["realm"]}\", nonce=\"{p["nonce"]}\", uri=\"{uri}\", "
            + $"response=\"{response}\", algorithm={DigestAlgorithmNames.Name(algorithm)}, cnonce=\"{cnonce}\", "
            + $"opaque=\"{p["opaque"]}\", qop=auth, nc={nc}";
    }

    public static Dictionary<string, string> ChallengeParameters(string challenge)
    {
        Assert.StartsWith("Digest ", challenge, StringComparison.Ordinal);
        Assert.True(DigestCredentials.TryParse(challenge.Replace("Digest ", "Digest username=\"x\", ", StringComparison.Ordinal), out _));
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in challenge["Digest ".Length..].Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            result[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
        }
        return result;
    }
}
