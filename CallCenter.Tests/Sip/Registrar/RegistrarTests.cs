using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Registrar;

namespace CallCenter.Tests.Sip.Registrar;

public sealed class RegistrarTests : IDisposable
{
    private readonly TestSipServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task RegisterWithoutCredentialsIsChallengedWithSha256ThenMd5()
    {
        var response = await _server.SendAsync(PhoneMessages.RegisterText("1001", "c1", 1, ["<sip:1001@127.0.0.1:5999>"]));

        Assert.Equal(401, response!.StatusCode);
        var challenges = response.Headers.GetAll(SipHeaderNames.WwwAuthenticate);
        Assert.Equal(2, challenges.Count);
        Assert.Contains("algorithm=SHA-256", challenges[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5", challenges[1], StringComparison.Ordinal);
        foreach (var challenge in challenges)
        {
            var p = PhoneMessages.ChallengeParameters(challenge);
            Assert.Equal("callcenter", p["realm"]);
            Assert.Equal("auth", p["qop"]);
            Assert.False(string.IsNullOrEmpty(p["opaque"]));
            Assert.False(p.ContainsKey("stale"));
        }
        Assert.NotNull(response.To!.Tag);
        Assert.Empty(_server.Location.GetBindings("1001"));
    }

    [Theory]
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public async Task RegisterWithRightPasswordBindsTheContactWithItsSource(string algorithm)
    {
        var source = TestSipServer.From("127.0.0.1", 40001);
        var response = await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5:5060>"], expires: 600, source: source, algorithm: algorithm);

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(_server.Location.GetBindings("1001"));
        Assert.Equal("sip:1001@10.0.0.5:5060", binding.ContactUri);
        Assert.Equal(source, binding.Source);
        Assert.Equal("UDP", binding.Transport);
        Assert.Equal(600, binding.ExpiresSeconds);
        var contact = Assert.Single(response.Contacts);
        Assert.Equal("sip:1001@10.0.0.5:5060", contact.Uri!.ToString());
        Assert.Equal(600, contact.Expires);
        Assert.NotNull(response.Headers.Get(SipHeaderNames.Date));
    }

    [Fact]
    public async Task SeveralContactsWithTheirOwnExpiresAreClampedAndListed()
    {
        var response = await _server.RegisterAsync(
            "1001", "sip1001demo", ["<sip:a@10.0.0.1>;expires=120", "<sip:b@10.0.0.2>", "<sip:c@10.0.0.3>;expires=999999"], expires: 300);

        Assert.Equal(200, response.StatusCode);
        var bindings = _server.Location.GetBindings("1001").ToDictionary(b => b.ContactUri, b => b.ExpiresSeconds);
        Assert.Equal(120, bindings["sip:a@10.0.0.1"]);
        Assert.Equal(300, bindings["sip:b@10.0.0.2"]);
        Assert.Equal(3600, bindings["sip:c@10.0.0.3"]);
        Assert.Equal(3, response.Contacts.Count);
    }

    [Fact]
    public async Task ExpiresBelowTheMinimumIsRefusedWithMinExpires()
    {
        var response = await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5>"], expires: 10);

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers.Get(SipHeaderNames.MinExpires));
        Assert.Empty(_server.Location.GetBindings("1001"));
    }

    [Fact]
    public async Task UnregisterWithExpiresZeroRemovesTheBindingAndRaisesAnEvent()
    {
        var changes = new List<RegistrationChanged>();
        using var subscription = _server.Location.Changes.Subscribe(changes.Add);
        Assert.Equal(200, (await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5>"], callId: "call-a", cseq: 1)).StatusCode);

        var response = await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5>"], expires: 0, callId: "call-a", cseq: 3);

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Contacts);
        Assert.Empty(_server.Location.GetBindings("1001"));
        Assert.Equal([RegistrationChangeKind.Added, RegistrationChangeKind.Removed], changes.Select(c => c.Kind));
        Assert.Equal("1001", changes[1].Extension);
        Assert.Equal(0, changes[1].Expires);
    }

    [Fact]
    public async Task WildcardWithExpiresZeroRemovesEveryBinding()
    {
        await _server.RegisterAsync("1001", "sip1001demo", ["<sip:a@10.0.0.1>", "<sip:b@10.0.0.2>"], callId: "one");
        await _server.RegisterAsync("1001", "sip1001demo", ["<sip:c@10.0.0.3>"], callId: "two");
        Assert.Equal(3, _server.Location.GetBindings("1001").Count);

        var response = await _server.RegisterAsync("1001", "sip1001demo", ["*"], expires: 0, callId: "three");

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(_server.Location.GetBindings("1001"));
    }

    [Fact]
    public async Task WildcardWithoutExpiresZeroIsABadRequest()
    {
        var response = await _server.SendAsync(PhoneMessages.RegisterText("1001", "w", 1, ["*"], expires: 60));

        Assert.Equal(400, response!.StatusCode);
    }

    [Fact]
    public async Task RefreshWithTheSameCallIdAndHigherCSeqUpdatesAndALowerCSeqIsRefused()
    {
        var changes = new List<RegistrationChanged>();
        using var subscription = _server.Location.Changes.Subscribe(changes.Add);
        await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5>"], expires: 300, callId: "same", cseq: 10);

        var refreshed = await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5>"], expires: 900, callId: "same", cseq: 20,
            source: TestSipServer.From("127.0.0.1", 40002));
        var stale = await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5>"], expires: 120, callId: "same", cseq: 5);

        Assert.Equal(200, refreshed.StatusCode);
        Assert.Equal(400, stale.StatusCode);
        var binding = Assert.Single(_server.Location.GetBindings("1001"));
        Assert.Equal(900, binding.ExpiresSeconds);
        Assert.Equal(40002, binding.Source.EndPoint.Port);
        Assert.Equal([RegistrationChangeKind.Added, RegistrationChangeKind.Refreshed], changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task BindingsExpireByTime()
    {
        var changes = new List<RegistrationChanged>();
        using var subscription = _server.Location.Changes.Subscribe(changes.Add);
        await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5>"], expires: 60);

        _server.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(_server.Location.GetBindings("1001"));
        _server.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(_server.Location.GetBindings("1001"));
        Assert.Empty(_server.Location.RegisteredExtensions());
        Assert.Equal(RegistrationChangeKind.Expired, changes[^1].Kind);
    }

    [Fact]
    public async Task AUserCannotRegisterSomeoneElsesAddress()
    {
        var callId = "steal";
        var challenge = await _server.SendAsync(PhoneMessages.RegisterText("1002", callId, 1, ["<sip:x@10.0.0.9>"]));
        var authorization = PhoneMessages.Authorize(challenge!.Headers.Get(SipHeaderNames.WwwAuthenticate)!, "1001", "sip1001demo");

        var response = await _server.SendAsync(PhoneMessages.RegisterText("1002", callId, 2, ["<sip:x@10.0.0.9>"], authorization: authorization));

        Assert.Equal(403, response!.StatusCode);
        Assert.Empty(_server.Location.GetBindings("1002"));
    }

    [Fact]
    public async Task RegisterWithoutContactListsTheCurrentBindings()
    {
        await _server.RegisterAsync("1001", "sip1001demo", ["<sip:1001@10.0.0.5>;+sip.instance=\"<urn:uuid:1>\""], expires: 300);

        var response = await _server.RegisterAsync("1001", "sip1001demo", [], callId: "query");

        Assert.Equal(200, response.StatusCode);
        var contact = Assert.Single(response.Contacts);
        Assert.Equal("\"<urn:uuid:1>\"", contact.Parameters["+sip.instance"]);
    }

    [Fact]
    public async Task OptionsIsAnsweredWithAllowAcceptAndSupported()
    {
        var response = await _server.SendAsync(
            "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKopt1\r\nMax-Forwards: 0\r\n"
            + "From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: opt1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(200, response!.StatusCode);
        Assert.Contains("REGISTER", response.Headers.Get(SipHeaderNames.Allow), StringComparison.Ordinal);
        Assert.Equal("application/sdp", response.Headers.Get(SipHeaderNames.Accept));
        Assert.True(response.Headers.Contains(SipHeaderNames.Supported));
    }

    [Fact]
    public async Task InviteIsAnsweredTemporarilyUnavailableUntilCallsAreServed()
    {
        var response = await _server.SendAsync(
            "INVITE sip:4001@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKinv1\r\nMax-Forwards: 70\r\n"
            + "From: <sip:13800138000@127.0.0.1>;tag=1\r\nTo: <sip:4001@127.0.0.1>\r\nCall-ID: inv1\r\nCSeq: 1 INVITE\r\n"
            + "Contact: <sip:13800138000@127.0.0.1:5999>\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(480, response!.StatusCode);
    }
}
