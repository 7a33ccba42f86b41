using CallCenter.Core.Services.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Services.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// Registers the admin and audit services. Needs the database factory (AddCallCenterCore),
    /// Identity's UserManager&lt;AppUser&gt; and SipOptions (AddCallCenterTelephony).
    /// Scoped because UserManager is; each operation still uses its own short-lived context.
    /// </summary>
    public static IServiceCollection AddCallCenterAdmin(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AuditService>();
        services.TryAddScoped<UserAdminService>();
        services.TryAddScoped<AgentGroupService>();
        services.TryAddScoped<QueueService>();
        services.TryAddScoped<DialledNumberService>();
        services.TryAddScoped<AdminLookupService>();
        return services;
    }
}
