using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Tests.Sip.Registrar;

namespace CallCenter.Tests.Sip.Security;

public sealed class DigestAuthenticationTests : IDisposable
{
    private readonly TestSipServer _server = new(new() { ["CallCenter:Sip:Security:NonceLifetimeSeconds"] = "30" });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task RegisterWithWrongPasswordIsChallengedAgainAndReported()
    {
        var response = await _server.RegisterAsync("1001", "wrong", ["<sip:1001@10.0.0.5>"]);

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(2, response.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Count);
        var e = Assert.Single(_server.Events.Events);
        Assert.Equal(SecurityEventKind.AuthFailed, e.Kind);
        Assert.Equal("sip.auth-failed", e.Action);
        Assert.Equal("127.0.0.1", e.RemoteAddress);
        Assert.Empty(_server.Location.GetBindings("1001"));
    }

    [Fact]
    public async Task UnknownUserIsAnsweredExactlyLikeAWrongPassword()
    {
        var wrong = await _server.RegisterAsync("1001", "wrong", ["<sip:1001@10.0.0.5>"], callId: "same-call");
        var unknown = await _server.RegisterAsync("1099", "wrong", ["<sip:1001@10.0.0.5>"], callId: "same-call");

        Assert.Equal(Normalise(wrong.ToString(), "1001"), Normalise(unknown.ToString(), "1099"));
        Assert.Equal(_server.Events.Events[0].Details, _server.Events.Events[1].Details);
    }

    [Fact]
    public async Task ExpiredNonceWithTheRightPasswordIsAnsweredStale()
    {
        var challenge = await _server.SendAsync(PhoneMessages.RegisterText("1001", "st", 1, ["<sip:1001@10.0.0.5>"]));
        var authorization = PhoneMessages.Authorize(challenge!.Headers.Get(SipHeaderNames.WwwAuthenticate)!, "1001", "sip1001demo");
        _server.Time.Advance(TimeSpan.FromSeconds(31));

        var stale = await _server.SendAsync(PhoneMessages.RegisterText("1001", "st", 2, ["<sip:1001@10.0.0.5>"], authorization: authorization));

        Assert.Equal(401, stale!.StatusCode);
        Assert.All(stale.Headers.GetAll(SipHeaderNames.WwwAuthenticate), c => Assert.EndsWith("stale=true", c, StringComparison.Ordinal));
        Assert.Empty(_server.Events.Events);
    }

    [Fact]
    public async Task ExpiredNonceWithAWrongPasswordIsAFailureNotStale()
    {
        var challenge = await _server.SendAsync(PhoneMessages.RegisterText("1001", "st", 1, ["<sip:1001@10.0.0.5>"]));
        var authorization = PhoneMessages.Authorize(challenge!.Headers.Get(SipHeaderNames.WwwAuthenticate)!, "1001", "nope");
        _server.Time.Advance(TimeSpan.FromSeconds(31));

        var response = await _server.SendAsync(PhoneMessages.RegisterText("1001", "st", 2, ["<sip:1001@10.0.0.5>"], authorization: authorization));

        Assert.Equal(401, response!.StatusCode);
        Assert.DoesNotContain("stale", response.Headers.Get(SipHeaderNames.WwwAuthenticate), StringComparison.Ordinal);
        Assert.Single(_server.Events.Events);
    }

    [Fact]
    public async Task ReplayedNonceCountIsRefused()
    {
        var challenge = await _server.SendAsync(PhoneMessages.RegisterText("1001", "rp", 1, ["<sip:1001@10.0.0.5>"]));
        var authorization = PhoneMessages.Authorize(challenge!.Headers.Get(SipHeaderNames.WwwAuthenticate)!, "1001", "sip1001demo");

        var first = await _server.SendAsync(PhoneMessages.RegisterText("1001", "rp", 2, ["<sip:1001@10.0.0.5>"], authorization: authorization));
        var replay = await _server.SendAsync(PhoneMessages.RegisterText("1001", "rp", 3, ["<sip:1001@10.0.0.5>"], authorization: authorization));

        Assert.Equal(200, first!.StatusCode);
        Assert.Equal(401, replay!.StatusCode);
        Assert.Contains(_server.Events.Events, e => e.Details.Contains("replay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownAuthorizationSchemeIsIgnoredAndChallenged()
    {
        var response = await _server.SendAsync(
            PhoneMessages.RegisterText("1001", "ua", 1, ["<sip:1001@10.0.0.5>"], authorization: "NoOneKnowsThisScheme opaque-data=here"));

        Assert.Equal(401, response!.StatusCode);
        Assert.StartsWith("Digest ", response.Headers.Get(SipHeaderNames.WwwAuthenticate), StringComparison.Ordinal);
        Assert.Empty(_server.Events.Events);
    }

    [Fact]
    public async Task Md5OnlyChallengesCanBeConfiguredForOlderPhones()
    {
        using var server = new TestSipServer(new() { ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5" });

        var challenge = await server.SendAsync(PhoneMessages.RegisterText("1001", "m", 1, ["<sip:1001@10.0.0.5>"]));

        var only = Assert.Single(challenge!.Headers.GetAll(SipHeaderNames.WwwAuthenticate));
        Assert.Contains("algorithm=MD5", only, StringComparison.Ordinal);
    }

    // Everything but what must differ between two challenges: nonce, To tag, the claimed user.
    private static string Normalise(string response, string user) =>
        System.Text.RegularExpressions.Regex.Replace(response, "nonce=\"[^\"]*\"|tag=[0-9a-f]+|Date: [^\r]*|branch=[^;\r,]*", "X")
            .Replace(user, "USER", StringComparison.Ordinal);
}
