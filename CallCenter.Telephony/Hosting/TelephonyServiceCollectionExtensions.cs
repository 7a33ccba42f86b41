using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Telephony.Sip.Uas;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Telephony.Hosting;

public static class TelephonyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the telephony engine's options and services. The host supplies the ports: an
    /// <see cref="ISipCredentialStore"/> (required) and an <see cref="ISecurityEventSink"/> (optional;
    /// without one, security events are only logged).
    /// </summary>
    public static IHostApplicationBuilder AddCallCenterTelephony(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SipOptions>().BindConfiguration(SipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RtpOptions>().BindConfiguration(RtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddCallCenterSipServer();
        return builder;
    }

    /// <summary>The registrar, digest authentication, abuse protection and the request dispatcher (no transport).</summary>
    public static IServiceCollection AddCallCenterSipServer(this IServiceCollection services)
    {
        services.AddOptions<SipSecurityOptions>().BindConfiguration(SipSecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RegistrarOptions>().BindConfiguration(RegistrarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecurityEventSink, NullSecurityEventSink>();
        services.TryAddSingleton<NonceService>();
        services.TryAddSingleton<DigestAuthenticator>();
        services.TryAddSingleton<BanList>();
        services.TryAddSingleton<RequestRateLimiter>();
        services.TryAddSingleton<ScannerDetector>();
        services.TryAddSingleton<SipSecurityMonitor>();
        services.TryAddSingleton<LocationService>();
        services.TryAddSingleton<Registrar>();
        services.TryAddSingleton<SipRequestDispatcher>();
        return services;
    }
}
