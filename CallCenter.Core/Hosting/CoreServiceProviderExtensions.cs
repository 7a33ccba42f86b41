using CallCenter.Core.Data;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Telephony;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Hosting;

public static class CoreServiceProviderExtensions
{
    /// <summary>
    /// Applies pending migrations of the configured database (creating the SQLite file under
    /// CallCenter:DataDir), then closes the calls a previous run left open (<see cref="CallRecordRecovery"/>) and measures the
    /// recordings it left open (<see cref="RecordingRecovery"/>).
    /// Call once after Build() and before the app serves or starts its listeners.
    /// </summary>
    public static async Task MigrateCallCenterDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        // Registered with the telephony adapters; a host with the database only has no calls to recover.
        var recovery = services.GetService<CallRecordRecovery>();
        if (recovery is not null)
        {
            await recovery.RecoverAsync(cancellationToken).ConfigureAwait(false);
        }
        var recordings = services.GetService<RecordingRecovery>();
        if (recordings is not null)
        {
            await recordings.RecoverAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
