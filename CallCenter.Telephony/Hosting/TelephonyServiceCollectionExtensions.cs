using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Telephony.Hosting;

public static class TelephonyServiceCollectionExtensions
{
    /// <summary>Registers the telephony engine's options and services.</summary>
    public static IHostApplicationBuilder AddCallCenterTelephony(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SipOptions>().BindConfiguration(SipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RtpOptions>().BindConfiguration(RtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSipStack();
        return builder;
    }

    /// <summary>
    /// The SIP stack: transport (UDP/TCP listeners, a hosted service), the inbound processing workers,
    /// the transaction layer with its one timer scheduler, and the dialog store. TUs plug in by
    /// registering <see cref="ISipRequestHandler"/> (asked in registration order), <see cref="ISipAckHandler"/>
    /// and <see cref="ISipInboundFilter"/> singletons.
    /// </summary>
    public static IServiceCollection AddSipStack(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SipTransactionTimers());
        services.TryAddSingleton(sp => new SipTimerScheduler(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SipInboundQueue>();
        services.TryAddSingleton<SipTransportService>();
        services.TryAddSingleton<ISipTransport>(sp => sp.GetRequiredService<SipTransportService>());
        services.TryAddSingleton<SipTransactionLayer>();
        services.TryAddSingleton<ISipTransactionLayer>(sp => sp.GetRequiredService<SipTransactionLayer>());
        services.TryAddSingleton<ISipMessageReceiver>(sp => sp.GetRequiredService<SipTransactionLayer>());
        services.TryAddSingleton<SipDialogStore>();
        // Order matters: the listeners bind in StartAsync before the workers start reading.
        services.AddHostedService(sp => sp.GetRequiredService<SipTransportService>());
        services.AddHostedService<SipInboundProcessor>();
        return services;
    }
}
