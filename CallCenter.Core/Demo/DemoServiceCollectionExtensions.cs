using CallCenter.Core.Services.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the start-up data services: <see cref="AdminBootstrapper"/> and <see cref="DemoSeeder"/>
    /// (scoped, as UserManager is). Expects Identity with roles over CallCenterDbContext, the
    /// context factory, CallCenterOptions and SipOptions to be registered too.
    /// </summary>
    public static IServiceCollection AddCallCenterDemo(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AdminBootstrapper>();
        services.TryAddScoped<DemoSeeder>();
        services.AddHostedService<DemoSimulationService>();
        return services;
    }
}
