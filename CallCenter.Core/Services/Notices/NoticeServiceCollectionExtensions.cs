using CallCenter.Core.Services.Audit;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Services.Notices;

public static class NoticeServiceCollectionExtensions
{
    /// <summary>
    /// Registers 业务通知: the service (scoped, like the audit service it writes through; each operation still uses
    /// its own short-lived context) and the one notifier every circuit subscribes to. Needs the database factory.
    /// </summary>
    public static IServiceCollection AddCallCenterNotices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<AuditService>();
        services.TryAddSingleton<NoticeNotifier>();
        services.TryAddScoped<NoticeService>();
        return services;
    }
}
