using System.Net;

using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Tests.Sip.Transport;

/// <summary>
/// The SIP stack as AddCallCenterTelephony wires it (AddSipStack and validated SipOptions, without the
/// registrar and abuse protection that sit on top), in a host of its own, bound to 127.0.0.1 on an
/// ephemeral port, with a TU that answers OPTIONS 200.
/// </summary>
public sealed class SipStackFixture : IAsyncDisposable
{
    private readonly IHost _host;

    private SipStackFixture(IHost host)
    {
        _host = host;
        Transport = host.Services.GetRequiredService<ISipTransport>();
        Queue = host.Services.GetRequiredService<SipInboundQueue>();
    }

    public ISipTransport Transport { get; }

    public SipInboundQueue Queue { get; }

    public IPEndPoint Udp => Transport.UdpEndPoint!.EndPoint;

    public IPEndPoint Tcp => Transport.TcpEndPoint!.EndPoint;

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<SipStackFixture> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CallCenter:Sip:ListenAddress"] = "127.0.0.1",
            ["CallCenter:Sip:Port"] = "0",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddSingleton<ISipRequestHandler, OptionsResponder>();
        configure?.Invoke(builder.Services);
        builder.Services.AddOptions<SipOptions>().BindConfiguration(SipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSipStack();
        var host = builder.Build();
        await host.StartAsync();
        return new SipStackFixture(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class OptionsResponder : ISipRequestHandler
    {
        public IReadOnlyCollection<string> SupportedMethods => [SipMethods.Options];

        public async Task<bool> OnRequestAsync(SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
        {
            if (request.Method != SipMethods.Options)
            {
                return false;
            }
            await transaction.RespondAsync(200, cancellationToken);
            return true;
        }
    }
}
