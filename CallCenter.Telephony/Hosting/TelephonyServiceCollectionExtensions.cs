using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Media;
using CallCenter.Telephony.Recording;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Telephony.Sip.Uas;
using CallCenter.Telephony.Trunks;
using CallCenter.Telephony.Voicemail;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Telephony.Hosting;

public static class TelephonyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the telephony engine's options and services. The host supplies the ports: an
    /// <see cref="ISipCredentialStore"/> (without one nobody can register) and an
    /// <see cref="ISecurityEventSink"/> (without one, security events are only logged).
    /// </summary>
    public static IHostApplicationBuilder AddCallCenterTelephony(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SipOptions>().BindConfiguration(SipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RtpOptions>().BindConfiguration(RtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSipStack();
        builder.Services.AddMedia();
        builder.Services.AddAudio();
        builder.Services.AddCallCenterCallEvents();
        // The B2BUA's handler before the server's own, which answers every request it is asked about.
        builder.Services.AddCallCenterCalls();
        builder.Services.AddCallCenterSipServer();
        builder.Services.AddCallCenterTrunks();
        builder.Services.AddCallCenterRecording();
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

    /// <summary>
    /// The call event stream (<see cref="CallEventStream"/>) and the default routing ports: a dial plan that
    /// finds no number and a trunk directory without trunks, until the host (Core) registers its own.
    /// </summary>
    public static IServiceCollection AddCallCenterCallEvents(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CallEventStream>();
        services.TryAddSingleton<IDialPlan, NotFoundDialPlan>();
        services.TryAddSingleton<ITrunkDirectory, EmptyTrunkDirectory>();
        return services;
    }

    /// <summary>
    /// The registrar with digest authentication, the abuse protection (as the transport's inbound filter)
    /// and the UAS request handler. The handler answers every request it is asked about, so TUs that
    /// serve calls (the B2BUA) register their <see cref="ISipRequestHandler"/> before this is called.
    /// </summary>
    public static IServiceCollection AddCallCenterSipServer(this IServiceCollection services)
    {
        services.AddOptions<SipSecurityOptions>().BindConfiguration(SipSecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RegistrarOptions>().BindConfiguration(RegistrarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecurityEventSink, NullSecurityEventSink>();
        services.TryAddSingleton<ISipCredentialStore, EmptySipCredentialStore>();
        services.TryAddSingleton<NonceService>();
        services.TryAddSingleton<DigestAuthenticator>();
        services.TryAddSingleton<BanList>();
        services.TryAddSingleton<RequestRateLimiter>();
        services.TryAddSingleton<ScannerDetector>();
        services.TryAddSingleton<SipSecurityMonitor>();
        services.TryAddSingleton<LocationService>();
        services.TryAddSingleton<Registrar>();
        services.TryAddSingleton<SipRequestDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISipInboundFilter, SipSecurityInboundFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISipRequestHandler, SipServerRequestHandler>());
        return services;
    }

    /// <summary>
    /// The B2BUA (<see cref="B2buaRequestHandler"/>), the call-control API over it (<see cref="ICallControl"/>), and its call registry (routing: the <see cref="Routing.IDialPlan"/> of <see cref="AddCallCenterCallEvents"/>). Call
    /// before <see cref="AddCallCenterSipServer"/>: request handlers are asked in registration order.
    /// </summary>
    public static IServiceCollection AddCallCenterCalls(this IServiceCollection services)
    {
        services.AddOptions<CallOptions>().BindConfiguration(CallOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<VoicemailOptions>().BindConfiguration(VoicemailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IVoicemailStore, NoVoicemailStore>();
        services.TryAddSingleton<IBlacklist, EmptyBlacklist>();
        services.TryAddSingleton<ICallerIdentification, UnknownCallerIdentification>();
        services.AddCallCenterAcd();
        services.TryAddSingleton<CallRegistry>();
        services.TryAddSingleton<B2buaRequestHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISipRequestHandler, B2buaRequestHandler>(sp => sp.GetRequiredService<B2buaRequestHandler>()));
        services.TryAddSingleton<ICallControl, CallControlService>();
        return services;
    }

    /// <summary>
    /// Trunk registration (<see cref="TrunkRegistrationService"/>, hosted, after the transport) and the trunks'
    /// status (<see cref="TrunkStatusService"/>); the trunks come from the <see cref="ITrunkDirectory"/> port.
    /// </summary>
    public static IServiceCollection AddCallCenterTrunks(this IServiceCollection services)
    {
        services.AddOptions<TrunkOptions>().BindConfiguration(TrunkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrunkStatusService>();
        services.AddHostedService<TrunkRegistrationService>();
        return services;
    }
}
