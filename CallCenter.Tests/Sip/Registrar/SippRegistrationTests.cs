using CallCenter.Telephony.Sip.Security;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>sipp as the phone, against the telephony engine alone (these tests ban 127.0.0.1, so they get their own server).</summary>
public sealed class SippRegistrationTests : IAsyncLifetime
{
    private SipTestHost _host = null!;

    public async Task InitializeAsync() =>
        // sipp 3.6 computes MD5 only and gives up on a SHA-256 challenge placed first (RFC 8760 order).
        _host = await SipTestHost.StartAsync(new()
        {
            ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5",
            ["CallCenter:Sip:Security:FailureThreshold"] = "5",
            ["CallCenter:Sip:Security:BanSeconds"] = "600",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RightPasswordRegistersAndExpiresZeroUnregisters()
    {
        // The same phone (same local port, so the same Contact) registers, then unregisters.
        var port = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(_host.UdpEndPoint, "register-auth.xml", ["1002;300;"], "1002", "sip1002demo", calls: 1, localPort: port);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var binding = Assert.Single(_host.Location.GetBindings("1002"));
        Assert.Equal(300, binding.ExpiresSeconds);
        Assert.Equal("UDP", binding.Transport);

        var unregistered = await SippRunner.RunAsync(_host.UdpEndPoint, "register-auth.xml", ["1002;0;"], "1002", "sip1002demo", calls: 1, localPort: port);
        Assert.True(unregistered.ExitCode == 0, unregistered.ToString());
        Assert.Empty(_host.Location.GetBindings("1002"));
    }

    [Fact]
    public async Task WrongPasswordIsChallengedAgainUntilTheSourceIsBanned()
    {
        // Five failures: each one challenged again with 401.
        var wrong = await SippRunner.RunAsync(_host.UdpEndPoint, "register-wrong-password.xml", ["1001;"], "1001", "not-the-password", calls: 5);
        Assert.True(wrong.ExitCode == 0, wrong.ToString());
        Assert.Equal(5, _host.Events.Events.Count(e => e.Kind == SecurityEventKind.AuthFailed));
        Assert.Single(_host.Events.Events, e => e.Kind == SecurityEventKind.Banned && e.RemoteAddress == "127.0.0.1");

        // Banned: not even the right password gets an answer now.
        var afterBan = await SippRunner.RunAsync(_host.UdpEndPoint, "register-auth.xml", ["1001;300;"], "1001", "sip1001demo", calls: 1, timeoutSeconds: 5);
        Assert.True(afterBan.ExitCode != 0, afterBan.ToString());
        Assert.Empty(_host.Location.GetBindings("1001"));
        Assert.True(_host.Security.BannedDrops > 0);
    }
}
