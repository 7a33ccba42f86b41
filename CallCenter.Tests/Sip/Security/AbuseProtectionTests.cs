using System.Net;

using CallCenter.Telephony.Sip.Security;
using CallCenter.Tests.Sip.Registrar;

namespace CallCenter.Tests.Sip.Security;

public sealed class AbuseProtectionTests : IDisposable
{
    private static readonly IPEndPoint s_attacker = new(IPAddress.Parse("127.0.0.66"), 5060);
    private static readonly IPEndPoint s_phone = new(IPAddress.Parse("127.0.0.1"), 5060);

    private readonly TestSipServer _server = new(new()
    {
        ["CallCenter:Sip:Security:FailureThreshold"] = "5",
        ["CallCenter:Sip:Security:FailureWindowSeconds"] = "60",
        ["CallCenter:Sip:Security:BanSeconds"] = "600",
        ["CallCenter:Sip:Security:RateLimitPerSecond"] = "50",
        ["CallCenter:Sip:Security:RateLimitBurst"] = "100",
    });

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task FiveWrongPasswordsWithinTheWindowBanTheSourceUntilTheBanExpires()
    {
        var source = CallCenter.Telephony.Sip.Transport.SipEndPoint.Udp(s_attacker);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(401, (await _server.RegisterAsync("1001", "guess" + i, ["<sip:1001@10.0.0.5>"], source: source)).StatusCode);
            Assert.True(_server.Security.AllowInbound(s_attacker));
        }
        await _server.RegisterAsync("1001", "guess4", ["<sip:1001@10.0.0.5>"], source: source);

        Assert.False(_server.Security.AllowInbound(s_attacker));
        Assert.True(_server.Security.AllowInbound(s_phone));
        var ban = Assert.Single(_server.Events.Events, e => e.Kind == SecurityEventKind.Banned);
        Assert.Equal("sip.banned", ban.Action);
        Assert.Equal("127.0.0.66", ban.RemoteAddress);
        Assert.Equal(5, _server.Events.Events.Count(e => e.Kind == SecurityEventKind.AuthFailed));

        _server.Time.Advance(TimeSpan.FromSeconds(599));
        Assert.False(_server.Security.AllowInbound(s_attacker));
        _server.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_server.Security.AllowInbound(s_attacker));
        Assert.Equal(2, _server.Security.BannedDrops);
    }

    [Fact]
    public void FailuresSpreadBeyondTheWindowDoNotBan()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.False(_server.Security.ReportAuthFailure(s_attacker, "1001", "wrong credentials"));
            _server.Time.Advance(TimeSpan.FromSeconds(16));
        }

        Assert.True(_server.Security.AllowInbound(s_attacker));
        Assert.DoesNotContain(_server.Events.Events, e => e.Kind == SecurityEventKind.Banned);
    }

    [Fact]
    public void RateLimitDropsAFloodButNotOtherSources()
    {
        var allowed = 0;
        for (var i = 0; i < 1000; i++)
        {
            allowed += _server.Security.AllowInbound(s_attacker) ? 1 : 0;
        }

        Assert.Equal(100, allowed);
        Assert.Equal(900, _server.Security.RateLimitedDrops);
        Assert.True(_server.Security.AllowInbound(s_phone));

        // Tokens come back at 50 a second.
        _server.Time.Advance(TimeSpan.FromSeconds(1));
        allowed = 0;
        for (var i = 0; i < 100; i++)
        {
            allowed += _server.Security.AllowInbound(s_attacker) ? 1 : 0;
        }
        Assert.Equal(50, allowed);
    }

    [Theory]
    [InlineData("friendly-scanner", true)]
    [InlineData("sipvicious 0.3.4", true)]
    [InlineData("VaxSIPUserAgent/3.1", true)]
    [InlineData("sundayddr", true)]
    [InlineData("sipcli/v1.8", true)]
    [InlineData("baresip v1.0.0 (x86_64/linux)", false)]
    [InlineData("Yealink SIP-T46S 66.86.0.15", false)]
    [InlineData(null, false)]
    public void ScannersAreRecognisedByUserAgent(string? userAgent, bool scanner)
    {
        Assert.Equal(scanner, _server.Get<ScannerDetector>().IsScanner(userAgent));
    }

    [Fact]
    public async Task ScannerRequestsAreReportedOnceAMinuteAndLeadToABan()
    {
        var source = CallCenter.Telephony.Sip.Transport.SipEndPoint.Udp(s_attacker);
        for (var i = 0; i < 5; i++)
        {
            var response = await _server.SendAsync(
                SipTestMessages.RegisterText("100", "scan" + i, 1, ["<sip:100@127.0.0.66>"], userAgent: "friendly-scanner"), source);
            // Answered like anyone (an unanswered transaction would stay open), then banned below.
            Assert.Equal(401, response!.StatusCode);
        }

        Assert.Single(_server.Events.Events, e => e.Kind == SecurityEventKind.Scanner && e.Action == "sip.scanner");
        Assert.Single(_server.Events.Events, e => e.Kind == SecurityEventKind.Banned);
        Assert.False(_server.Security.AllowInbound(s_attacker));
    }
}
