using CallCenter.Telephony.Events;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Telephony.Acd;

/// <summary>Registers the ACD.</summary>
public static class AcdServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="AcdService"/> and <see cref="AgentEventStream"/> (singletons), <see cref="AcdOptions"/> bound from
    /// "CallCenter:Acd", the call event stream, and the default <see cref="IAcdDirectory"/> (no queues, no agents) unless
    /// the host registered its own. The ACD also needs the registrar's <see cref="Sip.Registrar.LocationService"/>
    /// (<c>AddCallCenterSipServer</c>) to notice phones going offline.
    /// </summary>
    public static IServiceCollection AddCallCenterAcd(this IServiceCollection services)
    {
        services.AddOptions<AcdOptions>().BindConfiguration(AcdOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CallEventStream>();
        services.TryAddSingleton<AgentEventStream>();
        services.TryAddSingleton<IAcdDirectory, EmptyAcdDirectory>();
        services.TryAddSingleton<AcdService>();
        return services;
    }
}
