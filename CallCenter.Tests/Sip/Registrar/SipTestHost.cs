using System.Net;

using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Telephony.Sip.Transport;

using CallCenter.Tests.Calls;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>
/// The telephony engine alone (real UDP/TCP transport, transaction layer, registrar, security) on
/// 127.0.0.1 with an ephemeral port and a test credential store: for tests that ban 127.0.0.1 or flood
/// the listener and so must not share the web app's SIP server.
/// </summary>
internal sealed class SipTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SipTestHost(IHost host, InMemoryCredentialStore credentials, RecordingSecurityEventSink events)
    {
        _host = host;
        Credentials = credentials;
        Events = events;
    }

    public InMemoryCredentialStore Credentials { get; }

    public RecordingSecurityEventSink Events { get; }

    public IServiceProvider Services => _host.Services;

    public LocationService Location => Services.GetRequiredService<LocationService>();

    public SipSecurityMonitor Security => Services.GetRequiredService<SipSecurityMonitor>();

    /// <summary>The server's UDP socket, 127.0.0.1:port.</summary>
    public IPEndPoint UdpEndPoint => Services.GetRequiredService<ISipTransport>().UdpEndPoint!.EndPoint;

    public static async Task<SipTestHost> StartAsync(Dictionary<string, string?>? settings = null, InMemoryCredentialStore? credentials = null, Action<IServiceCollection>? configure = null)
    {
        credentials ??= new InMemoryCredentialStore().Add("1001", "sip1001demo").Add("1002", "sip1002demo");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CallCenter:Sip:ListenAddress"] = "127.0.0.1",
            ["CallCenter:Sip:Port"] = "0",
            ["CallCenter:Sip:Realm"] = TestSipServer.Realm,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var events = new RecordingSecurityEventSink();
        builder.Services.AddSingleton<ISipCredentialStore>(credentials);
        builder.Services.AddSingleton<ISecurityEventSink>(events);
        // The B2BUA's routing port; Core's DialPlan in the whole app.
        builder.Services.AddSingleton<IDialPlan, InMemoryDialPlan>();
        builder.AddCallCenterTelephony();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new SipTestHost(host, credentials, events);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
