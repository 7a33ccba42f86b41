using CallCenter.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Hosting;

public static class CoreServiceProviderExtensions
{
    /// <summary>
    /// Applies pending migrations of the configured database (creating the SQLite file under
    /// CallCenter:DataDir). Call once after Build() and before the app serves or starts its listeners.
    /// </summary>
    public static Task MigrateCallCenterDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
}
