using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Telephony.Voicemail;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Core.Telephony;

internal static class TelephonyAdapterServiceCollectionExtensions
{
    /// <summary>
    /// Core's implementations of Telephony's ports. They replace whatever default Telephony registered
    /// (e.g. its log-only security sink), whichever of AddCallCenterTelephony/AddCallCenterCore ran first.
    /// </summary>
    public static IServiceCollection AddCallCenterTelephonyAdapters(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SipCredentialStore>();
        services.Replace(ServiceDescriptor.Singleton<ISipCredentialStore>(sp => sp.GetRequiredService<SipCredentialStore>()));
        services.AddSingleton<AuditSecurityEventSink>();
        services.Replace(ServiceDescriptor.Singleton<ISecurityEventSink>(sp => sp.GetRequiredService<AuditSecurityEventSink>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AuditSecurityEventSink>());

        services.AddSingleton<TrunkDirectory>();
        services.Replace(ServiceDescriptor.Singleton<ITrunkDirectory>(sp => sp.GetRequiredService<TrunkDirectory>()));
        services.AddSingleton<DialPlan>();
        services.Replace(ServiceDescriptor.Singleton<IDialPlan>(sp => sp.GetRequiredService<DialPlan>()));
        services.TryAddSingleton<CallEventStream>();
        services.AddSingleton<CallRecordWriter>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CallRecordWriter>());
        services.AddSingleton<CallRecordRecovery>();

        // The ACD's ports.
        services.AddSingleton<AcdDirectory>();
        services.Replace(ServiceDescriptor.Singleton<IAcdDirectory>(sp => sp.GetRequiredService<AcdDirectory>()));
        services.AddSingleton<Blacklist>();
        services.Replace(ServiceDescriptor.Singleton<IBlacklist>(sp => sp.GetRequiredService<Blacklist>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<Blacklist>());
        services.AddSingleton<CallerIdentification>();
        services.Replace(ServiceDescriptor.Singleton<ICallerIdentification>(sp => sp.GetRequiredService<CallerIdentification>()));
        services.AddSingleton<VoicemailStore>();
        services.Replace(ServiceDescriptor.Singleton<IVoicemailStore>(sp => sp.GetRequiredService<VoicemailStore>()));
        services.AddSingleton<VoicemailRecovery>();
        // Telephony's AddCallCenterAcd registers the stream too; whichever runs first, there is one.
        services.TryAddSingleton<AgentEventStream>();
        services.AddSingleton<AgentStateIntervalWriter>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AgentStateIntervalWriter>());
        services.AddSingleton<AgentStateRecovery>();
        return services;
    }
}
