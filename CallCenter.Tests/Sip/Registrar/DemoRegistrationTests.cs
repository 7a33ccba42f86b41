using System.Diagnostics;
using System.Net;

using CallCenter.Core.Services.Audit;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>
/// The whole app with the demo organisation: real phones register as 1001 with sip1001demo, through the
/// Core adapter that reads the agents' HA1 values, and failures reach the audit log.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DemoRegistrationTests(CallCenterWebFactory app)
{
    private IPEndPoint SipEndPoint => app.Services.GetRequiredService<ISipTransport>().UdpEndPoint!.EndPoint;

    private LocationService Location => app.Services.GetRequiredService<LocationService>();

    [Fact]
    public async Task SippRegistersDemoExtensionAndAWrongPasswordIsAudited()
    {
        var port = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(SipEndPoint, "register-auth.xml", ["1001;120;"], "1001", "sip1001demo", calls: 1, localPort: port);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        Assert.Contains(Location.GetBindings("1001"), b => b.Source.EndPoint.Port == port && b.UserAgent == "sipp-callcenter-tests");

        var wrong = await SippRunner.RunAsync(SipEndPoint, "register-wrong-password.xml", ["1003;"], "1003", "sip1001demo", calls: 1);
        Assert.True(wrong.ExitCode == 0, wrong.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        AuditPage page;
        do
        {
            await Task.Delay(100);
            page = await audit.QueryAsync(new AuditQuery { Action = "sip.auth-failed", Actor = "sip" });
        }
        while (page.Items.Count == 0 && DateTime.UtcNow < deadline);
        var row = Assert.Single(page.Items, r => r.EntityId == "1003");
        Assert.Equal("127.0.0.1", row.RemoteAddress);

        var unregistered = await SippRunner.RunAsync(SipEndPoint, "register-auth.xml", ["1001;0;"], "1001", "sip1001demo", calls: 1, localPort: port);
        Assert.True(unregistered.ExitCode == 0, unregistered.ToString());
        Assert.DoesNotContain(Location.GetBindings("1001"), b => b.Source.EndPoint.Port == port);
    }

    [Fact]
    public async Task BaresipRegistersAs1001AndStaysRegisteredAcrossAReRegister()
    {
        Assert.True(File.Exists("/usr/bin/baresip"), "baresip missing: run scripts/install-test-deps.sh");
        var config = Directory.CreateTempSubdirectory("cc-baresip-").FullName;
        var changes = new List<RegistrationChanged>();
        using var subscription = Location.Changes.Subscribe(c =>
        {
            lock (changes)
            {
                changes.Add(c);
            }
        });
        Process? baresip = null;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(config, "accounts"),
                $"<sip:1001@127.0.0.1:{SipEndPoint.Port};transport=udp>;auth_pass=sip1001demo;regint=6\n");
            await File.WriteAllTextAsync(Path.Combine(config, "config"),
                "sip_listen 127.0.0.1:0\nmodule_path /usr/lib/baresip/modules\nmodule account.so\n"
                + "audio_player nothing\naudio_source nothing\naudio_alert nothing\n");
            var start = new ProcessStartInfo("/usr/bin/baresip") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(config);
            baresip = Process.Start(start)!;
            _ = baresip.StandardOutput.ReadToEndAsync();
            _ = baresip.StandardError.ReadToEndAsync();

            bool Seen(RegistrationChangeKind kind)
            {
                lock (changes)
                {
                    return changes.Any(c => c.Extension == "1001" && c.Kind == kind && c.Binding.UserAgent?.StartsWith("baresip", StringComparison.Ordinal) == true);
                }
            }
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!(Seen(RegistrationChangeKind.Added) && Seen(RegistrationChangeKind.Refreshed)) && DateTime.UtcNow < deadline && !baresip.HasExited)
            {
                await Task.Delay(100);
            }

            Assert.True(Seen(RegistrationChangeKind.Added), "baresip never registered");
            Assert.True(Seen(RegistrationChangeKind.Refreshed), "baresip never re-registered");
            var binding = Assert.Single(Location.GetBindings("1001"), b => b.UserAgent?.StartsWith("baresip", StringComparison.Ordinal) == true);
            Assert.Equal(6, binding.ExpiresSeconds);
            Assert.Equal(IPAddress.Loopback, binding.Source.EndPoint.Address);
        }
        finally
        {
            if (baresip is { HasExited: false })
            {
                baresip.Kill(entireProcessTree: true);
                await baresip.WaitForExitAsync();
            }
            baresip?.Dispose();
            Directory.Delete(config, recursive: true);
        }
    }
}
